"""The code stays typed and lint-clean: CI runs only `make test`, so these gates live here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PATHS = ["studykit", "tests", "build_site.py", "benchmarks", "figures"]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_lint_and_format() -> None:
    lint = _run("ruff", "check", *PATHS)
    assert lint.returncode == 0, lint.stdout
    formatted = _run("ruff", "format", "--check", *PATHS)
    assert formatted.returncode == 0, formatted.stdout


def test_mypy_strict() -> None:
    result = _run("mypy")
    assert result.returncode == 0, result.stdout
