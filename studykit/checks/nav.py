"""nav.* : the `nav` in mkdocs.yml against the files in content/, as MkDocs will judge it when it builds.

A nav entry naming no file is a broken menu item (MkDocs warns, and the site is built strict); a page the nav does
not list is built but no menu leads to it (an error when mkdocs.yml sets `validation: omitted_files: warn`, as the
shipped site does, since the strict build then fails; a warning otherwise). Entries are placed on their line in
mkdocs.yml, omitted pages on the page, with the nav section their folder's other pages are listed under.
"""

from __future__ import annotations

import posixpath
from collections import Counter
from collections.abc import Iterator

from ..catalog import Catalog
from ..diagnostics import Code, Diagnostic, did_you_mean, error, warning
from ..sources.siteconfig import CONFIG_FILE, CONTENT_DIR, NavEntry


def _normalized(rel: str) -> str:
    return posixpath.normpath(rel.split("#", 1)[0])


def _section_for(rel: str, entries: list[NavEntry]) -> tuple[str, ...] | None:
    """The nav section most pages of `rel`'s folder (or of the nearest folder above it) are listed under."""
    folder = posixpath.dirname(rel)
    while True:
        sections = Counter(e.section for e in entries if posixpath.dirname(_normalized(e.rel)) == folder)
        if sections:
            return sections.most_common(1)[0][0]
        if not folder:
            return None
        folder = posixpath.dirname(folder)


def check_nav(catalog: Catalog) -> Iterator[Diagnostic]:
    project = catalog.project
    entries = project.config.nav
    if entries is None:
        return  # no nav: MkDocs lists every page itself
    files = project.page_files | project.assets | {page.rel for page in project.pages}
    listed: set[str] = set()
    for entry in entries:
        rel = _normalized(entry.rel)
        listed.add(rel)
        if rel not in files:
            yield error(
                CONFIG_FILE,
                entry.line,
                entry.column,
                Code.NAV_MISSING_PAGE,
                f"nav lists '{entry.rel}', which is not a file in {CONTENT_DIR}/{did_you_mean(rel, sorted(files))}",
            )
    report = error if project.config.omitted_files == "warn" else warning
    for page in project.pages:
        if page.rel in listed:
            continue
        section = _section_for(page.rel, entries)
        where = f"under '{' > '.join(section)}'" if section else "at the top level" if section == () else ""
        yield report(
            page.path,
            1,
            1,
            Code.NAV_OMITTED,
            f"page '{page.rel}' is not in the nav in {CONFIG_FILE}, so no menu leads to it; "
            f"add it to the nav{' ' + where if where else ''}",
        )
