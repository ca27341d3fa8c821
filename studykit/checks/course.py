"""Course files: every item points at something that exists (a page and its section, a quiz and the questions
picked from it, a flashcard deck), course ids are unique, and every `/// course | <id>` block names a course."""

from __future__ import annotations

from collections.abc import Iterator

from ..catalog import Catalog
from ..courses.plan import deck_index
from ..diagnostics import Code, Diagnostic, error
from .links import _yaml_link

COURSE_BLOCK = "/// course |"


def check_courses(catalog: Catalog) -> Iterator[Diagnostic]:
    decks = set(deck_index(catalog)) if any(s.course.items for s in catalog.project.courses) else set()
    seen: dict[str, str] = {}
    for source in catalog.project.courses:
        course, doc = source.course, source.doc
        if course.id in seen:
            loc = doc.loc(("id",))
            yield error(
                doc.path,
                loc.line,
                loc.column,
                Code.COURSE_DUPLICATE_ID,
                f"course id '{course.id}' is already used by {seen[course.id]}",
            )
        seen.setdefault(course.id, doc.path)
        for index, item in enumerate(course.items):
            if item.page is not None:
                yield from _yaml_link(catalog, doc, ("items", index, "page"), item.page)
            if item.quiz is not None:
                quiz = catalog.quizzes.get(item.quiz)
                if quiz is None:
                    if item.quiz not in catalog.project.broken_quizzes:
                        loc = doc.loc(("items", index, "quiz"))
                        yield error(
                            doc.path,
                            loc.line,
                            loc.column,
                            Code.COURSE_UNKNOWN_QUIZ,
                            f"no quiz has id '{item.quiz}' (quiz ids are the `id` of quizzes/*.yml)",
                        )
                    continue
                known = {question.id for question in quiz.quiz.questions}
                for number, question_id in enumerate(item.questions or []):
                    if question_id not in known:
                        loc = doc.loc(("items", index, "questions", number))
                        yield error(
                            doc.path,
                            loc.line,
                            loc.column,
                            Code.COURSE_UNKNOWN_QUESTION,
                            f"quiz '{item.quiz}' has no question '{question_id}' ({quiz.path})",
                        )
            if item.deck is not None and item.deck not in decks:
                loc = doc.loc(("items", index, "deck"))
                listed = ", ".join(sorted(decks)[:4]) + (", ..." if len(decks) > 4 else "")
                yield error(
                    doc.path,
                    loc.line,
                    loc.column,
                    Code.COURSE_UNKNOWN_DECK,
                    f"no flashcard deck has id '{item.deck}' (decks: {listed or 'none'})",
                )
    for page in catalog.project.pages:
        for number, column, course_id in course_blocks(page.body, page.body_line):
            if course_id not in seen:
                yield error(
                    page.path,
                    number,
                    column,
                    Code.COURSE_UNKNOWN,
                    f"no course has id '{course_id}' (course ids are the `id` of courses/*.yml)",
                )


def course_blocks(body: str, first_line: int) -> Iterator[tuple[int, int, str]]:
    """(line, column of the id, course id) of each `/// course | <id>` block outside fenced code."""
    fence = ""
    for offset, line in enumerate(body.split("\n")):
        text = line.strip()
        if fence:
            fence = "" if text.startswith(fence) else fence
            continue
        if text.startswith(("```", "~~~")):
            fence = text[:3]
            continue
        if text.startswith(COURSE_BLOCK):
            course_id = text[len(COURSE_BLOCK) :].strip()
            yield first_line + offset, line.index("|") + 3, course_id
