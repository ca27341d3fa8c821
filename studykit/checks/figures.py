"""figure.* : figures are placed as CONTRIBUTING.md says, referred to, and drawable inline.

A figure is an image with a `{#fig-...}` id standing alone in its paragraph, followed by a `/// caption` block
(studykit/figures/). What is checked elsewhere: alternative text (page.image-alt), a missing file
(link.missing-page), scripts, handlers and references in any SVG (file.svg, checks/files.py).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

from ..catalog import Catalog
from ..diagnostics import Code, Diagnostic, error, warning
from ..figures.svg import inline_svg
from ..sources.loading import PageSource
from ..sources.scanner import ImageId
from ..sources.siteconfig import CONTENT_DIR
from ..syntax import FIGURE_FOLDER, is_figure_anchor

SIZE_BUDGET = 150 * 1024  # bytes: a figure SVG is drawn into the page itself, for every reader on every visit
CAPTION_BLOCK = re.compile(r"^\s*/{3,}\s*caption\b")


def resolve(page_rel: str, target: str) -> str | None:
    """The content-relative path a link or image target in `page_rel` names, or None (another site, a fragment)."""
    parts = urlsplit(target.strip())
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_rel), unquote(parts.path)))


def in_figure_folder(rel: str) -> bool:
    return rel.startswith(f"{FIGURE_FOLDER}/")


def has_caption(page: PageSource, image: ImageId) -> bool:
    """Whether the first non-blank line after the image's paragraph opens a `/// caption` block."""
    lines = page.body.split("\n")
    index = image.line - page.body_line + 1
    while index < len(lines) and lines[index].strip() and not CAPTION_BLOCK.match(lines[index]):
        index += 1  # the rest of the image's paragraph
    while index < len(lines) and not lines[index].strip():
        index += 1
    return index < len(lines) and bool(CAPTION_BLOCK.match(lines[index]))


def check_figures(catalog: Catalog) -> Iterator[Diagnostic]:
    project = catalog.project
    shown: set[str] = set()
    for page in project.pages:
        yield from _check_page(page, shown)
    for rel in sorted(project.assets):
        if in_figure_folder(rel) and rel not in shown:
            yield warning(
                f"{CONTENT_DIR}/{rel}",
                1,
                1,
                Code.FIGURE_UNUSED,
                f"figure file '{rel}' is shown on no page: place it with ![alt](...){{#fig-...}} or delete it",
            )
    for rel, data in sorted(project.svgs.items()):
        if not in_figure_folder(rel):
            continue
        path = f"{CONTENT_DIR}/{rel}"
        if len(data) > SIZE_BUDGET:
            yield error(
                path,
                1,
                1,
                Code.FIGURE_SIZE,
                f"figure is {len(data) / 1024:.0f} KB, over the {SIZE_BUDGET // 1024} KB budget: simplify the drawing "
                "(fewer points, no embedded fonts or images)",
            )
        for line, column, problem in inline_svg(data, "fig").problems:
            yield warning(path, line, column, Code.FIGURE_SVG, problem)


def _check_page(page: PageSource, shown: set[str]) -> Iterator[Diagnostic]:
    scanned = page.scanned
    headings = {heading.anchor for heading in scanned.headings}
    figures: dict[str, ImageId] = {}
    for link in scanned.links:
        dest = resolve(page.rel, link.target) if link.image else None
        if dest is None or not in_figure_folder(dest):
            continue
        shown.add(dest)
        if link.anchor is None:
            yield warning(
                page.path,
                link.line,
                link.column,
                Code.FIGURE_ID,
                f"'{link.target}' is placed without an id, so it is not numbered or citable: add {{#fig-...}} "
                "right after the image",
            )
    for image in scanned.image_ids:
        dest = resolve(page.rel, image.target)
        if not is_figure_anchor(image.anchor):
            if dest is not None and in_figure_folder(dest):
                yield warning(
                    page.path,
                    image.line,
                    image.id_column,
                    Code.FIGURE_ID,
                    f"figure id '{image.anchor}' must start with 'fig-' (as in {{#fig-{image.anchor}}})",
                )
            continue
        if not image.alone:
            yield warning(
                page.path,
                image.line,
                image.column,
                Code.FIGURE_ID,
                f"figure '{image.anchor}' shares its paragraph with text: a figure stands alone, with a blank line "
                "before and after",
            )
            continue
        if image.anchor in figures or image.anchor in headings:
            first = figures.get(image.anchor)
            where = f"the figure at line {first.line}" if first else "a heading"
            yield error(
                page.path,
                image.line,
                image.id_column,
                Code.FIGURE_DUPLICATE_ID,
                f"figure id '{image.anchor}' is already used by {where} on this page: give each figure its own id",
            )
            continue
        figures[image.anchor] = image
        if not has_caption(page, image):
            yield warning(
                page.path,
                image.line,
                image.column,
                Code.FIGURE_CAPTION,
                f"figure '{image.anchor}' has no caption: add a /// caption block after it (a blank line between)",
            )
    referenced = {
        unquote(urlsplit(link.target).fragment)
        for link in scanned.links
        if not link.image and link.target.strip().startswith("#")
    }
    for anchor, image in figures.items():
        if anchor not in referenced:
            yield warning(
                page.path,
                image.line,
                image.id_column,
                Code.FIGURE_UNREFERENCED,
                f"figure '{anchor}' is never referred to in the text: write [Figure](#{anchor}) where it helps",
            )
