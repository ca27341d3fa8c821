"""cite.* : in-text citations `[@id]` and each page's reference list agree."""

from __future__ import annotations

from collections.abc import Iterator

from ..catalog import Catalog
from ..diagnostics import Code, Diagnostic, did_you_mean, error


def check_citations(catalog: Catalog) -> Iterator[Diagnostic]:
    for page in catalog.project.pages:
        if page.meta is None or page.doc is None:
            continue
        ids: dict[str, int] = {}
        for index, ref in enumerate(page.meta.references):
            if ref.id in ids:
                loc = page.doc.loc(("references", index, "id"))
                yield error(page.path, loc.line, loc.column, Code.CITE_DUPLICATE, f"duplicate reference id '{ref.id}'")
            ids.setdefault(ref.id, index)
        cited = set()
        for citation in page.scanned.citations:
            cited.add(citation.ref_id)
            if citation.ref_id not in ids:
                yield error(
                    page.path,
                    citation.line,
                    citation.column,
                    Code.CITE_UNKNOWN,
                    f"citation '@{citation.ref_id}' names no reference of this page"
                    + did_you_mean(citation.ref_id, ids),
                )
        for ref_id, index in ids.items():
            if ref_id not in cited:
                yield page.doc.warning(
                    ("references", index, "id"),
                    Code.CITE_UNUSED,
                    f"reference '{ref_id}' is never cited on this page",
                )
