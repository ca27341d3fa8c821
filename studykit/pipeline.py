"""studykit's pipeline: load and check once -> generate -> render (the engine) -> post-process -> atomic swap.

Like MkDocs' own `commands/build.py`, one commented orchestrator: all data is gathered and checked first, the
engine is one replaceable step, and a failed build never touches the previous site, so students keep the last
good version. Builds of one output folder run one at a time, and what a killed build left behind is removed by
the next (see swap.py, which also says when a web server could see no site during the swap).
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
from .swap import build_lock, remove_leftovers, staging_prefix, swap

ENGINES = ("mkdocs", "zensical")


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
    stages: dict[str, float] = field(default_factory=dict)  # step -> wall seconds, for `make bench`

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


def build_project(root: Path, site: Path | None = None, *, engine: str = "mkdocs") -> BuildResult:
    """Check, generate, render, audit and swap in. Raises BuildLocked if another build of `site` is running."""
    site = site or root / "site"
    try:
        site.parent.mkdir(parents=True, exist_ok=True)
        with build_lock(site):
            remove_leftovers(site)  # of builds that were killed midway
            return _build(root, site, engine)
    except OSError as exc:  # the output's parent or the lock file cannot be made
        return BuildResult(diagnostics=[output_error(root, site, "cannot create the build directory", exc)])


def output_error(root: Path, site: Path, what: str, exc: OSError, workspace: Path | None = None) -> Diagnostic:
    """A build.output diagnostic for an OS error (no space, quota, read-only, busy, permission) while writing."""
    shown = site.relative_to(root).as_posix() if site.is_relative_to(root) else str(site)
    where = ""
    if isinstance(exc.filename, str | bytes):
        file = Path(os.fsdecode(exc.filename))
        where = f" ({file.relative_to(workspace) if workspace and file.is_relative_to(workspace) else file})"
    return error(shown, 1, 1, Code.BUILD_OUTPUT, f"{what}: {exc.strerror or exc}{where}")


def _build(root: Path, site: Path, engine: str) -> BuildResult:
    started = time.perf_counter()
    stages: dict[str, float] = {}
    mark = _Stopwatch(stages)
    # 1. load and check, once: the catalog built here is the only one of this build
    checked = check_project(root)
    mark("check")
    result = BuildResult(diagnostics=list(checked.diagnostics), counts=checked.counts, stages=stages)
    if result.errors:
        result.seconds = time.perf_counter() - started
        return result
    try:
        workspace = Path(tempfile.mkdtemp(prefix=staging_prefix(site), dir=site.parent))
    except OSError as exc:
        result.diagnostics.append(output_error(root, site, "cannot create the build directory", exc))
        result.seconds = time.perf_counter() - started
        return result
    out = workspace / "site"
    try:
        # 2. generate: the staged docs tree and the catalog snapshot the extensions read
        stage = Stage(workspace / "stage")
        result.diagnostics += generate(checked.catalog, stage).diagnostics
        mark("generate")
        # 3. render with the engine
        if not result.errors:
            result.diagnostics += render(engine, root, stage, out)
            mark("render")
        # 4. post-process the whole output (audit)
        if not result.errors:
            result.diagnostics += postprocess(out, checked.catalog)
            mark("postprocess")
        # 5. swap the new site into place
        if not result.errors:
            os.chmod(out, 0o777 & ~_umask())
            swap(out, site)
            result.built = True
            mark("swap")
    except OSError as exc:  # ENOSPC, EDQUOT, EROFS, EBUSY, EACCES... while generating, rendering or swapping
        result.diagnostics.append(output_error(root, site, "cannot write the site", exc, workspace))
    finally:
        shutil.rmtree(workspace, ignore_errors=True)
    result.diagnostics = sort_diagnostics(result.diagnostics)
    result.seconds = time.perf_counter() - started
    return result


class _Stopwatch:
    """Records the wall time since the previous mark under each step's name."""

    def __init__(self, stages: dict[str, float]) -> None:
        self.stages, self.last = stages, time.perf_counter()

    def __call__(self, step: str) -> None:
        now = time.perf_counter()
        self.stages[step] = now - self.last
        self.last = now


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
