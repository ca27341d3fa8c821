"""A course resolved against the catalog: each item's title, link target, kind and estimated study time.

Study time: a page's reading time from study/chapters.py (a section: its share of the page's words, at least a
minute), MINUTES_PER_QUESTION per question and SECONDS_PER_CARD per new flashcard. The course page says these
rates, so a student can judge the estimate.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..catalog import Catalog
from ..flashcards.decks import Deck, build_decks
from ..quiz.render import quiz_hosts
from ..sources.loading import CourseSource
from ..sources.models import Course, CourseItem
from ..study.chapters import reading_minutes, word_count
from ..syntax import quiz_anchor

MINUTES_PER_QUESTION = 1
SECONDS_PER_CARD = 20


@dataclass(frozen=True)
class PlanItem:
    number: int
    kind: str  # "page", "section", "quiz" or "deck"
    title: str
    rel: str  # the page to link to ("" when the target is unknown: `check` reports it)
    anchor: str
    minutes: int
    item: CourseItem
    page_id: str = ""  # the linked page's front-matter id (study.js marks it read)
    quiz: str = ""
    questions: tuple[str, ...] = ()  # question ids the item covers
    deck: str = ""
    cards: int = 0


def _section_words(catalog: Catalog, rel: str, anchor: str) -> tuple[str, float]:
    """(heading text, share of the page's words) for the section at `anchor`: up to the next heading of the same
    or a higher level."""
    page = catalog.pages[rel]
    headings = page.scanned.headings
    start = next((index for index, heading in enumerate(headings) if heading.anchor == anchor), None)
    if start is None:
        return "", 1.0
    level = headings[start].level
    first = headings[start].line
    last = next((h.line for h in headings[start + 1 :] if h.level <= level), None)
    lines = [line for number, line in page.scanned.prose if number >= first and (last is None or number < last)]
    total = max(1, sum(len(line.split()) for _number, line in page.scanned.prose))
    return headings[start].text, sum(len(line.split()) for line in lines) / total


def deck_index(catalog: Catalog) -> dict[str, Deck]:
    return {deck.id: deck for deck in build_decks(catalog)}


def plan(catalog: Catalog, course: Course, decks: dict[str, Deck] | None = None) -> list[PlanItem]:
    decks = deck_index(catalog) if decks is None else decks
    items: list[PlanItem] = []
    for number, item in enumerate(course.items, start=1):
        if item.page is not None:
            rel, _, anchor = item.page.partition("#")
            page = catalog.pages.get(rel)
            if page is None or page.meta is None:
                items.append(PlanItem(number, "page", item.page, "", "", 0, item))
                continue
            words = word_count(page)
            title = page.meta.title
            if anchor:
                heading, share = _section_words(catalog, rel, anchor)
                title = f"{page.meta.title}: {heading}" if heading else title
                words = math.ceil(words * share)
            kind = "section" if anchor else "page"
            items.append(PlanItem(number, kind, title, rel, anchor, reading_minutes(words), item, page.meta.id))
        elif item.quiz is not None:
            source = catalog.quizzes.get(item.quiz)
            if source is None:
                items.append(PlanItem(number, "quiz", item.quiz, "", "", 0, item, quiz=item.quiz))
                continue
            wanted = set(item.questions or [])
            ids = tuple(q.id for q in source.quiz.questions if not wanted or q.id in wanted)
            hosts = quiz_hosts(catalog, source.quiz)
            rel = hosts[0] if hosts else ""
            host = catalog.pages.get(rel)
            title = source.quiz.title if not wanted else f"{source.quiz.title} ({len(ids)} questions)"
            items.append(
                PlanItem(
                    number,
                    "quiz",
                    title,
                    rel,
                    quiz_anchor(item.quiz) if rel else "",
                    len(ids) * MINUTES_PER_QUESTION,
                    item,
                    host.meta.id if host is not None and host.meta is not None else "",
                    quiz=item.quiz,
                    questions=ids,
                )
            )
        else:
            deck = decks.get(item.deck or "")
            cards = len(deck.cards) if deck else 0
            title = f"Flashcards: {deck.title}" if deck else item.deck or ""
            minutes = max(1, math.ceil(cards * SECONDS_PER_CARD / 60)) if deck else 0
            items.append(PlanItem(number, "deck", title, "", "", minutes, item, deck=item.deck or "", cards=cards))
    return items


def course_quizzes(course: Course) -> tuple[list[str], dict[str, list[str]]]:
    """(quiz ids in course order, quiz id -> the question ids picked; [] when some item takes the whole quiz)."""
    order: list[str] = []
    picked: dict[str, list[str]] = {}
    whole: set[str] = set()
    for item in course.items:
        if item.quiz is None:
            continue
        if item.quiz not in picked:
            order.append(item.quiz)
            picked[item.quiz] = []
        if item.questions is None:
            whole.add(item.quiz)
        else:
            picked[item.quiz] += [q for q in item.questions if q not in picked[item.quiz]]
    return order, {quiz: [] if quiz in whole else ids for quiz, ids in picked.items()}


def find_course(catalog: Catalog, course_id: str) -> CourseSource | None:
    return next((source for source in catalog.project.courses if source.course.id == course_id), None)
