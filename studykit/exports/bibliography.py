"""The shared bibliography (references/*.yml) as BibTeX (written with bibtexparser) and RIS (written with rispy),
for reference managers (Zotero, EndNote, Mendeley) and LaTeX course notes.

Names are Vancouver's "Surname AB" in the records; both formats want "Surname, A. B.". A group author (anything
that is not a surname followed by initials) is kept whole: in BibTeX inside an extra pair of braces, so it is not
split into first and last names. Text is LaTeX-encoded for BibTeX with pylatexenc (bibtexparser's own encoder).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import rispy
from bibtexparser.entrypoint import write_string
from bibtexparser.library import Library
from bibtexparser.model import Entry, ExplicitComment, Field
from pylatexenc.latexencode import unicode_to_latex

from ..sources.models import Reference
from .meta import ExportMeta

PERSON = re.compile(r"^(?P<surname>.+?) (?P<initials>[^\W\d_]{1,4}(?:-[^\W\d_]{1,3})?)$")  # "Horn J-L", "Karadaş Ö"
BIBTEX_TYPES = {
    "article": "article",
    "guideline": "techreport",
    "label": "misc",
    "book": "book",
    "chapter": "incollection",
    "web": "misc",
}
RIS_TYPES = {"article": "JOUR", "guideline": "GOVDOC", "label": "GEN", "book": "BOOK", "chapter": "CHAP", "web": "ELEC"}


def person(name: str) -> tuple[str, str] | None:
    """("Horn", "J.-L.") for the Vancouver name "Horn J-L"; None for a group author."""
    match = PERSON.match(name)
    if match is None or not match.group("initials").isupper() or len(match.group("surname").split()) > 3:
        return None
    initials = match.group("initials")
    given = "-".join(" ".join(f"{letter}." for letter in part) for part in initials.split("-"))
    return match.group("surname"), given


def listed_name(name: str) -> str:
    """ "Surname, A. B." for a person, the name as written for a group."""
    parts = person(name)
    return f"{parts[0]}, {parts[1]}" if parts else name


LATEX_SPECIAL = re.compile(r"([&%$#_{}])")


def _latex(text: str) -> str:
    """LaTeX's special ASCII characters escaped, other characters (é, ö, –) as LaTeX commands by pylatexenc.
    Straight quotes stay as written: LaTeX would read "..." as typographic quotes, changing the text."""
    escaped = LATEX_SPECIAL.sub(r"\\\1", text)
    return str(unicode_to_latex(escaped, non_ascii_only=True, unknown_char_policy="keep"))


def _bib_names(names: list[str]) -> str:
    return " and ".join(_latex(listed_name(name)) if person(name) else "{" + _latex(name) + "}" for name in names)


def bibtex_fields(record: Reference) -> dict[str, str]:
    """Field -> text (not yet encoded), in the order written."""
    fields: dict[str, str] = {}
    fields["title"] = record.title
    if record.type == "chapter" and record.container:
        fields["booktitle"] = record.container
    if record.journal:
        fields["journal"] = record.journal
    if record.year is not None:
        fields["year"] = str(record.year)
    for name in ("volume", "pages", "edition", "series", "publisher", "doi", "url"):
        value = getattr(record, name)
        if value:
            fields[name] = value
    if record.issue:
        fields["number"] = record.issue
    if record.place:
        fields["address"] = record.place
    if record.type == "guideline" and record.publisher:
        fields["institution"] = record.publisher
    if record.pmid:
        fields["pmid"] = record.pmid
    if record.revised is not None:
        fields["note"] = f"Revised {record.revised.isoformat()}"
    return fields


def _braced(text: str) -> str:
    return "{" + text + "}"


def bibtex(records: Iterable[Reference], meta: ExportMeta) -> bytes:
    library = Library()
    library.add(ExplicitComment(meta.notice))
    for record in records:
        fields = []
        if record.authors:
            fields.append(Field("author", _bib_names(record.authors) + (" and others" if record.et_al else "")))
        if record.editors:
            fields.append(Field("editor", _bib_names(record.editors)))
        for key, value in bibtex_fields(record).items():
            encoded = value if key in ("url", "doi") else _latex(value)
            if key == "title":
                encoded = _braced(encoded)  # keep the record's capitals (drug names, acronyms)
            fields.append(Field(key, encoded))  # bibtexparser's writer adds the enclosing braces
        library.add(Entry(BIBTEX_TYPES[record.type], record.id, fields))
    return str(write_string(library)).encode("utf-8")


def ris_record(record: Reference) -> dict[str, object]:
    entry: dict[str, object] = {"type_of_reference": RIS_TYPES[record.type], "id": record.id, "title": record.title}
    if record.authors:
        entry["authors"] = [listed_name(name) for name in record.authors]
    if record.editors:
        entry["secondary_authors"] = [listed_name(name) for name in record.editors]
    if record.journal:
        entry["journal_name"] = record.journal
    if record.container:
        entry["secondary_title"] = record.container
    if record.series:
        entry["tertiary_title"] = record.series
    if record.year is not None:
        entry["year"] = str(record.year)
    if record.volume:
        entry["volume"] = record.volume
    if record.issue:
        entry["number"] = record.issue
    if record.pages:
        start, _, end = record.pages.partition("-")
        entry["start_page"] = start
        if end:
            entry["end_page"] = end
    for key, value in (
        ("publisher", record.publisher),
        ("place_published", record.place),
        ("edition", record.edition),
        ("doi", record.doi),
        ("accession_number", record.pmid),
    ):
        if value:
            entry[key] = value
    if record.url:
        entry["urls"] = [record.url]
    if record.revised is not None:
        entry["date"] = record.revised.strftime("%Y/%m/%d")
    return entry


class _RisWriter(rispy.RisWriter):  # type: ignore[misc]
    """rispy's writer without the "1." line it puts before each record (its documented hook: an empty header)."""

    def set_header(self, count: int) -> str:
        return ""


def ris(records: Iterable[Reference], meta: ExportMeta) -> bytes:
    """RIS has no file header: each record carries the licence as a note (N1), which reference managers keep."""
    entries = []
    for record in records:
        entry = ris_record(record)
        entry["notes"] = [f"Record from {meta.title}; {meta.licence}: {meta.attribution}"]
        entries.append(entry)
    return str(rispy.dumps(entries, implementation=_RisWriter)).encode("utf-8")
