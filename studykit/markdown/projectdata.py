"""The project catalog as the Markdown extensions see it, loaded once and reused for every page.

Engines create a new Markdown instance per page, so loading YAML per instance would repeat the same work hundreds
of times. The cache key is the modification time and size of every source file, so `serve` picks up edits.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..catalog import Catalog, build_catalog
from ..loading import CONTENT_DIR, COURSE_DIR, GLOSSARY_DIR, QUIZ_DIR, load_project

_cache: dict[Path, tuple[tuple[tuple[str, int, int], ...], Catalog]] = {}


def _signature(root: Path) -> tuple[tuple[str, int, int], ...]:
    entries: list[tuple[str, int, int]] = []
    for folder in (GLOSSARY_DIR, QUIZ_DIR, COURSE_DIR, CONTENT_DIR):
        base = root / folder
        if not base.is_dir():
            continue
        for dirpath, _dirs, files in os.walk(base):
            for name in files:
                if name.endswith((".yml", ".yaml", ".md")):
                    stat = os.stat(os.path.join(dirpath, name))
                    entries.append((os.path.join(dirpath, name), stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(entries))


def catalog_for(project_dir: str | os.PathLike[str] | None) -> Catalog:
    """The catalog of the project at `project_dir` (default: the current directory)."""
    root = Path(project_dir or os.getcwd()).resolve()
    signature = _signature(root)
    cached = _cache.get(root)
    if cached is None or cached[0] != signature:
        project, _diagnostics = load_project(root)  # diagnostics are `check`'s job; render what loaded
        cached = (signature, build_catalog(project))
        _cache[root] = cached
    return cached[1]
