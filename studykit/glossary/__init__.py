"""Glossary: terms matched in text, the A-Z listing, and the Python-Markdown extension (`studykit.glossary`)."""

from __future__ import annotations

from typing import Any


def makeExtension(**kwargs: Any) -> Any:  # noqa: N802 - the name Python-Markdown looks for
    from .extension import GlossaryExtension

    return GlossaryExtension(**kwargs)
