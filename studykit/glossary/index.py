"""The glossary as a reader browses it: terms in the order a person expects, grouped under A-Z letters,
and the pages that mention each term.

Pure functions over models, so the catalog (which anchors exist) and the renderer (which anchors it writes)
agree.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..sources.models import GlossaryTerm
from .termmatch import TermMatcher

OTHER = "#"  # the group for terms that do not start with a letter A-Z


def sort_key(text: str) -> tuple[str, str]:
    """Case- and accent-insensitive order ('étude' sorts with 'e'); ties broken by the exact text."""
    stripped = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    folded = "".join(c for c in stripped.casefold() if c.isalnum() or c.isspace())
    return " ".join(folded.split()), text


def letter_of(term: GlossaryTerm) -> str:
    """'A'-'Z', or OTHER for terms starting with a digit, symbol or non-Latin letter."""
    first = sort_key(term.term)[0][:1]
    return first.upper() if "a" <= first <= "z" else OTHER


def letter_anchor(letter: str) -> str:
    return "letter-other" if letter == OTHER else f"letter-{letter.lower()}"


@dataclass(frozen=True)
class LetterGroup:
    letter: str
    anchor: str
    terms: list[GlossaryTerm]


def group_terms(terms: Iterable[GlossaryTerm]) -> list[LetterGroup]:
    """Terms sorted and grouped by first letter; the OTHER group comes first, as in printed indexes."""
    groups: dict[str, list[GlossaryTerm]] = {}
    for term in sorted(terms, key=lambda t: sort_key(t.term)):
        groups.setdefault(letter_of(term), []).append(term)
    order = sorted(groups, key=lambda letter: (letter != OTHER, letter))
    return [LetterGroup(letter, letter_anchor(letter), groups[letter]) for letter in order]


def letter_anchors(terms: Iterable[GlossaryTerm]) -> set[str]:
    return {letter_anchor(letter_of(term)) for term in terms}


def prose_runs(prose: list[tuple[int, str]]) -> Iterator[str]:
    """Consecutive prose lines joined, so a term wrapped across two lines is still one mention."""
    run: list[str] = []
    last = -2
    for line, text in prose:
        if line != last + 1 and run:
            yield "\n".join(run)
            run = []
        run.append(text)
        last = line
    if run:
        yield "\n".join(run)


def mentioned_terms(prose: list[tuple[int, str]], forced: Iterable[str], matcher: TermMatcher) -> set[str]:
    """Term ids a page mentions: forms found in its prose plus its explicit `term:` links."""
    found = set(forced)
    for text in prose_runs(prose):
        found.update(match.term_id for match in matcher.finditer(text))
    return found
