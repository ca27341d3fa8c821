"""Python-Markdown extension `studykit.render.safehtml`: every page's HTML goes through the allowlist cleaner.

Why a postprocessor, and why the last one:

- Python-Markdown keeps raw HTML (and what extensions stash: highlighted code, quiz widgets) as placeholders
  until its `raw_html` postprocessor (priority 30) puts it back; footnotes (25) and `amp_substitute` (20) follow.
  Only after all of them is the page's HTML final, so the cleaner runs at a priority below any of them. It then
  sees the document as a browser will parse it, with one HTML parser (html5ever, inside nh3): a tag split over
  two lines, a `>` inside a quoted attribute or a handler set with attr_list are all just attributes there.
- It runs inside `Markdown.convert`, so it works the same under every engine that uses Python-Markdown: MkDocs
  and Zensical both call `convert` and use its result as the page content (and the search text).
- The toc extension runs the postprocessors over each heading's HTML and each `data-toc-label` when it builds
  the table of contents, so the headings in the theme's navigation are cleaned by the same code.

Cleaning the built HTML files afterwards was the alternative; it would have to tell the theme's own scripts and
markup from the content, which differs per theme and engine. What the theme prints from front matter (title,
description) is not Markdown at all: the generate step escapes it (`sanitize.theme_text`).

studykit's build adds this extension to whatever the project's mkdocs.yml lists (engine/mkdocs.py,
engine/zensical_build.py), and studykit's glossary and quiz extensions register it too, so direct use of those
extensions is covered as well.
"""

from __future__ import annotations

from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor

from . import tables
from .sanitize import clean_page_html

EXTENSION_NAME = "studykit.render.safehtml"
NAME = "studykit_safehtml"
PRIORITY = -1000  # after raw_html (30), footnote (25), amp_substitute (20) and any extension's own


class SanitizePostprocessor(Postprocessor):  # type: ignore[misc]  # Markdown ships no type stubs
    def run(self, text: str) -> str:
        return clean_page_html(text)


def register(md: Markdown) -> None:
    """Install the cleaner on `md` (idempotent: the build and studykit's extensions may each call it), and after
    it the step that puts each table in a focusable scroll region (render/tables.py), which the cleaner would strip."""
    if NAME not in md.postprocessors:
        md.postprocessors.register(SanitizePostprocessor(md), NAME, PRIORITY)
    if tables.NAME not in md.postprocessors:
        md.postprocessors.register(tables.TableRegionPostprocessor(md), tables.NAME, tables.PRIORITY)


class SafeHtmlExtension(Extension):  # type: ignore[misc]
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API name
        register(md)


def makeExtension(**kwargs: Any) -> SafeHtmlExtension:  # noqa: N802 - the name Python-Markdown looks for
    return SafeHtmlExtension(**kwargs)
