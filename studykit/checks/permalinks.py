"""permalink.* : every URL in permalinks.lock.yml still works, through the live page, a redirect or a retirement.

A page URL comes from its file path and a section anchor from its heading text, so a rename breaks links people
outside the project pasted long ago, with no error anywhere. The lock remembers what was published; this check
names the URL that would break and the two ways to keep faith with it: a redirect in studykit.yml (the build
writes a page that forwards, fragment included) or a retirement with a reason. Redirect entries are checked too:
their target must exist, and a URL that is still live cannot be redirected.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..catalog import Catalog
from ..diagnostics import Code, Diagnostic, did_you_mean, warning
from ..sources.permalock import LOCK_FILE, UPDATE_COMMAND, Published, published_urls
from ..sources.rules import RULES_FILE
from ..sources.yamlsource import YamlDocument
from .links import check_target


def live_urls(catalog: Catalog) -> dict[str, Published]:
    return published_urls(catalog.project, catalog.glossary_page, sorted(catalog.terms))


def _is_live(url: str, live: dict[str, Published]) -> bool:
    path, _, anchor = url.partition("#")
    return path in live and (not anchor or anchor in live[path].anchors)


def _rules_doc(catalog: Catalog) -> YamlDocument | None:
    return next((doc for doc in catalog.project.yaml_docs if doc.path == RULES_FILE), None)


def _check_rules(catalog: Catalog, live: dict[str, Published]) -> Iterator[Diagnostic]:
    rules = catalog.project.rules
    doc = _rules_doc(catalog)
    if doc is None:
        return
    for section, entries in (("redirects", rules.redirects), ("retired", rules.retired)):
        for url in entries:
            if _is_live(url, live):
                yield doc.error(
                    (section, url),
                    Code.PERMALINK_REDIRECT,
                    f"'{url}' is still a live URL of this site, so this entry would never be used; remove it",
                    key=True,
                )
    for url, target in rules.redirects.items():
        problem = check_target(catalog, "", target, yaml_field=True)
        if problem is not None:
            yield doc.error(("redirects", url), Code.PERMALINK_REDIRECT, f"redirect of '{url}': {problem[1]}")


def _fixes(url: str, suggestion: str) -> str:
    return (
        f'add a redirect in {RULES_FILE} (`redirects: {{"{url}": {suggestion}}}`) or retire it with a reason '
        f'(`retired: {{"{url}": "why it is gone"}}`), then run `{UPDATE_COMMAND}`'
    )


def _moved_page(entry: Published, live: dict[str, Published]) -> str | None:
    """Where a page with the same permanent id lives now."""
    if not entry.page_id:
        return None
    return next((now.rel for now in live.values() if now.page_id == entry.page_id), None)


def check_permalinks(catalog: Catalog) -> Iterator[Diagnostic]:
    live = live_urls(catalog)
    yield from _check_rules(catalog, live)
    lock = catalog.project.permalock
    if lock is None:
        return
    redirects, retired = catalog.project.rules.redirects, catalog.project.rules.retired
    for url, entry in lock.pages.items():
        now = live.get(url)
        if now is None:
            if url in retired:
                continue
            target = redirects.get(url)
            if target is None:
                moved = _moved_page(entry, live)
                hint = f"page '{entry.page_id}' is now {moved}: " if moved else ""
                yield lock.doc.error(
                    ("pages", url),
                    Code.PERMALINK_BROKEN,
                    f"'{url}' was published but no page is served there any more; {hint}"
                    + _fixes(url, moved or "<new page>.md"),
                    key=True,
                )
                continue
            yield from _anchors_through_redirect(catalog, lock.doc, url, entry, target)
            continue
        for index, anchor in enumerate(entry.anchors):
            full = f"{url}#{anchor}"
            if anchor in now.anchors or full in redirects or full in retired:
                continue
            guess = did_you_mean(anchor, now.anchors).replace("did you mean", "the heading may now be")
            yield lock.doc.error(
                ("pages", url, "anchors", index),
                Code.PERMALINK_BROKEN,
                f"'{full}' was published but '{now.rel}' no longer has the anchor '#{anchor}'{guess}; "
                + _fixes(full, f"{now.rel}#<new-anchor>"),
            )
    yield from _unlocked(catalog, lock.pages, live)


def _anchors_through_redirect(
    catalog: Catalog, doc: YamlDocument, url: str, entry: Published, target: str
) -> Iterator[Diagnostic]:
    """A page redirect forwards the fragment; each published anchor must land somewhere real."""
    rules = catalog.project.rules
    path, _, fixed_anchor = target.partition("#")
    if fixed_anchor or path not in catalog.pages:
        return  # every fragment goes to one anchor (checked with the redirect), or the target is already reported
    anchors = live_urls(catalog)
    landing = next((now for now in anchors.values() if now.rel == path), None)
    if landing is None:
        return
    for index, anchor in enumerate(entry.anchors):
        full = f"{url}#{anchor}"
        if anchor in landing.anchors or full in rules.redirects or full in rules.retired:
            continue
        yield doc.error(
            ("pages", url, "anchors", index),
            Code.PERMALINK_BROKEN,
            f"'{full}' is redirected to '{path}', which has no anchor '#{anchor}'; " + _fixes(full, f"{path}#<anchor>"),
        )


def _unlocked(catalog: Catalog, locked: dict[str, Published], live: dict[str, Published]) -> Iterator[Diagnostic]:
    pages = {page.rel: page for page in catalog.project.pages}
    for url, now in live.items():
        known = set(locked[url].anchors) if url in locked else set()
        new = [anchor for anchor in now.anchors if anchor not in known]
        if url in locked and not new:
            continue
        what = f"'{url or './'}'" if url not in locked else ", ".join(f"'#{anchor}'" for anchor in new[:5])
        more = f" and {len(new) - 5} more" if url in locked and len(new) > 5 else ""
        page = pages[now.rel]
        yield warning(
            page.path,
            1,
            1,
            Code.PERMALINK_UNLOCKED,
            f"this page publishes {what}{more}, not yet recorded in {LOCK_FILE}; run `{UPDATE_COMMAND}` "
            "so later renames are caught",
        )
