"""quiz.* : quiz ids, question ids, answer keys, sources and the pages that show quizzes."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from ..catalog import Catalog
from ..diagnostics import Code, Diagnostic, did_you_mean, error, warning
from ..sources.inline import inline_links
from ..sources.loading import QuizSource
from ..sources.models import MultipleChoice, SingleChoice, TrueFalse, choice_text
from ..sources.yamlsource import YamlDocument, YamlPath
from .links import _yaml_link


def check_quizzes(catalog: Catalog) -> Iterator[Diagnostic]:
    first: dict[str, QuizSource] = {}
    for source in catalog.project.quizzes:
        quiz, doc = source.quiz, source.doc
        id_loc = doc.loc(("id",))
        if quiz.id in first:
            yield error(
                source.path,
                id_loc.line,
                id_loc.column,
                Code.QUIZ_DUPLICATE_ID,
                f"duplicate quiz id '{quiz.id}', first defined at "
                f"{first[quiz.id].path}:{first[quiz.id].doc.loc(('id',)).line}",
            )
        first.setdefault(quiz.id, source)
        stem = posixpath.splitext(posixpath.basename(source.path))[0]
        if stem != quiz.id:
            yield warning(
                source.path,
                id_loc.line,
                id_loc.column,
                Code.QUIZ_FILE_NAME,
                f"quiz id '{quiz.id}' differs from its file name '{stem}'",
            )
        if quiz.page:
            yield from _yaml_link(catalog, doc, ("page",), quiz.page)
        seen_questions: dict[str, int] = {}
        for index, question in enumerate(quiz.questions):
            base: YamlPath = ("questions", index)
            if question.id in seen_questions:
                yield doc.error(
                    base + ("id",),
                    Code.QUIZ_DUPLICATE_QUESTION,
                    f"duplicate question id '{question.id}', first defined at line {seen_questions[question.id]}",
                )
            else:
                seen_questions[question.id] = doc.loc(base + ("id",)).line
            if "#" not in question.source:
                yield doc.error(
                    base + ("source",),
                    Code.LINK_MISSING_ANCHOR,
                    f"source '{question.source}' must name the section that teaches the answer (page.md#anchor)",
                )
            yield from _yaml_link(catalog, doc, base + ("source",), question.source)
            yield from _check_answer_key(source, index, question)
        yield from _quiz_text_links(catalog, doc)
    yield from _orphans(catalog)
    for page in catalog.project.pages:
        known = catalog.quizzes.keys() | catalog.project.broken_quizzes
        if page.meta and page.meta.quiz and page.meta.quiz not in known and page.doc:
            yield page.doc.error(
                ("quiz",),
                Code.QUIZ_UNKNOWN,
                f"unknown quiz '{page.meta.quiz}'{did_you_mean(page.meta.quiz, catalog.quizzes)}",
            )


def _orphans(catalog: Catalog) -> Iterator[Diagnostic]:
    """Quizzes that no page shows, through front matter `quiz:` or a `/// quiz | id` block.

    Silent while any page's front matter failed to load or a page names an unknown quiz: that page, or that
    misspelt name, may be the one meant to show it, and its own error says so.
    """
    if any(page.meta is None for page in catalog.project.pages):
        return
    shown: set[str] = set()
    for page in catalog.project.pages:
        if page.meta and page.meta.quiz:
            shown.add(page.meta.quiz)
        shown.update(quiz_id for quiz_id, _line, _column in page.scanned.quiz_blocks)
    if shown - catalog.quizzes.keys():
        return
    for quiz_id, source in catalog.quizzes.items():
        if quiz_id not in shown:
            where = f"the front matter of {source.quiz.page}" if source.quiz.page else "its page's front matter"
            yield source.doc.warning(
                ("id",),
                Code.QUIZ_ORPHAN,
                f"no page shows quiz '{quiz_id}'; add 'quiz: {quiz_id}' to {where}, or a '/// quiz | {quiz_id}' block",
            )


QUIZ_TEXT_FIELDS = {"title", "prompt", "text", "feedback", "explanation"}


def _quiz_text_links(catalog: Catalog, doc: YamlDocument) -> Iterator[Diagnostic]:
    """Links written in quiz text (content-relative, like `source`): the renderer drops any it cannot resolve."""
    for path, raw in doc.raw.items():
        in_choices = len(path) >= 2 and path[-2] == "choices"
        if not path or not (path[-1] in QUIZ_TEXT_FIELDS or in_choices) or "](" not in raw:
            continue
        for link in inline_links(raw):
            yield from _yaml_link(catalog, doc, path, link.target)


def _check_answer_key(
    source: QuizSource, index: int, question: SingleChoice | MultipleChoice | TrueFalse
) -> Iterator[Diagnostic]:
    doc = source.doc
    base: YamlPath = ("questions", index)
    if isinstance(question, TrueFalse):
        return
    keys = list(question.choices)
    shown = ", ".join(keys)
    texts: dict[str, str] = {}
    for key, value in question.choices.items():
        folded = " ".join(choice_text(value).split()).lower()
        if folded in texts:
            yield doc.error(
                base + ("choices", key),
                Code.QUIZ_CHOICES,
                f"choice '{key}' repeats the text of choice '{texts[folded]}'",
            )
        texts.setdefault(folded, key)
    if isinstance(question, SingleChoice):
        if question.answer not in question.choices:
            yield doc.error(
                base + ("answer",),
                Code.QUIZ_ANSWER_KEY,
                f"answer '{question.answer}' is not one of the choices ({shown})",
            )
        return
    answers = question.answer
    for i, key in enumerate(answers):
        loc = doc.loc(base + ("answer", i))
        if key not in question.choices:
            yield error(
                source.path,
                loc.line,
                loc.column,
                Code.QUIZ_ANSWER_KEY,
                f"answer '{key}' is not one of the choices ({shown})",
            )
        elif key in answers[:i]:
            yield error(source.path, loc.line, loc.column, Code.QUIZ_ANSWER_KEY, f"answer '{key}' is listed twice")
    if len(set(answers)) >= len(keys):
        yield doc.error(
            base + ("answer",),
            Code.QUIZ_ANSWER_KEY,
            "a multiple-choice question must leave at least one choice wrong; use fewer answers or add a choice",
        )
