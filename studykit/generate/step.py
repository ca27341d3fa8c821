"""The generate step: everything derived from the catalog, written into a staging copy of the docs tree.

The engine renders the staged tree, never `content/` itself, so what it sees is what studykit decided: each page
with its front-matter furniture (objectives, review status, numbered citations, quiz, references) and a marker
naming the page, studykit's CSS and JavaScript from the package, the project's other files, and one catalog
snapshot beside the tree for the Markdown extensions. The same staged tree builds under MkDocs and Zensical.

Files are only rewritten when their bytes change, and files that no longer have a source are removed, so `serve`
can regenerate on every edit and the engine sees exactly the pages that changed.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from ..catalog import Catalog
from ..diagnostics import Code, Diagnostic, error
from ..exports.files import download_files
from ..flashcards.decks import data_files as flashcard_files
from ..quiz.data import data_files as quiz_data_files
from ..quiz.graders import missing_graders
from ..render.sanitize import theme_text
from ..sources.loading import PageSource
from ..sources.models import Reference
from ..sources.siteconfig import CONTENT_DIR
from ..study.render import study_bars
from ..syntax import page_marker
from .bundle import shipped
from .furniture import page_markdown
from .snapshot import SNAPSHOT_NAME, write_snapshot

ASSET_DIR = "assets/studykit"  # where studykit's CSS and JS are published; mkdocs.yml lists them from here
ENGINE_META = ("title", "description", "hide")  # front matter the theme reads; `template` would mean a Jinja file
THEME_TEXT = ("title", "description")  # ENGINE_META the theme prints as HTML


@dataclass(frozen=True)
class Stage:
    """A staging area: `docs/` (what the engine renders) and the catalog snapshot beside it."""

    root: Path

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def snapshot(self) -> Path:
        return self.root / SNAPSHOT_NAME


@dataclass
class Generated:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)  # docs-relative paths written or removed this time


def package_assets() -> dict[str, bytes]:
    """studykit's own CSS and JavaScript as published (generate/bundle.py: minified, plus the two bundles), and the
    vendored libraries in `vendor/` as they are, with their licence files (never vendor/README.md: a Markdown
    file would become a page)."""
    folder = resources.files("studykit") / "assets"
    sources = {
        item.name: item.read_bytes()
        for item in sorted(folder.iterdir(), key=lambda entry: entry.name)
        if item.is_file() and item.name.endswith((".css", ".js"))
    }
    files = {f"{ASSET_DIR}/{name}": data for name, data in shipped(sources).items()}  # minified, plus the bundles
    vendor = folder / "vendor"
    if vendor.is_dir():
        for item in sorted(vendor.iterdir(), key=lambda entry: entry.name):
            if item.is_file() and (item.name.endswith(".js") or item.name.startswith("LICENSE-")):
                files[f"{ASSET_DIR}/vendor/{item.name}"] = item.read_bytes()
    return files


STUDYKIT_EXTENSIONS = (
    "studykit.glossary",
    "studykit.quiz",
    "studykit.figures",
    "studykit.study",
    "studykit.flashcards",
    "studykit.courses",
)


def staged_page(
    page: PageSource, *, marked: bool = True, records: Mapping[str, Reference] | None = None, bar: str = ""
) -> str:
    """The page as the engine will read it: engine front matter, the page marker (only for sites that load a
    studykit extension, which consumes it), the study bar of a chapter, the body with its furniture."""
    meta = page.meta
    marker = page_marker(page.rel) if marked else ""
    if meta is None:  # only under `serve`, which renders despite errors: show the body as written
        return marker + page.body
    fields = meta.model_dump(mode="json", include=set(ENGINE_META), exclude_defaults=True)
    fields["title"] = meta.title
    for name in THEME_TEXT:
        if isinstance(fields.get(name), str):
            fields[name] = theme_text(fields[name])  # the theme prints them unescaped (see sanitize.theme_text)
    front = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=1_000_000)
    body = page_markdown(page.body, meta, first_line=page.body_line, spans=page.scanned.citation_spans, records=records)
    return f"---\n{front}---\n\n{marker}{bar}{body}"


def staged_files(catalog: Catalog) -> dict[str, bytes]:
    """docs-relative path -> content, for the whole staged tree."""
    project = catalog.project
    files: dict[str, bytes] = {}
    content = project.root / CONTENT_DIR
    inside = project.root.resolve()
    for rel in sorted(project.assets):
        source = (content / rel).resolve()
        if source.is_relative_to(inside):  # the loader already refused links out (sources/walk.py); never copy one
            files[rel] = source.read_bytes()
    marked = any(name in project.config.extensions for name in STUDYKIT_EXTENSIONS)
    bars = study_bars(catalog)
    for page in project.pages:
        staged = staged_page(page, marked=marked, records=catalog.records, bar=bars.get(page.rel, ""))
        files[page.rel] = staged.encode("utf-8")
    files.update(quiz_data_files(catalog))  # the question bank for practice.js
    files.update(flashcard_files(catalog))  # the decks for flashcards.js
    files.update(download_files(catalog))  # exports for instructors: quiz bank, flashcards, references
    files.update(package_assets())  # the package's scripts win over a same-named content file (file.shadows-asset)
    return files


def _sync(docs: Path, files: dict[str, bytes]) -> list[str]:
    """Make `docs` hold exactly `files`; return what changed."""
    changed: list[str] = []
    for rel, data in files.items():
        target = docs / rel
        try:
            if target.is_file() and target.stat().st_size == len(data) and target.read_bytes() == data:
                continue
        except OSError:
            pass
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        changed.append(rel)
    if docs.is_dir():
        for dirpath, dirnames, filenames in os.walk(docs, topdown=False):
            for name in filenames:
                rel = Path(dirpath, name).relative_to(docs).as_posix()
                if rel not in files:
                    os.unlink(os.path.join(dirpath, name))
                    changed.append(rel)
            for name in dirnames:
                folder = os.path.join(dirpath, name)
                if not os.listdir(folder):
                    os.rmdir(folder)
    return sorted(changed)


def generate(catalog: Catalog, stage: Stage) -> Generated:
    """Write the staged docs tree and the catalog snapshot for `catalog`."""
    result = Generated()
    for type_name in missing_graders():
        result.diagnostics.append(
            error(
                "studykit/assets/quiz.js",
                1,
                1,
                Code.BUILD_QUIZ_GRADER,
                f"question type '{type_name}' has no grader in quiz.js; students could not check their answers",
            )
        )
    try:
        stage.root.mkdir(parents=True, exist_ok=True)
        files = staged_files(catalog)
        result.changed = _sync(stage.docs, files)
        write_snapshot(catalog, stage.snapshot)
    except OSError as exc:
        where = exc.filename or stage.root
        result.diagnostics.append(
            error(str(where), 1, 1, Code.BUILD_OUTPUT, f"cannot write the staged site: {exc.strerror or exc}")
        )
    return result


def remove_stage(stage: Stage) -> None:
    shutil.rmtree(stage.root, ignore_errors=True)
