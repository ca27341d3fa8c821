"""Suppression comments (studykit/suppress.py) do what CONTRIBUTING.md says: a named warning is silenced on the
comment's line, the line below it, or in the whole file with ignore-file; an error always stands."""

from __future__ import annotations

from pathlib import Path

import pytest

from studykit.pipeline import check_project

from .helpers import copy_site

UNCITED = ("[@smith-2020]", "")  # the page's only citation is gone: its record gets a ref.unused warning, line 1
RECORD = "- id: smith-2020\n"
PAGE = "content/topics/alpha.md"
BIBLIOGRAPHY = "references/books.yml"


def _codes(tmp_path: Path, *edits: tuple[str, str, str]) -> list[tuple[str, int, str, str]]:
    """Diagnostics (path, line, severity, code) after `edits`: (file, old text, new text)."""
    tmp_path.mkdir(exist_ok=True)
    project = copy_site("minimal", tmp_path)
    for rel, old, new in edits:
        file = project / rel
        text = file.read_text(encoding="utf-8")
        assert old in text
        file.write_text(text.replace(old, new), encoding="utf-8")
    return [(d.path, d.line, d.severity.value, d.code.value) for d in check_project(project).diagnostics]


def test_the_warning_is_there_without_a_comment(tmp_path: Path) -> None:
    assert _codes(tmp_path, (PAGE, *UNCITED)) == [(BIBLIOGRAPHY, 1, "warning", "ref.unused")]


@pytest.mark.parametrize(
    "comment",
    [
        (BIBLIOGRAPHY, RECORD, "- id: smith-2020  # studykit: ignore ref.unused\n"),
        (BIBLIOGRAPHY, RECORD, "# studykit: ignore glossary.unused, ref.unused\n" + RECORD),
        (BIBLIOGRAPHY, RECORD, "# studykit: ignore-file ref.unused\n\n" + RECORD),
    ],
    ids=["same line", "line above", "whole file"],
)
def test_a_comment_naming_the_code_silences_the_warning(comment: tuple[str, str, str], tmp_path: Path) -> None:
    assert _codes(tmp_path, (PAGE, *UNCITED), comment) == []


def test_a_comment_two_lines_above_or_naming_another_code_does_not(tmp_path: Path) -> None:
    far = (BIBLIOGRAPHY, RECORD, "# studykit: ignore ref.unused\n\n" + RECORD)
    assert _codes(tmp_path / "far", (PAGE, *UNCITED), far) == [(BIBLIOGRAPHY, 3, "warning", "ref.unused")]
    other = (BIBLIOGRAPHY, RECORD, "- id: smith-2020  # studykit: ignore cite.unknown\n")
    assert _codes(tmp_path / "other", (PAGE, *UNCITED), other) == [(BIBLIOGRAPHY, 1, "warning", "ref.unused")]


def test_an_error_always_stands(tmp_path: Path) -> None:
    wrong = (PAGE, "[@smith-2020]", "[@smith-2021]")  # cite.unknown (error); smith-2020 unused (warning)
    comment = (PAGE, "## Details\n", "<!-- studykit: ignore-file cite.unknown -->\n\n## Details\n")
    silenced = (BIBLIOGRAPHY, RECORD, "- id: smith-2020  # studykit: ignore ref.unused\n")
    assert _codes(tmp_path, wrong, comment, silenced) == [(PAGE, 20, "error", "cite.unknown")]
