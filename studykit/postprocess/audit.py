"""Post-build audit: every internal href/src in the rendered site resolves to a built file, and every fragment
to an element id in that file. Catches links our own extensions and templates produce, which source checks miss.

It also holds the site to its own origin: no page loads a script, stylesheet, image, frame or redirect from another
one (a link the reader clicks, `<a href>`, may go anywhere), and every file in the output came from a known source
(provenance.py)."""

from __future__ import annotations

import os
import posixpath
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..catalog import Catalog
from ..diagnostics import Code, Diagnostic, error
from ..render.urls import page_url
from .csp import HeadParser
from .provenance import audit_provenance

_LINK_ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "iframe": "src"}
_SKIP_SCHEMES = {"http", "https", "mailto", "tel", "data", "ftp"}
# attributes whose URL the browser fetches by itself, without a click (`link` only for the `rel`s below)
_LOADS = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
    "link": ("href",),
    "base": ("href",),
}
_LOADING_RELS = {
    "stylesheet", "icon", "shortcut", "apple-touch-icon", "mask-icon", "manifest", "preload", "modulepreload",
    "prefetch", "prerender", "preconnect", "dns-prefetch",
}  # fmt: skip
_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?\s*(?P<url>[^'\"\s]+)", re.IGNORECASE)
_CSS_URL = re.compile(r"url\(\s*['\"]?\s*(?P<url>[^'\")\s]+)", re.IGNORECASE)


def _foreign(url: str) -> bool:
    """True for a URL on another origin: http(s)://host or //host (the site itself is always relative)."""
    url = url.strip().replace("\\", "/")
    return url.startswith("//") or urlsplit(url).scheme.lower() in ("http", "https")


def external_requests(tag: str, values: dict[str, str | None]) -> list[str]:
    """URLs on another origin that this start tag makes the browser fetch."""
    urls: list[str] = []
    if tag == "link" and not _LOADING_RELS & set((values.get("rel") or "").lower().split()):
        return urls
    for attr in _LOADS.get(tag, ()):
        value = values.get(attr) or ""
        urls += [part.split()[0] for part in value.split(",") if part.strip()] if attr == "srcset" else [value]
    if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
        match = _REFRESH_URL.search(values.get("content") or "")
        urls += [match.group("url")] if match else []
    urls += [match.group("url") for match in _CSS_URL.finditer(values.get("style") or "")]
    return [url for url in urls if url and _foreign(url)]


class PageParser(HeadParser):
    """What the audit needs of a page (ids, links, requests to other origins), plus what the CSP step needs
    (HeadParser), so that each page is parsed once per build."""

    def __init__(self, source: str) -> None:
        super().__init__(source)
        self.ids: set[str] = set()
        self.links: list[tuple[str, int]] = []
        self.requests: list[tuple[str, str, int]] = []  # (tag, URL on another origin, line)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        super().handle_starttag(tag, attrs)
        values = dict(attrs)
        for url in external_requests(tag, values):
            self.requests.append((tag, url, self.getpos()[0]))
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


def parse_site(site: Path) -> dict[str, PageParser]:
    """Every HTML page of the output, parsed once: site-relative path -> parser."""
    parsed: dict[str, PageParser] = {}
    for file in sorted(site.rglob("*.html")):
        text = file.read_text(encoding="utf-8", errors="replace")
        parser = PageParser(text)
        parser.feed(text)
        parser.close()
        parsed[file.relative_to(site).as_posix()] = parser
    return parsed


def audit_site(
    site: Path, catalog: Catalog | None = None, parsed: dict[str, PageParser] | None = None
) -> list[Diagnostic]:
    sources = {output_path(rel): page.path for rel, page in (catalog.pages.items() if catalog else [])}
    parsed = parse_site(site) if parsed is None else parsed
    built = _built(site)
    diagnostics: list[Diagnostic] = []
    for page_path, parser in parsed.items():
        base = posixpath.dirname(page_path)
        for tag, url, line in parser.requests:
            message = f"<{tag}> loads '{url}' from another site: pages may only load files from the site itself"
            diagnostics.append(error(f"site/{page_path}", line, 1, Code.AUDIT_EXTERNAL_REQUEST, message))
        if page_path == "404.html":
            continue  # served at any depth; its links are root-relative by design
        shown = sources.get(page_path, f"site/{page_path}")
        for url, line in parser.links:
            problem = _check(url, base, page_path, built, parsed)
            if problem:
                code, message = problem
                where = f" (in site/{page_path})" if page_path in sources else ""
                diagnostics.append(error(shown, line if shown.startswith("site/") else 1, 1, code, message + where))
    if catalog is not None:
        diagnostics += audit_provenance(site, catalog)
    return diagnostics


def _built(site: Path) -> tuple[set[str], set[str]]:
    """(files, folders) of the output, relative to it, from one walk. Linking is checked against these sets, not
    the disk: a stat per link made the audit grow with links, and the theme's nav repeats links on every page."""
    files: set[str] = set()
    folders: set[str] = {"."}
    for folder, subfolders, names in os.walk(site):
        rel = os.path.relpath(folder, site).replace(os.sep, "/")
        prefix = "" if rel == "." else rel + "/"
        folders.update(prefix + name for name in subfolders)
        files.update(prefix + name for name in names)
    return files, folders


@lru_cache(maxsize=4096)
def _split(url: str) -> tuple[str, str, str, str]:
    """(scheme, netloc, path, fragment) with path and fragment unquoted; the same nav URLs recur on every page."""
    parts = urlsplit(url)
    return parts.scheme, parts.netloc, unquote(parts.path), unquote(parts.fragment)


def _check(
    url: str, base: str, page_path: str, built: tuple[set[str], set[str]], parsed: dict[str, PageParser]
) -> tuple[Code, str] | None:
    scheme, netloc, path, fragment = _split(url)
    if scheme in _SKIP_SCHEMES or netloc:
        return None
    if scheme:
        return Code.AUDIT_BROKEN_LINK, f"link '{url}' uses an unexpected scheme"
    if path:
        files, folders = built
        target = posixpath.normpath(posixpath.join(base, path))
        if target.startswith(".."):
            return Code.AUDIT_BROKEN_LINK, f"link '{url}' leaves the site"
        if path.endswith("/") or target in folders:
            target = posixpath.normpath(posixpath.join(target, "index.html"))
        if target not in files:
            return Code.AUDIT_BROKEN_LINK, f"link '{url}' points to '{target}', which was not built"
    else:
        target = page_path
    if fragment and target.endswith(".html"):
        ids = parsed[target].ids if target in parsed else set()
        if fragment not in ids:
            return Code.AUDIT_BROKEN_ANCHOR, f"link '{url}' points to '#{fragment}', which is not an id in '{target}'"
    return None
