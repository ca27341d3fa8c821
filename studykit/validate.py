"""load -> catalog -> check: everything `build_site.py check` does, without writing HTML."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .catalog import Catalog, build_catalog
from .checks import run_checks
from .diagnostics import Diagnostic, sort_diagnostics
from .loading import load_project


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


def check_project(root: Path) -> CheckResult:
    project, diagnostics = load_project(root)
    catalog = build_catalog(project)
    diagnostics += run_checks(catalog)
    return CheckResult(catalog, sort_diagnostics(diagnostics))
