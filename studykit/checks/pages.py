"""page.* : front matter rules that need more than one field or more than one page."""

from __future__ import annotations

from collections.abc import Iterator

from ..catalog import Catalog
from ..diagnostics import Code, Diagnostic, error
from ..sources.loading import PageSource

DESCRIPTION_LIMIT = 160
PROCEDURE_SECTIONS = (
    "Overview",
    "Indications",
    "Contraindications",
    "Technique",
    "Risks and complications",
    "Evidence",
    "Key takeaways",
)


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
        if meta.template == "procedure":
            yield from _check_procedure(page)


def _check_procedure(page: PageSource) -> Iterator[Diagnostic]:
    assert page.meta is not None and page.doc is not None
    if len(page.meta.objectives) < 2:
        loc = page.doc.loc(("objectives",), key=True)
        yield error(
            page.path, loc.line, loc.column, Code.SCHEMA_INVALID, "a procedure page needs 2-6 learning objectives"
        )
    h2 = [h for h in page.scanned.headings if h.level == 2]
    titles = [h.text.strip().lower() for h in h2]
    position = 0  # index into h2 after the last required section found
    for required in PROCEDURE_SECTIONS:
        wanted = required.lower()
        if wanted in titles[position:]:
            position = titles.index(wanted, position) + 1
            continue
        if wanted in titles:
            heading = h2[titles.index(wanted)]
            yield error(
                page.path,
                heading.line,
                1,
                Code.PAGE_SECTION_ORDER,
                f"section '{required}' is out of order; procedure pages need: {', '.join(PROCEDURE_SECTIONS)}",
            )
        else:
            line = h2[position].line if position < len(h2) else page.body_line
            yield error(
                page.path,
                line,
                1,
                Code.PAGE_SECTION_ORDER,
                f"missing H2 section '{required}'; procedure pages need: {', '.join(PROCEDURE_SECTIONS)}",
            )
