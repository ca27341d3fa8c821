"""Every table in a page sits in a scroll region a keyboard can reach: `<div class="sk-table" role="region"
tabindex="0" aria-label="...">` around it, labelled by the table's caption or else the heading of its section.

Why in the HTML and not by script: Material wraps tables in a scrolling `div` from JavaScript, which axe reports as
`scrollable-region-focusable` (a keyboard user cannot scroll it, and it has no name), and without JavaScript there
is no wrapper at all. studykit.css/a11y.css make this region the one that scrolls and give it a visible cue.

Why a Markdown postprocessor run after the allowlist cleaner (render/safehtml.py registers both): the cleaner
removes `tabindex` and `role="region"`-style wrappers an editor could write, so only this step can add them, and
only around tables; it runs inside `Markdown.convert`, so it works the same under MkDocs and Zensical. The cleaner
has just serialised the page with one HTML parser, so the standard library's HTMLParser reads it reliably and
gives the source offsets where the wrapper goes.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

from markdown.postprocessors import Postprocessor

NAME = "studykit_table_regions"
PRIORITY = -1100  # after the allowlist cleaner (safehtml.PRIORITY = -1000)
CLASS = "sk-table"

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_NEWLINE = re.compile("\n")


@dataclass
class _Table:
    start: int
    heading: str
    caption: str = ""
    end: int | None = None


class _Reader(HTMLParser):
    """Offsets of each outermost table, its caption text and the text of the heading before it."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.tables: list[_Table] = []
        self._lines = [0] + [m.end() for m in _NEWLINE.finditer(self.source)]
        self._heading = ""
        self._text: list[str] | None = None  # collecting a heading's or a caption's text
        self._collecting: str | None = None
        self._depth = 0
        self._skipping = False

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._lines[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            if self._depth == 0:
                self.tables.append(_Table(self._offset(), self._heading))
            self._depth += 1
        elif self._collecting is None and (tag in _HEADINGS or (tag == "caption" and self._depth == 1)):
            self._collecting, self._text = tag, []
        elif tag == "a" and "headerlink" in (dict(attrs).get("class") or "").split():
            self._skipping = True  # the toc extension's permalink sign is no part of the heading's name

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._skipping = False
        if tag == self._collecting and self._text is not None:
            text = " ".join("".join(self._text).split())
            if tag == "caption":
                self.tables[-1].caption = text
            else:
                self._heading = text
            self._collecting = self._text = None
        elif tag == "table" and self._depth:
            self._depth -= 1
            if self._depth == 0:
                self.tables[-1].end = self._offset() + len("</table>")

    def handle_data(self, data: str) -> None:
        if self._text is not None and not self._skipping:
            self._text.append(data)


def _labels(tables: list[_Table]) -> list[str]:
    """Caption, or section heading, as the region's name; tables sharing one are numbered so each is unique."""
    bases = [table.caption or (f"{table.heading}, table" if table.heading else "Table") for table in tables]
    totals, seen = Counter(bases), Counter[str]()
    labels = []
    for base in bases:
        seen[base] += 1
        labels.append(f"{base} {seen[base]}" if totals[base] > 1 else base)
    return labels


def wrap_tables(html: str) -> str:
    """The HTML with each outermost `<table>` inside a labelled, focusable scroll region."""
    if "<table" not in html:
        return html
    reader = _Reader(html)
    reader.feed(html)
    reader.close()
    tables = [table for table in reader.tables if table.end is not None]
    out, last = [], 0
    for table, label in zip(tables, _labels(tables), strict=True):
        assert table.end is not None
        opening = f'<div class="{CLASS}" role="region" tabindex="0" aria-label="{escape(label, quote=True)}">'
        out += [html[last : table.start], opening, html[table.start : table.end], "</div>"]
        last = table.end
    out.append(html[last:])
    return "".join(out)


class TableRegionPostprocessor(Postprocessor):  # type: ignore[misc]  # Markdown ships no type stubs
    def run(self, text: str) -> str:
        return wrap_tables(text)
