"""A fast line scanner for Markdown pages: headings (with the anchors the toc extension will produce), links,
citations, term links, quiz blocks and unsafe HTML, each with its line and column.

It does not render: checking a thousand pages must take seconds, and positions must be those of the source.
Fenced code blocks and inline code spans are skipped, as the renderer would.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown.extensions.toc import slugify as toc_slugify

from ..syntax import CITATION, citation_ids

FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
HEADING = re.compile(r"^(?P<indent>\s*)(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)[ \t]*#*[ \t]*$")
ATTR_ID = re.compile(r"[ \t]*\{[^}]*?#(?P<id>[\w:.-]+)[^}]*\}[ \t]*$")
CODE_SPAN = re.compile(r"(`+)(?:.+?)\1")
INLINE_LINK = re.compile(
    r"(?P<bang>!?)\[(?P<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*(?P<target><[^>]*>|[^\s)]*)(?:\s+[\"'(][^)]*)?\)"
)
REF_LINK = re.compile(r"(?P<bang>!?)\[(?P<text>(?:[^\[\]]|\[[^\[\]]*\])+)\]\[(?P<label>[^\]]*)\]")
REF_DEF = re.compile(r"^ {0,3}\[(?P<label>[^\]]+)\]:\s*(?P<target><[^>]*>|\S+)")
QUIZ_BLOCK = re.compile(r"^\s*/{3,}[ \t]*quiz[ \t]*\|[ \t]*(?P<id>\S(?:.*\S)?)\s*$")  # as pymdownx Blocks reads it
UNSAFE = re.compile(
    r"(?P<tag><\s*(?:script|iframe|object|embed)\b)|(?P<handler><[^>]*\son[a-z]+\s*=)|(?P<js>javascript\s*:)",
    re.IGNORECASE,
)
INLINE_MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|[*_`]")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str
    line: int


@dataclass(frozen=True)
class Link:
    target: str
    line: int
    column: int
    image: bool = False


@dataclass(frozen=True)
class RefUse:
    label: str
    line: int
    column: int


@dataclass(frozen=True)
class Citation:
    ref_id: str
    line: int
    column: int


@dataclass(frozen=True)
class CitationSpan:
    """One `[@a; @b]` as written: where it starts and ends on its line (0-based offsets) and the ids it names."""

    line: int
    start: int
    end: int
    ids: tuple[str, ...]


@dataclass(frozen=True)
class Unsafe:
    what: str
    line: int
    column: int


@dataclass
class ScannedPage:
    headings: list[Heading] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    ref_defs: dict[str, Link] = field(default_factory=dict)
    ref_uses: list[RefUse] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    citation_spans: list[CitationSpan] = field(default_factory=list)
    quiz_blocks: list[tuple[str, int, int]] = field(default_factory=list)
    unsafe: list[Unsafe] = field(default_factory=list)
    prose: list[tuple[int, str]] = field(default_factory=list)  # (line, text) outside code and headings

    @property
    def anchors(self) -> set[str]:
        return {h.anchor for h in self.headings}


def heading_anchor(text: str, seen: set[str]) -> tuple[str, str]:
    """Return (display text, anchor) the way Python-Markdown's toc + attr_list would."""
    custom = ATTR_ID.search(text)
    if custom:
        text = text[: custom.start()]
        anchor = custom.group("id")
    else:
        plain = INLINE_MARKUP.sub(lambda m: m.group(1) or "", text)
        anchor = toc_slugify(plain, "-") or "_"
    unique = anchor
    suffix = 1
    while unique in seen:
        unique = f"{anchor}_{suffix}"
        suffix += 1
    seen.add(unique)
    return text.strip(), unique


def _blank_code_spans(line: str) -> str:
    return CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)


def scan(text: str, first_line: int = 1) -> ScannedPage:
    """Scan Markdown `text` whose first line is line `first_line` of its file."""
    page = ScannedPage()
    seen_anchors: set[str] = set()
    fence: str | None = None
    for offset, raw_line in enumerate(text.split("\n")):
        number = first_line + offset
        fence_match = FENCE.match(raw_line)
        if fence is not None:
            if fence_match and fence_match.group(1)[0] == fence[0] and len(fence_match.group(1)) >= len(fence):
                fence = None
            continue
        if fence_match:
            fence = fence_match.group(1)
            continue
        line = _blank_code_spans(raw_line)
        for unsafe in UNSAFE.finditer(line):
            what = unsafe.group("tag") or unsafe.group("handler") or unsafe.group("js")
            page.unsafe.append(Unsafe(what.strip(), number, unsafe.start() + 1))
        quiz = QUIZ_BLOCK.match(line)
        if quiz:
            page.quiz_blocks.append((quiz.group("id"), number, quiz.start("id") + 1))
            continue
        heading = HEADING.match(raw_line)
        if heading and len(heading.group("indent").expandtabs(4)) % 4 == 0:
            display, anchor = heading_anchor(heading.group("text"), seen_anchors)
            page.headings.append(Heading(len(heading.group("hashes")), display, anchor, number))
            continue
        definition = REF_DEF.match(line)
        if definition:
            target = definition.group("target").strip("<>")
            page.ref_defs[definition.group("label").lower()] = Link(target, number, definition.start("target") + 1)
            continue
        page.prose.append((number, line))
        for link in INLINE_LINK.finditer(line):
            target = link.group("target").strip("<>")
            page.links.append(Link(target, number, link.start("target") + 1, image=bool(link.group("bang"))))
        for ref in REF_LINK.finditer(line):
            label = (ref.group("label") or ref.group("text")).lower()
            page.ref_uses.append(RefUse(label, number, ref.start() + 1))
        for cite in CITATION.finditer(line):
            ids = citation_ids(cite.group("ids"))
            for ref_id, offset in ids:
                page.citations.append(Citation(ref_id, number, cite.start("ids") + offset + 1))
            page.citation_spans.append(CitationSpan(number, cite.start(), cite.end(), tuple(i for i, _ in ids)))
    return page
