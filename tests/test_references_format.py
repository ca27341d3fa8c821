"""The Vancouver formatter (studykit/render/references.py): golden HTML for every reference type, and the rules
a golden file would let slip (escaping, at most six authors, links only to the record's own DOI, PMID and url).

Golden cases are tests/golden/references/<case>.yml (a references file) beside <case>.html (one `<li>` per
record, as a page's reference list shows it). After an intended change run
`UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_references_format.py` and review the diff.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import get_args

import pytest

from studykit.render.references import format_reference
from studykit.sources.loading import ReferenceSource, load_reference_file
from studykit.sources.models import Reference, RefType

GOLDEN = Path(__file__).resolve().parent / "golden" / "references"
CASES = sorted(p.stem for p in GOLDEN.glob("*.yml"))


def _records(case: str) -> list[ReferenceSource]:
    records, _, diagnostics = load_reference_file(GOLDEN / f"{case}.yml", GOLDEN)
    assert diagnostics == []
    return records


@pytest.mark.parametrize("case", CASES)
def test_golden(case: str) -> None:
    html = "".join(f'<li id="ref-{s.record.id}">{format_reference(s.record)}</li>\n' for s in _records(case))
    expected_file = GOLDEN / f"{case}.html"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        expected_file.write_text(html, encoding="utf-8")
    assert expected_file.is_file(), f"missing {expected_file.name}; run with UPDATE_GOLDEN=1 and review it"
    assert html == expected_file.read_text(encoding="utf-8")


def test_every_reference_type_has_a_golden_record() -> None:
    shown = {source.record.type for case in CASES for source in _records(case)}
    assert shown == set(get_args(RefType))


def _article(**fields: object) -> Reference:
    base: dict[str, object] = {"id": "roe-2020", "type": "article", "authors": ["Roe R"], "year": 2020}
    base |= {"title": "T", "journal": "J", "volume": "1", "pages": "2-3", "doi": "10.5555/x"}
    return Reference.model_validate(base | fields)


def test_more_than_six_authors_are_cut_to_six_and_et_al() -> None:
    names = [f"Author{letter} A" for letter in "ABCDEFG"]
    text = format_reference(_article(authors=names))
    assert text.startswith("AuthorA A, AuthorB A, AuthorC A, AuthorD A, AuthorE A, AuthorF A, et al. T.")
    assert "AuthorG" not in text
    assert format_reference(_article(authors=names[:6])).startswith("AuthorA A, AuthorB A, AuthorC A, AuthorD A, ")
    assert "et al" not in format_reference(_article(authors=names[:6]))


def test_the_only_links_are_the_records_doi_pmid_and_url() -> None:
    text = format_reference(_article(title="<a href='https://evil.invalid'>x</a>", pmid="123"))
    hrefs = re.findall(r'<a href="([^"]*)"', text)
    assert hrefs == ["https://doi.org/10.5555/x", "https://pubmed.ncbi.nlm.nih.gov/123/"]
    assert "&lt;a href=&#x27;https://evil.invalid&#x27;&gt;" in text


def test_a_url_that_is_the_doi_or_pubmed_address_is_not_repeated() -> None:
    text = format_reference(_article(url="https://doi.org/10.5555/x"))
    assert text.count("https://doi.org/10.5555/x") == 1  # once, as the href of the DOI link
    assert "Available from" not in text
