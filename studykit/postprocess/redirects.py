"""Redirects and retirements from studykit.yml, written into the built site so old links keep working.

- A moved page (`redirects: {"old/url/": new.md}`) gets a small static page at its old URL that forwards at once,
  keeping the fragment (`old/url/#section` lands on `new/url/#section`), or sending a fragment that has its own
  redirect (`old/url/#a: other.md#b`) where that says. A meta refresh covers browsers without JavaScript.
- A renamed heading on a page that still exists (`redirects: {"page/#old": page.md#new}`) gets an empty element
  with the old id placed just before the new heading, so the old fragment still scrolls to the right place with
  no script at all; `data-sk-moved` lets permalinks.js also correct the address (and follow a fragment that moved
  to another page).
- A retired page gets a short page saying why it is gone and where to go instead.

Written by hand rather than with mkdocs-redirects: that plugin forwards whole pages only (no per-fragment
targets), runs only under MkDocs, and knows nothing of retirements. This is a post-process step, so it works the
same under every engine, and these pages then get the audit and the Content-Security-Policy like any other.
"""

from __future__ import annotations

import json
import posixpath
import re
from html import escape
from pathlib import Path

from ..catalog import Catalog
from ..diagnostics import Code, Diagnostic, error
from ..render.urls import page_url

ALIAS_CLASS = "sk-anchor-alias"


def url_between(here: str, there: str) -> str:
    """Relative URL from the site-relative URL `here` to the site-relative `there` (both as the site serves them)."""
    path, _, fragment = there.partition("#")
    base = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
    relative = posixpath.relpath(path or ".", base.rstrip("/") or ".")
    if relative == ".":
        relative = "./"
    elif path.endswith("/") or not path:
        relative += "/"
    return relative + (f"#{fragment}" if fragment else "")


def _target_url(catalog: Catalog, target: str) -> str:
    """Site-relative URL of a content-relative `page.md#anchor` redirect target."""
    path, _, anchor = target.partition("#")
    url = page_url(path, directory_urls=catalog.project.config.use_directory_urls)
    return url + (f"#{anchor}" if anchor else "")


def _file_of(url: str) -> str:
    """Site-relative file that serves the page URL `url`."""
    return url + "index.html" if url.endswith("/") or not url else url


def _script_json(value: object) -> str:
    return json.dumps(value, sort_keys=True).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _redirect_page(here: str, target: str, fragments: dict[str, str], title: str) -> str:
    href = url_between(here, target)
    keep = "" if "#" in target else " + location.hash"
    script = (
        f"var moved = {_script_json({k: url_between(here, v) for k, v in fragments.items()})};"
        f"var to = moved[decodeURIComponent(location.hash.slice(1))] || ({_script_json(href)}{keep});"
        "location.replace(to);"
    )
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>Moved: {escape(title)}</title>\n"
        '<meta name="robots" content="noindex">\n'
        f"<script>{script}</script>\n"
        f'<meta http-equiv="refresh" content="0; url={escape(href)}">\n'
        "</head>\n<body>\n"
        f'<p>This page has moved to <a href="{escape(href)}">{escape(title)}</a>.</p>\n'
        "</body>\n</html>\n"
    )


def _retired_page(here: str, reason: str, site_name: str) -> str:
    home = url_between(here, "")
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>No longer available: {escape(site_name)}</title>\n"
        '<meta name="robots" content="noindex">\n'
        "</head>\n<body>\n<main>\n<h1>This page is no longer part of the guide</h1>\n"
        f"<p>{escape(reason)}</p>\n"
        f'<p><a href="{escape(home)}">Go to the home page of {escape(site_name)}</a>.</p>\n'
        "</main>\n</body>\n</html>\n"
    )


def planned_files(catalog: Catalog) -> dict[str, str]:
    """Site-relative path -> HTML of every redirect and retirement page the build writes."""
    rules = catalog.project.rules
    titles = {rel: page.meta.title for rel, page in catalog.pages.items() if page.meta is not None}
    files: dict[str, str] = {}
    for url, target in sorted(rules.redirects.items()):
        if "#" in url:
            continue
        fragments = {
            key.partition("#")[2]: _target_url(catalog, value)
            for key, value in rules.redirects.items()
            if key.partition("#")[0] == url and "#" in key
        }
        title = titles.get(target.partition("#")[0], target)
        files[_file_of(url)] = _redirect_page(url, _target_url(catalog, target), fragments, title)
    for url, reason in sorted(rules.retired.items()):
        if "#" not in url:
            files[_file_of(url)] = _retired_page(url, reason, catalog.project.config.site_name or "this guide")
    return files


def _with_alias(html: str, old: str, new_anchor: str | None, moved_to: str) -> str:
    alias = f'<span id="{escape(old)}" class="{ALIAS_CLASS}" data-sk-moved="{escape(moved_to)}"></span>'
    if new_anchor:
        found = re.search(rf'<[a-zA-Z][^<>]*\bid="{re.escape(new_anchor)}"', html)
        if found:
            return html[: found.start()] + alias + html[found.start() :]
    found = re.search(r"<h1[\s>]", html) or re.search(r"</body>", html)
    if found is None:
        return html + alias
    return html[: found.start()] + alias + html[found.start() :]


def write_redirects(site: Path, catalog: Catalog) -> list[Diagnostic]:
    """Write the redirect and retirement pages, and the old-anchor aliases into live pages."""
    diagnostics: list[Diagnostic] = []
    for rel, html in planned_files(catalog).items():
        target = site / rel
        if target.exists():
            diagnostics.append(
                error(
                    "studykit.yml",
                    1,
                    1,
                    Code.PERMALINK_REDIRECT,
                    f"the build already has a file at '{rel}', so its redirect or retirement page was not written",
                )
            )
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    live = {page_url(rel, directory_urls=catalog.project.config.use_directory_urls): rel for rel in catalog.pages}
    for key, value in sorted(catalog.project.rules.redirects.items()):
        url, _, old = key.partition("#")
        if not old or url not in live:
            continue
        file = site / _file_of(url)
        if not file.is_file():
            continue
        there = _target_url(catalog, value)
        there_url, _, anchor = there.partition("#")
        same_page = there_url == url
        html = file.read_text(encoding="utf-8")
        file.write_text(
            _with_alias(html, old, anchor if same_page else None, url_between(url, there)), encoding="utf-8"
        )
    return diagnostics
