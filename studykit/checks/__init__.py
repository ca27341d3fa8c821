"""Cross-file rules over the catalog: catalog in, diagnostics out. One module per diagnostic-code prefix."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..catalog import Catalog
from ..diagnostics import Diagnostic
from .cite import check_citations
from .content import check_content
from .course import check_courses
from .figures import check_figures
from .files import check_files
from .glossary import check_glossary
from .links import check_links
from .markdown import check_markdown
from .nav import check_nav
from .pages import check_pages
from .permalinks import check_permalinks
from .quiz import check_quizzes
from .quizlint import check_quiz_lint
from .references import check_references
from .safety import check_safety

Check = Callable[[Catalog], Iterable[Diagnostic]]
ALL_CHECKS: tuple[Check, ...] = (
    check_pages,
    check_content,
    check_links,
    check_citations,
    check_references,
    check_glossary,
    check_quizzes,
    check_quiz_lint,
    check_courses,
    check_safety,
    check_files,
    check_figures,
    check_markdown,
    check_nav,
    check_permalinks,
)


def run_checks(catalog: Catalog) -> list[Diagnostic]:
    diagnostics: list[Diagnostic] = []
    for check in ALL_CHECKS:
        diagnostics.extend(check(catalog))
    return diagnostics
