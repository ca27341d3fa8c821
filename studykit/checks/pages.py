"""page.* : front matter rules that need more than one field or more than one page, the template's objectives and
section order (from studykit.yml), and what a page body must not contain (an H1, a References section, undefined
callout types, images without alternative text)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..catalog import Catalog
from ..diagnostics import Code, Diagnostic, did_you_mean, error
from ..sources.inline import inline_links
from ..sources.loading import PageSource
from ..sources.rules import GENERATED_CALLOUTS, Rules

DESCRIPTION_LIMIT = 160
# `!!! type "Title"` (admonition) and `??? type` / `???+ type` (collapsible details): the first word is the type.
CALLOUT = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]*(?P<type>[\w-]+)")
IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
IMG_ALT = re.compile(r"""\balt\s*=\s*(?:"\s*[^"\s][^"]*"|'\s*[^'\s][^']*'|[^\s"'>]+)""", re.IGNORECASE)
GENERATED_SECTIONS = {"references", "reference list", "bibliography"}


def callout_uses(page: PageSource) -> list[tuple[str, int, int]]:
    """(type, line, column of the type) of every callout written in the page body."""
    uses = []
    for number, line in page.scanned.prose:
        match = CALLOUT.match(line)
        if match:
            uses.append((match.group("type"), number, match.start("type") + 1))
    return uses


def check_pages(catalog: Catalog) -> Iterator[Diagnostic]:
    first_with_id: dict[str, PageSource] = {}
    for page in catalog.project.pages:
        meta, doc = page.meta, page.doc
        if meta is None or doc is None:
            continue
        if meta.id in first_with_id:
            loc = doc.loc(("id",))
            other = first_with_id[meta.id]
            other_loc = other.doc.loc(("id",)) if other.doc else None
            yield error(
                page.path,
                loc.line,
                loc.column,
                Code.PAGE_DUPLICATE_ID,
                f"duplicate page id '{meta.id}', first defined at {other.path}:{other_loc.line if other_loc else 1}",
            )
        else:
            first_with_id[meta.id] = page
        description = meta.description.strip()
        if not description or len(description) > DESCRIPTION_LIMIT:
            yield doc.error(
                ("description",),
                Code.PAGE_DESCRIPTION,
                f"description must be 1-{DESCRIPTION_LIMIT} characters (it has {len(description)})",
            )
        if meta.review is not None:
            loc = doc.loc(("review",))
            if meta.review.status == "reviewed" and (not meta.review.reviewer or meta.review.date is None):
                yield error(
                    page.path,
                    loc.line,
                    loc.column,
                    Code.PAGE_REVIEW,
                    "a reviewed page must name its reviewer and review date",
                )
            if meta.review.status == "unreviewed" and meta.review.reviewer:
                yield doc.error(
                    ("review", "reviewer"),
                    Code.PAGE_REVIEW,
                    "an unreviewed page must not name a reviewer (reviewer: null)",
                )
        yield from _check_template(page, catalog.project.rules)
        yield from _check_body(page, catalog.project.rules)


def _check_template(page: PageSource, rules: Rules) -> Iterator[Diagnostic]:
    """The objectives range and the ordered H2 sections that studykit.yml sets for the page's template."""
    assert page.meta is not None and page.doc is not None
    template = page.meta.template
    wanted = rules.for_template(template)
    if wanted.objectives is not None:
        low, high = wanted.objectives
        if not low <= len(page.meta.objectives) <= high:
            loc = page.doc.loc(("objectives",), key=True)
            yield error(
                page.path,
                loc.line,
                loc.column,
                Code.SCHEMA_INVALID,
                f"a {template} page needs {low}-{high} learning objectives",
            )
    if not wanted.sections:
        return
    sections = wanted.sections
    h2 = [h for h in page.scanned.headings if h.level == 2]
    titles = [h.text.strip().lower() for h in h2]
    position = 0  # index into h2 after the last required section found
    for required in sections:
        name = required.strip().lower()
        if name in titles[position:]:
            position = titles.index(name, position) + 1
            continue
        if name in titles:
            heading = h2[titles.index(name)]
            yield error(
                page.path,
                heading.line,
                1,
                Code.PAGE_SECTION_ORDER,
                f"section '{required}' is out of order; {template} pages need: {', '.join(sections)}",
            )
        else:
            line = h2[position].line if position < len(h2) else page.body_line
            yield error(
                page.path,
                line,
                1,
                Code.PAGE_SECTION_ORDER,
                f"missing H2 section '{required}'; {template} pages need: {', '.join(sections)}",
            )


def _check_body(page: PageSource, rules: Rules) -> Iterator[Diagnostic]:
    """What CONTRIBUTING.md tells editors never to write in a page body."""
    for heading in page.scanned.headings:
        if heading.level == 1 and heading.underline is not None:
            yield error(
                page.path,
                heading.underline,
                1,
                Code.PAGE_H1,
                f"'=' underline makes '{heading.text}' an H1: the page title is generated from 'title'; "
                "use H2 (##) sections",
            )
        elif heading.level == 1:
            yield error(
                page.path,
                heading.line,
                1,
                Code.PAGE_H1,
                f"H1 heading '{heading.text}': the page title is generated from 'title'; use H2 (##) sections",
            )
        if heading.text.strip().lower() in GENERATED_SECTIONS:
            yield error(
                page.path,
                heading.line,
                1,
                Code.PAGE_REFERENCES_SECTION,
                f"hand-written '{heading.text}' section: the numbered reference list is generated from the "
                "records the page cites; add sources to references/ and cite them in the text as [@id]",
            )
    for number, line in page.scanned.prose:
        for link in inline_links(line):
            if link.image and not link.text.strip():
                yield error(
                    page.path,
                    number,
                    link.start + 1,
                    Code.PAGE_IMAGE_ALT,
                    f"image '{link.target}' has no alternative text: describe it in ![...]",
                )
        for tag in IMG_TAG.finditer(line):
            if not IMG_ALT.search(tag.group(0)):
                yield error(
                    page.path,
                    number,
                    tag.start() + 1,
                    Code.PAGE_IMAGE_ALT,
                    '<img> has no alternative text: add alt="..." describing the image',
                )
    allowed = rules.callouts
    for kind, line_number, column in callout_uses(page):
        if kind in allowed:
            continue
        if kind in GENERATED_CALLOUTS:
            message = f"the '{kind}' callout is generated from front matter '{kind}'; list them there instead"
        else:
            message = (
                f"callout type '{kind}' is not defined; use one of: {', '.join(allowed)}{did_you_mean(kind, allowed)}"
            )
        yield error(page.path, line_number, column, Code.PAGE_CALLOUT_TYPE, message)
