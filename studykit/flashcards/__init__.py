"""Flashcards: decks built from the catalog (glossary terms, abbreviations, each chapter's key terms), written as
JSON for the browser, and the Python-Markdown extension (`studykit.flashcards`) that lists them on a page."""

from __future__ import annotations

from typing import Any


def makeExtension(**kwargs: Any) -> Any:  # noqa: N802 - the name Python-Markdown looks for
    from .extension import FlashcardsExtension

    return FlashcardsExtension(**kwargs)
