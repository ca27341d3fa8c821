"""cite.* : every in-text citation `[@id]` names a record of the shared bibliography (references/*.yml).

A record that failed to load already has its own located error; citing it is not reported again.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..catalog import Catalog
from ..diagnostics import Code, Diagnostic, did_you_mean, error


def check_citations(catalog: Catalog) -> Iterator[Diagnostic]:
    for page in catalog.project.pages:
        for citation in page.scanned.citations:
            if citation.ref_id not in catalog.references and citation.ref_id not in catalog.project.broken_references:
                yield error(
                    page.path,
                    citation.line,
                    citation.column,
                    Code.CITE_UNKNOWN,
                    f"citation '@{citation.ref_id}' names no record in references/; add one there or fix the id"
                    + did_you_mean(citation.ref_id, catalog.references),
                )
