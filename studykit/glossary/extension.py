"""Python-Markdown extension: the glossary listing block, term links and link suppression.

- `/// glossary` + `///` (pymdownx Blocks) expands into the listing of every term in the project.
- `[text](term:<id>)` links `text` to the term's entry; `[text]{.no-term}` keeps `text` from being auto-linked.
- On every other page the first mention of each term becomes a link to its entry, carrying `data-term` and the
  `short` definition (`data-short`) for the tooltip script.

It gets the catalog from the build (`catalog`: the snapshot path) or, for direct use, loads `project_dir` once per
process. The page being rendered comes from the generate step's marker line (or the `page_path` option); without
either, links are written as seen from the content root.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as etree
from typing import Any
from urllib.parse import urlsplit

from markdown import Markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor
from pymdownx.blocks import BlocksExtension, BlocksProcessor
from pymdownx.blocks.block import Block

from ..catalog import Catalog
from ..generate.snapshot import catalog_for
from ..render.pagemarker import page_of
from ..render.pagemarker import register as register_page_marker
from ..render.safehtml import register as register_safe_html
from ..render.urls import source_href
from ..syntax import NO_TERM_CLASS, term_id_of
from .listing import build_listing
from .termlinks import TermLinker, glossary_href, rewrite_hrefs

LISTING_CLASS = "sk-glossary"
DEFINITION_CLASS = "sk-glossary-definition"
NO_TERM = r"\[(?P<text>[^\[\]\n]+)\]\{:?[ \t]*\." + NO_TERM_CLASS + r"[ \t]*\}"


class GlossaryBlock(Block):  # type: ignore[misc]  # pymdownx ships no type stubs
    """`/// glossary` ... `///`: replaced by the listing (any content inside the block is ignored)."""

    NAME = "glossary"
    ARGUMENT = False
    OPTIONS: dict[str, Any] = {}

    def on_create(self, parent: etree.Element) -> etree.Element:
        return etree.SubElement(parent, "div", {"class": "sk-glossary-block"})

    def on_end(self, block: etree.Element) -> None:
        catalog = catalog_for(self.config)
        block.clear()
        if getattr(self.md, "studykit_listing", False):  # a listing inside a definition: glossary.definition-block
            return
        block.tag, block.attrib = "div", {"class": LISTING_CLASS}
        self.md.studykit_listing = True
        try:
            listing = build_listing(catalog, self.md.parser.parseChunk)
        finally:
            self.md.studykit_listing = False
        block.extend(list(listing))


class NoTermProcessor(InlineProcessor):  # type: ignore[misc]  # Markdown ships no type stubs
    """`[text]{.no-term}` -> `<span class="no-term">text</span>`: the author's "do not link this" marker."""

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[etree.Element, int, int]:
        span = etree.Element("span", {"class": NO_TERM_CLASS})
        span.text = m.group("text")
        return span, m.start(0), m.end(0)


class GlossaryTreeprocessor(Treeprocessor):  # type: ignore[misc]
    """Resolves forced links everywhere, auto-links first mentions everywhere but on the glossary page."""

    def __init__(self, md: Markdown, config: dict[str, Any]) -> None:
        super().__init__(md)
        self.config = config

    def run(self, root: etree.Element) -> None:
        catalog = catalog_for(self.config)
        if catalog.glossary_page is None:
            return _unlink_forced(root)
        page_path = page_of(self.md, self.config)
        on_glossary = page_path == catalog.glossary_page or _has_listing(root)
        terms = {term_id: source.term for term_id, source in catalog.terms.items()}
        href = "" if on_glossary else glossary_href(catalog.glossary_page, page_path)
        linker = TermLinker(terms, catalog.matcher, href)
        if on_glossary:
            _rebase_definition_links(root, catalog)
        linker.resolve_forced(root)
        if not on_glossary:
            linker.auto_link(root)
        return None


def _has_listing(root: etree.Element) -> bool:
    return any(LISTING_CLASS in (el.get("class") or "").split() for el in root.iter("div"))


def _unlink_forced(root: etree.Element) -> None:
    """Without a glossary page there is nothing to link to: forced links keep their text only."""
    for el in root.iter("a"):
        if term_id_of(el.get("href", "")) is not None:
            el.tag = "span"
            el.attrib.clear()


def _rebase_definition_links(root: etree.Element, catalog: Catalog) -> None:
    """Definitions link pages content-relative (like `learn_more`); make those links relative to the glossary."""
    base_dir = posixpath.dirname(catalog.glossary_page or "")

    def rebase(href: str) -> str:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path or href.startswith(("/", "#")):
            return href
        return source_href(href, base_dir)

    for el in root.iter("div"):
        if DEFINITION_CLASS in (el.get("class") or "").split():
            rewrite_hrefs(el, rebase)


class GlossaryExtension(BlocksExtension):  # type: ignore[misc]
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "catalog": ["", "Path of the catalog snapshot the build wrote (set by studykit's build)"],
            "project_dir": ["", "Project root (holds content/ and glossary/); default: the current directory"],
            "page_path": ["", "Content-relative path of the page being rendered, e.g. procedures/rfa.md"],
        }
        super().__init__(**kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: BlocksProcessor) -> None:  # noqa: N802 - API name
        register_page_marker(md)
        register_safe_html(md)  # the build adds it too; this covers direct use of the extension
        block_mgr.register(GlossaryBlock, self.getConfigs())
        md.inlinePatterns.register(NoTermProcessor(NO_TERM, md), "studykit_no_term", 175)
        # after inline (20) and attr_list (8), before toc (5) and MkDocs' link rewriting (0)
        md.treeprocessors.register(GlossaryTreeprocessor(md, self.getConfigs()), "studykit_glossary", 7)


def makeExtension(**kwargs: Any) -> GlossaryExtension:  # noqa: N802 - the name Python-Markdown looks for
    return GlossaryExtension(**kwargs)
