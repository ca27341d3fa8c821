"""Silencing a warning where an editor has decided it is fine: a comment naming the code.

    <!-- studykit: ignore cite.unused -->        on the warning's line or the line above it (Markdown)
    # studykit: ignore glossary.unused          the same in YAML
    studykit: ignore-file glossary.unused       anywhere in the file: every such warning in that file

Only warnings can be silenced; an error always stands. Several codes may be listed, separated by spaces or commas.
"""

from __future__ import annotations

import re
from pathlib import Path

from .diagnostics import Diagnostic, Severity

DIRECTIVE = re.compile(r"studykit:\s*(?P<kind>ignore-file|ignore)\s+(?P<codes>[a-z0-9.,\s-]+?)\s*(?:-->|$)")


def _directives(text: str) -> tuple[dict[int, set[str]], set[str]]:
    """(line -> codes ignored on it, codes ignored in the whole file)."""
    by_line: dict[int, set[str]] = {}
    whole: set[str] = set()
    if "studykit:" not in text:
        return by_line, whole
    for number, line in enumerate(text.split("\n"), start=1):
        for match in DIRECTIVE.finditer(line):
            codes = {code for code in re.split(r"[\s,]+", match.group("codes")) if code}
            if match.group("kind") == "ignore-file":
                whole |= codes
            else:
                by_line.setdefault(number, set()).update(codes)
    return by_line, whole


def apply_suppressions(root: Path, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """`diagnostics` without the warnings that a directive in their file silences."""
    cache: dict[str, tuple[dict[int, set[str]], set[str]]] = {}
    kept: list[Diagnostic] = []
    for diagnostic in diagnostics:
        if diagnostic.severity is Severity.WARNING:
            if diagnostic.path not in cache:
                try:
                    text = (root / diagnostic.path).read_text(encoding="utf-8", errors="replace")
                except OSError:
                    text = ""
                cache[diagnostic.path] = _directives(text)
            by_line, whole = cache[diagnostic.path]
            code = diagnostic.code.value
            near = by_line.get(diagnostic.line, set()) | by_line.get(diagnostic.line - 1, set())
            if code in whole or code in near:
                continue
        kept.append(diagnostic)
    return kept
