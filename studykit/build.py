"""The build: check, render with MkDocs into a temporary directory, audit, then swap it into place.

A failed build never touches the previous site: students keep the last good version.
"""

from __future__ import annotations

import logging
import re
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .audit import audit_site
from .diagnostics import Code, Diagnostic, Severity, error, sort_diagnostics
from .validate import CheckResult, check_project

_MKDOCS_DOC = re.compile(r"Doc file '(?P<file>[^']+)'")


@dataclass
class BuildResult:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    built: bool = False

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity is Severity.ERROR)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _mkdocs_diagnostic(record: logging.LogRecord, root: Path, docs_dir: str) -> Diagnostic:
    message = record.getMessage().strip().replace("\n", " ")
    match = _MKDOCS_DOC.search(message)
    path = f"{docs_dir}/{match.group('file')}" if match else "mkdocs.yml"
    line = 1
    link = re.search(r"link '([^']+)'", message)
    source = root / path
    if link and source.is_file():
        for number, text in enumerate(source.read_text(encoding="utf-8", errors="replace").split("\n"), start=1):
            if link.group(1) in text:
                line = number
                break
    return error(path, line, 1, Code.BUILD_MKDOCS, message)


def render_site(root: Path, out_dir: Path, *, strict: bool = True) -> list[Diagnostic]:
    """Run MkDocs into `out_dir`; its warnings become diagnostics (errors under strict)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    previous_propagate = logger.propagate
    logger.propagate = False
    diagnostics: list[Diagnostic] = []
    try:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(out_dir), strict=strict)
        point_extensions_at(config, root)
        config["plugins"].run_event("startup", command="build", dirty=False)
        try:
            build(config)
        finally:
            config["plugins"].run_event("shutdown")
    except ConfigurationError as exc:
        diagnostics.append(error("mkdocs.yml", 1, 1, Code.BUILD_MKDOCS, f"configuration error: {exc}"))
    except Abort as exc:
        if not handler.records:
            diagnostics.append(error("mkdocs.yml", 1, 1, Code.BUILD_MKDOCS, str(exc)))
    except Exception as exc:  # noqa: BLE001 - a plugin or template failure must not become a traceback
        diagnostics.append(error("mkdocs.yml", 1, 1, Code.BUILD_MKDOCS, f"MkDocs failed: {type(exc).__name__}: {exc}"))
    finally:
        logger.removeHandler(handler)
        logger.propagate = previous_propagate
    docs_dir = "content"
    diagnostics += [_mkdocs_diagnostic(record, root, docs_dir) for record in handler.records]
    return diagnostics


def point_extensions_at(config: Any, root: Path) -> None:
    """Tell our Markdown extensions where the project is, whatever the current directory."""
    for name in config["markdown_extensions"]:
        if isinstance(name, str) and name.startswith("studykit.markdown."):
            config["mdx_configs"].setdefault(name, {})["project_dir"] = str(root)


def _swap(new: Path, site: Path) -> None:
    """Replace `site` by `new` with two renames on one filesystem."""
    old = None
    if site.exists():
        old = site.with_name(f".site-old-{time.time_ns()}")
        site.rename(old)
    new.rename(site)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def build_project(root: Path, site: Path | None = None) -> BuildResult:
    started = time.perf_counter()
    site = site or root / "site"
    checked: CheckResult = check_project(root)
    result = BuildResult(diagnostics=list(checked.diagnostics), counts=checked.counts)
    if result.errors:
        result.seconds = time.perf_counter() - started
        return result
    site.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-new-", dir=site.parent))
    try:
        result.diagnostics += render_site(root, staging)
        if not result.errors:
            result.diagnostics += audit_site(staging, checked.catalog)
        if not result.errors:
            _swap(staging, site)
            result.built = True
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    result.diagnostics = sort_diagnostics(result.diagnostics)
    result.seconds = time.perf_counter() - started
    return result
