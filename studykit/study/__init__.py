"""Study tools: chapters with reading time, the topic-page study bar, the study home and the progress page
(`studykit.study` Markdown extension). The student's own progress is filled in by assets/study.js."""

from __future__ import annotations

from typing import Any


def makeExtension(**kwargs: Any) -> Any:  # noqa: N802 - the name Python-Markdown looks for
    from .extension import StudyExtension

    return StudyExtension(**kwargs)
