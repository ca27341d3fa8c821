"""file.* : content files stay what they claim to be.

Everything under content/ that is not a page is copied into the site as it is, on the site's own origin. So a
`.html` or `.js` file there would be a page or script that no check has read, an SVG opened on its own runs its
scripts and handlers, and a file at the path of the theme's or studykit's own assets would replace them (the
package's copy wins in the staged tree, but an editor who meant to change it should hear so, not be ignored).
Symbolic links are judged when the project is loaded (sources/walk.py).

SVGs are parsed with defusedxml (no entity expansion, no external DTD fetches) through SAX, whose locator gives
each element's line and column.
"""

from __future__ import annotations

import io
import re
import xml.sax
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.expatreader import DefusedExpatParser

from ..catalog import Catalog
from ..diagnostics import Code, Diagnostic, error
from ..generate.step import ASSET_DIR
from ..sources.siteconfig import CONTENT_DIR

ACTIVE_TYPES = (".html", ".htm", ".xhtml", ".shtml", ".js", ".mjs", ".cjs")
# The theme's scripts and styles (Material and Zensical alike), studykit's own, and files the engine writes.
RESERVED_FOLDERS = (f"{ASSET_DIR}/", "assets/javascripts/", "assets/stylesheets/", "search/")
RESERVED_FILES = ("sitemap.xml", "sitemap.xml.gz", "search.json", "404.html")
SAFE_REFERENCE = re.compile(r"^\s*(#|data:image/(png|jpeg|gif|webp);base64,)", re.IGNORECASE)
CSS_REFERENCE = re.compile(r"@import|url\(\s*['\"]?\s*(?!#)", re.IGNORECASE)
ANIMATIONS = {"set", "animate"}


def check_files(catalog: Catalog) -> Iterator[Diagnostic]:
    project = catalog.project
    for rel in sorted(project.assets):
        path = f"{CONTENT_DIR}/{rel}"
        suffix = PurePosixPath(rel).suffix.lower()
        if suffix in ACTIVE_TYPES:
            yield error(
                path,
                1,
                1,
                Code.FILE_TYPE,
                f"'{suffix}' files are not allowed in content: the browser would run it unchecked; write a page "
                "in Markdown instead",
            )
        shadowed = reserved_path(rel)
        if shadowed:
            yield error(
                path,
                1,
                1,
                Code.FILE_SHADOWS_ASSET,
                f"'{rel}' is where {shadowed} are published; move the file (the theme's or studykit's own is used)",
            )
    for rel, data in sorted(project.svgs.items()):
        for line, column, problem in svg_problems(data):
            yield error(f"{CONTENT_DIR}/{rel}", line, column, Code.FILE_SVG, problem)


def reserved_path(rel: str) -> str | None:
    """What publishes to `rel` (a docs-relative path), if it is not the content's to use."""
    folded = rel.lower()
    if folded.startswith(f"{ASSET_DIR}/"):
        return "studykit's scripts and styles"
    if folded.startswith(RESERVED_FOLDERS) or folded in RESERVED_FILES:
        return "the theme's scripts, styles and generated files"
    return None


class _SvgHandler(xml.sax.ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.problems: list[tuple[int, int, str]] = []
        self.in_style = False
        self.locator: Any = None

    def setDocumentLocator(self, locator: Any) -> None:  # noqa: N802 - SAX's name
        self.locator = locator

    def _at(self) -> tuple[int, int]:
        if self.locator is None:
            return 1, 1
        return self.locator.getLineNumber() or 1, (self.locator.getColumnNumber() or 0) + 1

    def _problem(self, message: str) -> None:
        self.problems.append((*self._at(), message))

    def startElementNS(self, name: tuple[str | None, str], qname: str | None, attrs: Any) -> None:  # noqa: N802
        local = name[1]
        values = {key[1]: str(value) for key, value in attrs.items()}
        if local.lower() == "script":
            self._problem("SVG with a <script>: scripts are not allowed in content images")
        for attr, value in values.items():
            lowered = attr.lower()
            if lowered.startswith("on"):
                self._problem(f"SVG with an event handler '{attr}': scripts are not allowed in content images")
            elif lowered in ("href", "src") and not SAFE_REFERENCE.match(value):
                self._problem(f"SVG references '{_short(value)}': an SVG may only point inside itself ('#id')")
            elif lowered == "style" and CSS_REFERENCE.search(value):
                self._problem("SVG style loads another file (url() or @import): an SVG may only point inside itself")
        target = values.get("attributeName", "").lower()
        if local in ANIMATIONS and (target.endswith("href") or target.startswith("on")):
            self._problem(f"SVG <{local}> changes '{target}': scripts and links cannot be animated in")
        self.in_style = local == "style"

    def endElementNS(self, name: tuple[str | None, str], qname: str | None) -> None:  # noqa: N802
        self.in_style = False

    def characters(self, content: str) -> None:
        if self.in_style and CSS_REFERENCE.search(content):
            self._problem("SVG <style> loads another file (url() or @import): an SVG may only point inside itself")

    def processingInstruction(self, target: str, data: str) -> None:  # noqa: N802
        if target.lower() == "xml-stylesheet":
            self._problem("SVG with an <?xml-stylesheet?> instruction: an SVG may only point inside itself")


def _short(value: str) -> str:
    value = value.strip()
    return value if len(value) <= 60 else value[:57] + "..."


def svg_problems(data: bytes) -> list[tuple[int, int, str]]:
    """(line, column, message) for everything in an SVG document that could run or fetch."""
    handler = _SvgHandler()
    parser = DefusedExpatParser(forbid_dtd=False, forbid_entities=True, forbid_external=True)
    parser.setFeature(xml.sax.handler.feature_namespaces, True)
    parser.setContentHandler(handler)
    try:
        parser.parse(io.BytesIO(data))
    except xml.sax.SAXParseException as exc:
        line, column = exc.getLineNumber() or 1, (exc.getColumnNumber() or 0) + 1
        return [*handler.problems, (line, column, f"SVG is not well-formed XML: {exc.getMessage()}")]
    except DefusedXmlException:
        message = "SVG declares an entity or an external file, which is not allowed: delete its <!DOCTYPE ...> block"
        return [*handler.problems, (1, 1, message)]
    return handler.problems
