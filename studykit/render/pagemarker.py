"""Which page a Markdown instance is rendering, read from the marker line the generate step puts in every page.

Python-Markdown alone cannot tell an extension which page it renders, and each engine has its own way to say it
(MkDocs' page events, Zensical's context). A marker line written by studykit's generate step works under both and
costs one regex per page; `page_path` in the extension config remains for direct Python-Markdown use.
"""

from __future__ import annotations

from typing import Any

from markdown import Markdown
from markdown.preprocessors import Preprocessor

from ..syntax import PAGE_MARKER

ATTRIBUTE = "studykit_page"
NAME = "studykit_page_marker"


class PageMarker(Preprocessor):  # type: ignore[misc]  # Markdown ships no type stubs
    def run(self, lines: list[str]) -> list[str]:
        page = None
        for index, line in enumerate(lines[:3]):
            match = PAGE_MARKER.match(line)
            if match:
                page = match.group("rel")
                del lines[index]
                break
            if line.strip():
                break
        setattr(self.md, ATTRIBUTE, page)
        return lines


def register(md: Markdown) -> None:
    """Install the marker reader (idempotent: both studykit extensions call it)."""
    if NAME not in md.preprocessors:
        md.preprocessors.register(PageMarker(md), NAME, 40)


def page_of(md: Markdown, config: dict[str, Any]) -> str | None:
    """Content-relative path of the page being rendered: the marker, else the `page_path` option, else None."""
    return getattr(md, ATTRIBUTE, None) or config.get("page_path") or None
