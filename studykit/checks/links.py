"""link.* : every link an editor writes (in pages and in YAML fields) resolves to a page, file, anchor or term."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

from ..catalog import Catalog
from ..diagnostics import Code, Diagnostic, did_you_mean, error
from ..sources.yamlsource import YamlDocument, YamlPath
from ..syntax import EXTERNAL_SCHEMES, TERM_SCHEME, is_figure_anchor


def _resolve_page_path(catalog: Catalog, rel_path: str) -> str | None:
    """Content-relative page or asset path a link means, if it exists."""
    if rel_path in catalog.pages or rel_path in catalog.project.assets:
        return rel_path
    return None


def check_target(catalog: Catalog, from_rel: str, target: str, *, yaml_field: bool = False) -> tuple[Code, str] | None:
    """None when `target` (as written in `from_rel`, or content-relative for YAML fields) resolves."""
    target = target.strip()
    if not target:
        return Code.LINK_MISSING_PAGE, "empty link target"
    parts = urlsplit(target)
    if parts.scheme.lower() in EXTERNAL_SCHEMES:
        return None
    if parts.scheme == TERM_SCHEME:
        term_id = parts.path
        if term_id not in catalog.terms:
            return (
                Code.GLOSSARY_UNKNOWN_TERM,
                f"unknown glossary term '{term_id}'{did_you_mean(term_id, catalog.terms)}",
            )
        return None
    if parts.scheme.lower() == "javascript":
        return None  # check_safety reports it
    if parts.scheme:
        return Code.LINK_MISSING_PAGE, f"unsupported link scheme '{parts.scheme}:'"
    path, anchor = unquote(parts.path), unquote(parts.fragment)
    if path.startswith("/"):
        return (
            Code.LINK_ABSOLUTE,
            f"absolute link '{target}' breaks when the site is not served from the root; use a relative path",
        )
    if not path:
        dest = from_rel
    else:
        base = "" if yaml_field else posixpath.dirname(from_rel)
        dest = posixpath.normpath(posixpath.join(base, path))
        if dest.startswith("../") or dest == "..":
            return Code.LINK_MISSING_PAGE, f"link target '{path}' is outside content/"
        if _resolve_page_path(catalog, dest) is None:
            candidates = [
                posixpath.relpath(p, base or ".") if not yaml_field else p
                for p in [*catalog.pages, *catalog.project.assets]
            ]
            return Code.LINK_MISSING_PAGE, f"link target '{path}' does not exist{did_you_mean(path, candidates)}"
    if anchor and dest in catalog.pages:
        anchors = catalog.anchors.get(dest, set())
        if anchor not in anchors:
            shown = f"{path}#{anchor}" if path else f"#{anchor}"
            if is_figure_anchor(anchor):
                figures = [figure.anchor for figure in catalog.pages[dest].scanned.figures]
                where = "this page" if not path else f"'{dest}'"
                return (
                    Code.FIGURE_UNKNOWN,
                    f"figure '{anchor}' does not exist on {where} ({shown}){did_you_mean(anchor, figures)}",
                )
            return (
                Code.LINK_MISSING_ANCHOR,
                f"anchor '#{anchor}' does not exist in '{dest}' ({shown}){did_you_mean(anchor, anchors)}",
            )
    return None


def check_links(catalog: Catalog) -> Iterator[Diagnostic]:
    for page in catalog.project.pages:
        scanned = page.scanned
        for link in [*scanned.links, *scanned.ref_defs.values()]:
            problem = check_target(catalog, page.rel, link.target)
            if problem:
                yield error(page.path, link.line, link.column, problem[0], problem[1])
        for use in scanned.ref_uses:
            if use.label not in scanned.ref_defs:
                yield error(
                    page.path,
                    use.line,
                    use.column,
                    Code.LINK_UNDEFINED_REF,
                    f"reference link label '{use.label}' is not defined{did_you_mean(use.label, scanned.ref_defs)}",
                )
        for quiz_id, line, column in scanned.quiz_blocks:
            if quiz_id not in catalog.quizzes and quiz_id not in catalog.project.broken_quizzes:
                yield error(
                    page.path,
                    line,
                    column,
                    Code.QUIZ_UNKNOWN,
                    f"unknown quiz '{quiz_id}'{did_you_mean(quiz_id, catalog.quizzes)}",
                )


def _yaml_link(catalog: Catalog, doc: YamlDocument, path: YamlPath, target: str) -> Iterator[Diagnostic]:
    problem = check_target(catalog, "", target, yaml_field=True)
    if problem:
        loc = doc.loc(path)
        yield error(doc.path, loc.line, loc.column, problem[0], problem[1])
