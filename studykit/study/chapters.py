"""The guide's chapters in course order, with reading time and question count, computed at build time.

A chapter is a topic page (template `topic` or `procedure`). The order is the navigation's; a site without a
`nav:` lists its chapters by path, as MkDocs then does. Reading time is the page's prose word count at
WORDS_PER_MINUTE (a common estimate for study reading of technical text), rounded, at least one minute.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..catalog import Catalog
from ..sources.loading import PageSource
from ..syntax import QUIZ_SECTION_ANCHOR, quiz_anchor

WORDS_PER_MINUTE = 200
CHAPTER_TEMPLATES = frozenset({"topic", "procedure"})

# Markup that is not read aloud: link targets, attribute lists, HTML tags. Words: letters (with inner ' or -),
# or numbers.
_NOT_READ = re.compile(r"\]\([^)\s]*\)|\{[^{}\n]*\}|<[^<>\n]*>")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+(?:[.,]\d+)*")


@dataclass(frozen=True)
class Chapter:
    rel: str  # content-relative path
    id: str  # the page's permanent id (front matter), the key of its study data
    title: str
    description: str
    section: str  # the nav section it is listed under ("" at the top level)
    number: int  # 1-based position in course order
    words: int
    questions: int
    quizzes: tuple[str, ...]  # ids of the quizzes shown on the page
    quiz_anchor: str  # where "Jump to quiz" goes ("" when the page has no quiz)

    @property
    def minutes(self) -> int:
        return reading_minutes(self.words)


def reading_minutes(words: int) -> int:
    return max(1, round(words / WORDS_PER_MINUTE))


def word_count(page: PageSource) -> int:
    """Words a student reads: the prose (code and headings aside) and the learning objectives."""
    text = "\n".join(line for _number, line in page.scanned.prose)
    text += "\n" + "\n".join(heading.text for heading in page.scanned.headings)
    if page.meta is not None:
        text += "\n" + "\n".join(page.meta.objectives)
    return len(_WORD.findall(_NOT_READ.sub(" ", text)))


def is_chapter(page: PageSource) -> bool:
    return page.meta is not None and page.meta.template in CHAPTER_TEMPLATES


def page_quizzes(catalog: Catalog, page: PageSource) -> tuple[str, ...]:
    """Quizzes the page shows (front matter `quiz:` first, then quiz blocks), known to the catalog."""
    ids = [page.meta.quiz] if page.meta is not None and page.meta.quiz else []
    ids += [quiz_id for quiz_id, _line, _column in page.scanned.quiz_blocks if quiz_id not in ids]
    return tuple(quiz_id for quiz_id in ids if quiz_id in catalog.quizzes)


def chapters(catalog: Catalog) -> list[Chapter]:
    config = catalog.project.config
    if config.nav is None:
        listed = [(rel, "") for rel in sorted(catalog.pages)]
    else:
        listed = [(entry.rel, entry.section[-1] if entry.section else "") for entry in config.nav]
    found: list[Chapter] = []
    seen: set[str] = set()
    for rel, section in listed:
        page = catalog.pages.get(rel)
        if page is None or page.meta is None or rel in seen or not is_chapter(page):
            continue
        seen.add(rel)
        quizzes = page_quizzes(catalog, page)
        if page.meta.quiz and page.meta.quiz in quizzes:
            anchor = QUIZ_SECTION_ANCHOR
        else:
            anchor = quiz_anchor(quizzes[0]) if quizzes else ""
        found.append(
            Chapter(
                rel=rel,
                id=page.meta.id,
                title=page.meta.title,
                description=page.meta.description,
                section=section,
                number=len(found) + 1,
                words=word_count(page),
                questions=sum(len(catalog.quizzes[quiz_id].quiz.questions) for quiz_id in quizzes),
                quizzes=quizzes,
                quiz_anchor=anchor,
            )
        )
    return found
