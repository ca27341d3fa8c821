"""The study bar, the study home and the progress page as HTML, from the catalog's chapters (Jinja, autoescaped).

The HTML states what the build knows (chapters, reading time, question counts) and works without JavaScript;
study.js adds what only this browser knows (read, saved, answered, best scores) and enables the controls.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from ..catalog import Catalog
from ..quiz.render import PageContext
from .chapters import Chapter, chapters

FLASHCARDS_BLOCK = "/// flashcards"


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("studykit", "study/templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@dataclass(frozen=True)
class ChapterLink:
    """A chapter as a page links to it."""

    chapter: Chapter
    href: str

    def __getattr__(self, name: str) -> object:
        return getattr(self.chapter, name)


@dataclass(frozen=True)
class Section:
    title: str
    chapters: list[ChapterLink]


def reading_time(minutes: int) -> str:
    """'about 3 hours', 'about 2½ hours', '40 minutes': a whole guide's reading time, rounded as people say it."""
    if minutes < 60:
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    halves = round(minutes / 30)
    hours, half = divmod(halves, 2)
    return f"about {hours}{'½' if half else ''} hour{'s' if halves > 2 else ''}"


def study_bar(chapter: Chapter, total: int) -> str:
    """The bar a chapter page opens with (generated into the staged page, so every engine renders it)."""
    return environment().get_template("bar.html").render(chapter=chapter, total=total)


def _links(ctx: PageContext) -> list[ChapterLink]:
    return [ChapterLink(chapter, ctx.url(chapter.rel)) for chapter in chapters(ctx.catalog)]


def render_home(ctx: PageContext) -> str:
    links = _links(ctx)
    template = environment().get_template("home.html")
    return template.render(
        chapters=links,
        reading=reading_time(sum(link.chapter.minutes for link in links)),
        questions=sum(link.chapter.questions for link in links),
    )


def render_chapters(ctx: PageContext) -> str:
    sections = [
        Section(title, list(group))
        for title, group in itertools.groupby(_links(ctx), key=lambda link: link.chapter.section)
    ]
    return environment().get_template("chapters.html").render(sections=sections)


def flashcards_page(catalog: Catalog) -> str | None:
    return next(
        (
            rel
            for rel, page in catalog.pages.items()
            if any(line.strip().startswith(FLASHCARDS_BLOCK) for line in page.body.split("\n"))
        ),
        None,
    )


def render_progress(ctx: PageContext) -> str:
    cards = flashcards_page(ctx.catalog)
    template = environment().get_template("progress.html")
    return template.render(
        chapters=_links(ctx),
        site=ctx.catalog.project.config.site_name,
        flashcards_href=ctx.url(cards) if cards else "",
    )


def study_bars(catalog: Catalog) -> dict[str, str]:
    """content-relative path -> the study bar (raw HTML, then a blank line) for every chapter."""
    found = chapters(catalog)
    return {chapter.rel: study_bar(chapter, len(found)) + "\n" for chapter in found}
