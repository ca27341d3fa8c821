"""The flashcard decks as an Anki package (`.apkg`, written with genanki) and as CSV for Quizlet.

Ids are derived from stable strings, never random or from the clock, so a re-import updates the notes a student
already has instead of duplicating them: the note `guid` comes from `<deck>/<card>` (the key the site's own
flashcards use), deck and model ids from their names in studykit. genanki's own file writer stamps the zip with
the build time, so the package is zipped here with fixed timestamps from the SQLite database genanki fills.
"""

from __future__ import annotations

import csv
import hashlib
import io
import sqlite3
from collections.abc import Iterable
from itertools import count

import genanki

from ..flashcards.decks import Deck
from .meta import ExportMeta, zip_bytes

MODEL_NAME = "studykit: term and definition"
FIXED_TIME = 0.0  # note modification time and the first card id: the epoch, so the bytes never depend on the clock


def stable_id(*parts: str) -> int:
    """An Anki object id in genanki's recommended range [2**30, 2**31), from stable strings."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def note_guid(deck_id: str, card_id: str) -> str:
    return str(genanki.guid_for("studykit", deck_id, card_id))


def _model(meta: ExportMeta) -> genanki.Model:
    return genanki.Model(
        stable_id("model", MODEL_NAME),
        MODEL_NAME,
        fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Credit"}],
        templates=[
            {
                "name": "Card 1",
                "qfmt": "{{Front}}",
                "afmt": '{{FrontSide}}<hr id="answer">{{Back}}<p class="credit">{{Credit}}</p>',
            }
        ],
        css=".card { font-family: sans-serif; font-size: 20px; text-align: center; }\n"
        ".credit { font-size: 11px; color: #666; }\n",
    )


def _html_text(text: str) -> str:
    """Anki fields are HTML: plain card text with its markup characters escaped."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def anki_package(decks: Iterable[Deck], meta: ExportMeta, site: str) -> bytes:
    """One Anki deck per studykit deck, as `<site>::<deck title>`, each note crediting the licence."""
    model = _model(meta)
    credit = _html_text(f"{meta.licence}: {meta.attribution}")
    anki_decks = []
    for deck in decks:
        anki_deck = genanki.Deck(
            stable_id("deck", deck.id), f"{site}::{deck.title}", description=_html_text(meta.notice)
        )
        for card in deck.cards:
            anki_deck.add_note(
                genanki.Note(
                    model=model,
                    fields=[_html_text(card.front), _html_text(card.back), credit],
                    guid=note_guid(deck.id, card.id),
                )
            )
        anki_decks.append(anki_deck)
    connection = sqlite3.connect(":memory:")
    try:
        cursor = connection.cursor()
        genanki.Package(anki_decks).write_to_db(cursor, FIXED_TIME, count(stable_id("cards", site)))
        connection.commit()
        database = connection.serialize()
    finally:
        connection.close()
    return zip_bytes({"collection.anki2": database, "media": b"{}"})


def quizlet_csv(decks: Iterable[Deck]) -> bytes:
    """term,definition rows (Quizlet's import: "Between term and definition: Comma"), each card once."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    seen: set[tuple[str, str]] = set()
    for deck in decks:
        for card in deck.cards:
            if (card.front, card.back) not in seen:
                seen.add((card.front, card.back))
                writer.writerow([card.front, card.back])
    return buffer.getvalue().encode("utf-8")
