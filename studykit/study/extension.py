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

from ..quiz.extension import QuizExtension, _StashedBlock
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


def makeExtension(**kwargs: Any) -> StudyExtension:  # noqa: N802 - Python-Markdown's entry point name
    return StudyExtension(**kwargs)
