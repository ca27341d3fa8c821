"""permalinks.lock.yml: every URL the site has published, so renaming a page or a heading cannot silently break a
link an instructor pasted into a syllabus.

The lock records, per page URL, the page's permanent id and the anchors people link to: section headings, the quiz
section and each quiz, and glossary entries. It is written by `permalinks --update` and checked by `check`
(studykit/checks/permalinks.py); editors never write it by hand. The reference list (`#references`, `#ref-…`)
and glossary letter anchors are left out: nobody links to them from outside, and they change with the
bibliography.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..diagnostics import Code, Diagnostic, error
from ..render.urls import page_url
from ..syntax import QUIZ_SECTION_ANCHOR, quiz_anchor, term_anchor
from .yamlsource import YamlDocument, parse_yaml, read_text

if TYPE_CHECKING:  # loading.py imports this module to read the lock with the project
    from .loading import PageSource, Project

LOCK_FILE = "permalinks.lock.yml"
LOCK_VERSION = 1
UPDATE_COMMAND = "python build_site.py permalinks --update"  # `studykit permalinks --update` works too
HEADER = (
    "# Every URL this site has published: each page and the section, quiz and glossary anchors people link to.\n"
    "# Written by `python build_site.py permalinks --update`; `check` fails when a URL here would stop working.\n"
    "# To move or rename deliberately, add a redirect (or a retirement with a reason) in studykit.yml, then update\n"
    '# this file. See CONTRIBUTING.md, "Permanent links".\n'
)


@dataclass(frozen=True)
class Published:
    """What one page publishes: its permanent id and its linkable anchors."""

    page_id: str
    rel: str
    anchors: tuple[str, ...]


@dataclass
class PermaLock:
    doc: YamlDocument
    pages: dict[str, Published] = field(default_factory=dict)  # url -> what was published there


def _page_anchors(page: PageSource, glossary_terms: list[str] | None) -> set[str]:
    anchors = {heading.anchor for heading in page.scanned.headings}
    quizzes = [quiz_id for quiz_id, _line, _column in page.scanned.quiz_blocks]
    if page.meta is not None:
        if page.meta.quiz:
            quizzes.append(page.meta.quiz)
            anchors.add(QUIZ_SECTION_ANCHOR)
    anchors |= {quiz_anchor(quiz_id) for quiz_id in quizzes}
    anchors |= {term_anchor(term_id) for term_id in glossary_terms or []}
    return anchors


def published_urls(project: Project, glossary_page: str | None, term_ids: list[str]) -> dict[str, Published]:
    """url -> what the site publishes there now, for every page that loaded."""
    out: dict[str, Published] = {}
    for page in project.pages:
        url = page_url(page.rel, directory_urls=project.config.use_directory_urls)
        anchors = _page_anchors(page, term_ids if page.rel == glossary_page else None)
        page_id = page.meta.id if page.meta is not None else ""
        out[url] = Published(page_id, page.rel, tuple(sorted(anchors)))
    return dict(sorted(out.items()))


def lock_text(published: dict[str, Published]) -> str:
    """The lock file: written line by line (keys JSON-quoted, valid YAML) so the home page's empty URL reads
    `"":` rather than PyYAML's `? ''` form, and a diff shows one line per anchor."""
    lines = [f"version: {LOCK_VERSION}", "pages:"]
    for url, entry in published.items():
        lines += [f"  {json.dumps(url)}:", f"    id: {json.dumps(entry.page_id)}"]
        lines.append("    anchors:" + ("" if entry.anchors else " []"))
        lines += [f"      - {json.dumps(anchor)}" for anchor in entry.anchors]
    return HEADER + "\n".join(lines) + "\n"


def write_lock(root: Path, published: dict[str, Published]) -> Path:
    path = root / LOCK_FILE
    path.write_text(lock_text(published), encoding="utf-8")
    return path


def _bad(doc: YamlDocument, path: tuple[str | int, ...], message: str) -> Diagnostic:
    return doc.error(path, Code.PERMALINK_LOCK, f"{message}; regenerate the file with `permalinks --update`")


def load_lock(root: Path) -> tuple[PermaLock | None, list[Diagnostic]]:
    """The project's lock file, or None when the project has none (permanent links are then not checked)."""
    file = root / LOCK_FILE
    if not file.is_file():
        return None, []
    text, diagnostics = read_text(file, LOCK_FILE)
    if text is None:
        return None, diagnostics
    doc, problems = parse_yaml(text, LOCK_FILE)
    if doc is None or problems:
        return None, diagnostics + problems
    data = doc.data
    if not isinstance(data, dict) or data.get("version") != LOCK_VERSION or not isinstance(data.get("pages"), dict):
        return None, [error(LOCK_FILE, 1, 1, Code.PERMALINK_LOCK, f"expected `version: {LOCK_VERSION}` and `pages:`")]
    lock = PermaLock(doc)
    for url, entry in data["pages"].items():
        where: tuple[str | int, ...] = ("pages", url)
        if not isinstance(url, str) or not isinstance(entry, dict):
            diagnostics.append(_bad(doc, where, f"entry '{url}' must map a URL to its id and anchors"))
            continue
        anchors = entry.get("anchors", [])
        page_id = entry.get("id", "")
        if not isinstance(page_id, str) or not isinstance(anchors, list):
            diagnostics.append(_bad(doc, where, f"entry '{url}' needs a text `id` and a list of `anchors`"))
            continue
        if not all(isinstance(anchor, str) for anchor in anchors):
            diagnostics.append(_bad(doc, (*where, "anchors"), f"the anchors of '{url}' must be text"))
            continue
        lock.pages[url] = Published(page_id, "", tuple(anchors))
    return lock, diagnostics
