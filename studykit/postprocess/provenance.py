"""Every file in the built site came from somewhere studykit knows: a page render, a content file, studykit's own
assets, the theme (the project's `custom_dir` or an installed theme package), or a file the engine writes itself
(sitemap, search index). Anything else (a plugin writing where it should not, a theme folder reached through a
link, a stray file the engine copied) is reported, so what is published is exactly what was reviewed.

Judged by path: a file counts as the theme's when the theme's folders hold a file at the same relative path.
"""

from __future__ import annotations

import importlib.util
from importlib.metadata import entry_points
from pathlib import Path

from ..catalog import Catalog
from ..diagnostics import Code, Diagnostic, error
from ..exports.files import download_files
from ..flashcards.decks import data_files as flashcard_files
from ..generate.step import package_assets
from ..quiz.data import data_files as quiz_data_files
from ..render.urls import page_url
from .offline import offline_files
from .redirects import planned_files

ENGINE_FILES = (
    "404.html",
    "sitemap.xml",
    "sitemap.xml.gz",
    "search/search_index.json",  # MkDocs and Material search
    "search.json",  # Zensical search
)


def _package_dir(package: str, *parts: str) -> Path | None:
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):  # a parent package that is not installed
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations)), *parts)
    return folder if folder.is_dir() else None


def theme_dirs(catalog: Catalog) -> list[Path]:
    """The folders theme files may come from: the project's custom_dir, then the installed themes the engines use."""
    dirs: list[Path] = []
    doc = catalog.project.config.doc
    theme = doc.data.get("theme") if doc is not None and isinstance(doc.data, dict) else None
    if isinstance(theme, dict) and isinstance(theme.get("custom_dir"), str):
        dirs.append(catalog.project.root / theme["custom_dir"])
    name = theme.get("name") if isinstance(theme, dict) else theme
    for entry in entry_points(group="mkdocs.themes"):  # how MkDocs finds a theme, without importing MkDocs
        if entry.name == name and (folder := _package_dir(entry.value)) is not None:
            dirs.append(folder)
    for package, parts in (("mkdocs", ("templates",)), ("zensical", ("templates",))):
        folder = _package_dir(package, *parts)
        if folder is not None:
            dirs.append(folder)
    return [folder for folder in dirs if folder.is_dir()]


def audit_provenance(site: Path, catalog: Catalog) -> list[Diagnostic]:
    known = set(ENGINE_FILES) | set(package_assets()) | set(catalog.project.assets)
    known |= {page_url(rel) + "index.html" for rel in catalog.pages}
    known |= set(planned_files(catalog))  # redirect and retirement pages (postprocess/redirects.py)
    known |= offline_files()  # the worker, the web app manifest and its icons (postprocess/offline.py)
    known |= set(flashcard_files(catalog))  # the decks the generate step writes
    known |= set(quiz_data_files(catalog))  # the question bank for the practice page
    known |= set(download_files(catalog))  # downloads/ for instructors (exports/files.py)
    themes = theme_dirs(catalog)
    diagnostics = []
    for file in sorted(site.rglob("*")):
        if file.is_dir():
            continue
        rel = file.relative_to(site).as_posix()
        if rel in known or any((folder / rel).is_file() for folder in themes):
            continue
        diagnostics.append(
            error(
                f"site/{rel}",
                1,
                1,
                Code.AUDIT_UNKNOWN_FILE,
                "this file in the built site came from no page, content file, theme or studykit asset",
            )
        )
    return diagnostics
