"""Inline Markdown as Python-Markdown reads it: code spans, links, images and reference links, in linear time.

Hand-written, not borrowed: Python-Markdown's own inline patterns (and the obvious regexes) rescan the rest of the
text from every `[` or backtick, so one long line of `[x](` or backticks costs quadratic time, and `check` reads
whatever an editor pasted. Here brackets and parentheses are paired once with a stack, backtick runs are indexed by
length, and every loop visits each character a bounded number of times. The rules are Python-Markdown's:

- a code span opens at a backtick run (its first backtick is escaped after an odd number of backslashes) and closes
  at the next run of exactly the same length; if there is none, at the next run of the longest shorter length, the
  rest of the opening run becoming content (`BacktickInlineProcessor`'s regex does exactly this);
- `[text](target)` pairs nested brackets and nested parentheses, so `[a](https://x/Foo_(bar))` links to
  `https://x/Foo_(bar)`; a quoted title before the closing parenthesis is not part of the target;
- backslash escapes and code spans hide brackets, parentheses and backticks from links.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection
from dataclasses import dataclass

# A backslash and one of Python-Markdown's ESCAPED_CHARS, pairs read left to right (in `\\\\[` the `[` is not escaped).
ESCAPE = re.compile(r"\\[\\`*_{}\[\]()>#+\-.!]")
BACKTICKS = re.compile(r"(?<!\\)(\\*)(`+)")  # a backtick run and the backslashes right before it
UNESCAPE = re.compile(r"\\([\\`*_{}\[\]()>#+\-.!])")
BRACKET = re.compile(r"[\[\]]")
PAREN = re.compile(r"[()]")
# `(<target> "title")`: the angle-bracket form, as LinkInlineProcessor.RE_LINK reads it.
ANGLE_TARGET = re.compile(r"""<[^<>]*>\s*(?:'[^']*'\s*|"[^"]*"\s*)?\)""")
REF_LABEL = re.compile(r"\[([^\]]*)\]")  # `[text][label]`, written without a space between
HIDDEN = "\x00"  # stands for an escaped character in the structure string


@dataclass(frozen=True)
class CodeSpan:
    start: int  # first backtick
    end: int  # after the last backtick
    content_start: int
    content_end: int


@dataclass(frozen=True)
class InlineLink:
    start: int  # `[`, or `!` of an image
    end: int  # after `)`
    text: str  # link text or image alternative text, as written
    target: str  # the href (or src) Python-Markdown renders
    target_start: int  # offset of the target's first character
    image: bool


@dataclass(frozen=True)
class InlineRef:
    start: int
    end: int
    text: str
    label: str  # lower-cased, as Python-Markdown looks it up
    shortcut: bool = False  # `[label]` alone: only found when `label` is defined


@dataclass(frozen=True)
class Inline:
    spans: list[CodeSpan]
    links: list[InlineLink]
    refs: list[InlineRef]


def code_spans(text: str) -> list[CodeSpan]:
    """The code spans of `text` (one paragraph, newlines included), left to right."""
    if "`" not in text:
        return []
    runs: list[tuple[int, int, int]] = []  # (start, length, backslashes before) of each maximal backtick run
    for match in BACKTICKS.finditer(text):
        (escapes, start), end = match.span(1), match.end()
        runs.append((start, end - start, start - escapes))
    by_length: dict[int, list[int]] = {}  # run length -> indexes of the runs of that length, ascending
    for index, (_start, length, _escapes) in enumerate(runs):
        by_length.setdefault(length, []).append(index)
    spans: list[CodeSpan] = []
    index = 0
    while index < len(runs):
        start, length, backslashes = runs[index]
        if backslashes % 2:
            start, length = start + 1, length - 1  # an escaped backtick opens nothing
        closer = None
        width = length
        while width > 0 and closer is None:
            candidates = by_length.get(width, [])
            at = bisect_right(candidates, index)
            if at < len(candidates):
                closer = candidates[at]
            else:
                width -= 1
        if closer is None:
            index += 1
            continue
        close_start, close_length, _escapes = runs[closer]
        spans.append(CodeSpan(start, close_start + close_length, start + width, close_start))
        index = closer + 1
    return spans


def blank_spans(text: str, spans: list[CodeSpan]) -> str:
    """`text` with each code span (backticks included) replaced by spaces; newlines stay, so offsets and lines do."""
    if not spans:
        return text
    parts: list[str] = []
    position = 0
    for span in spans:
        parts.append(text[position : span.start])
        code = text[span.start : span.end]
        parts.append(re.sub(r"[^\n]", " ", code) if "\n" in code else " " * len(code))
        position = span.end
    parts.append(text[position:])
    return "".join(parts)


