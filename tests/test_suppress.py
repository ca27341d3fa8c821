"""Suppression comments (studykit/suppress.py) do what CONTRIBUTING.md says: a named warning is silenced on the
comment's line, the line below it, or in the whole file with ignore-file; an error always stands."""

from __future__ import annotations

from pathlib import Path

import pytest

from studykit.pipeline import check_project

from .helpers import copy_site

UNCITED = ("[@smith-2020]", "")  # the page's only reference is no longer cited: a cite.unused warning on line 14
REFERENCE = "  - id: smith-2020\n"


def _codes(tmp_path: Path, *edits: tuple[str, str]) -> list[tuple[int, str, str]]:
    tmp_path.mkdir(exist_ok=True)
    project = copy_site("minimal", tmp_path)
    page = project / "content" / "topics" / "alpha.md"
    text = page.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text
        text = text.replace(old, new)
    page.write_text(text, encoding="utf-8")
    return [(d.line, d.severity.value, d.code.value) for d in check_project(project).diagnostics]


def test_the_warning_is_there_without_a_comment(tmp_path: Path) -> None:
    assert _codes(tmp_path, UNCITED) == [(14, "warning", "cite.unused")]


@pytest.mark.parametrize(
    "comment",
    [
        (REFERENCE, "  - id: smith-2020  # studykit: ignore cite.unused\n"),
        (REFERENCE, "  # studykit: ignore glossary.unused, cite.unused\n" + REFERENCE),
        ("## Details\n", "<!-- studykit: ignore-file cite.unused -->\n\n## Details\n"),
    ],
    ids=["same line", "line above", "whole file"],
)
def test_a_comment_naming_the_code_silences_the_warning(comment: tuple[str, str], tmp_path: Path) -> None:
    assert _codes(tmp_path, UNCITED, comment) == []


def test_a_comment_two_lines_above_or_naming_another_code_does_not(tmp_path: Path) -> None:
    far = ("references:\n", "# studykit: ignore cite.unused\nreferences:\n")
    assert _codes(tmp_path / "far", UNCITED, far) == [(15, "warning", "cite.unused")]
    other = (REFERENCE, "  - id: smith-2020  # studykit: ignore cite.unknown\n")
    assert _codes(tmp_path / "other", UNCITED, other) == [(14, "warning", "cite.unused")]


def test_an_error_always_stands(tmp_path: Path) -> None:
    wrong = ("[@smith-2020]", "[@smith-2021]")  # cite.unknown (error) and cite.unused (warning)
    comment = ("## Details\n", "<!-- studykit: ignore-file cite.unknown cite.unused -->\n\n## Details\n")
    assert _codes(tmp_path, wrong, comment) == [(23, "error", "cite.unknown")]
