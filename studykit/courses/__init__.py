"""Courses: an instructor's ordered plan through the guide (courses/*.yml), shown by the `studykit.courses`
Markdown extension (`/// course | <id>`), which also lists the instructors' downloads (`/// downloads`)."""

from __future__ import annotations

from typing import Any


def makeExtension(**kwargs: Any) -> Any:  # noqa: N802 - the name Python-Markdown looks for
    from .extension import CoursesExtension

    return CoursesExtension(**kwargs)