def _structure(blanked: str) -> str:
    """`blanked` with every backslash-escaped character hidden, so it pairs no bracket or parenthesis."""
    return ESCAPE.sub("\\\\" + HIDDEN, blanked)


def _pairs(structure: str, pattern: re.Pattern[str], opener: str) -> tuple[list[int], dict[int, int]]:
    """(every opener's offset, opener -> its matching closer) for `[]` or `()`, nesting counted."""
    openers: list[int] = []
    stack: list[int] = []
    pairs: dict[int, int] = {}
    for match in pattern.finditer(structure):
        if match.group() == opener:
            openers.append(match.start())
            stack.append(match.start())
        elif stack:
            pairs[stack.pop()] = match.start()
    return openers, pairs


def _title_start(segment: str) -> int:
    """Where a quoted title starts in the text between `(` and `)`, or len(segment) if there is none.

    LinkInlineProcessor.getLink: the first quote character opens a title if the last non-blank character before
    `)` closes it; failing that, the other quote character, first seen after it, may.
    """
    last = segment.rstrip(" ")[-1:]
    firsts = [i for i in (segment.find('"'), segment.find("'")) if i >= 0]
    if not firsts or not last:
        return len(segment)
    first = min(firsts)
    quote = segment[first]
    if last == quote and segment.find(quote, first + 1) >= 0:
        return first
    other = "'" if quote == '"' else '"'
    second = segment.find(other, first + 1)
    if second >= 0 and last == other and segment.find(other, second + 1) >= 0:
        return second
    return len(segment)


def _target(text: str, structure: str, paren: int, parens: dict[int, int]) -> tuple[str, int, int] | None:
    """(target, offset of its first character, end of the link) for the `(` at `paren`, or None."""
    start = paren + 1
    while start < len(text) and text[start].isspace():
        start += 1
    if structure.startswith("<", start):
        angle = ANGLE_TARGET.match(structure, start)
        if angle:
            return text[start + 1 : structure.index(">", start)].strip(), start, angle.end()
    close = parens.get(paren)
    if close is None:
        return None
    segment = text[start:close]
    href = segment[: _title_start(structure[start:close])]
    return UNESCAPE.sub(r"\1", href).strip(), start, close + 1


def label_key(label: str) -> str:
    """A reference label as Python-Markdown looks it up: lower-cased, runs of blanks as one space."""
    return " ".join(label.lower().split())


def scan_inline(text: str, labels: Collection[str] = (), spans: list[CodeSpan] | None = None) -> Inline:
    """Code spans, links, images and reference links of one paragraph (or heading, or table cell).

    `labels` are the page's defined reference labels: `[text][label]` is reported whatever its label (so an
    undefined one is caught) but, like `[label]` alone, only renders as a link, hiding what it contains, if defined.
    `spans` are the text's code spans, if the caller has them already.
    """
    spans = code_spans(text) if spans is None else spans
    structure = _structure(blank_spans(text, spans))
    openers, brackets = _pairs(structure, BRACKET, "[")
    _, parens = _pairs(structure, PAREN, "(")
    links: list[InlineLink] = []
    refs: list[InlineRef] = []
    done = 0  # everything before this offset belongs to a link already found
    label_end = 0  # ... except the text of the last link, where images still count (an image can be a link)
    for start in openers:
        close = brackets.get(start)
        image = start > 0 and structure[start - 1] == "!"
        if close is None or (start < done and not (image and start < label_end)):
            continue
        label_text = text[start + 1 : close]
        end = -1
        if structure.startswith("(", close + 1):
            found = _target(text, structure, close + 1, parens)
            if found is not None:
                target, target_start, end = found
                links.append(InlineLink(start - image, end, label_text, target, target_start, image))
        elif reference := REF_LABEL.match(structure, close + 1):
            label = label_key(text[reference.start(1) : reference.end(1)] or label_text)
            refs.append(InlineRef(start - image, reference.end(), label_text, label))
            end = reference.end() if label in labels else -1
        elif label_key(label_text) in labels:
            refs.append(InlineRef(start - image, close + 1, label_text, label_key(label_text), shortcut=True))
            end = close + 1
        if end > done:
            done, label_end = end, (close if not image else 0)
    return Inline(spans, links, refs)


def inline_links(text: str) -> list[InlineLink]:
    """The links and images written in `text` (a line of Markdown or a YAML text field)."""
    return scan_inline(text).links
