"""A figure SVG made into markup that can sit inside a page: the same drawing, through an allowlist.

Inline, not `<img>`: an SVG behind `<img>` cannot see the page's CSS, so it could not follow the reader's palette
(figures.css sets the `--sk-fig-*` colours for light and dark). Inline markup is part of the page, so it is built
here from the parsed file, never copied: only drawing elements and presentation attributes are written out, ids
get the figure's id as a prefix (every drawsvg file names its markers `d0`, `d1`..., and two figures on one page
must not share them), references may only be `#id` inside the drawing, the `<style>` is scoped to the figure
(css.py), and the root gets the page's accessible name for it (the alt text) and its description (`<desc>`).
The file check (checks/files.py) has refused scripts, handlers and references elsewhere before a build starts;
this allowlist holds whatever it may have missed.

Parsed with defusedxml's SAX reader (no entities, no external fetches), whose locator gives `check` a line and a
column for everything the allowlist drops (figure.svg).
"""

from __future__ import annotations

import io
import re
import xml.sax
from dataclasses import dataclass, field
from html import escape
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.expatreader import DefusedExpatParser

from .css import clean_declarations, scope_style

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"

ELEMENTS = frozenset(
    """svg g defs title desc path line polyline polygon rect circle ellipse text tspan marker use symbol clipPath
    mask linearGradient radialGradient stop pattern style""".split()
)
TEXT_ELEMENTS = frozenset({"text", "tspan", "title", "desc", "style"})
ATTRIBUTES = frozenset(
    """id class d x y x1 y1 x2 y2 cx cy r rx ry fx fy width height points viewBox preserveAspectRatio transform
    fill fill-opacity fill-rule stroke stroke-width stroke-opacity stroke-linecap stroke-linejoin stroke-dasharray
    stroke-dashoffset stroke-miterlimit opacity clip-rule clip-path mask font-family font-size font-weight
    font-style text-anchor dominant-baseline alignment-baseline baseline-shift letter-spacing word-spacing dx dy
    rotate textLength lengthAdjust marker-start marker-mid marker-end markerWidth markerHeight markerUnits refX refY
    orient gradientUnits gradientTransform spreadMethod offset stop-color stop-opacity patternUnits
    patternContentUnits patternTransform clipPathUnits maskUnits maskContentUnits vector-effect paint-order
    visibility display shape-rendering text-rendering role style href""".split()
)
# Left to the file check (file.svg), which already reports them: dropped here without a second message.
SILENT_ELEMENTS = frozenset({"script"})
ROOT_DROPPED = frozenset({"width", "height", "x", "y", "role"})  # the page sizes the drawing and names its role
URL_REF = re.compile(r"url\(\s*['\"]?#([^'\")\s]+)['\"]?\s*\)")
ANY_URL = re.compile(r"url\(", re.IGNORECASE)
SAFE_ID = re.compile(r"[A-Za-z_][\w.-]*")


@dataclass
class InlineSvg:
    markup: str  # empty when the file cannot be inlined (not well-formed, not an <svg>)
    description_id: str = ""  # id of the drawing's <desc> (its long description), if it has one
    problems: list[tuple[int, int, str]] = field(default_factory=list)  # (line, column, what is dropped and why)


@dataclass
class _Node:
    name: str
    attrs: list[tuple[str, str]]
    parts: list[str | _Node] = field(default_factory=list)

    def serialize(self) -> str:
        attrs = "".join(f' {name}="{escape(value)}"' for name, value in self.attrs)
        inner = "".join(part if isinstance(part, str) else part.serialize() for part in self.parts)
        return f"<{self.name}{attrs}>{inner}</{self.name}>" if inner else f"<{self.name}{attrs}/>"


