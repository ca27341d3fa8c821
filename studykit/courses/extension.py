"""Course and instructor blocks for Python-Markdown (pymdownx Blocks API):

    /// course | two-week-revision
    ///

renders a course from courses/<id>.yml (the plan, study time, progress, and the printed handout), and

    /// downloads
    ///

lists the files under downloads/ for instructors (quiz bank, flashcards, references) with the licence. Same
configuration and page context as the quiz blocks; the HTML is stashed so no other extension rewrites it.
"""

from __future__ import annotations

from typing import Any

from ..quiz.extension import QuizExtension, _StashedBlock
from .render import render_course, render_downloads

EXTENSION_NAME = "studykit.courses"


class CourseBlock(_StashedBlock):
    NAME = "course"
    ARGUMENT = True

    def on_validate(self, parent: Any) -> bool:
        return bool(str(self.argument).strip())

    def fragment(self) -> str:
        return render_course(str(self.argument).strip(), self.extension.context(self.md))


class DownloadsBlock(_StashedBlock):
    NAME = "downloads"
    ARGUMENT = False

    def fragment(self) -> str:
        return render_downloads(self.extension.context(self.md))


class CoursesExtension(QuizExtension):
    """The quiz extension's configuration and page context, with the course and downloads blocks."""

    BLOCKS = (CourseBlock, DownloadsBlock)


def makeExtension(**kwargs: Any) -> CoursesExtension:  # noqa: N802 - Python-Markdown's entry point name
    return CoursesExtension(**kwargs)
