"""A fast line scanner for Markdown pages: headings (with the anchors the toc extension will produce), links,
citations, term links and quiz blocks, each with its line and column (unsafe HTML: sources/htmlscan.py).

It does not render: checking a thousand pages must take seconds, and positions must be those of the source. But
it must see the page as Python-Markdown (with the extensions in mkdocs.yml) will, or `check` and the build
disagree: a link the scanner thinks is code goes unchecked, a `<script>` it thinks is code goes live. So:

- fenced code follows pymdownx.superfences: a fence (at any indentation, inside admonitions and lists too) is
  code only once its closing fence (same characters, same indentation) is found; an unclosed fence is text, so
  one stray ``` never hides the rest of the page;
- indented code follows Python-Markdown's blocks: a block (after a blank line) indented four spaces more than its
  container is code, while inside a list item or an admonition those four spaces are the container's content;
- code spans, links and reference links are found per paragraph by `inline.scan_inline` (linear, see there);
- heading ids are toc's: explicit `{#id}` ids first, then slugs made unique with `_1`, `_2`, ... (linear).

tests/test_scanner_differential.py compares the scanner with Python-Markdown on every shipped and fixture page.
Every regex here is anchored or stops at the next delimiter, so scanning is linear in the size of the page.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from markdown.extensions.toc import slugify as toc_slugify

from ..syntax import CITATION, FIGURE_ANCHOR_PREFIX, citation_ids
from .inline import CodeSpan, InlineLink, blank_spans, code_spans, label_key, scan_inline

TAB = 4  # Python-Markdown's tab_length
FENCE_OPEN = re.compile(r"(?P<fence>`{3,}|~{3,})(?P<info>.*)")
FENCE_LANG = re.compile(r"[ \t]*\.?[\w#.+-]+(?=[ \t]|$)")
FENCE_OPTION = re.compile(
    r"""[ \t]*(?P<key>[a-zA-Z][a-zA-Z0-9_]*)(?:=(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'))?(?=[ \t]|$)"""
)
FENCE_OPTIONS = {  # what superfences' highlight validator accepts; any other option means "not a fence"
    "hl_lines": re.compile(r"\d+(?:-\d+)?(?:[ \t]+\d+(?:-\d+)?)*$"),
    "linenums": re.compile(r"\d+"),
    "title": None,
    "title_mode": None,
}
# admonition and pymdownx.details openers: the whole line, as AdmonitionProcessor.RE and RE_DETAILS read it
ADMONITION = re.compile(r'(?:!!!|\?\?\?\+?) ?(?:[\w-]+(?: +[\w-]+)*(?: +"[^\n]*")?|"[^\n]*") *$')
LIST_ITEM = re.compile(r"(?:[*+-]|\d+\.)[ ]+")
HRULE = re.compile(r"(?:-[ ]{0,2}){3,}|(?:_[ ]{0,2}){3,}|(?:\*[ ]{0,2}){3,}")  # fullmatch, trailing blanks cut
TABLE_DIVIDER = frozenset(" |:-")  # the characters of a table's header divider row
SETEXT = re.compile(r"[=-]+[ ]*")
QUOTE_MARKER = re.compile(r"[ ]{0,3}>[ ]?")
ATTR_TOKEN = re.compile(r"""[^ =}]+="[^"]*"|[^ =}]+='[^']*'|[^ =}]+=[^ =}]+|[^ =}]+| """)  # attr_list's scanner
IDCOUNT = re.compile(r"(.*)_([0-9]+)")
HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
UNDERSCORES = re.compile(r"_+")
WORD = re.compile(r"\w")
UNESCAPE = re.compile(r"\\([\\`*_{}\[\]()>#+\-.!])")
CODE_MARK = re.compile(r"\x02(\d+)\x03")
MARKUP_CHARS = frozenset("`[]<>*_\\&")  # a heading without any of these is its own plain text
# `[label]: target "title"`, the whole line (ReferenceProcessor.RE, less its title-on-the-next-line form)
REF_DEF = re.compile(r"""\[(?P<label>[^\[\]]+)\]:[ ]*(?P<target>\S++)[ ]*(?:"[^\n]*"|'[^\n]*'|\([^\n]*\))?[ ]*$""")
QUIZ_BLOCK = re.compile(r"^\s*/{3,}[ \t]*quiz[ \t]*\|[ \t]*(?P<id>\S(?:.*\S)?)\s*$")  # as pymdownx Blocks reads it
INLINE_ATTRS = re.compile(r"\{:?[ ]*([^}\n ][^\n]*)[ ]*\}")  # attr_list's inline form, right after an element
INLINE_MARKUP = re.compile(r"!?\[([^\[\]]*)\]\([^()]*\)|[*_`]")  # rough plain text of a title, for display

BLANK, TEXT, HEADING, CODE, QUIZ, REF, UNDERLINE = range(7)


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str
    line: int
    underline: int | None = None  # a setext heading (`Title` over `===` or `---`): the line of its underline


@dataclass(frozen=True)
class Link:
    target: str
    line: int
    column: int
    image: bool = False
    anchor: str | None = None  # an image's `{#id}`


@dataclass(frozen=True)
class ImageId:
    """An image given an id by an attribute list, `![alt](target){#id}`: a figure when the id starts `fig-`."""

    anchor: str
    target: str
    alt: str
    line: int  # where the image starts (its `!`)
    column: int
    id_column: int  # where the `#id` is written (on `line`)
    alone: bool  # the only thing in its paragraph, as a figure must be

    @property
    def is_figure(self) -> bool:
        return self.anchor.startswith(FIGURE_ANCHOR_PREFIX) and self.alone


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


@dataclass
class ScannedPage:
    headings: list[Heading] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    ref_defs: dict[str, Link] = field(default_factory=dict)
    ref_uses: list[RefUse] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    citation_spans: list[CitationSpan] = field(default_factory=list)
    quiz_blocks: list[tuple[str, int, int]] = field(default_factory=list)
    image_ids: list[ImageId] = field(default_factory=list)  # images with an `{#id}`, in page order
    prose: list[tuple[int, str]] = field(default_factory=list)  # (line, text) outside code and headings

    @property
    def anchors(self) -> set[str]:
        return {h.anchor for h in self.headings} | {image.anchor for image in self.image_ids}

    @property
    def figures(self) -> list[ImageId]:
        """The page's figures in order: their position is their number ("Figure 2")."""
        return [image for image in self.image_ids if image.is_figure]


# ---------------------------------------------------------------- fences (pymdownx.superfences)


def _fence_opener(info: str) -> bool:
    """Whether the text after ``` is one superfences accepts (language, `{attributes}`, known options)."""
    lang = FENCE_LANG.match(info)
    rest = info[lang.end() :] if lang else info
    rest = rest.strip(" \t")
    if not rest or (rest.startswith("{") and rest.endswith("}")):
        return True
    position = 0
    while position < len(rest):
        option = FENCE_OPTION.match(rest, position)
        if option is None or option.end() == position:
            return False
        key, value = option.group("key"), option.group("dq") or option.group("sq") or option.group("key")
        if key not in FENCE_OPTIONS:
            return False
        validator = FENCE_OPTIONS[key]
        if validator is not None and not validator.match(value):
            return False
        position = option.end()
    return True


def _prefix(line: str) -> str:
    """Leading spaces and blockquote markers, which superfences strips from a fence and its content."""
    return line[: len(line) - len(line.lstrip(" >"))]


def fences(lines: list[str]) -> dict[int, int]:
    """Closed fences: first line index -> closing line index. `lines` have their tabs expanded.

    SuperFencesBlockPreprocessor.search_nested: a fence opens at any indentation; content lines must be indented
    at least as much (a less indented line abandons it, and is not itself a new opener); it closes at a line with
    exactly its fence at exactly its indentation. A fence never closed is no fence at all.
    """
    found: dict[int, int] = {}
    fence = ""
    start = indent = quotes = 0
    for index, line in enumerate(lines):
        if not fence:
            if line.lstrip(" >")[:1] not in ("`", "~"):
                continue
            prefix = _prefix(line)
            opener = FENCE_OPEN.match(line, len(prefix))
            if opener and _fence_opener(opener.group("info")):
                fence, start, indent, quotes = opener.group("fence"), index, len(prefix), prefix.count(">")
            continue
        taken = _prefix(line[:indent])
        content = line[len(taken) :]
        if not (taken + content).strip() or (quotes and not content.strip()):
            continue
        if (taken.count(">") != quotes) or (len(taken) != indent and not quotes) or (len(taken) < indent):
            fence = ""  # not indented enough (or out of its blockquote): superfences abandons the fence
        elif content.startswith(fence) and not content[len(fence) :].strip(" \t"):
            found[start] = index
            fence = ""
    return found


# ---------------------------------------------------------------- blocks (Python-Markdown's BlockParser)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _heading_level(content: str) -> int:
    hashes = len(content) - len(content.lstrip("#"))
    return min(hashes, 6)


def classify(lines: list[str]) -> tuple[list[int], list[bool]]:
    """(kind of each line, whether each TEXT line starts a new paragraph) the way Python-Markdown's block
    processors will see the page. `lines` have their tabs expanded."""
    blocks = _Blocks(lines)
    return blocks.kinds, blocks.starts


class _Blocks:
    """A line-level model of Python-Markdown's BlockParser.

    A stack of containers (list items and admonitions, each with the indentation of its content), whether the
    line starts a block (after a blank line, a heading, the end of code), and the indented-code rule: a block
    indented four spaces past its container's content is code. A blockquote is read the same way, recursively,
    from its lines with their `>` removed (a few levels deep: deeper quotes are read as text).
    """

    MAX_QUOTE_DEPTH = 8

    def __init__(self, lines: list[str], depth: int = 0, closed: dict[int, int] | None = None) -> None:
        self.lines = lines
        self.depth = depth
        self.kinds = [TEXT] * len(lines)
        self.starts = [False] * len(lines)
        self.content = [_indent(line) for line in lines]  # column where each line's content starts
        self.closed = fences(lines) if closed is None else closed  # superfences reads the page once, quotes and all
        self.containers: list[tuple[bool, int]] = []  # (is an admonition, indentation of its content)
        self.admonitions: list[int] = []  # positions in `containers` of the admonitions
        self.run()

    def _mark(self, first: int, last: int, kind: int) -> None:
        self.kinds[first : last + 1] = [kind] * (last + 1 - first)

    def _pop_to(self, indent: int) -> None:
        while self.containers and indent < self.containers[-1][1]:
            self.containers.pop()
            if self.admonitions and self.admonitions[-1] >= len(self.containers):
                self.admonitions.pop()

    def run(self) -> None:
        self.block_start = True  # the line starts a block (Python-Markdown splits the page at blank lines)
        self.fresh = True  # ... after a blank line: a block of the page, not a piece split off inside one
        self.block_base = 0  # the margin of the current block: its container's content indentation
        self.list_block = self.table = self.after_ref = False
        self.code_indent = -1  # inside an indented code block: lines indented at least this much continue it
        # A block that starts as indented code gets its fences put back as text (superfences'
        # revert_greedy_fences): the rest of that block is read as if no fence had been found, as one block.
        self.reverted = False
        self.reverted_until = -1
        self.saved: tuple[list[tuple[bool, int]], list[int]] = ([], [])  # containers before the block start
        self.popped = False  # whether this line's block start closed containers (restored after a definition)
        index = 0
        while index < len(self.lines):
            index = self._step(index)

    def _base(self) -> int:
        return self.containers[-1][1] if self.containers else 0

    def _step(self, index: int) -> int:
        """Classify the line at `index` (and the rest of its fence or underline); return the next index."""
        line = self.lines[index]
        last = self.closed.get(index, index)
        if self.reverted:
            if last != index:
                self.reverted_until = max(self.reverted_until, last)
            last = index
        if not line.strip(" "):
            if index > self.reverted_until:
                self.kinds[index] = BLANK
                self.block_start, self.fresh, self.reverted = True, True, False
                self.list_block = self.table = self.after_ref = False
            return index + 1
        indent = _indent(line)
        if self.code_indent >= 0:
            if indent >= self.code_indent:
                self.reverted = self.reverted or self.block_start
                self.block_start = False
                self._mark(index, last, CODE)
                return last + 1
            self.code_indent, self.block_start = -1, True
        fresh, self.fresh = self.fresh, False
        if self.admonitions and self.containers[self.admonitions[-1]][1] > indent:
            self.block_start = fresh = True  # an admonition's content ends at the first line not indented into it
        self.popped = self.block_start and fresh
        if self.block_start:
            if fresh:  # a piece split off a block stays where the block was (a list item's text, say)
                self.saved = (self.containers[:], self.admonitions[:])
                self._pop_to(indent)
            self.list_block = self.table = False
            self.block_base = self._base()
        base = self._base()
        if self.block_start and indent >= base + TAB:
            self.code_indent = base + TAB
            self._mark(index, last, CODE)
            self.block_start, self.reverted = False, True
            return last + 1
        content = line[indent:]
        quoted = indent - base <= 3 and content.startswith(">") and self.depth < self.MAX_QUOTE_DEPTH
        if quoted and not (self.block_start and self._underlined(index, base)):
            end, split = self._quote(index, base)
            self.block_start = not split
            return end
        if last != index:  # a closed fence: code, and one line of its block for what follows
            self._mark(index, last, CODE)
            self.block_start = False
            return last + 1
        self.starts[index] = self.block_start or self.table
        self.block_start = False
        after_ref, self.after_ref = self.after_ref, False
        return self._line(index, indent, after_ref)

    def _margin(self, index: int, indent: int) -> int | None:
        """The margin of the block this line starts a line of, for the processors that split a block at any line
        (headings, rules, admonitions), or None if the line is indented into something (a list item's text).

        Inside a list's block, those processors see the block at the list's own margin, or after a nested list
        was split off, at an outer item's; a line indented to the innermost item is that item's text."""
        base = self._base()
        if not self.list_block or self.starts[index]:
            if indent == 0 and self.containers and not self.containers[-1][0]:
                return 0  # a lazy line of a list item's block: at the margin once the block is dedented
            return base if indent <= base + 3 else None
        # the deepest outer item (not the innermost) whose content the line starts at, found by bisection
        below = bisect_right(self.containers, indent, hi=len(self.containers) - 1, key=lambda c: c[1])
        outer = self.containers[below - 1][1] if below else -1
        for margin in (outer, self.block_base, 0 if not self.admonitions else -1):
            if margin >= self.block_base or margin == 0:
                if 0 <= margin <= indent <= margin + 3:
                    return margin
        return None

    def _line(self, index: int, indent: int, after_ref: bool) -> int:
        """Classify a line of text at `index` by what it starts with; return the next index."""
        line, containers = self.lines[index], self.containers
        content = line[indent:]
        margin = self._margin(index, indent)
        base = self._base()
        if self.table:
            return index + 1  # a row: its cells are inline-parsed on their own, never a heading or a list
        if margin is not None and (indent == margin and (ADMONITION.match(content) or content.startswith("#"))):
            if self.list_block:
                self._pop_to(max(margin, self.block_base))  # split off the list's block: the list ends here
            self.list_block = False
            if content.startswith("#"):
                self.kinds[index] = HEADING
            else:
                containers.append((True, indent + TAB))
                self.admonitions.append(len(containers) - 1)
                self.starts[index] = True
            self.block_start = True  # what follows starts a new block (an admonition's content, too)
        elif QUIZ_BLOCK.match(line):
            self.kinds[index] = QUIZ
            self.block_start = True
        elif self.starts[index] and self._underlined(index, base, dashes=not after_ref):
            self.kinds[index], self.kinds[index + 1] = HEADING, UNDERLINE
            self.block_start = True
            return index + 2
        elif indent - base <= 3 and REF_DEF.match(content):
            self.kinds[index] = REF
            self.after_ref = True
            self.block_start = not self.list_block  # in a list's block, a lazy line of the item's text
            if self.popped:  # a definition makes no element: the list or admonition before it goes on
                self.containers, self.admonitions = self.saved
        elif margin is not None and HRULE.fullmatch(content.rstrip(" ")):
            if self.list_block:
                self._pop_to(max(margin, self.block_base))
            self.starts[index] = self.block_start = True
            self.list_block = False
        elif LIST_ITEM.match(content) and _list_item(containers, indent, base, self.starts[index], self.list_block):
            self.starts[index] = self.list_block = True
        elif self.starts[index] and "|" in line and _divider("".join(self.lines[index + 1 : index + 2])):
            self.table = True  # each row's cells are inline-parsed on their own
        return index + 1

    def _underlined(self, index: int, base: int, *, dashes: bool = True) -> bool:
        """SetextHeaderProcessor: the first line of a block, and a next line of `=` or `-` at the block's margin
        (or at the left margin, a lazy line of a list item). Not `-` right after a reference definition: the
        rule processor, which runs first, has already taken the `---` as a horizontal rule."""
        if index + 1 >= len(self.lines) or index + 1 in self.closed:
            return False
        following = self.lines[index + 1]
        margin = _indent(following)
        lazy = margin == 0 and bool(self.containers) and not self.admonitions
        underline = SETEXT.fullmatch(following, margin) is not None and (dashes or following[margin] == "=")
        return (margin == base or lazy) and underline

    def _quote(self, first: int, base: int) -> tuple[int, bool]:
        """Read the blockquote starting at `first` (to the end of its block); return (the index after it, whether
        a line that splits the block ended it)."""
        end = first
        inner: list[str] = []
        closed: dict[int, int] = {}
        split = False
        while end < len(self.lines) and self.lines[end].strip(" "):
            line = self.lines[end]
            margin = min(base, _indent(line))
            if end > first and self.admonitions and margin < self.containers[self.admonitions[-1]][1]:
                break  # the admonition ends here, and the quote with it (a list item's text goes on lazily)
            unquoted = line[margin:].lstrip(" ")
            if end > first and not unquoted.startswith(">") and _splits_block(unquoted):
                split = True
                break  # a heading, rule or admonition splits the block before the quote is read
            last = self.closed.get(end, end)
            if last != end:
                if not QUOTE_MARKER.match(line[margin:]):
                    break  # an unquoted fence after lazy lines: outside the quote
                closed[end - first] = last - first
            for text in self.lines[end : last + 1]:
                text = text[min(margin, _indent(text)) :]
                marker = QUOTE_MARKER.match(text)
                inner.append(text[marker.end() :] if marker else text)
            end = last + 1
        quote = _Blocks(inner, self.depth + 1, closed)
        for offset, line in enumerate(inner):
            self.kinds[first + offset] = quote.kinds[offset]
            self.starts[first + offset] = quote.starts[offset] or offset == 0
            self.content[first + offset] = len(self.lines[first + offset]) - len(line) + quote.content[offset]
        return end, split


def _divider(line: str) -> bool:
    """Whether `line` is a table's header divider (`|---|:--:|`)."""
    return "-" in line and "|" in line and TABLE_DIVIDER.issuperset(line)


def _emphasis_underscores(match: re.Match[str]) -> str:
    """An underscore run is an emphasis marker unless it sits inside a word (`snake_case`)."""
    text, start, end = match.string, match.start(), match.end()
    inside = start > 0 and end < len(text) and WORD.match(text[start - 1]) and WORD.match(text[end])
    return match.group() if inside else ""


def _splits_block(content: str) -> bool:
    """Whether a line is one the block processors that run before BlockQuoteProcessor split a block at."""
    return content.startswith("#") or bool(ADMONITION.match(content) or HRULE.fullmatch(content.rstrip(" ")))


def _list_item(containers: list[tuple[bool, int]], indent: int, base: int, block_start: bool, in_list: bool) -> bool:
    """Whether a line with a list marker is a list item; if so, make its content the innermost container.

    A block starting with a marker starts a list (nested, if the block is a list item's). Inside a list's block,
    a marker less indented than the innermost item's content is a sibling item (of the innermost list it fits);
    one indented to that content or beyond starts a nested list. Inside a paragraph, a marker is just text."""
    if block_start:
        if indent - base > 3:
            return False
        containers.append((False, base + TAB))
        return True
    if not in_list or not containers or containers[-1][0]:
        return False  # Python-Markdown lists never interrupt a paragraph
    while len(containers) > 1 and not containers[-1][0] and not containers[-2][0] and indent < containers[-1][1] - TAB:
        containers.pop()
    if containers[-1][1] - TAB <= indent < containers[-1][1]:
        return True  # a sibling item: same content indentation
    if indent >= containers[-1][1]:
        containers.append((False, containers[-1][1] + TAB))
    return True


# ---------------------------------------------------------------- headings and their ids (toc + attr_list)


def _attr_id(text: str) -> tuple[str, str | None]:
    """(heading text without a trailing attribute list, the id it sets) as attr_list's HEADER_RE reads it:
    the first ` {` after the last inline element, up to the final `}`; a stray `}` inside voids it."""
    end = len(text) - 1
    if not text.endswith("}"):
        return text, None
    brace = text.find(" {", _last_inline_end(text))
    inner = end
    while 0 <= brace < end:
        inner = brace + 2 + text.startswith(":", brace + 2)
        while text.startswith(" ", inner):
            inner += 1
        if inner < end and text[inner] != "}":
            break
        brace = text.find(" {", brace + 1)
    else:
        return text, None
    attributes = text[inner:end]
    anchor: str | None = None
    position = 0
    while position < len(attributes):
        token = ATTR_TOKEN.match(attributes, position)
        if token is None:
            if "}" in attributes[position:]:
                return text, None  # attr_list leaves a heading with a stray `}` alone
            break
        if token.group().startswith("#") and "=" not in token.group():
            anchor = token.group()[1:]
        position = token.end()
    return text[:brace].rstrip(" ").rstrip("#").rstrip(), anchor


def plain_text(text: str, labels: Collection[str] = ()) -> str:
    """A heading's text as toc slugifies it: code kept as written, links reduced to their text, images, tags and
    emphasis markers dropped, escapes and entities resolved."""
    if not MARKUP_CHARS.intersection(text):
        return text
    spans = code_spans(text)
    codes = [text[span.content_start : span.content_end].strip() for span in spans]
    pieces: list[str] = []
    position = 0
    for number, span in enumerate(spans):  # code becomes a placeholder no later rule touches
        pieces += [text[position : span.start], f"\x02{number}\x03"]
        position = span.end
    pieces.append(text[position:])
    marked = "".join(pieces)
    pieces, position = [], 0
    inline = scan_inline(marked, labels, [])  # backticks left over pair with nothing
    shown = [(ref.start, ref.end, ref.text) for ref in inline.refs if ref.label in labels]
    for start, end, shown_text in sorted([*((link.start, link.end, link.text) for link in inline.links), *shown]):
        if start >= position:  # a link's text, an image's nothing ("![" leaves the alternative text out)
            image = marked.startswith("!", start)
            pieces += [marked[position:start], "" if image else shown_text]
            position = end
    pieces.append(marked[position:])
    plain = UNDERSCORES.sub(_emphasis_underscores, HTML_TAG.sub("", "".join(pieces)).replace("*", ""))
    plain = html.unescape(UNESCAPE.sub(r"\1", plain))
    return CODE_MARK.sub(lambda m: codes[int(m.group(1))], plain)


class UniqueIds:
    """toc's unique(): `x`, then `x_1`, `x_2`, ... (and `x_5` taken gives `x_6`), in near-linear time.

    Hand-written because toc.unique() retries every suffix from the start (quadratic for repeated headings) in
    the Markdown versions pyproject.toml allows; here taken suffixes are skipped with path-compressed pointers.
    """

    def __init__(self, taken: set[str]) -> None:
        self.ids = set(taken)
        self.skip: dict[tuple[str, int], int] = {}

    def add(self, candidate: str) -> str:
        if candidate and candidate not in self.ids:
            self.ids.add(candidate)
            return candidate
        numbered = IDCOUNT.fullmatch(candidate)
        base, count = (numbered.group(1), int(numbered.group(2))) if numbered else (candidate, 0)
        suffix = count + 1
        path: list[int] = []
        while f"{base}_{suffix}" in self.ids:
            path.append(suffix)
            suffix = self.skip.get((base, suffix), suffix + 1)
        for step in path:
            self.skip[(base, step)] = suffix
        unique = f"{base}_{suffix}"
        self.ids.add(unique)
        return unique


def _headings(found: list[tuple[int, str, int, int | None]], labels: Collection[str]) -> list[Heading]:
    """Headings with toc's ids, from (level, text, line, underline line): explicit ids are taken first, as toc
    collects them."""
    parsed = [(level, *_attr_id(text), line, under) for level, text, line, under in found]
    ids = UniqueIds({anchor for _level, _text, anchor, _line, _under in parsed if anchor is not None})
    headings = []
    for level, text, anchor, line, underline in parsed:
        if anchor is None:
            anchor = ids.add(toc_slugify(plain_text(text, labels), "-"))
        headings.append(Heading(level, text.strip(), anchor, line, underline))
    return headings


def _last_inline_end(text: str) -> int:
    """Where the text after the heading's last code span or link starts (attr_list looks only there)."""
    inline = scan_inline(text)
    return max([0, *(span.end for span in inline.spans), *(link.end for link in inline.links)])


def _heading_text(content: str) -> str:
    """HashHeaderProcessor: after the hashes, up to trailing hashes that end the line (unless escaped)."""
    text = content[_heading_level(content) :].lstrip("#")
    stripped = text.rstrip("#")
    if len(stripped) < len(text) and (len(stripped) - len(stripped.rstrip("\\"))) % 2:
        stripped += "#"
    return stripped.strip()


# ---------------------------------------------------------------- the page


@dataclass(frozen=True)
class _Piece:
    """Lines Python-Markdown inline-parses as one text (a paragraph, a heading, a table row), or skips (code)."""

    kind: int
    first: int  # index of its first line
    lines: list[str]  # as written
    blanked: list[str]  # code spans blanked, reading the piece as one text
    visible: list[str]  # blanked only where code under either reading (piece or single line): for safety
    spans: list[CodeSpan] = field(default_factory=list)  # code spans of the piece's lines joined


def _visible(raw: str, blanked: str) -> str:
    """`raw` blanked only where `blanked` and a one-line reading both see code: a `<script>` that either
    reading shows is reported, whatever mistake the paragraph grouping made."""
    alone = blank_spans(raw, code_spans(raw))
    if alone == raw or blanked == raw:
        return raw
    return "".join(r if (b != " " or a != " ") else " " for r, b, a in zip(raw, blanked, alone, strict=True))


def _pieces(text: str) -> tuple[_Blocks, list[_Piece]]:
    """(the block reading, pieces) of `text`."""
    raw_lines = [line.removesuffix("\r") for line in text.split("\n")]
    blocks = _Blocks([line.expandtabs(TAB) if "\t" in line else line for line in raw_lines])
    kinds, starts = blocks.kinds, blocks.starts
    pieces: list[_Piece] = []
    index = 0
    while index < len(raw_lines):
        kind, end = kinds[index], index + 1
        if kind in (TEXT, BLANK, CODE, UNDERLINE):
            while end < len(raw_lines) and kinds[end] == kind and not (kind == TEXT and starts[end]):
                end += 1
        chunk = raw_lines[index:end]
        if kind in (BLANK, CODE, UNDERLINE):
            pieces.append(_Piece(kind, index, chunk, [""] * len(chunk), [""] * len(chunk)))
        else:
            joined = "\n".join(chunk)
            spans = code_spans(joined)
            blanked = blank_spans(joined, spans).split("\n")
            visible = blanked
            if len(chunk) > 1:
                visible = [_visible(raw, line) for raw, line in zip(chunk, blanked, strict=True)]
            pieces.append(_Piece(kind, index, chunk, blanked, visible, spans))
        index = end
    return blocks, pieces


def code_free_lines(text: str) -> list[str]:
    """The lines of `text` with code blocks (fenced or indented) emptied and code spans blanked, as Python-Markdown
    reads the page: what is left is what may reach the HTML as markup. Same number of lines, same lengths."""
    return [line for piece in _pieces(text)[1] for line in piece.visible]


def _add_inline(page: ScannedPage, piece: _Piece, number: int, labels: set[str]) -> None:
    """Links and reference links of the piece's lines, inline-parsed as one text, the first being line `number`."""
    starts = [0]
    for text in piece.lines:
        starts.append(starts[-1] + len(text) + 1)

    def where(offset: int) -> tuple[int, int]:
        row = bisect_right(starts, offset) - 1
        return number + row, offset - starts[row] + 1

    joined = "\n".join(piece.lines)
    inline = scan_inline(joined, labels, piece.spans)
    for link in inline.links:
        image = _image_id(joined, link, where) if link.image and joined.startswith("{", link.end) else None
        anchor = image.anchor if image is not None else None
        page.links.append(Link(link.target, *where(link.target_start), link.image, anchor))
        if image is not None:
            page.image_ids.append(image)
    for ref in inline.refs:
        page.ref_uses.append(RefUse(ref.label, *where(ref.start)))


def _image_id(joined: str, link: InlineLink, where: Callable[[int], tuple[int, int]]) -> ImageId | None:
    """The id attr_list gives an image from the `{...}` written right after it (the last `#id` token wins)."""
    attrs = INLINE_ATTRS.match(joined, link.end)
    if attrs is None:
        return None
    anchor, at, position = None, 0, attrs.start(1)
    while position < attrs.end(1):
        token = ATTR_TOKEN.match(joined, position, attrs.end(1))
        if token is None:
            break
        if token.group().startswith("#") and "=" not in token.group():
            anchor, at = token.group()[1:], token.start()
        position = token.end()
    if not anchor:
        return None
    line, column = where(link.start)
    id_line, id_column = where(at)
    alone = not joined[: link.start].strip() and not joined[attrs.end() :].strip()
    return ImageId(anchor, link.target, link.text, line, column, id_column if id_line == line else 1, alone)


def _add_prose(page: ScannedPage, piece: _Piece, number: int) -> None:
    """Prose and citations of one TEXT piece, line by line."""
    for offset, blanked in enumerate(piece.blanked):
        page.prose.append((number + offset, blanked))
        for cite in CITATION.finditer(blanked):
            ids = citation_ids(cite.group("ids"))
            for ref_id, at in ids:
                page.citations.append(Citation(ref_id, number + offset, cite.start("ids") + at + 1))
            span = CitationSpan(number + offset, cite.start(), cite.end(), tuple(i for i, _ in ids))
            page.citation_spans.append(span)


def _add_definition(page: ScannedPage, blocks: _Blocks, piece: _Piece, number: int) -> None:
    raw = piece.lines[0]
    definition = REF_DEF.match(raw, len(raw) - len(raw.lstrip(" \t")))
    if raw != blocks.lines[piece.first]:  # tabs, or a definition inside a blockquote
        definition = REF_DEF.match(blocks.lines[piece.first], blocks.content[piece.first])
    if definition:
        target = definition.group("target").strip("<>")
        page.ref_defs[label_key(definition.group("label"))] = Link(target, number, definition.start("target") + 1)


def scan(text: str, first_line: int = 1) -> ScannedPage:
    """Scan Markdown `text` whose first line is line `first_line` of its file."""
    page = ScannedPage()
    blocks, pieces = _pieces(text)
    for piece in pieces:  # definitions first: a reference link renders only if its label is defined, anywhere
        if piece.kind == REF:
            _add_definition(page, blocks, piece, first_line + piece.first)
    labels = set(page.ref_defs)
    found_headings: list[tuple[int, str, int, int | None]] = []
    for piece in pieces:
        number = first_line + piece.first
        if piece.kind in (BLANK, CODE, UNDERLINE, REF):
            continue
        if piece.kind == TEXT:
            _add_inline(page, piece, number, labels)
            _add_prose(page, piece, number)
            continue
        if piece.kind == QUIZ:
            quiz = QUIZ_BLOCK.match(piece.blanked[0])
            if quiz:
                page.quiz_blocks.append((quiz.group("id"), number, quiz.start("id") + 1))
        elif piece.kind == HEADING:
            content = blocks.lines[piece.first][blocks.content[piece.first] :]
            underline = piece.first + 1
            if underline < len(blocks.kinds) and blocks.kinds[underline] == UNDERLINE:
                level = 1 if blocks.lines[underline].lstrip(" ").startswith("=") else 2
                found_headings.append((level, content.strip(), number, first_line + underline))
            else:
                found_headings.append((_heading_level(content), _heading_text(content), number, None))
            _add_inline(page, piece, number, labels)
    page.headings = _headings(found_headings, labels)
    return page
