"""Shared fixtures: the project root and a built copy of the real site (built once per test session)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SITES = Path(__file__).resolve().parent / "sites"


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped site, built into a temporary directory (the working tree's site/ is never touched)."""
    from studykit.pipeline import build_project

    out = tmp_path_factory.mktemp("built") / "site"
    result = build_project(ROOT, out)
    problems = "\n".join(d.text() for d in result.diagnostics)
    assert result.built, f"the shipped site does not build:\n{problems}"
    return out
