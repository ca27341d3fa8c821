"""Post-build audit: every internal href/src in the rendered site resolves to a built file, and every fragment
to an element id in that file. Catches links our own extensions and templates produce, which source checks miss."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..catalog import Catalog
from ..diagnostics import Code, Diagnostic, error
from ..render.urls import page_url

_LINK_ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "iframe": "src"}
_SKIP_SCHEMES = {"http", "https", "mailto", "tel", "data", "ftp"}


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        if tag == "a" and values.get("name"):
            self.ids.add(str(values["name"]))
        attr = _LINK_ATTRS.get(tag)
        if tag == "link" and (values.get("rel") or "").lower() == "canonical":
            return  # for search engines, and made from site_url (Zensical writes '/page/' when it is unset)
        if attr and values.get(attr) is not None:
            self.links.append((str(values[attr]), self.getpos()[0]))


def output_path(source_rel: str) -> str:
    """Where MkDocs (directory URLs) writes a content-relative Markdown page."""
    return page_url(source_rel) + "index.html"


def audit_site(site: Path, catalog: Catalog | None = None) -> list[Diagnostic]:
    sources = {output_path(rel): page.path for rel, page in (catalog.pages.items() if catalog else [])}
    parsed: dict[str, _PageParser] = {}
    for file in sorted(site.rglob("*.html")):
        parser = _PageParser()
        parser.feed(file.read_text(encoding="utf-8", errors="replace"))
        parsed[file.relative_to(site).as_posix()] = parser
    diagnostics: list[Diagnostic] = []
    for page_path, parser in parsed.items():
        base = posixpath.dirname(page_path)
        if page_path == "404.html":
            continue  # served at any depth; its links are root-relative by design
        shown = sources.get(page_path, f"site/{page_path}")
        for url, line in parser.links:
            problem = _check(url, base, page_path, site, parsed)
            if problem:
                code, message = problem
                where = f" (in site/{page_path})" if page_path in sources else ""
                diagnostics.append(error(shown, line if shown.startswith("site/") else 1, 1, code, message + where))
    return diagnostics


def _check(url: str, base: str, page_path: str, site: Path, parsed: dict[str, _PageParser]) -> tuple[Code, str] | None:
    parts = urlsplit(url)
    if parts.scheme in _SKIP_SCHEMES or parts.netloc:
        return None
    if parts.scheme:
        return Code.AUDIT_BROKEN_LINK, f"link '{url}' uses an unexpected scheme"
    path, fragment = unquote(parts.path), unquote(parts.fragment)
    if path:
        target = posixpath.normpath(posixpath.join(base, path))
        if target.startswith(".."):
            return Code.AUDIT_BROKEN_LINK, f"link '{url}' leaves the site"
        if path.endswith("/") or (site / target).is_dir():
            target = posixpath.join(target, "index.html")
        if not (site / target).is_file():
            return Code.AUDIT_BROKEN_LINK, f"link '{url}' points to '{target}', which was not built"
    else:
        target = page_path
    if fragment and target.endswith(".html"):
        ids = parsed[target].ids if target in parsed else set()
        if fragment not in ids:
            return Code.AUDIT_BROKEN_ANCHOR, f"link '{url}' points to '#{fragment}', which is not an id in '{target}'"
    return None
