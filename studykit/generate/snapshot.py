"""How the Markdown extensions get the catalog: handed in, or read once per process from the build's snapshot.

The build loads and checks the project once. Engines create a new Markdown instance per page, so the extensions
must never load the project themselves: under studykit's own build the catalog object is registered in this
process; under an engine that runs in another process (Zensical) it is unpickled once from the snapshot file the
generate step wrote beside the staged docs. The snapshot is our own file from this build, never editor input.

Direct Python-Markdown use (golden tests, another tool) may instead pass `project_dir`: the project is then loaded
once per process and kept; nothing walks or stats the source tree per page.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Any

from ..catalog import Catalog, build_catalog
from ..sources.loading import load_project

SNAPSHOT_NAME = "catalog.pickle"

_by_snapshot: dict[str, tuple[int, Catalog]] = {}  # snapshot path -> (mtime_ns, catalog)
_by_project: dict[Path, Catalog] = {}


def write_snapshot(catalog: Catalog, path: Path) -> None:
    """Pickle `catalog` to `path` and register it for this process, so an in-process engine never unpickles it."""
    data = pickle.dumps(catalog, protocol=pickle.HIGHEST_PROTOCOL)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)
    _by_snapshot[str(path)] = (path.stat().st_mtime_ns, catalog)


def load_snapshot(path: str | os.PathLike[str]) -> Catalog:
    """The catalog in the snapshot at `path`; unpickled at most once per version of the file in this process."""
    key = str(path)
    mtime = os.stat(key).st_mtime_ns
    cached = _by_snapshot.get(key)
    if cached is None or cached[0] != mtime:
        with open(key, "rb") as handle:
            catalog = pickle.load(handle)  # noqa: S301 - written by this build's generate step, not by editors
        if not isinstance(catalog, Catalog):
            raise TypeError(f"{key} does not hold a studykit catalog")
        cached = (mtime, catalog)
        _by_snapshot[key] = cached
    return cached[1]


def catalog_of_project(project_dir: str | os.PathLike[str] | None) -> Catalog:
    """The catalog of the project at `project_dir` (default: the current directory), loaded once per process."""
    root = Path(project_dir or os.getcwd()).resolve()
    catalog = _by_project.get(root)
    if catalog is None:
        project, _diagnostics = load_project(root)  # diagnostics are `check`'s job; render what loaded
        catalog = _by_project[root] = build_catalog(project)
    return catalog


def catalog_for(options: dict[str, Any]) -> Catalog:
    """The catalog an extension was configured with: `catalog` (snapshot path) wins over `project_dir`."""
    snapshot = options.get("catalog")
    if snapshot:
        return load_snapshot(snapshot)
    return catalog_of_project(options.get("project_dir") or None)


def forget_projects() -> None:
    """Drop catalogs loaded from `project_dir` (tests that edit a fixture project between renders)."""
    _by_project.clear()
