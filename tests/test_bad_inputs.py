"""Every kind of editor mistake, one case per directory, with the exact diagnostics it must produce.

Each case in tests/bad_inputs/<name>/ overlays `files/` on the fixture project tests/sites/minimal (and removes
the paths listed in `delete.txt`), then `check` must print exactly the lines of `expected.txt`.
Set UPDATE_GOLDEN=1 to rewrite expected.txt after an intended change; review the diff before committing.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from studykit.pipeline import check_project

CASES = Path(__file__).resolve().parent / "bad_inputs"
BASE = Path(__file__).resolve().parent / "sites" / "minimal"
CASE_NAMES = sorted(p.name for p in CASES.iterdir() if p.is_dir())


def _project_for(case: Path, tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(BASE, project, ignore=shutil.ignore_patterns("site"))
    overlay = case / "files"
    if overlay.is_dir():
        shutil.copytree(overlay, project, dirs_exist_ok=True)
    deletions = case / "delete.txt"
    if deletions.is_file():
        for rel in deletions.read_text(encoding="utf-8").split():
            (project / rel).unlink()
    return project


@pytest.mark.parametrize("name", CASE_NAMES)
def test_bad_input_produces_exactly_its_diagnostics(name: str, tmp_path: Path) -> None:
    case = CASES / name
    result = check_project(_project_for(case, tmp_path))
    actual = [d.text() for d in result.diagnostics]
    expected_file = case / "expected.txt"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        expected_file.write_text("".join(line + "\n" for line in actual), encoding="utf-8")
    expected = expected_file.read_text(encoding="utf-8").splitlines()
    assert actual == expected
    assert actual, "a bad input must produce at least one diagnostic"


def test_the_base_fixture_is_clean() -> None:
    assert check_project(BASE).diagnostics == []
