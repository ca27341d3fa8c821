"""One reference record -> its entry in a page's reference list, in Vancouver (ICMJE/NLM) style, as safe HTML.

Hand-written rather than citeproc-py with a CSL style: the records are already in the shape Vancouver needs, the
rules used here fit on one screen, and a CSL processor would add a dependency and an XML style file for the same
output. Every piece of text is escaped; the only markup is the `<a>` of the DOI, PubMed and URL links.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from ..sources.models import Reference

MAX_AUTHORS = 6  # Vancouver: list the first six authors, then "et al."
DOI_URL = "https://doi.org/"
PUBMED_URL = "https://pubmed.ncbi.nlm.nih.gov/"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _sentence(text: str) -> str:
    """`text` ending in one full stop (titles may end in ? or !, which stay)."""
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


def _names(names: list[str], more: bool) -> str:
    shown = names[:MAX_AUTHORS]
    et_al = more or len(names) > MAX_AUTHORS
    return ", ".join(shown) + (", et al" if et_al else "")


def vancouver_date(day: dt.date) -> str:
    """2020 Dec 11, as NLM writes dates."""
    return f"{day.year} {MONTHS[day.month - 1]} {day.day}"


def _link(href: str, text: str) -> str:
    return f'<a href="{escape(href)}">{escape(text)}</a>'


def _imprint(record: Reference) -> str:
    """'London: NICE; 2016 [updated 2020 Dec 11].' for everything that is not a journal article."""
    publisher = escape(record.publisher or "")
    where = f"{escape(record.place)}: {publisher}" if record.place and publisher else publisher
    when = str(record.year) if record.year is not None else "[date unknown]"
    if record.revised is not None:
        word = "revised" if record.type == "label" else "updated"
        when += f" [{word} {vancouver_date(record.revised)}]"
    return f"{where}; {when}." if where else f"{when}."


def _body(record: Reference) -> list[str]:
    """The citation's escaped sentences, before its links."""
    parts: list[str] = []
    if record.authors:
        parts.append(escape(_sentence(_names(record.authors, record.et_al))))
    if record.type == "article":
        parts.append(escape(_sentence(record.title)))
        if record.journal:
            parts.append(escape(_sentence(record.journal)))
        numbering = str(record.year) if record.year is not None else "[date unknown]"
        if record.volume or record.issue or record.pages:
            numbering += ";"
            numbering += record.volume or ""
            numbering += f"({record.issue})" if record.issue else ""
            numbering += f":{record.pages}" if record.pages else ""
        parts.append(escape(numbering) + ".")
        return parts
    title = record.title
    if record.type == "label":
        title += " [package insert]"
    elif record.type == "web":
        title += " [Internet]"
    parts.append(escape(_sentence(title)))
    if record.type == "chapter":
        editors = ""
        if record.editors:
            word = "editor" if len(record.editors) == 1 else "editors"
            editors = f"{_names(record.editors, False)}, {word}. "
        parts.append("In: " + escape(editors + _sentence(record.container or "")))
    if record.edition:
        parts.append(escape(f"{record.edition} ed."))
    if record.series:
        parts.append(escape(_sentence(record.series)))
    parts.append(_imprint(record))
    if record.pages and record.type in ("book", "chapter"):
        parts.append(escape(f"p. {record.pages}."))
    return parts


def format_reference(record: Reference) -> str:
    """The record as one HTML fragment: the citation, then its url, DOI and PMID as links."""
    parts = _body(record)
    doi_url = DOI_URL + record.doi if record.doi else None
    pubmed_url = f"{PUBMED_URL}{record.pmid}/" if record.pmid else None
    if record.url and record.url not in (doi_url, pubmed_url):
        parts.append(f"Available from: {_link(record.url, record.url)}")
    if record.doi and doi_url:
        parts.append(f"doi:{_link(doi_url, record.doi)}")
    if record.pmid and pubmed_url:
        parts.append(f"PMID: {_link(pubmed_url, record.pmid)}")
    return " ".join(parts)
