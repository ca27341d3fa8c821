"""Helpers shared by tests: copy a fixture project, run the CLI, hash a directory tree."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

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


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
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
