"""The pipeline: one load and one catalog per build, generate before the engine, atomic output."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import pytest

import studykit.catalog
import studykit.generate.snapshot
import studykit.pipeline
import studykit.sources.loading
from studykit.pipeline import build_project

from .helpers import copy_site


def test_the_catalog_is_built_once_per_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_site("quiz", tmp_path)
    calls = {"load_page": 0, "build_catalog": 0, "load": 0, "catalog_of_project": 0}

    def counting(name: str, module: Any) -> None:
        original = getattr(module, name)

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            calls[name] += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(module, name, wrapper)

    counting("load_page", studykit.sources.loading)
    counting("build_catalog", studykit.pipeline)
    counting("load", studykit.generate.snapshot.pickle)  # unpickling the snapshot
    counting("catalog_of_project", studykit.generate.snapshot)
    monkeypatch.setattr(
        studykit.catalog, "build_catalog", lambda *a: pytest.fail("catalog rebuilt outside the pipeline")
    )
    out = tmp_path / "out"
    result = studykit.pipeline.render_unchecked(project, out)  # the quiz fixture holds a quiz `check` rejects
    assert [d.text() for d in result] == []
    pages = len(list((project / "content").rglob("*.md")))
    # every page read once, one catalog, handed to the in-process engine: nothing unpickled, nothing reloaded
    assert calls == {"load_page": pages, "build_catalog": 1, "load": 0, "catalog_of_project": 0}
    assert 'data-quiz="single-choice"' in (out / "topics" / "types" / "index.html").read_text(encoding="utf-8")


def test_a_build_keeps_the_users_umask_and_leaves_no_staging(tmp_path: Path) -> None:
    project = copy_site("minimal", tmp_path)
    result = build_project(project)
    assert result.built, [d.text() for d in result.diagnostics]
    mode = stat.S_IMODE((project / "site").stat().st_mode)
    assert mode & 0o055 == 0o055 & ~_umask(), oct(mode)
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site-")) == []


def test_the_output_directory_cannot_be_created_is_a_diagnostic(tmp_path: Path) -> None:
    project = copy_site("minimal", tmp_path)
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    result = build_project(project, blocker / "site")
    assert not result.built
    assert [d.code.value for d in result.diagnostics] == ["build.output"]


def _umask() -> int:
    import os

    current = os.umask(0)
    os.umask(current)
    return current
