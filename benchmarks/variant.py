#!/usr/bin/env python3
"""One benchmark build, run by `run.py` in a child process so its CPU time and peak memory are its own.

Usage: variant.py VARIANT PROJECT OUT RESULT_JSON. Builds PROJECT into OUT (or only checks it) and writes what
the build knows about itself as JSON: whether it built, studykit's per-step wall times, and the gzipped size of
the feature CSS and JavaScript each site ships. `run.py` measures the rest (CPU, memory, output sizes) from outside.
"""

from __future__ import annotations

import gzip
import json
import logging
import os
import sys
import time
from pathlib import Path

VARIANTS = ("plain", "peers", "studykit-mkdocs", "studykit-zensical", "check")


def gzipped(paths: list[Path]) -> int:
    return sum(len(gzip.compress(path.read_bytes(), compresslevel=9)) for path in paths)


def mkdocs_build(project: Path, out: Path) -> dict[str, object]:
    """Plain MkDocs in this process, as `mkdocs build` would run it."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(out)))
    return {"built": (out / "index.html").is_file()}


def peer_assets() -> int:
    """mkdocs-quiz inlines its CSS and scripts into every page that has a quiz; ezglossary ships none."""
    from importlib.resources import files

    root = files("mkdocs_quiz")
    parts = [root / "css" / "quiz.css", root / "js" / "quiz.js", root / "js" / "vendor" / "js-confetti.browser.js"]
    return sum(len(gzip.compress(part.read_bytes(), compresslevel=9)) for part in parts)


def run(variant: str, project: Path, out: Path) -> dict[str, object]:
    if variant == "plain":
        return mkdocs_build(project, out) | {"assets_gz": 0}
    if variant == "peers":
        return mkdocs_build(project, out) | {"assets_gz": peer_assets()}
    from studykit.pipeline import build_project, check_project

    if variant == "check":
        started = time.perf_counter()
        checked = check_project(project)
        errors = [d.text() for d in checked.diagnostics if d.severity.value == "error"]
        return {"built": not errors, "errors": errors[:5], "stages": {"check": time.perf_counter() - started}}
    engine = variant.removeprefix("studykit-")
    result = build_project(project, out, engine=engine)
    assets = sorted((out / "assets" / "studykit").glob("*.[cj]s*")) if result.built else []
    return {
        "built": result.built,
        "errors": [d.text() for d in result.diagnostics if d.severity.value == "error"][:5],
        "stages": result.stages,
        "seconds": result.seconds,
        "assets_gz": gzipped(assets),
    }


def main(argv: list[str]) -> int:
    variant, project, out, report = argv
    if variant not in VARIANTS:
        print(f"unknown variant {variant!r}; one of {', '.join(VARIANTS)}", file=sys.stderr)
        return 2
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    result = run(variant, Path(project), Path(out))
    Path(report).write_text(json.dumps(result), encoding="utf-8")
    return 0 if result.get("built") else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
