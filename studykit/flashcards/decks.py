"""Flashcard decks derived from the catalog, and the JSON file flashcards.js reads (`assets/studykit/data/`).

Decks: "glossary" (term -> short definition), "abbreviations" (abbreviation -> term) and one per chapter (a topic
or procedure page, in navigation order) holding the terms that page mentions (`Catalog.term_pages`). A card's id
is its term id, stable across edits; its hash covers the text shown, so a card whose text changes is new again
for every student (flashcards.js ignores saved state under another hash). Card text is plain text by model (a
term's `term`, `abbr` and `short`), which the browser writes with textContent. A glossary term with `figure:`
shows that drawing on the answer side of its glossary and chapter cards, with the alternative text its page gives
it (see docs/architecture.md, "Study data").
"""

from __future__ import annotations

import hashlib
import json
import posixpath
from dataclasses import dataclass
from typing import Any

from ..catalog import Catalog
from ..glossary.index import sort_key
from ..sources.loading import TermSource
from ..syntax import FIGURE_FOLDER

EXTENSION_NAME = "studykit.flashcards"
DATA_FILE = "assets/studykit/data/flashcards.json"
FORMAT_VERSION = 1
CHAPTER_TEMPLATES = frozenset({"topic", "procedure"})  # what a chapter is (as on the study home and progress page)
CHAPTER_PREFIX = "chapter-"  # chapter deck ids: never the same as "glossary" or "abbreviations"


@dataclass(frozen=True)
class Figure:
    src: str  # site-relative, e.g. "figures/epidural-routes.svg"
    alt: str


@dataclass(frozen=True)
class Card:
    id: str
    front: str
    back: str
    figure: Figure | None = None

    @property
    def hash(self) -> str:
        """Short hash of what is shown: a rewritten card, or one with another figure, starts again as new."""
        shown: list[str] = [self.front, self.back]
        if self.figure:
            shown.append(self.figure.src)
        data = json.dumps(shown, ensure_ascii=False)
        return hashlib.sha256(data.encode("utf-8")).hexdigest()[:12]

    def data(self) -> dict[str, Any]:
        item: dict[str, Any] = {"id": self.id, "h": self.hash, "front": self.front, "back": self.back}
        if self.figure:
            item["figure"] = {"src": self.figure.src, "alt": self.figure.alt}
        return item


@dataclass(frozen=True)
class Deck:
    id: str
    title: str
    kind: str  # "glossary", "abbreviations" or "chapter"
    cards: tuple[Card, ...]
    page: str = ""  # the chapter's content-relative path (chapter decks)


def _sorted_terms(sources: list[TermSource]) -> list[TermSource]:
    return sorted(sources, key=lambda source: (sort_key(source.term.term), source.term.key))


def figure_alts(catalog: Catalog) -> dict[str, str]:
    """Figure file (site-relative) -> the alternative text of its first placement, pages in navigation order."""
    order = {rel: index for index, rel in enumerate(catalog.project.nav_order)}
    alts: dict[str, str] = {}
    for page in sorted(catalog.pages.values(), key=lambda page: (order.get(page.rel, len(order)), page.rel)):
        for image in page.scanned.image_ids:
            dest = posixpath.normpath(posixpath.join(posixpath.dirname(page.rel), image.target.split("#")[0]))
            if image.is_figure and image.alt.strip():
                alts.setdefault(dest, image.alt.strip())
    return alts


def _term_card(source: TermSource, alts: dict[str, str]) -> Card:
    term = source.term
    figure = None
    if term.figure:
        src = f"{FIGURE_FOLDER}/{term.figure}"
        figure = Figure(src, alts.get(src) or f"Figure for {term.term}")
    return Card(term.key, term.term, term.short, figure)


def build_decks(catalog: Catalog) -> list[Deck]:
    """Every non-empty deck: the two glossary decks first, then one per chapter in navigation order."""
    alts = figure_alts(catalog)
    terms = _sorted_terms(list(catalog.terms.values()))
    decks = [
        Deck("glossary", "Glossary terms", "glossary", tuple(_term_card(source, alts) for source in terms)),
        Deck(
            "abbreviations",
            "Abbreviations",
            "abbreviations",
            tuple(
                Card(source.term.key, source.term.abbr, source.term.term)
                for source in sorted(terms, key=lambda source: ((source.term.abbr or "").casefold(), source.term.key))
                if source.term.abbr
            ),
        ),
    ]
    mentioned: dict[str, list[str]] = {}
    for term_id, pages in catalog.term_pages.items():
        for rel in pages:
            mentioned.setdefault(rel, []).append(term_id)
    order = {rel: index for index, rel in enumerate(catalog.project.nav_order)}
    chapters = sorted(
        (page for page in catalog.pages.values() if page.meta is not None and page.meta.template in CHAPTER_TEMPLATES),
        key=lambda page: (order.get(page.rel, len(order)), page.rel),
    )
    for page in chapters:
        assert page.meta is not None  # filtered above
        sources = _sorted_terms([catalog.terms[term_id] for term_id in mentioned.get(page.rel, [])])
        cards = tuple(_term_card(source, alts) for source in sources)
        decks.append(Deck(CHAPTER_PREFIX + page.meta.id, page.meta.title, "chapter", cards, page.rel))
    return [deck for deck in decks if deck.cards]


def decks_data(catalog: Catalog) -> dict[str, Any]:
    """The JSON document flashcards.js reads: decks with their cards (id, hash, front, back, optional figure)."""
    return {
        "v": FORMAT_VERSION,
        "decks": [
            {
                "id": deck.id,
                "title": deck.title,
                "kind": deck.kind,
                "cards": [card.data() for card in deck.cards],
            }
            for deck in build_decks(catalog)
        ],
    }


def data_files(catalog: Catalog) -> dict[str, bytes]:
    """docs-relative path -> bytes, for the generate step: only for a site that loads the flashcards extension."""
    if EXTENSION_NAME not in catalog.project.config.extensions:
        return {}
    text = json.dumps(decks_data(catalog), ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return {DATA_FILE: text.encode("utf-8")}
