"""Page URLs as the site serves them, and relative links between pages.

Rendered links must be relative (the site may be served from a sub-path) and must match MkDocs' layout:
with directory URLs `procedures/rfa.md` is served at `procedures/rfa/`, `index.md` at the site root.
"""

from __future__ import annotations

import posixpath


def page_url(rel: str, *, directory_urls: bool = True) -> str:
    """Site-relative URL of the content-relative Markdown page `rel` ('' for the home page)."""
    stem = rel[: -len(".md")] if rel.endswith(".md") else rel
    name = posixpath.basename(stem)
    folder = posixpath.dirname(stem)
    if name in ("index", "README"):
        if directory_urls:
            return f"{folder}/" if folder else ""
        return posixpath.join(folder, "index.html")
    return f"{stem}/" if directory_urls else f"{stem}.html"


def source_href(target: str, from_dir: str) -> str:
    """A content-relative 'page.md#anchor' as a Markdown link written in a page in folder `from_dir`.

    The link stays a source path: the engine turns `.md` links into URLs, right for any URL layout and depth.
    """
    path, _, anchor = target.partition("#")
    href = posixpath.relpath(path, from_dir or ".")
    return f"{href}#{anchor}" if anchor else href


def relative_url(from_rel: str, to_rel: str, anchor: str = "", *, directory_urls: bool = True) -> str:
    """URL of page `to_rel` (plus `#anchor`) written in page `from_rel`."""
    fragment = f"#{anchor}" if anchor else ""
    if from_rel == to_rel:
        return fragment or "./"
    here = page_url(from_rel, directory_urls=directory_urls)
    there = page_url(to_rel, directory_urls=directory_urls)
    base = here if here.endswith("/") or not here else posixpath.dirname(here)
    relative = posixpath.relpath(there or ".", base.rstrip("/") or ".")
    if relative == ".":
        relative = "./"
    elif there.endswith("/") or not there:
        relative += "/"
    return relative + fragment


def root_url(from_rel: str, *, directory_urls: bool = True) -> str:
    """URL of the site root written in page `from_rel` ('./', '../', ...): where the site's files start."""
    here = page_url(from_rel, directory_urls=directory_urls)
    base = here if here.endswith("/") or not here else posixpath.dirname(here)
    relative = posixpath.relpath(".", base.rstrip("/") or ".")
    return "./" if relative == "." else relative + "/"
