"""Quizzes: question types, rendering to HTML, and the Python-Markdown extension (`studykit.quiz`)."""

from __future__ import annotations

from typing import Any


def makeExtension(**kwargs: Any) -> Any:  # noqa: N802 - the name Python-Markdown looks for
    from .extension import QuizExtension

    return QuizExtension(**kwargs)
