"""content.* : the size and coverage targets that studykit.yml sets per page template (words, references, quiz
questions, required sections and callouts).

They are warnings, so a draft still builds with `build`; `check --strict` (make check) fails on them. A warning
can be silenced for one page with `studykit: ignore-file content.words` (see studykit/suppress.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..catalog import Catalog
from ..diagnostics import Code, Diagnostic, warning
from ..sources.loading import PageSource
from .pages import callout_uses

FIGURE_IMAGE = re.compile(r"^\s*!\[.*\]\(.*\)\{[^}]*#fig-")


def body_words(page: PageSource) -> int:
    """Words in the page body: whitespace-separated tokens after the front matter, markup included, except a
    figure's alt text and caption (they restate the text for the picture; counting them would punish drawing)."""
    words = 0
    in_caption = False
    for line in page.body.split("\n"):
        stripped = line.strip()
        if in_caption:
            in_caption = stripped != "///"
        elif stripped == "/// caption":
            in_caption = True
        elif not FIGURE_IMAGE.match(line):
            words += len(line.split())
    return words


def _body_start(page: PageSource) -> int:
    """The body's first line, kept inside the file (a page may end with its front matter)."""
    return min(page.body_line, page.text.count("\n") + 1)


def check_content(catalog: Catalog) -> Iterator[Diagnostic]:
    rules = catalog.project.rules
    for page in catalog.project.pages:
        meta, doc = page.meta, page.doc
        if meta is None or doc is None:
            continue
        template = meta.template
        wanted = rules.for_template(template)
        start = _body_start(page)
        if wanted.words is not None:
            low, high = wanted.words
            words = body_words(page)
            if not low <= words <= high:
                yield warning(
                    page.path,
                    start,
                    1,
                    Code.CONTENT_WORDS,
                    f"{template} pages have {low:,}-{high:,} words; this one has {words:,}",
                )
        cited = len(catalog.cited(page))  # distinct records of the bibliography the page cites
        if cited < wanted.min_references:
            yield warning(
                page.path,
                start,
                1,
                Code.CONTENT_REFERENCES,
                f"{template} pages need at least {wanted.min_references} cited references; this one cites {cited}",
            )
        if wanted.min_quiz_questions:
            yield from _quiz_size(catalog, page, wanted.min_quiz_questions)
        h2 = {h.text.strip().lower() for h in page.scanned.headings if h.level == 2}
        for section in wanted.required_sections:
            if section.strip().lower() not in h2:
                yield warning(
                    page.path,
                    start,
                    1,
                    Code.CONTENT_SECTIONS,
                    f"{template} pages need an H2 section '## {section}'",
                )
        used = {kind for kind, _line, _column in callout_uses(page)}
        for callout in wanted.required_callouts:
            if callout not in used:
                yield warning(
                    page.path,
                    start,
                    1,
                    Code.CONTENT_CALLOUTS,
                    f"{template} pages need at least one '!!! {callout}' callout",
                )


def _quiz_size(catalog: Catalog, page: PageSource, minimum: int) -> Iterator[Diagnostic]:
    """The questions of every quiz the page shows (front matter `quiz:` and `/// quiz | id` blocks) together."""
    assert page.meta is not None and page.doc is not None
    template = page.meta.template
    shown: list[str] = []
    if page.meta.quiz:
        shown.append(page.meta.quiz)
    shown += [quiz_id for quiz_id, _line, _column in page.scanned.quiz_blocks if quiz_id not in shown]
    if not shown:
        yield page.doc.warning(
            ("quiz",),
            Code.CONTENT_QUIZ_SIZE,
            f"{template} pages end with a quiz of at least {minimum} questions; this one shows none "
            "(add 'quiz: <id>' to the front matter)",
            key=True,
        )
        return
    if any(quiz_id not in catalog.quizzes for quiz_id in shown):
        return  # an unknown or broken quiz is reported where it is named (quiz.unknown) or in its own file
    questions = sum(len(catalog.quizzes[quiz_id].quiz.questions) for quiz_id in shown)
    if questions >= minimum:
        return
    names = f"quiz '{shown[0]}' has" if len(shown) == 1 else "its quizzes " + ", ".join(shown) + " have"
    message = f"{template} pages need a quiz of at least {minimum} questions; {names} {questions}"
    if page.meta.quiz:
        yield page.doc.warning(("quiz",), Code.CONTENT_QUIZ_SIZE, message)
    else:
        _quiz_id, line, column = page.scanned.quiz_blocks[0]
        yield warning(page.path, line, column, Code.CONTENT_QUIZ_SIZE, message)
