"""Helpers shared by tests: copy a fixture project, run the CLI, hash a directory tree."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from studykit.cli import main

ROOT = Path(__file__).resolve().parent.parent
SITES = Path(__file__).resolve().parent / "sites"
THEME_OVERRIDES = ROOT / "theme_overrides"


def copy_site(name: str, dest: Path) -> Path:
    """Copy tests/sites/<name> to dest, pointing its theme folder at this checkout (relative paths break)."""
    target = dest / name
    shutil.copytree(SITES / name, target, ignore=shutil.ignore_patterns("site", ".site-*"))
    config = target / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("../../../theme_overrides", str(THEME_OVERRIDES))
    config.write_text(text, encoding="utf-8")
    return target


NOT_THE_SITE = {"site", "tests", "benchmarks", "studykit", "build"}  # top-level folders that are not its sources


def _skip_engine_and_caches(directory: str, names: list[str]) -> set[str]:
    if Path(directory) != ROOT:
        return {name for name in names if name == "__pycache__"}
    return {name for name in names if name.startswith(".") or name in NOT_THE_SITE or name.endswith(".egg-info")}


def copy_project(dest: Path) -> Path:
    """Copy this checkout's study site (sources, configuration, theme) to dest/project: no engine, tests or caches."""
    target = dest / "project"
    shutil.copytree(ROOT, target, ignore=_skip_engine_and_caches)
    return target


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """`build_site.py ARGS` in this process (fast); stdout, stderr and the exit code as a subprocess would give."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args), prog="build_site.py", default_root=ROOT)
    return subprocess.CompletedProcess(["build_site.py", *args], code, out.getvalue(), err.getvalue())


def run_cli_subprocess(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`python build_site.py ARGS` in a fresh interpreter: for the few tests of the real entry point."""
    return subprocess.run(
        [sys.executable, str(ROOT / "build_site.py"), *args],
        cwd=cwd or ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def tree_digest(path: Path) -> dict[str, str]:
    return {
        file.relative_to(path).as_posix(): hashlib.sha256(file.read_bytes()).hexdigest()
        for file in sorted(path.rglob("*"))
        if file.is_file()
    }


def unavailable(reason: str) -> None:
    """A test that cannot run here: skipped on a developer's machine, a failure under CI=true (never silently
    skipped where it must run)."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"this test cannot run in CI: {reason}", pytrace=False)
    pytest.skip(reason)
