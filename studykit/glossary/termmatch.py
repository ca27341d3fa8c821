"""Find glossary terms in text in one pass, whatever the number of terms.

The surface forms (terms, aliases, abbreviations) are folded into a trie and emitted as a single regular
expression whose alternations branch on one character at a time, so the cost per text position depends on the
length of the longest match, not on how many terms exist. Longest match wins because every trie node tries its
longer continuations before accepting a shorter form. Abbreviations are matched case-sensitively, other forms
case-insensitively (through a separate pattern), and simple plurals (-s, -es, consonant + y -> -ies) are
accepted. A space inside a form matches any run of whitespace, so a term wrapped across lines is still found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

_END = ""  # trie marker: a complete form ends here
_SPACE = r"\s+"  # what a space inside a form matches

Trie = dict[str, "Trie"]


def normalise(form: str) -> str:
    """One space between words: the key forms are stored and looked up under."""
    return " ".join(form.split())


def _trie_pattern(forms: Iterable[str]) -> str:
    trie: Trie = {}
    for form in forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _emit(trie)


def _emit(node: Trie) -> str:
    branches = [
        (_SPACE if char == " " else re.escape(char)) + _emit(child)
        for char, child in sorted(node.items())
        if char != _END
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "(?:" + body + ")?" if _END in node else body


def _plural_ies(form: str) -> str | None:
    """'therapy' -> 'therapies'; None where English adds a plain -s ('day' -> 'days')."""
    if len(form) > 2 and form.endswith("y") and form[-2].isalpha() and form[-2] not in "aeiou":
        return form[:-1] + "ies"
    return None


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    term_id: str
    text: str


class TermMatcher:
    """Maps surface forms to term ids and finds them as whole words."""

    def __init__(self, case_insensitive: dict[str, str], case_sensitive: dict[str, str]) -> None:
        # keys: surface form (lowercased for case-insensitive); values: term id
        self._ci: dict[str, str] = {}
        for form, term in case_insensitive.items():
            key = normalise(form).lower()
            self._ci.setdefault(key, term)
        for form, term in list(self._ci.items()):
            plural = _plural_ies(form)
            if plural is not None:
                self._ci.setdefault(plural, term)
        self._cs = {normalise(form): term for form, term in case_sensitive.items()}
        self._patterns: list[tuple[re.Pattern[str], bool]] = []
        if self._ci:
            self._patterns.append((self._compile(self._ci, re.IGNORECASE), False))
        if self._cs:
            self._patterns.append((self._compile(self._cs, 0), True))

    @property
    def patterns(self) -> list[re.Pattern[str]]:
        """The compiled patterns (at most two: case-insensitive forms, abbreviations)."""
        return [pattern for pattern, _ in self._patterns]

    @staticmethod
    def _compile(forms: dict[str, str], flags: int) -> re.Pattern[str]:
        body = _trie_pattern(forms)
        # whole words; simple plurals; never glued to letters, digits or hyphenated compounds
        return re.compile(r"(?<![\w-])(" + body + r")(?:e?s)?(?![\w-])", flags)

    def _lookup(self, text: str, case_sensitive: bool) -> str | None:
        key = normalise(text) if case_sensitive else normalise(text).lower()
        table = self._cs if case_sensitive else self._ci
        if key in table:
            return table[key]
        for suffix in ("es", "s"):
            if key.endswith(suffix) and key[: -len(suffix)] in table:
                return table[key[: -len(suffix)]]
        return None

    def finditer(self, text: str) -> Iterator[Match]:
        """Non-overlapping matches, leftmost first, longest at each position across both patterns."""
        found: list[Match] = []
        for pattern, case_sensitive in self._patterns:
            for m in pattern.finditer(text):
                term = self._lookup(m.group(0), case_sensitive)
                if term is None:
                    term = self._lookup(m.group(1), case_sensitive)
                if term is not None:
                    found.append(Match(m.start(), m.end(), term, m.group(0)))
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        last_end = -1
        for match in found:
            if match.start >= last_end:
                last_end = match.end
                yield match
