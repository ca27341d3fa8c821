"""Study blocks for Python-Markdown (pymdownx Blocks API):

    /// study-home
    ///

renders the study home's opening (what the guide holds, the first step),

    /// chapters
    ///

the chapter cards in course order, and

    /// progress
    ///

the progress page. Both are rendered from the catalog like the quiz blocks (same configuration, same page
context, HTML stashed so no other extension rewrites it); the student's progress is filled in by study.js.
"""

from __future__ import annotations

from typing import Any

from markdown import Markdown
from pymdownx.blocks import BlocksProcessor

from ..quiz.extension import QuizExtension, _StashedBlock
from ..render.pagemarker import register as register_page_marker
from ..render.safehtml import register as register_safe_html
from .render import render_chapters, render_home, render_progress

EXTENSION_NAME = "studykit.study"


class StudyHomeBlock(_StashedBlock):
    NAME = "study-home"
    ARGUMENT = False

    def fragment(self) -> str:
        return render_home(self.extension.context(self.md))


class ChaptersBlock(_StashedBlock):
    NAME = "chapters"
    ARGUMENT = False

    def fragment(self) -> str:
        return render_chapters(self.extension.context(self.md))


class ProgressBlock(_StashedBlock):
    NAME = "progress"
    ARGUMENT = False

    def fragment(self) -> str:
        return render_progress(self.extension.context(self.md))


class StudyExtension(QuizExtension):
    """The quiz extension's configuration and page context, with the study blocks instead of the quiz blocks."""

    BLOCKS = (StudyHomeBlock, ChaptersBlock, ProgressBlock)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: BlocksProcessor) -> None:  # noqa: N802 - API name
        md.registerExtension(self)
        register_page_marker(md)
        register_safe_html(md)
        for block in self.BLOCKS:
            block_mgr.register(type(block.__name__, (block,), {"extension": self}), {})


def makeExtension(**kwargs: Any) -> StudyExtension:  # noqa: N802 - Python-Markdown's entry point name
    return StudyExtension(**kwargs)
