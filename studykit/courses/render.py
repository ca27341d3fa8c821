"""The course page and the instructors' downloads list as HTML (Jinja, autoescaped), from the catalog.

The course page works without JavaScript (the plan with links, study time, due dates and notes); study.js adds
the student's progress from the same storage keys the progress page reads. Its handout part (the questions with
an answer key, the flashcards as a term list) is hidden on screen and printed: printing the course page is the
handout.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined, select_autoescape

from ..exports.files import Download, downloads
from ..flashcards.decks import Deck
from ..quiz.render import PageContext, QuizView, question_view
from ..sources.models import Course
from ..study.render import reading_time
from .plan import MINUTES_PER_QUESTION, SECONDS_PER_CARD, PlanItem, deck_index, find_course, plan

FLASHCARDS_BLOCK = "/// flashcards"


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(
        # the quiz templates too: a printed course shows answer keys like a printed chapter
        loader=ChoiceLoader(
            [PackageLoader("studykit", "courses/templates"), PackageLoader("studykit", "quiz/templates")]
        ),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@dataclass(frozen=True)
class ItemView:
    plan: PlanItem
    href: str
    quiz: QuizView | None  # the item's questions, for the printed handout
    deck: Deck | None

    def __getattr__(self, name: str) -> object:
        return getattr(self.plan, name)


def _flashcards_page(ctx: PageContext) -> str:
    for rel, page in ctx.catalog.pages.items():
        if any(line.strip().startswith(FLASHCARDS_BLOCK) for line in page.body.split("\n")):
            return rel
    return ""


def _item_view(item: PlanItem, ctx: PageContext, decks: dict[str, Deck], cards_page: str, key: str) -> ItemView:
    href = ctx.url(item.rel, item.anchor) if item.rel else ""
    quiz = None
    if item.kind == "quiz" and item.quiz in ctx.catalog.quizzes:
        source = ctx.catalog.quizzes[item.quiz].quiz
        dom_id = ctx.unique_id(f"{key}-{item.number}")
        picked = [q for q in source.questions if q.id in item.questions]
        questions = [question_view(q, n, dom_id, ctx) for n, q in enumerate(picked, start=1)]
        quiz = QuizView(source.id, dom_id, ctx.inline.inline(source.title), questions)
    deck = decks.get(item.deck) if item.kind == "deck" else None
    if deck is not None and cards_page:
        href = ctx.url(cards_page, f"sk-deck-{deck.id}")
    return ItemView(item, href, quiz, deck)


def _course_downloads(ctx: PageContext, course: Course) -> list[tuple[Download, str]]:
    stem = f"downloads/course-{course.id}."
    return [(d, ctx.file_url(d.path)) for d in downloads(ctx.catalog) if d.path.startswith(stem)]


def render_course(course_id: str, ctx: PageContext) -> str:
    env = environment()
    source = find_course(ctx.catalog, course_id)
    if source is None:  # `check` reports the unknown id with its line; `serve` still renders
        return env.get_template("course_missing.html").render(course_id=course_id)
    course = source.course
    decks = deck_index(ctx.catalog)
    cards_page = _flashcards_page(ctx)
    items = [
        _item_view(item, ctx, decks, cards_page, f"course-{course.id}") for item in plan(ctx.catalog, course, decks)
    ]
    total = sum(item.plan.minutes for item in items)
    return env.get_template("course.html").render(
        course=course,
        items=items,
        total=reading_time(total),
        total_minutes=total,
        per_question=MINUTES_PER_QUESTION,
        per_card=SECONDS_PER_CARD,
        downloads=_course_downloads(ctx, course),
        size=human_size,
    )


def human_size(size: int) -> str:
    """'12 KB', '1.3 MB': sizes as a download link states them."""
    if size < 1000:
        return f"{size} bytes"
    if size < 1_000_000:
        return f"{round(size / 1000)} KB"
    return f"{size / 1_000_000:.1f} MB"


@dataclass(frozen=True)
class DownloadGroup:
    title: str
    rows: list[tuple[str, list[tuple[Download, str]]]]  # (scope, [(download, href)])


GROUPS = (
    ("bank", "The whole question bank"),
    ("chapter", "By chapter"),
    ("course", "By course"),
    ("flashcards", "Flashcards"),
    ("references", "References"),
)


def render_downloads(ctx: PageContext) -> str:
    found = downloads(ctx.catalog)
    groups = []
    for group, title in GROUPS:
        rows: dict[str, list[tuple[Download, str]]] = {}
        for download in found:
            if download.group == group:
                rows.setdefault(download.scope, []).append((download, ctx.file_url(download.path)))
        if rows:
            groups.append(DownloadGroup(title, list(rows.items())))
    rules = ctx.catalog.project.rules.licence
    site = ctx.catalog.project.config.site_name
    courses = [
        (source.course.title, ctx.url(rel))
        for source in ctx.catalog.project.courses
        for rel in [f"courses/{source.course.id}.md"]
        if rel in ctx.catalog.pages
    ]
    return (
        environment()
        .get_template("downloads.html")
        .render(
            groups=groups,
            size=human_size,
            licence=rules.name,
            licence_url=rules.url,
            attribution=rules.attribution(site),
            courses=courses,
        )
    )
