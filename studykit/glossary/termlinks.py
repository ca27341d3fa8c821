"""Glossary links in a rendered element tree: forced `term:` links resolved, and the first mention of each term
auto-linked.

Working on the element tree, not on Markdown text, is what makes the exclusions reliable: a heading, code, link,
admonition title or quiz widget is an element we simply do not descend into, whatever Markdown produced it.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field

from ..render.urls import source_href
from ..sources.models import GlossaryTerm
from ..syntax import NO_TERM_CLASS, term_anchor, term_id_of
from .termmatch import TermMatcher

LINK_CLASS = "sk-term"

# Never linked inside these: headings, code, links, form controls and their labels, titles of collapsible blocks.
EXCLUDED_TAGS = frozenset(
    {
        "a",
        "abbr",
        "button",
        "code",
        "dfn",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "kbd",
        "label",
        "math",
        "option",
        "pre",
        "samp",
        "script",
        "select",
        "style",
        "summary",
        "svg",
        "textarea",
        "title",
    }
)
# ... nor inside these classes: admonition titles, quiz widgets, author suppression, the glossary listing.
EXCLUDED_CLASSES = frozenset({"admonition-title", "headerlink", "sk-glossary", "sk-quiz", NO_TERM_CLASS})
EXCLUDED_ATTRIBUTES = ("data-quiz",)


def glossary_href(glossary_page: str, page_path: str | None) -> str:
    """Relative path from the page being rendered to the glossary page ('' on the glossary page itself).

    Paths are Markdown source paths (content-relative); the engine turns `.md` links into URLs, so the result is
    right for directory URLs or not, at any depth.
    """
    if page_path is None:
        return glossary_page
    if page_path == glossary_page:
        return ""
    return source_href(glossary_page, posixpath.dirname(page_path))


def is_excluded(el: etree.Element) -> bool:
    if not isinstance(el.tag, str) or el.tag in EXCLUDED_TAGS:
        return True  # comments and processing instructions have a non-string tag
    if any(name in el.attrib for name in EXCLUDED_ATTRIBUTES):
        return True
    classes = el.get("class") or ""
    return not EXCLUDED_CLASSES.isdisjoint(classes.split())


@dataclass
class TermLinker:
    """Links terms in one page. `href` is the path of the glossary page as seen from this page."""

    terms: dict[str, GlossaryTerm]
    matcher: TermMatcher
    href: str
    linked: set[str] = field(default_factory=set)

    def make_link(self, term_id: str, el: etree.Element | None = None) -> etree.Element:
        """Turn `el` (or a new element) into the link to `term_id`'s glossary entry."""
        link = el if el is not None else etree.Element("a")
        term = self.terms[term_id]
        link.tag = "a"
        link.set("href", f"{self.href}#{term_anchor(term_id)}")
        link.set("class", " ".join([*(link.get("class") or "").split(), LINK_CLASS]).strip())
        link.set("data-term", term_id)
        link.set("data-short", term.short)
        return link

    def resolve_forced(self, root: etree.Element) -> None:
        """`[text](term:id)` -> link to the entry; an unknown id (reported by `check`) keeps only its text."""
        for el in root.iter("a"):
            term_id = term_id_of(el.get("href", ""))
            if term_id is None:
                continue
            if term_id in self.terms:
                self.make_link(term_id, el)
                self.linked.add(term_id)  # a term the author links by hand is not auto-linked elsewhere
            else:
                el.tag = "span"
                el.attrib.clear()

    def auto_link(self, root: etree.Element) -> None:
        """Link the first mention of each term, in document order, outside excluded elements."""
        self._walk(root)

    def _walk(self, el: etree.Element) -> None:
        if el.text:
            pieces = self._split(el.text)
            if pieces is not None:
                el.text = pieces[0]
                for index, link in enumerate(pieces[1]):
                    el.insert(index, link)
        for child in list(el):
            if not is_excluded(child):
                self._walk(child)
            if child.tail:
                pieces = self._split(child.tail)
                if pieces is not None:
                    child.tail = pieces[0]
                    position = list(el).index(child) + 1
                    for offset, link in enumerate(pieces[1]):
                        el.insert(position + offset, link)

    def _split(self, text: str) -> tuple[str, list[etree.Element]] | None:
        """(text before the first link, links each carrying the text after it as tail); None when no link."""
        head: str | None = None
        links: list[etree.Element] = []
        cursor = 0
        for match in self.matcher.finditer(text):
            if match.term_id in self.linked or match.term_id not in self.terms:
                continue
            self.linked.add(match.term_id)
            before = text[cursor : match.start]
            if links:
                links[-1].tail = before
            else:
                head = before
            link = self.make_link(match.term_id)
            link.text = match.text
            links.append(link)
            cursor = match.end
        if not links:
            return None
        links[-1].tail = text[cursor:]
        return head or "", links


def rewrite_hrefs(root: etree.Element, rewrite: Callable[[str], str]) -> None:
    for el in root.iter("a"):
        href = el.get("href")
        if href is not None:
            el.set("href", rewrite(href))
