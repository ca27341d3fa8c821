"""studykit's pipeline: load and check once -> generate -> render (the engine) -> post-process -> atomic swap.

Like MkDocs' own `commands/build.py`, one commented orchestrator: all data is gathered and checked first, the
engine is one replaceable step, and a failed build never touches the previous site, so students keep the last
good version.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from .catalog import Catalog, build_catalog
from .checks import run_checks
from .diagnostics import Code, Diagnostic, Severity, error, sort_diagnostics
from .generate.step import Stage, generate
from .postprocess import postprocess
from .sources.loading import load_project
from .suppress import apply_suppressions

ENGINES = ("mkdocs", "zensical")
STAGING_PREFIX = ".site-new-"
RETIRED_PREFIX = ".site-old-"


@dataclass
class CheckResult:
    catalog: Catalog
    diagnostics: list[Diagnostic]

    @property
    def counts(self) -> dict[str, int]:
        project = self.catalog.project
        return {
            "pages": len(project.pages),
            "terms": len(project.terms),
            "quizzes": len(project.quizzes),
            "questions": sum(len(q.quiz.questions) for q in project.quizzes),
        }


@dataclass
class BuildResult:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    built: bool = False

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity is Severity.ERROR)


def check_project(root: Path) -> CheckResult:
    """Load every source file and run every check: the whole of `studykit check`, without writing anything."""
    project, diagnostics = load_project(root)
    catalog = build_catalog(project)
    diagnostics += run_checks(catalog)
    return CheckResult(catalog, sort_diagnostics(apply_suppressions(root, diagnostics)))


def render(engine: str, root: Path, stage: Stage, out_dir: Path) -> list[Diagnostic]:
    """Run the chosen engine over the staged docs into `out_dir`."""
    if engine == "zensical":
        from .engine.zensical_build import render_with_zensical_stage

        return render_with_zensical_stage(root, stage, out_dir)
    from .engine.mkdocs import render_with_mkdocs

    return render_with_mkdocs(root, stage, out_dir)


def render_unchecked(root: Path, out_dir: Path, *, engine: str = "mkdocs") -> list[Diagnostic]:
    """Generate and render without checking first, as `serve` does: shows that rendering stays safe and complete
    even for content `check` would reject."""
    project, _diagnostics = load_project(root)
    catalog = build_catalog(project)
    with tempfile.TemporaryDirectory(prefix=".studykit-stage-") as folder:
        stage = Stage(Path(folder))
        diagnostics = generate(catalog, stage).diagnostics
        return diagnostics + render(engine, root, stage, out_dir)


def _swap(new: Path, site: Path) -> None:
    """Put `new` where `site` is. The old tree is renamed aside first, so there is a moment (two renames long)
    with no `site/`; a web server pointed at it may answer 404 during that moment."""
    old = None
    if site.exists():
        old = site.with_name(f"{RETIRED_PREFIX}{time.time_ns()}")
        site.rename(old)
    new.rename(site)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def build_project(root: Path, site: Path | None = None, *, engine: str = "mkdocs") -> BuildResult:
    started = time.perf_counter()
    site = site or root / "site"
    # 1. load and check, once: the catalog built here is the only one of this build
    checked = check_project(root)
    result = BuildResult(diagnostics=list(checked.diagnostics), counts=checked.counts)
    if result.errors:
        result.seconds = time.perf_counter() - started
        return result
    try:
        site.parent.mkdir(parents=True, exist_ok=True)
        workspace = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=site.parent))
    except OSError as exc:
        result.diagnostics.append(error("site", 1, 1, Code.BUILD_OUTPUT, f"cannot create the build directory: {exc}"))
        result.seconds = time.perf_counter() - started
        return result
    out = workspace / "site"
    try:
        # 2. generate: the staged docs tree and the catalog snapshot the extensions read
        stage = Stage(workspace / "stage")
        result.diagnostics += generate(checked.catalog, stage).diagnostics
        # 3. render with the engine
        if not result.errors:
            result.diagnostics += render(engine, root, stage, out)
        # 4. post-process the whole output (audit)
        if not result.errors:
            result.diagnostics += postprocess(out, checked.catalog)
        # 5. swap the new site into place
        if not result.errors:
            os.chmod(out, 0o777 & ~_umask())
            _swap(out, site)
            result.built = True
    except OSError as exc:
        result.diagnostics.append(error("site", 1, 1, Code.BUILD_OUTPUT, f"cannot write the site: {exc}"))
    finally:
        shutil.rmtree(workspace, ignore_errors=True)
    result.diagnostics = sort_diagnostics(result.diagnostics)
    result.seconds = time.perf_counter() - started
    return result


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
