"""The question bank as JSON for the browser (`assets/studykit/data/questions.json`), read by practice.js.

Written by the generate step from the catalog, so the practice page needs no second copy of the questions. It
holds only what the page needs, and every piece of text is HTML already rendered and sanitised by the quiz
renderer (render/inline.py), never the editor's raw text. Links inside that HTML and `url`/`review` are relative
to the site root (practice.js resolves them against it), because the JSON is one file for any page that reads it.
Each question's `hash` is the `data-hash` of the rendered quiz, so an answer given on a topic page and one given
in practice are saved under the same key.
"""

from __future__ import annotations

import json
from typing import Any

from ..catalog import Catalog
from ..render.urls import page_url
from ..sources.models import Question
from .render import IndexRow, PageContext, index_rows, plain_text, question_view

DATA_DIR = "assets/studykit/data"
QUESTIONS_FILE = f"{DATA_DIR}/questions.json"
ROOT_PAGE = "index.md"  # links are written as from the home page, i.e. relative to the site root


def _question(question: Question, ctx: PageContext) -> dict[str, Any]:
    view = question_view(question, 0, "", ctx)
    item: dict[str, Any] = {
        "id": view.id,
        "hash": view.hash,
        "type": view.type,
        "level": view.difficulty,
        "prompt": str(view.prompt),
        "choices": [
            {"key": c.key, "html": str(c.html), **({"feedback": str(c.feedback)} if c.feedback else {})}
            for c in view.parts["choices"]
            if c.label  # lettered options; true/false needs none
        ],
        "answer": view.answer,
        "explanation": str(view.explanation),
    }
    if view.review:
        item["review"] = {"href": view.review.href, "title": view.review.title}
    if not view.shuffle:
        item["shuffle"] = False
    return item


def chapter_names(catalog: Catalog, rows: list[IndexRow]) -> dict[str, str]:
    """quiz id -> what the student picks it by: its page's title, or the quiz's own title when a page has several."""
    pages = [row.page_rel for row in rows]
    names = {}
    for row in rows:
        own = plain_text(catalog.quizzes[row.id].quiz.title)
        names[row.id] = row.page_title if row.page_title and pages.count(row.page_rel) == 1 else own
    return names


def question_bank(catalog: Catalog) -> dict[str, Any]:
    """Every quiz in the hub's order (navigation order of their pages), with its questions."""
    directory_urls = catalog.project.config.use_directory_urls
    ctx = PageContext(catalog=catalog, page=ROOT_PAGE, directory_urls=directory_urls)
    quizzes = []
    rows = index_rows(ctx)
    names = chapter_names(catalog, rows)
    for row in rows:
        quiz = catalog.quizzes[row.id].quiz
        quizzes.append(
            {
                "id": quiz.id,
                "title": str(row.title),
                "chapter": names[row.id],
                "url": page_url(row.page_rel, directory_urls=directory_urls) if row.page_href else None,
                "questions": [_question(q, ctx) for q in quiz.questions],
            }
        )
    return {"v": 1, "quizzes": quizzes}


def data_files(catalog: Catalog) -> dict[str, bytes]:
    """Staged files for the browser: the question bank (none for a site without quizzes)."""
    if not catalog.quizzes:
        return {}
    text = json.dumps(question_bank(catalog), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return {QUESTIONS_FILE: text.encode("utf-8")}
