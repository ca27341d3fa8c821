"""safety.* : what the build's HTML allowlist would remove, reported where the editor wrote it.

The build cleans every page with the allowlist in render/sanitize.py, so nothing here is the last line of
defence: these checks tell the editor why a handler, a frame or a `javascript:` link silently vanished, with its
line and column. The judge is the build's own cleaner (`sanitize.removals`), run over each raw tag, each Markdown
link and image target, and each attribute list; front matter title and description must be plain text.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from ..catalog import Catalog
from ..diagnostics import Code, Diagnostic, error
from ..render.sanitize import (
    ATTR_LIST_CONSUMED,
    ATTR_LIST_FORBIDDEN,
    RAW_HTML_CONSUMED,
    allowed_somewhere,
    is_handler,
    removals,
    theme_text_problem,
    url_removed,
)
from ..sources.htmlscan import AttrList, attr_lists, raw_tags
from ..sources.inline import inline_links
from ..sources.loading import PageSource
from ..sources.yamlsource import YamlDocument, YamlPath
from ..syntax import EXTERNAL_SCHEMES

FRONT_MATTER_TEXT = (("title",), ("description",))  # printed by the theme as HTML (see sanitize.theme_text)


def _html(path: str, text: str, line: int) -> Iterator[Diagnostic]:
    for tag in raw_tags(text, line):
        attrs = [(name, value) for name, value in tag.attrs if name not in RAW_HTML_CONSUMED]
        for removal in removals(tag.name, attrs):
            yield error(path, tag.line, tag.column, Code.SAFETY_HTML, removal.message())


def _attr_list_problem(found: AttrList) -> str | None:
    bad = []
    for key, value in found.attrs:
        name = key.lower()
        if name in ATTR_LIST_CONSUMED:
            continue
        if is_handler(name) or name in ATTR_LIST_FORBIDDEN or (value is not None and not allowed_somewhere(name)):
            bad.append(key)
    if not bad:
        return None
    names = ", ".join(f"'{key}'" for key in bad)
    return (
        f"attribute list sets {names}: {{ ... }} may not set event handlers, style, autofocus, href or src, "
        "nor attributes the HTML allowlist removes"
    )


def _attr_lists(path: str, text: str, line: int) -> Iterator[Diagnostic]:
    for found in attr_lists(text, line):
        problem = _attr_list_problem(found)
        if problem:
            yield error(path, found.line, found.column, Code.SAFETY_ATTR_LIST, problem)


def _link_problem(target: str, *, image: bool) -> str | None:
    scheme = urlsplit(target.strip()).scheme.lower()
    if scheme and scheme not in EXTERNAL_SCHEMES and scheme != "javascript":
        return None  # checks/links.py reports other schemes as unsupported (term: links are the glossary's)
    removal = url_removed("img" if image else "a", "src" if image else "href", target)
    return removal.message() if removal else None


def _page(page: PageSource) -> Iterator[Diagnostic]:
    yield from _html(page.path, page.body, page.body_line)
    yield from _attr_lists(page.path, page.body, page.body_line)
    for link in [*page.scanned.links, *page.scanned.ref_defs.values()]:
        problem = _link_problem(link.target, image=link.image)
        if problem:
            yield error(page.path, link.line, link.column, Code.SAFETY_HTML, problem)


def _front_matter(doc: YamlDocument, path: YamlPath, raw: str) -> Diagnostic | None:
    offset = theme_text_problem(raw)
    if offset is None:
        return None
    loc = doc.loc(path)
    what = raw[offset]
    return error(
        doc.path,
        loc.line,
        loc.column,
        Code.SAFETY_FRONT_MATTER,
        f"the page {path[0]} contains '{what}': it is plain text that the theme prints into the page head; "
        'leave out <, > and character references, and write “curly quotes” instead of "',
    )


def _yaml(doc: YamlDocument, front_matter: bool) -> Iterator[Diagnostic]:
    for path, raw in doc.raw.items():
        if front_matter and path in FRONT_MATTER_TEXT:
            markup = _front_matter(doc, path, raw)
            if markup:
                yield markup
            continue
        if not any(char in raw for char in "<{(["):
            continue
        loc = doc.loc(path)
        # The scalar's own lines are not the file's (quotes, folding): place everything at the scalar.
        for diagnostic in [*_html(doc.path, raw, 1), *_attr_lists(doc.path, raw, 1)]:
            yield error(doc.path, loc.line, loc.column, diagnostic.code, diagnostic.message)
        for link in inline_links(raw):
            problem = _link_problem(link.target, image=link.image)
            if problem:
                yield error(doc.path, loc.line, loc.column, Code.SAFETY_HTML, problem)


def check_safety(catalog: Catalog) -> Iterator[Diagnostic]:
    front_matter_docs = set()
    for page in catalog.project.pages:
        yield from _page(page)
        if page.doc is not None:
            front_matter_docs.add(id(page.doc))
    for doc in catalog.project.yaml_docs:
        yield from _yaml(doc, id(doc) in front_matter_docs)
