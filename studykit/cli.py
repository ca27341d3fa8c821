"""What each build_site.py command prints and returns. Kept apart from argument parsing so tests call it directly."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from .build import build_project
from .diagnostics import Diagnostic, count, format_diagnostics
from .validate import check_project


def _exit_code(diagnostics: list[Diagnostic], strict: bool) -> int:
    errors, warnings = count(diagnostics)
    return 1 if errors or (strict and warnings) else 0


def _summary_line(verb: str, counts: dict[str, int], diagnostics: list[Diagnostic], seconds: float) -> str:
    errors, warnings = count(diagnostics)
    return (
        f"{verb}: {counts.get('pages', 0)} pages, {counts.get('terms', 0)} terms, {counts.get('quizzes', 0)} quizzes, "
        f"{counts.get('questions', 0)} questions; {errors} errors, {warnings} warnings; {seconds:.2f} s"
    )


def check(root: Path, *, fmt: str = "text", strict: bool = False) -> int:
    started = time.perf_counter()
    result = check_project(root)
    seconds = time.perf_counter() - started
    errors, warnings = count(result.diagnostics)
    summary = {**result.counts, "errors": errors, "warnings": warnings, "seconds": round(seconds, 3)}
    output = format_diagnostics(result.diagnostics, fmt, summary)
    if output:
        print(output)
    if fmt != "json":
        print(_summary_line("check", result.counts, result.diagnostics, seconds), file=sys.stderr)
    return _exit_code(result.diagnostics, strict)


def build(root: Path, *, strict: bool = False, site_dir: Path | None = None) -> int:
    result = build_project(root, site_dir)
    output = format_diagnostics(result.diagnostics, "text", {})
    if output:
        print(output)
    code = _exit_code(result.diagnostics, strict)
    if result.built:
        verb = f"built {(site_dir or root / 'site')}"
    else:
        verb = "build failed, site/ left unchanged"
    print(_summary_line(verb, result.counts, result.diagnostics, result.seconds), file=sys.stderr)
    return code if result.built or code else 1


def serve(root: Path, *, port: int = 8000) -> int:
    """MkDocs' live server; our hook re-checks on every rebuild and prints problems without stopping."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    os.environ["STUDYKIT_LIVE_CHECK"] = "1"
    os.chdir(root)
    check(root)
    mkdocs_serve(config_file=str(root / "mkdocs.yml"), livereload=True, dev_addr=f"127.0.0.1:{port}", strict=False)
    return 0
