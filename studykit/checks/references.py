"""ref.* : the shared bibliography (references/*.yml) is complete, consistent and all of it is cited.

The model (sources/models.py) checks each field's shape; these rules need more than one field (what a record's
type requires, the id's year against `year`) or more than one record (duplicate ids and DOIs, unused records).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..catalog import Catalog
from ..diagnostics import Code, Diagnostic
from ..sources.loading import ReferenceSource
from ..sources.models import DOI, REF_ID_YEAR

DOI_PREFIXES = ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:")


def _record_checks(source: ReferenceSource) -> Iterator[Diagnostic]:
    record, doc, at = source.record, source.doc, (source.index,)
    if record.incomplete is None:
        for name, why in record.missing_fields():
            what = "a doi, pmid or url" if name == "locator" else f"'{name}'"
            yield doc.error(
                at + ("type",),
                Code.REF_MISSING_FIELD,
                f"{record.type} '{record.id}' needs {what}: {why} (if it truly cannot be found, leave it out and "
                "say why in 'incomplete')",
            )
    match = REF_ID_YEAR.search(record.id)
    written = match.group(1) if match else None
    wanted = str(record.year) if record.year is not None else "nd"
    if written is not None and written != wanted:
        year = f"the work's year is {record.year}" if record.year is not None else "the record gives no year"
        yield doc.error(
            at + ("id",),
            Code.REF_ID_YEAR,
            f"reference id '{record.id}' ends in {written} but {year}; rename the id (and its citations) to end "
            f"in {wanted}",
        )
    if record.doi is not None and not DOI.match(record.doi):
        bare = next((record.doi[len(p) :] for p in DOI_PREFIXES if record.doi.lower().startswith(p)), None)
        hint = f"; write it without the prefix: '{bare}'" if bare else ""
        yield doc.error(
            at + ("doi",),
            Code.REF_DOI,
            f"'{record.doi}' is not a DOI: a DOI looks like 10.1234/abc (10., 4-9 digits, /, no spaces){hint}",
        )


def check_references(catalog: Catalog) -> Iterator[Diagnostic]:
    cited = {citation.ref_id for page in catalog.project.pages for citation in page.scanned.citations}
    first_doi: dict[str, ReferenceSource] = {}
    for source in catalog.project.references:
        record, doc, at = source.record, source.doc, (source.index,)
        yield from _record_checks(source)
        first = catalog.references[record.id]
        if first is not source:
            where = first.doc.loc((first.index, "id"))
            yield doc.error(
                at + ("id",),
                Code.REF_DUPLICATE_ID,
                f"reference id '{record.id}' is already used by the record at {first.path}:{where.line}",
            )
        elif record.id not in cited:
            yield doc.warning(
                at + ("id",),
                Code.REF_UNUSED,
                f"reference '{record.id}' is cited by no page; cite it as [@{record.id}] or delete the record",
            )
        if record.doi is not None:
            key = record.doi.lower()  # DOIs are case-insensitive
            if key in first_doi:
                other = first_doi[key]
                loc = other.doc.loc((other.index, "doi"))
                yield doc.error(
                    at + ("doi",),
                    Code.REF_DUPLICATE_DOI,
                    f"DOI {record.doi} is already the DOI of '{other.record.id}' ({other.path}:{loc.line}): one work "
                    "needs one record; cite that id instead",
                )
            else:
                first_doi[key] = source