class _Inliner(xml.sax.ContentHandler):
    def __init__(self, prefix: str) -> None:
        super().__init__()
        self.prefix = prefix
        self.stack: list[_Node] = []
        self.root: _Node | None = None
        self.skipping = 0  # depth inside a dropped element
        self.problems: list[tuple[int, int, str]] = []
        self.locator: Any = None
        self.style_at: tuple[int, int] = (1, 1)
        self.has_viewbox = False
        self.description_id = ""

    def setDocumentLocator(self, locator: Any) -> None:  # noqa: N802 - SAX's name
        self.locator = locator

    def _at(self) -> tuple[int, int]:
        if self.locator is None:
            return 1, 1
        return self.locator.getLineNumber() or 1, (self.locator.getColumnNumber() or 0) + 1

    def _drop(self, message: str, at: tuple[int, int] | None = None) -> None:
        self.problems.append((*(at or self._at()), message))

    def _reference(self, value: str) -> str | None:
        """A value's `url(#id)` references pointed at the prefixed ids; None if it refers to anything else."""
        rewritten = URL_REF.sub(lambda m: f"url(#{self.prefix}{m.group(1)})", value)
        return None if ANY_URL.search(URL_REF.sub("", value)) else rewritten

    def _attribute(self, element: str, namespace: str | None, name: str, value: str) -> tuple[str, str] | None:
        if namespace == XLINK_NS and name == "href":
            namespace = None
        elif namespace == XML_NS and name in ("lang", "space"):
            return (f"xml:{name}", value) if name == "lang" else None
        if namespace is not None or name.lower().startswith("on"):
            return None  # other namespaces (editor metadata) and handlers (file.svg reports those)
        if name.startswith("aria-"):
            if not self.stack:
                return None  # the page names the drawing (its alt text) and points at its <desc>
            if name in ("aria-labelledby", "aria-describedby"):
                value = " ".join(f"{self.prefix}{token}" for token in value.split())
            return name, value
        if name not in ATTRIBUTES or (not self.stack and name in ROOT_DROPPED):
            if name not in ROOT_DROPPED:
                self._drop(f"attribute '{name}' on <{element}> is not drawn inline: the inline SVG allowlist drops it")
            return None
        if name == "viewBox" and not self.stack:
            self.has_viewbox = True
        if name == "href":
            value = value.strip()
            return ("href", f"#{self.prefix}{value[1:]}") if value.startswith("#") else None
        if name == "id":
            return ("id", f"{self.prefix}{value}") if SAFE_ID.fullmatch(value) else None
        if name == "style":
            kept, dropped = clean_declarations(value)
            for problem in dropped:
                self._drop(f"style on <{element}>: {problem} is dropped inline")
            return ("style", kept) if kept else None
        rewritten = self._reference(value)
        if rewritten is None:
            self._drop(f"attribute '{name}' on <{element}> refers outside the drawing: only url(#id) is drawn")
        return (name, rewritten) if rewritten is not None else None

    def startElementNS(self, name: tuple[str | None, str], qname: str | None, attrs: Any) -> None:  # noqa: N802
        namespace, local = name
        if self.skipping:
            self.skipping += 1
            return
        if namespace != SVG_NS or local not in ELEMENTS or (self.root is None and local != "svg"):
            self.skipping = 1
            if local not in SILENT_ELEMENTS:
                self._drop(f"<{local}> is not drawn inline: the inline SVG allowlist drops it (and what it holds)")
            return
        kept = []
        for (attr_ns, attr_name), value in sorted(attrs.items(), key=lambda item: (item[0][0] or "", item[0][1])):
            attribute = self._attribute(local, attr_ns, attr_name, str(value))
            if attribute is not None:
                kept.append(attribute)
        node = _Node(local, kept)
        if local == "desc" and len(self.stack) == 1 and not self.description_id:
            node.attrs = [(name, value) for name, value in node.attrs if name != "id"]
            self.description_id = f"{self.prefix}desc"
            node.attrs.append(("id", self.description_id))
        if local == "style":
            self.style_at = self._at()
        if self.stack:
            self.stack[-1].parts.append(node)
        else:
            self.root = node
        self.stack.append(node)

    def endElementNS(self, name: tuple[str | None, str], qname: str | None) -> None:  # noqa: N802
        if self.skipping:
            self.skipping -= 1
            return
        node = self.stack.pop()
        if node.name == "style":
            css = "".join(part for part in node.parts if isinstance(part, str))
            scoped, dropped = scope_style(css, f"#{self.prefix.removesuffix('--')}")
            for problem in dropped:
                self._drop(f"<style>: {problem} is dropped inline", self.style_at)
            node.parts = [escape(scoped, quote=False)] if scoped else []  # SVG <style> text is parsed, not raw
            node.attrs = []

    def characters(self, content: str) -> None:
        if not self.skipping and self.stack and self.stack[-1].name in TEXT_ELEMENTS:
            node = self.stack[-1]
            node.parts.append(content if node.name == "style" else escape(content, quote=False))  # style: at its end


def inline_svg(data: bytes, figure_id: str) -> InlineSvg:
    """`data` (an SVG file) as markup for the figure `figure_id`: ids prefixed `<figure_id>--`, style scoped to
    `#<figure_id>`. The root carries the drawing's own attributes only; the page adds its name (extension.py)."""
    handler = _Inliner(f"{figure_id}--")
    parser = DefusedExpatParser(forbid_dtd=False, forbid_entities=True, forbid_external=True)
    parser.setFeature(xml.sax.handler.feature_namespaces, True)
    parser.setContentHandler(handler)
    try:
        parser.parse(io.BytesIO(data))
    except (xml.sax.SAXParseException, DefusedXmlException):
        return InlineSvg("", problems=handler.problems)  # file.svg reports why
    if handler.root is None:
        return InlineSvg("", problems=[(1, 1, "the file is no SVG drawing (its root is not <svg>)")])
    problems = handler.problems
    if not handler.has_viewbox:
        problems.insert(0, (1, 1, "the <svg> has no viewBox: it cannot scale to the width of a page or a phone"))
    return InlineSvg(handler.root.serialize(), handler.description_id, problems)


def add_root_attributes(markup: str, attributes: list[tuple[str, str]]) -> str:
    """`markup` (from inline_svg) with `attributes` added to its root `<svg` tag."""
    added = "".join(f' {name}="{escape(value)}"' for name, value in attributes)
    return markup.replace("<svg", f"<svg{added}", 1)
