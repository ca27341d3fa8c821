"""The glossary listing as an element tree: A-Z jump links, then one entry per term under its letter.

Each entry is a heading with `id="term-<id>"` followed by paragraphs, so the site search indexes every term as its
own section and a result lands on the entry itself. Links are written as Markdown source paths relative to the
glossary page; the engine turns them into URLs like any link an author writes.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as etree
from collections.abc import Callable

from markdown.util import AtomicString

from ..catalog import Catalog
from ..render.urls import source_href
from ..sources.models import GlossaryTerm
from ..syntax import term_anchor
from .index import group_terms

Parse = Callable[[etree.Element, str], None]  # render Markdown text as blocks under an element


def _text(parent: etree.Element, tag: str, text: str, **attrs: str) -> etree.Element:
    el = etree.SubElement(parent, tag, attrs)
    el.text = AtomicString(text)  # names and titles are plain text, never Markdown
    return el


def _labelled(parent: etree.Element, css: str, label: str) -> etree.Element:
    p = etree.SubElement(parent, "p", {"class": css})
    _text(p, "span", label, **{"class": "sk-glossary-label"})
    return p


def _page_title(catalog: Catalog, rel: str) -> str:
    page = catalog.pages.get(rel)
    return page.meta.title if page is not None and page.meta is not None else rel


def _learn_more_text(catalog: Catalog, target: str) -> str:
    rel, _, anchor = target.partition("#")
    title = _page_title(catalog, rel)
    page = catalog.pages.get(rel)
    heading = next((h.text for h in page.scanned.headings if h.anchor == anchor), None) if page and anchor else None
    return f"Learn more: {heading} ({title})" if heading else f"Learn more: {title}"


def _entry(parent: etree.Element, term: GlossaryTerm, catalog: Catalog, base_dir: str, parse: Parse) -> None:
    entry = etree.SubElement(parent, "div", {"class": "sk-glossary-entry"})
    heading = _text(entry, "h3", term.term, id=term_anchor(term.key))
    if term.abbr:
        heading.text = AtomicString(f"{term.term} ({term.abbr})")
    if term.aliases:
        aliases = _labelled(entry, "sk-glossary-aliases", "Also called:")
        aliases[0].tail = AtomicString(" " + ", ".join(term.aliases))
    definition = etree.SubElement(entry, "div", {"class": "sk-glossary-definition"})
    parse(definition, term.definition.strip().replace("<", "&lt;"))  # Markdown, never raw HTML
    if term.see_also:
        see = _labelled(entry, "sk-glossary-see", "See also:")
        pairs = [
            (f"#{term_anchor(other)}", catalog.terms[other].term.term)
            for other in term.see_also
            if other in catalog.terms
        ]
        _links(see, pairs)
    if term.learn_more:
        more = etree.SubElement(entry, "p", {"class": "sk-glossary-more"})
        _text(more, "a", _learn_more_text(catalog, term.learn_more), href=source_href(term.learn_more, base_dir))
    pages = catalog.term_pages.get(term.key, [])
    if pages:
        used = _labelled(entry, "sk-glossary-used", "Used in:")
        pairs = sorted(
            ((source_href(rel, base_dir), _page_title(catalog, rel)) for rel in pages), key=lambda pair: pair[1]
        )
        _links(used, pairs)


def _links(parent: etree.Element, pairs: list[tuple[str, str]]) -> None:
    """Append 'A, B, C' links after the label already in `parent`."""
    parent[0].tail = " "
    for index, (href, text) in enumerate(pairs):
        link = _text(parent, "a", text, href=href)
        if index < len(pairs) - 1:
            link.tail = ", "


def build_listing(catalog: Catalog, parse: Parse) -> etree.Element:
    """The whole listing for the glossary page of `catalog`."""
    root = etree.Element("div", {"class": "sk-glossary"})
    groups = group_terms(source.term for source in catalog.terms.values())
    if not groups:
        _text(root, "p", "The glossary has no terms yet.")
        return root
    base_dir = posixpath.dirname(catalog.glossary_page or "")
    nav = etree.SubElement(
        root, "nav", {"class": "sk-glossary-az", "aria-label": "Glossary letters", "data-search-exclude": ""}
    )
    jump = etree.SubElement(nav, "ul")
    for group in groups:
        _text(etree.SubElement(jump, "li"), "a", group.letter, href=f"#{group.anchor}")
    for group in groups:
        section = etree.SubElement(root, "div", {"class": "sk-glossary-letter"})
        # the letter alone is no search result: the entries under it are
        _text(section, "h2", group.letter, id=group.anchor, **{"data-search-exclude": ""})
        for term in group.terms:
            _entry(section, term, catalog, base_dir, parse)
    return root
