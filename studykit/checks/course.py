"""Course files: every item points at something that exists."""

from __future__ import annotations

from collections.abc import Iterator

from ..catalog import Catalog
from ..diagnostics import Diagnostic
from .links import _yaml_link


def check_courses(catalog: Catalog) -> Iterator[Diagnostic]:
    for source in catalog.project.courses:
        for index, item in enumerate(source.course.items):
            yield from _yaml_link(catalog, source.doc, ("items", index, "page"), item.page)
