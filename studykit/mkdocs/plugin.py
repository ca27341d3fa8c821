"""The optional MkDocs plugin (`plugins: [search, studykit]`): for what only MkDocs can do.

- `mkdocs build` / `mkdocs serve` called directly: run studykit's check and generate steps before MkDocs reads
  the docs, point MkDocs at the staged tree, and report every problem through MkDocs' logger as
  `path:line:col: message [code]` (so `mkdocs build --strict` fails on them, and `serve` shows them).
- Under `serve`: watch the sources (content/, glossary/, quizzes/, courses/) instead of the staged tree, so one
  edit is one rebuild, and say "no problems" once a fix clears them.

Under `studykit build` the pipeline has already staged the docs; the plugin sees the snapshot beside them and
does nothing. Zensical runs no MkDocs plugins and needs none of this: the staged tree carries everything.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin

from ..diagnostics import Diagnostic, Severity
from ..engine.mkdocs import add_safe_html, hand_in_catalog
from ..generate.snapshot import SNAPSHOT_NAME
from ..generate.step import Stage, generate
from ..pipeline import check_project
from ..sources.loading import COURSE_DIR, GLOSSARY_DIR, QUIZ_DIR, REFERENCE_DIR
from ..sources.siteconfig import CONTENT_DIR

log = logging.getLogger("mkdocs.plugins.studykit")
STAGE_DIR = ".studykit/stage"  # under the project; ignored by git
SOURCE_DIRS = (CONTENT_DIR, GLOSSARY_DIR, QUIZ_DIR, COURSE_DIR, REFERENCE_DIR)


class StudykitConfig(Config):  # type: ignore[no-untyped-call]
    generate = c.Type(bool, default=True)  # run check + generate when MkDocs is called directly


class StudykitPlugin(BasePlugin[StudykitConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.staged_by_plugin = False
        self.root: Path | None = None
        self.problems = 0

    # on_startup/on_shutdown make MkDocs keep one instance for a whole `serve` session
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.problems = 0

    def on_shutdown(self) -> None:
        pass

    def on_config(self, config: Any) -> Any:
        docs = Path(config["docs_dir"])
        if (docs.parent / SNAPSHOT_NAME).is_file() or not self.config.generate:
            self.staged_by_plugin = False
            add_safe_html(config)  # pages are cleaned even when studykit does not stage them
            return config  # studykit's pipeline staged this tree, or the user turned generation off
        root = Path(config["config_file_path"]).parent
        checked = check_project(root)
        stage = Stage(root / STAGE_DIR)
        generated = generate(checked.catalog, stage)
        self._report([*checked.diagnostics, *generated.diagnostics])
        config["docs_dir"] = str(stage.docs)
        hand_in_catalog(config, stage)
        self.staged_by_plugin, self.root = True, root
        return config

    def on_serve(self, server: Any, *, config: Any, builder: Any) -> Any:
        if self.staged_by_plugin and self.root is not None:
            server.unwatch(config["docs_dir"])  # our own writes there must not trigger a second rebuild
            for name in SOURCE_DIRS:
                if (self.root / name).is_dir():
                    server.watch(str(self.root / name))
        return server

    def _report(self, diagnostics: list[Diagnostic]) -> None:
        for diagnostic in diagnostics:
            emit = log.error if diagnostic.severity is Severity.ERROR else log.warning
            emit(diagnostic.text())
        if diagnostics:
            log.info("studykit: %d problem(s); the preview shows the pages as they are", len(diagnostics))
        elif self.problems:
            log.info("studykit: no problems")
        self.problems = len(diagnostics)
