"""markdown.* : Markdown nested deeper than the renderer can go.

Python-Markdown parses each nested list, quote and indented block by calling itself, so deep nesting runs out of
Python's stack. Measured with Python-Markdown 3.11 and this site's extensions (Python's default limit of 1,000
frames): lists nested by indentation fail with RecursionError from about 250 levels in plain Markdown and about
200 inside MkDocs; `- - - x` list markers on one line from about 495; blockquotes (`>>>`) never fail but silently
turn into literal text near the limit. Real pages nest a handful of levels, so 100 stays far below every one of
those, leaves room for engines with deeper stacks, and is never near what an editor means to write.

Depth is counted from the start of each line outside code: every `>`, every list marker and every four columns of
indentation is one level (an over-count for indented code, which is fine at this limit).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..catalog import Catalog
from ..diagnostics import Code, Diagnostic, error
from ..sources.loading import TermSource
from ..sources.scanner import scan

MAX_NESTING = 100
_LEVEL = re.compile(r" {0,3}(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?| {4}")


def nesting(line: str) -> int:
    """How many levels of quotes, list items and indentation open `line`."""
    text = line.expandtabs(4)
    depth = position = 0
    while match := _LEVEL.match(text, position):
        if match.end() == position:
            break
        depth += 1
        position = match.end()
    return depth


def _too_deep(prose: list[tuple[int, str]]) -> tuple[int, int] | None:
    """(line, depth) of the first line nested past the limit."""
    for number, line in prose:
        if len(line) > MAX_NESTING:  # a line shorter than the limit cannot open that many levels
            depth = nesting(line)
            if depth > MAX_NESTING:
                return number, depth
    return None


def _message(depth: int) -> str:
    return (
        f"Markdown nested {depth} levels deep (quotes, lists, indentation); at most {MAX_NESTING} levels can be "
        "rendered: flatten it"
    )


def check_markdown(catalog: Catalog) -> Iterator[Diagnostic]:
    for page in catalog.project.pages:
        found = _too_deep(page.scanned.prose)
        if found:
            yield error(page.path, found[0], 1, Code.MARKDOWN_TOO_DEEP, _message(found[1]))
    for source in catalog.project.terms:
        found = _too_deep(scan(source.term.definition).prose)
        if found:
            line, column = definition_position(source, found[0])
            yield error(source.path, line, column, Code.MARKDOWN_TOO_DEEP, _message(found[1]))


def definition_position(source: TermSource, line: int) -> tuple[int, int]:
    """File line and column of line `line` (1-based) of a term's definition, written inline or as a `|` block."""
    path = (source.index, "definition")
    value, key = source.doc.loc(path), source.doc.loc(path, key=True)
    definition = source.term.definition
    if "\n" in definition.rstrip("\n") or definition.endswith("\n"):  # `definition: |`: text starts a line below
        return value.line + line, key.column + 2
    return value.line, value.column
