"""Render the staged docs tree with Zensical: write the config it reads, run it, and place its problems.

Zensical reads MkDocs' `mkdocs.yml`, but with rules of its own (see `engine/zensical.py`): `docs_dir` relative to
the config file, `site_dir` inside the config file's folder, and no MkDocs plugins. So the project's config is not
handed over as it is: a copy is written beside the staged docs, with `docs_dir: docs`, the output folder inside
the stage (moved to `out_dir` afterwards), the theme's `custom_dir` made absolute, and studykit's extensions told
where the catalog snapshot is. Everything else (theme, nav, extra CSS and JavaScript, other extensions) is the
editor's, unchanged.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from ..diagnostics import Code, Diagnostic, Severity, error
from ..generate.step import STUDYKIT_EXTENSIONS, Stage
from ..quiz.extension import EXTENSION_NAME as QUIZ_EXTENSION
from ..render.safehtml import EXTENSION_NAME as SAFE_HTML
from ..sources.siteconfig import CONFIG_FILE, CONTENT_DIR, load_site_config
from ..study.extension import EXTENSION_NAME as STUDY_EXTENSION
from .zensical import render_with_zensical

STAGE_CONFIG = "mkdocs.yml"
STAGE_SITE = "site"
DROPPED = ("hooks", "plugins", "docs_dir", "site_dir", "watch", "dev_addr")  # MkDocs-only or set here


COURSES_EXTENSION = "studykit.courses"  # course pages and the downloads list: links like the quiz's


def _extensions(items: list[Any], stage: Stage) -> list[Any]:
    """The extension list with the catalog snapshot given to studykit's own, and the HTML cleaner added."""
    out: list[Any] = []
    for item in items:
        name, options = (item, {}) if isinstance(item, str) else next(iter(item.items()))
        if name in STUDYKIT_EXTENSIONS:
            options = dict(options or {}, catalog=str(stage.snapshot))
            if name in (QUIZ_EXTENSION, STUDY_EXTENSION, COURSES_EXTENSION):
                # Zensical rewrites every link in a page's HTML, raw HTML included: hand it source paths.
                options["source_links"] = True
        out.append({name: options} if options else name)
    if not any(item == SAFE_HTML or (isinstance(item, dict) and SAFE_HTML in item) for item in out):
        out.append(SAFE_HTML)  # every page's HTML through the allowlist (render/safehtml.py)
    return out


def stage_config(root: Path, stage: Stage) -> dict[str, Any]:
    """The project's mkdocs.yml (already checked, `!ENV` resolved) adjusted for Zensical inside the stage."""
    config, _diagnostics = load_site_config(root)
    data = dict(config.doc.data) if config.doc is not None and isinstance(config.doc.data, dict) else {}
    for key in DROPPED:
        data.pop(key, None)
    data["docs_dir"] = stage.docs.relative_to(stage.root).as_posix()
    data["site_dir"] = STAGE_SITE
    data["strict"] = False  # warnings are reported and judged by studykit, as for MkDocs
    theme = data.get("theme")
    if isinstance(theme, dict) and isinstance(theme.get("custom_dir"), str):
        data["theme"] = dict(theme, custom_dir=str(_theme_overlay(root / theme["custom_dir"], stage)))
    data["markdown_extensions"] = _extensions(list(data.get("markdown_extensions") or []), stage)
    return data


MATERIAL_ONLY = frozenset({"partials/search.html"})
"""Overrides of Material templates that Zensical's own theme replaces: its search is a different widget (with the
accessible name our override adds to Material's), and Material's search form under Zensical's bundle submits the
page instead of searching."""
THEME_OVERLAY = "theme"


def _theme_overlay(custom_dir: Path, stage: Stage) -> Path:
    """The project's theme overrides, less those written for Material's templates only, copied into the stage."""
    overlay = stage.root / THEME_OVERLAY
    if overlay.exists():
        shutil.rmtree(overlay)
    if not custom_dir.is_dir():
        return custom_dir.resolve()
    for file in sorted(custom_dir.rglob("*")):
        rel = file.relative_to(custom_dir).as_posix()
        if file.is_file() and rel not in MATERIAL_ONLY:
            target = overlay / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, target)
    overlay.mkdir(parents=True, exist_ok=True)
    return overlay.resolve()


def _diagnostic(problem: str) -> Diagnostic:
    """One of Zensical's one-line problems as a diagnostic; a located one is placed on the page's source."""
    head, _, message = problem.partition(": ")
    parts = head.rsplit(":", 2)
    if len(parts) == 3 and parts[1].isdigit() and parts[2].isdigit() and message:
        severity, _, text = message.partition(": ")
        return error(f"{CONTENT_DIR}/{parts[0]}", int(parts[1]), int(parts[2]), Code.BUILD_ZENSICAL, text or severity)
    return error(CONFIG_FILE, 1, 1, Code.BUILD_ZENSICAL, problem.removeprefix("error: "))


def render_with_zensical_stage(root: Path, stage: Stage, out_dir: Path) -> list[Diagnostic]:
    """Run Zensical over `stage.docs` into `out_dir`. Its warnings become errors, as MkDocs' do (strict)."""
    config_file = stage.root / STAGE_CONFIG
    try:
        config_file.write_text(
            yaml.safe_dump(stage_config(root, stage), sort_keys=False, allow_unicode=True), encoding="utf-8"
        )
    except (OSError, yaml.YAMLError) as exc:
        return [error(CONFIG_FILE, 1, 1, Code.BUILD_ZENSICAL, f"cannot write the Zensical configuration: {exc}")]
    ok, problems = render_with_zensical(config_file, cwd=stage.root)
    diagnostics = [_diagnostic(problem) for problem in problems if not problem.startswith("note: ")]
    built = stage.root / STAGE_SITE
    if ok and not any(d.severity is Severity.ERROR for d in diagnostics):
        try:
            if out_dir.exists():
                shutil.rmtree(out_dir)
            out_dir.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(built), str(out_dir))
        except OSError as exc:
            diagnostics.append(error("site", 1, 1, Code.BUILD_OUTPUT, f"cannot move the Zensical output: {exc}"))
    elif not diagnostics:
        diagnostics.append(error(CONFIG_FILE, 1, 1, Code.BUILD_ZENSICAL, "Zensical failed without saying why"))
    return diagnostics
