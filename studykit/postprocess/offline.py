"""Offline use: a web app manifest (so the guide can be installed), its icons, and a service worker whose precache
list names every file a student needs with a short hash of its bytes.

Why a post-process step: only once the pages are final (after the CSP step writes its policy into each) are the
bytes, and so the hashes, known. A changed file changes its hash and therefore sw.js, which is how browsers learn
of a new deploy; unchanged files are not fetched again.

Why a small worker of our own (studykit/assets/sw.js.tmpl) rather than Workbox: the build stays Python-only, and
what is needed is small: cache-first for precached files (keyed by path and hash), network-first for pages with
the cache as fallback, stale entries dropped on activation, nothing asked of another origin. Workbox's runtime
(`workbox-sw`) would still need a manifest written here, and loads its modules at run time.

The manifest and the worker live at the site root, every URL in them is relative to it, and the worker's scope is
the folder it is served from, so the same output works at a domain's root and under a sub-path (GitHub Pages
project sites). Pages link the manifest with a relative URL; offline.js finds the root from that link.
"""

from __future__ import annotations

import hashlib
import json
import re
from importlib import resources
from pathlib import Path

from ..catalog import Catalog
from ..generate.step import ASSET_DIR

WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"
THEME_COLOR = "#00796b"  # the header colour a11y.css gives Material's teal
BACKGROUND_COLOR = "#ffffff"
ICONS = (  # (file in studykit/assets, size, purpose)
    ("icon-192.png", "192x192", "any"),
    ("icon-512.png", "512x512", "any"),
    ("icon-maskable-512.png", "512x512", "maskable"),
)
NOT_PRECACHED = re.compile(r"(\.map|\.gz)$|^sw\.js$|^sitemap\.xml$|^assets/javascripts/lunr/|^downloads/")
"""Source maps and the sitemaps no student's browser asks for (the sitemap also holds the build date, which
would make the worker change with it), the worker itself (browsers fetch it past
every cache), and the search engine's stemmers for other languages (added back when the search index asks for a
language other than English), and the instructors' exports under downloads/ (exports/files.py), which
students do not need offline."""
_CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)


def revision(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


def web_manifest(name: str, description: str) -> dict[str, object]:
    icon_dir = ASSET_DIR + "/"
    return {
        "name": name,
        "short_name": name if len(name) <= 12 else name.split()[0],  # under the icon on a home screen
        "description": description,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": [
            {"src": icon_dir + file, "sizes": size, "type": "image/png", "purpose": purpose}
            for file, size, purpose in ICONS
        ],
    }


def head_links(rel: str) -> str:
    """The `<link>`s a page at site-relative path `rel` needs, with URLs relative to that page."""
    up = "../" * rel.count("/")
    return (
        f'<link rel="manifest" href="{up}{MANIFEST}"><link rel="apple-touch-icon" href="{up}{ASSET_DIR}/{ICONS[0][0]}">'
    )


def link_page(html: str, rel: str) -> str:
    """The page with its manifest links placed right after the policy (or, without one, the `<head>` tag)."""
    found = _CSP_META.search(html) or _HEAD.search(html)
    if found is None:
        return html
    return html[: found.end()] + head_links(rel) + html[found.end() :]


def _search_languages(site: Path) -> set[str]:
    index = site / "search" / "search_index.json"
    try:
        config = json.loads(index.read_bytes()).get("config", {})
    except (OSError, ValueError, AttributeError):
        return {"en"}
    lang = config.get("lang", ["en"]) if isinstance(config, dict) else ["en"]
    return {str(item) for item in (lang if isinstance(lang, list) else [lang])}


def precache(site: Path) -> dict[str, str]:
    """Site-relative path -> revision of every file a student's browser may need, sorted by path."""
    other_language = bool(_search_languages(site) - {"en"})
    files: dict[str, str] = {}
    for file in sorted(site.rglob("*")):
        rel = file.relative_to(site).as_posix()
        if not file.is_file() or (NOT_PRECACHED.search(rel) and not (other_language and "/lunr/" in rel)):
            continue
        files[rel] = revision(file.read_bytes())
    return files


def worker(files: dict[str, str]) -> str:
    """sw.js: the template with the precache list and a version that changes whenever any revision does."""
    listing = json.dumps(files, indent=0, sort_keys=True)
    version = revision(listing.encode("utf-8"))
    template = (resources.files("studykit") / "assets" / "sw.js.tmpl").read_text(encoding="utf-8")
    return template.replace("__STUDYKIT_VERSION__", version).replace("__STUDYKIT_FILES__", listing)


def offline_files() -> set[str]:
    """Site-relative files this step writes (for the provenance audit)."""
    return {WORKER, MANIFEST} | {f"{ASSET_DIR}/{file}" for file, _size, _purpose in ICONS}


def add_offline(site: Path, catalog: Catalog) -> None:
    """Write the icons, the manifest (linked from every page) and, last, the worker over the final files."""
    assets = resources.files("studykit") / "assets"
    for file, _size, _purpose in ICONS:
        target = site / ASSET_DIR / file
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((assets / file).read_bytes())
    config = catalog.project.config
    description = ""
    if config.doc is not None and isinstance(config.doc.data, dict):
        description = str(config.doc.data.get("site_description") or "")
    manifest = web_manifest(config.site_name or "Study guide", description)
    (site / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        if rel == "404.html":  # served at any depth, where a relative link would miss
            continue
        try:
            html = page.read_bytes().decode("utf-8")
        except UnicodeDecodeError:  # the CSP step has reported it, and the build fails
            continue
        page.write_bytes(link_page(html, rel).encode("utf-8"))
    (site / WORKER).write_text(worker(precache(site)), encoding="utf-8")
