"""YAML text (quiz prompts, choices, feedback, explanations) as safe inline HTML.

Editors may use inline Markdown (emphasis, code, links) in YAML text, but never HTML: raw HTML is turned off in
the Markdown instance, so `<script>` comes out as text, and the result then goes through the inline allowlist
(`sanitize.clean_inline_html`, nh3) as a second line of defence; the quiz widget around it goes through the
page allowlist with the rest of the page. This keeps `serve` (which renders despite errors) and any future
bypass safe too.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from html import escape
from urllib.parse import urlsplit

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from ..syntax import EXTERNAL_SCHEMES, TERM_SCHEME
from .sanitize import clean_inline_html

# A link as written in YAML (content-relative page path) -> (href, extra attributes), or None to drop the link.
LinkResolver = Callable[[str], tuple[str, dict[str, str]] | None]

# Block syntax a one-line YAML text must not trigger ("1. ..." is not a list here); paragraphs remain.
BLOCK_SYNTAX = ("indent", "code", "hashheader", "setextheader", "hr", "olist", "ulist", "quote", "reference")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # includes Python-Markdown's placeholder markers
# Characters that can start inline Markdown, an entity or HTML; text without them renders as itself, escaped.
_MARKUP = re.compile(r"[*_`\[\]<>&\\!]|  \n|https?://")


class _Links(Treeprocessor):  # type: ignore[misc]  # Markdown ships no type stubs
    """Resolve project links, keep safe external ones, unwrap everything else (images become their alt text)."""

    def __init__(self, md: Markdown) -> None:
        super().__init__(md)
        self.resolve: LinkResolver = lambda target: None

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for child in list(parent):
                if child.tag == "img":
                    _replace_with_text(parent, child, child.get("alt", ""))
                elif child.tag == "a":
                    self._link(parent, child)

    def _link(self, parent: etree.Element, link: etree.Element) -> None:
        href = link.get("href", "")
        link.attrib.clear()
        scheme = urlsplit(href).scheme.lower()
        if scheme in EXTERNAL_SCHEMES:
            link.set("href", href)
            return
        resolved = None if scheme and scheme != TERM_SCHEME else self.resolve(href)
        if resolved is None:
            link.tag = "span"  # the text stays; a link that goes nowhere safe does not
            return
        link.set("href", resolved[0])
        for name, value in resolved[1].items():
            link.set(name, value)


def _replace_with_text(parent: etree.Element, child: etree.Element, text: str) -> None:
    index = list(parent).index(child)
    addition = text + (child.tail or "")
    if index == 0:
        parent.text = (parent.text or "") + addition
    else:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + addition
    parent.remove(child)


class InlineRenderer:
    """Render editor text to safe HTML; one Markdown instance reused for every text of a page."""

    def __init__(self, resolve: LinkResolver) -> None:
        md = Markdown(extensions=[], output_format="html")
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        for name in BLOCK_SYNTAX:
            md.parser.blockprocessors.deregister(name, strict=False)
        links = _Links(md)
        links.resolve = resolve
        md.treeprocessors.register(links, "studykit_links", 1)
        self._md = md

    def _convert(self, text: str) -> str:
        text = _CONTROL.sub("", text).strip()
        if not _MARKUP.search(text):  # most prompts and choices: skip the Markdown round trip
            paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
            return "\n".join(f"<p>{escape(p, quote=False)}</p>" for p in paragraphs)
        self._md.reset()
        return clean_inline_html(self._md.convert(text))

    def inline(self, text: str) -> Markup:
        """One line of text (prompt, choice, feedback): no paragraph wrapper."""
        html = self._convert(" ".join(text.split()))
        if html.startswith("<p>") and html.endswith("</p>"):
            html = html[3:-4]
        return Markup(html)

    def paragraphs(self, text: str) -> Markup:
        """Text that may have several paragraphs (explanation): inline Markdown in each."""
        return Markup(self._convert(text))
