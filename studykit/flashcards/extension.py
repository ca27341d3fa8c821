"""The flashcards block for Python-Markdown (pymdownx Blocks API):

    /// flashcards
    ///

lists every deck (glossary terms, abbreviations, one per chapter) with its number of cards. flashcards.js then
adds each deck's new and due counts and the review itself, from `assets/studykit/data/flashcards.json` (written by
the generate step, see decks.py) and the student's saved state; without JavaScript the list stays, with a note.
The HTML is stashed as raw HTML so no other extension (glossary linking, toc) rewrites the inside of the widget.

Config: `catalog` (the build's snapshot; set by studykit) or `project_dir` (direct use).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markdown import Markdown
from pymdownx.blocks import BlocksExtension, BlocksProcessor
from pymdownx.blocks.block import Block

from ..catalog import Catalog
from ..generate.snapshot import catalog_for
from ..render.pagemarker import register as register_page_marker
from ..render.safehtml import register as register_safe_html
from .decks import EXTENSION_NAME, build_decks

__all__ = ["EXTENSION_NAME", "FlashcardsExtension", "makeExtension", "render_flashcards"]


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("studykit", "flashcards/templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_flashcards(catalog: Catalog) -> str:
    decks = build_decks(catalog)
    return (
        environment()
        .get_template("flashcards.html")
        .render(
            glossary=[deck for deck in decks if deck.kind != "chapter"],
            chapters=[deck for deck in decks if deck.kind == "chapter"],
        )
    )


class FlashcardsBlock(Block):  # type: ignore[misc]  # pymdownx ships no type stubs
    """The deck list; anything written inside the block is ignored."""

    NAME = "flashcards"
    ARGUMENT = False
    extension: FlashcardsExtension

    def on_markdown(self) -> str:
        return "raw"

    def on_create(self, parent: etree.Element) -> etree.Element:
        return etree.SubElement(parent, "p")

    def on_end(self, block: etree.Element) -> None:
        for child in list(block):
            block.remove(child)
        block.attrib.clear()
        # A <p> holding only a placeholder is replaced by the block-level HTML itself (no wrapper element).
        block.text = self.md.htmlStash.store(render_flashcards(self.extension.catalog()))


class FlashcardsExtension(BlocksExtension):  # type: ignore[misc]
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "catalog": ["", "path of the catalog snapshot the build wrote (set by studykit's build)"],
            "project_dir": ["", "project root (the folder with mkdocs.yml); default: the current directory"],
        }
        super().__init__(**kwargs)

    def catalog(self) -> Catalog:
        return catalog_for(self.getConfigs())

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: BlocksProcessor) -> None:  # noqa: N802 - API name
        md.registerExtension(self)
        register_page_marker(md)  # the generate step marks pages when any studykit extension is loaded
        register_safe_html(md)
        block_mgr.register(type("FlashcardsBlock", (FlashcardsBlock,), {"extension": self}), {})


def makeExtension(**kwargs: Any) -> FlashcardsExtension:  # noqa: N802 - Python-Markdown's entry point name
    return FlashcardsExtension(**kwargs)
