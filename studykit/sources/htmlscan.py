"""Raw HTML tags and attribute lists (`{ ... }`) in Markdown or YAML text, each with its line and column.

`check` feeds each tag to the same allowlist cleaner the build uses (render/sanitize.py), so it can say where a
removed element, handler or URL was written. What is code comes from the scanner (its block model of
Python-Markdown and its code spans), so the two agree. Past that the scan is deliberately generous: a tag is
judged wherever an HTML tokenizer would see one outside code and comments, even where Python-Markdown might show
it as text (a false alarm costs an edit; a miss would still be removed by the build's cleaner). Each tag is read
by Python's HTML tokenizer from its `<` on, so a tag split over lines, with `>` inside quotes or with a code span
inside an attribute is read whole. `/// html | div[attr=value]` blocks count as tags. Kept out of the scanner:
only the safety check needs it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from markdown.extensions.attr_list import get_attrs_and_remainder

from .inline import blank_spans, code_spans
from .scanner import BLANK, CODE, TAB, classify

TAG_START = re.compile(r"<(?=[A-Za-z])")  # a backslash does not escape `<` in Python-Markdown
COMMENT = re.compile(r"<!--(?:-?>|.*?(?:--!?>|\Z))", re.DOTALL)  # as HTML ends them (`--!>` too)
# pymdownx.blocks.html: `/// html | div.class[attr=value]` makes an element with those attributes
HTML_BLOCK = re.compile(r"^[ \t>]*/{3,}[ \t]*html[ \t]*\|[ \t]*(?P<tag>[A-Za-z][\w-]*)(?P<rest>.*)$")
BLOCK_ATTR = re.compile(r"""\[[ \t]*(?P<name>[^\s=\]]+)[ \t]*(?:=[ \t]*(?P<value>"[^"]*"|'[^']*'|[^\]]*?))?[ \t]*\]""")
# Python-Markdown's autolink and automail patterns: `<https://...>` and `<a@b.c>` are links, not tags.
AUTOLINK = re.compile(r"<(?:[Ff]|[Hh][Tt])[Tt][Pp][Ss]?://[^<>]*>|<[^<> !]+@[^@<> ]+>")
ATTR_LIST = re.compile(r"\{:?[ \t]*([^{}\n]*?)[ \t]*\}")
TAG_WINDOW = 4096  # characters read from a `<`: more than any real tag


@dataclass(frozen=True)
class RawTag:
    name: str
    attrs: list[tuple[str, str | None]]
    line: int
    column: int


@dataclass(frozen=True)
class AttrList:
    attrs: list[tuple[str, str | None]]
    line: int
    column: int


class _OneTag(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tag: tuple[str, list[tuple[str, str | None]]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.tag is None:
            self.tag = (tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def read_tag(text: str) -> tuple[str, list[tuple[str, str | None]]] | None:
    """The start tag `text` begins with, as an HTML tokenizer reads it (names lowercased, entities decoded)."""
    parser = _OneTag()
    parser.feed(text)
    parser.close()
    return parser.tag


def _code_free(text: str) -> list[str]:
    """The lines of `text` with code blocks emptied and code spans blanked (same length, same lines), as the
    scanner reads them (its block model and its code spans, so `check` and the scanner agree on what is code)."""
    lines = [line.removesuffix("\r") for line in text.split("\n")]
    kinds, _starts = classify([line.expandtabs(TAB) if "\t" in line else line for line in lines])
    out: list[str] = []
    block: list[str] = []  # consecutive text lines: code spans are paired within one block, as Markdown does

    def flush() -> None:
        if block:
            joined = "\n".join(block)
            out.extend(blank_spans(joined, code_spans(joined)).split("\n"))
            block.clear()

    for line, kind in zip(lines, kinds, strict=True):
        if kind == CODE:
            flush()
            out.append("")
        elif kind == BLANK:
            flush()
            out.append(line)
        else:
            block.append(line)
    flush()
    return out


def _position(starts: list[int], offset: int) -> tuple[int, int]:
    """(0-based line index, 0-based column) of `offset` given the offsets where lines start."""
    low, high = 0, len(starts) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if starts[middle] <= offset:
            low = middle
        else:
            high = middle - 1
    return low, offset - starts[low]


def raw_tags(text: str, first_line: int = 1) -> list[RawTag]:
    """Start tags in Markdown `text` (code is skipped) whose first line is `first_line`. YAML text fields are
    Markdown or plain text, so they are read the same way."""
    lines = _code_free(text)
    visible = "\n".join(lines)  # where a tag may start; the tag itself is read from the original text
    text = "\n".join(line.removesuffix("\r") for line in text.split("\n"))
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    hidden = [(m.start(), m.end()) for m in COMMENT.finditer(visible)]
    found: list[RawTag] = []
    for match in TAG_START.finditer(visible):
        offset = match.start()
        if any(start <= offset < end for start, end in hidden) or AUTOLINK.match(visible, offset):
            continue
        tag = read_tag(text[offset : offset + TAG_WINDOW])
        if tag is None:
            continue
        index, column = _position(starts, offset)
        found.append(RawTag(tag[0], tag[1], first_line + index, column + 1))
    for index, line in enumerate(lines):
        block = HTML_BLOCK.match(line) if "/" in line else None
        if block:
            attrs = [
                (m.group("name"), (m.group("value") or "").strip("\"'")) for m in BLOCK_ATTR.finditer(block["rest"])
            ]
            found.append(RawTag(block["tag"].lower(), attrs, first_line + index, block.start("tag") + 1))
    return found


def attr_lists(text: str, first_line: int = 1) -> list[AttrList]:
    """`{ ... }` attribute lists (attr_list syntax) in Markdown `text`, with the attributes they set."""
    lines = _code_free(text)
    found: list[AttrList] = []
    for index, line in enumerate(lines):
        if "{" not in line:
            continue
        for match in ATTR_LIST.finditer(line):
            attrs, _remainder = get_attrs_and_remainder(match.group(1))
            named = [(key, value) for key, value in attrs if key not in {".", "id"}]
            if named:
                found.append(AttrList(named, first_line + index, match.start() + 1))
    return found
