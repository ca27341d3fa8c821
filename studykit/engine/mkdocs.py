"""Render the staged docs tree with MkDocs, in this process, and turn what MkDocs logs into diagnostics.

The project's own mkdocs.yml is loaded (theme, nav, extensions stay the editor's), with `docs_dir` pointed at the
staged tree and `site_dir` at the build's output. The catalog is handed to studykit's extensions by naming the
snapshot the generate step registered in this process, so no page loads the project again.

A warning MkDocs logs while a page is being rendered is placed on that page's source file: a small tracker
plugin, added in-process, remembers the current page. Checks have already run, so these are rare; the line is 1
because MkDocs does not say where.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from ..diagnostics import Code, Diagnostic, error
from ..generate.step import STUDYKIT_EXTENSIONS, Stage
from ..render.safehtml import EXTENSION_NAME as SAFE_HTML
from ..sources.siteconfig import CONFIG_FILE, CONTENT_DIR


class _Records(logging.Handler):
    """Collects MkDocs warnings with the page being rendered when each was logged."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.page: str | None = None
        self.records: list[tuple[str | None, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((self.page, record.getMessage().strip().replace("\n", " ")))


def _tracker(records: _Records) -> Any:
    from mkdocs.plugins import BasePlugin

    class PageTracker(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
        def on_pre_page(self, page: Any, **kwargs: Any) -> Any:
            records.page = page.file.src_uri
            return page

        def on_post_page(self, output: str, **kwargs: Any) -> str:
            records.page = None
            return output

    return PageTracker()


def add_safe_html(config: Any) -> None:
    """Clean every page's HTML, whatever extensions mkdocs.yml lists: the allowlist cleaner runs last (see
    render/safehtml.py)."""
    if SAFE_HTML not in config["markdown_extensions"]:
        config["markdown_extensions"].append(SAFE_HTML)


def hand_in_catalog(config: Any, stage: Stage) -> None:
    """Point studykit's extensions at the snapshot of this build, and clean every page's HTML."""
    add_safe_html(config)
    for name in STUDYKIT_EXTENSIONS:
        if name in config["markdown_extensions"]:
            config["mdx_configs"].setdefault(name, {})["catalog"] = str(stage.snapshot)


def render_with_mkdocs(root: Path, stage: Stage, out_dir: Path, *, strict: bool = True) -> list[Diagnostic]:
    """Run MkDocs over `stage.docs` into `out_dir`; its warnings become errors (the site is built strict)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    records = _Records()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(records)
    previous_propagate = logger.propagate
    logger.propagate = False
    diagnostics: list[Diagnostic] = []
    try:
        config = load_config(str(root / CONFIG_FILE), docs_dir=str(stage.docs), site_dir=str(out_dir), strict=strict)
        hand_in_catalog(config, stage)
        config["plugins"]["studykit-page-tracker"] = _tracker(records)
        config["plugins"].run_event("startup", command="build", dirty=False)
        try:
            build(config)
        finally:
            config["plugins"].run_event("shutdown")
    except ConfigurationError as exc:
        diagnostics.append(error(CONFIG_FILE, 1, 1, Code.BUILD_MKDOCS, f"configuration error: {exc}"))
    except Abort as exc:
        if not records.records:
            diagnostics.append(error(CONFIG_FILE, 1, 1, Code.BUILD_MKDOCS, str(exc)))
    except OSError:  # no space, read-only, permission...: the pipeline reports it as build.output
        raise
    except Exception as exc:  # noqa: BLE001 - a plugin or template failure must not become a traceback
        diagnostics.append(error(CONFIG_FILE, 1, 1, Code.BUILD_MKDOCS, f"MkDocs failed: {type(exc).__name__}: {exc}"))
    finally:
        logger.removeHandler(records)
        logger.propagate = previous_propagate
    for page, message in records.records:
        path = f"{CONTENT_DIR}/{page}" if page else CONFIG_FILE
        diagnostics.append(error(path, 1, 1, Code.BUILD_MKDOCS, message))
    return diagnostics


def serve_with_mkdocs(config_file: Path, *, host: str, port: int) -> None:
    """MkDocs' live-reloading server; the studykit plugin in the config checks and generates on every rebuild."""
    from mkdocs.commands.serve import serve

    serve(config_file=str(config_file), livereload=True, dev_addr=f"{host}:{port}", strict=False)
