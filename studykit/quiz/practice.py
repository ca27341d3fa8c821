"""The practice page's setup form (`/// practice`): chapters, difficulty, number of questions, mode, time limit.

The form is rendered here from the catalog so its chapters follow the quiz hub's order; practice.js shows it, reads
the question bank (studykit/quiz/data.py) and runs the session. Without JavaScript the form stays hidden and a
sentence points to the quizzes page, where every question works without it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..render.urls import root_url
from .data import chapter_names
from .render import PageContext, environment, index_rows

QUIZ_INDEX_BLOCK = "/// quiz-index"
COUNTS = (10, 20, 40)  # questions per session, plus "all"
LIMITS = (1, 5, 10, 20, 30, 60)  # exam time limits in minutes, plus "no limit"
LEVELS = ("easy", "medium", "hard")


@dataclass(frozen=True)
class Chapter:
    quiz: str
    title: str
    count: int


def hub_page(ctx: PageContext) -> str | None:
    """The page that lists every quiz (holds a `/// quiz-index` block), for the no-JavaScript fallback."""
    for rel, page in ctx.catalog.pages.items():
        if any(line.strip().startswith(QUIZ_INDEX_BLOCK) for line in page.body.split("\n")):
            return rel
    return None


def render_practice(ctx: PageContext) -> str:
    rows = index_rows(ctx)
    names = chapter_names(ctx.catalog, rows)
    chapters = [Chapter(row.id, names[row.id], row.count) for row in rows]
    hub = hub_page(ctx)
    return (
        environment()
        .get_template("practice.html")
        .render(
            dom_id=ctx.unique_id("practice"),
            root=root_url(ctx.page, directory_urls=ctx.directory_urls),
            hub_href=ctx.url(hub) if hub else None,
            chapters=chapters,
            counts=COUNTS,
            limits=LIMITS,
            levels=LEVELS,
        )
    )
