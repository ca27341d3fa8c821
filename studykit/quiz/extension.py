"""Quiz blocks for Python-Markdown (pymdownx Blocks API):

    /// quiz | radiofrequency-ablation
    ///

embeds a quiz from quizzes/*.yml, and

    /// quiz-index
    ///

lists every quiz (the quiz hub), and

    /// practice
    ///

is the practice page's setup form (practice.js runs it from the question bank). HTML comes from studykit.render;
it is stashed as raw HTML so no other extension (glossary linking, toc) rewrites the inside of a widget. An unknown
id renders a visible notice instead of failing: `check` reports it with its line, and `serve` must keep rendering.

Config: `catalog` (the build's snapshot; set by studykit) or `project_dir` (direct use), `page_path` (the page
being rendered, when the generate step's marker line is absent) and `directory_urls` (default: the catalog's
site config). Without a page, links are written as if the quiz were rendered on its own `page:`.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown
from pymdownx.blocks import BlocksExtension, BlocksProcessor
from pymdownx.blocks.block import Block

from ..generate.snapshot import catalog_for
from ..render.pagemarker import page_of
from ..render.pagemarker import register as register_page_marker
from ..render.safehtml import register as register_safe_html
from .practice import render_practice
from .render import PageContext, render_quiz, render_quiz_index

EXTENSION_NAME = "studykit.quiz"


class _StashedBlock(Block):  # type: ignore[misc]  # pymdownx ships no type stubs
    """A block whose whole output is one HTML fragment; any content written inside it is ignored."""

    extension: QuizExtension

    def on_markdown(self) -> str:
        return "raw"

    def on_create(self, parent: etree.Element) -> etree.Element:
        return etree.SubElement(parent, "p")

    def fragment(self) -> str:
        raise NotImplementedError

    def on_end(self, block: etree.Element) -> None:
        for child in list(block):
            block.remove(child)
        block.attrib.clear()
        # A <p> holding only a placeholder is replaced by the block-level HTML itself (no wrapper element).
        block.text = self.md.htmlStash.store(self.fragment())


class QuizBlock(_StashedBlock):
    NAME = "quiz"
    ARGUMENT = True

    def on_validate(self, parent: etree.Element) -> bool:
        return bool(str(self.argument).strip())

    def fragment(self) -> str:
        return render_quiz(str(self.argument).strip(), self.extension.context(self.md))


class QuizIndexBlock(_StashedBlock):
    NAME = "quiz-index"
    ARGUMENT = False

    def fragment(self) -> str:
        return render_quiz_index(self.extension.context(self.md))


class PracticeBlock(_StashedBlock):
    NAME = "practice"
    ARGUMENT = False

    def fragment(self) -> str:
        return render_practice(self.extension.context(self.md))


class QuizExtension(BlocksExtension):  # type: ignore[misc]
    """The configuration and page context every catalog-rendered block shares; subclasses list other BLOCKS."""

    BLOCKS: tuple[type[_StashedBlock], ...] = (QuizBlock, QuizIndexBlock, PracticeBlock)

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "catalog": ["", "path of the catalog snapshot the build wrote (set by studykit's build)"],
            "project_dir": ["", "project root (the folder with mkdocs.yml); default: the current directory"],
            "page_path": ["", "content-relative path of the page being rendered, e.g. procedures/rfa.md"],
            "directory_urls": ["", "pages are served at folder/ URLs (default: use_directory_urls of mkdocs.yml)"],
            "source_links": [
                False,
                "write links as source paths (page.md#anchor): for engines that rewrite every link of the page's "
                "HTML, as Zensical does; MkDocs leaves raw HTML alone, so by default links are final URLs",
            ],
        }
        super().__init__(**kwargs)
        self._contexts: dict[int, PageContext] = {}

    def context(self, md: Markdown) -> PageContext:
        """One context per Markdown document, so element ids stay unique within a page."""
        ctx = self._contexts.get(id(md))
        if ctx is None:
            options = self.getConfigs()
            catalog = catalog_for(options)
            directory_urls = options.get("directory_urls")
            ctx = PageContext(
                catalog=catalog,
                page=page_of(md, options) or "",
                directory_urls=catalog.project.config.use_directory_urls
                if directory_urls in ("", None)
                else bool(directory_urls),
                source_links=bool(options.get("source_links")),
            )
            self._contexts[id(md)] = ctx
        return ctx

    def reset(self) -> None:
        self._contexts.clear()

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: BlocksProcessor) -> None:  # noqa: N802 - API name
        md.registerExtension(self)
        register_page_marker(md)
        register_safe_html(md)  # the build adds it too; this covers direct use of the extension
        for block in self.BLOCKS:
            bound = type(block.__name__, (block,), {"extension": self})
            block_mgr.register(bound, {})


def makeExtension(**kwargs: Any) -> QuizExtension:  # noqa: N802 - Python-Markdown's entry point name
    return QuizExtension(**kwargs)
