"""Registries kept in step: every diagnostic code in `studykit.diagnostics.Code` is shown by a test.

A code is shown either by a bad-input case (tests/bad_inputs/<case>/expected.txt has a line ending in `[code]`,
see tests/test_bad_inputs.py) or, for the codes only a build can raise (build.*, audit.*) and file problems a
checked-in file cannot reproduce, by a named test in NAMED_TESTS. A new code without either fails here, listing
the codes to cover. (Question types are kept in step with quiz.js graders by tests/test_generate.py and with golden
cases by tests/test_quiz_extension.py.)
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from studykit.diagnostics import Code

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
CASES = TESTS / "bad_inputs"
CODE_AT_END = re.compile(r"\[(?P<code>[a-z0-9.-]+)\]$")

# code -> "tests/<file>.py::<test function>" that makes studykit report it. Only for codes no bad input can show.
NAMED_TESTS: dict[str, str] = {
    "file.too-large": "tests/test_yamlsource.py::test_hostile_files_in_a_project_are_reported_not_raised",
    "file.unreadable": "tests/test_yamlsource.py::test_a_file_that_cannot_be_read_is_reported",
    "file.symlink-outside": "tests/test_files_check.py::test_a_link_out_of_the_repository_is_never_published",
    "file.symlink-loop": "tests/test_files_check.py::test_loops_and_dangling_links_are_located_at_the_link",
    "build.mkdocs": "tests/test_cli.py::test_a_renderer_failure_is_a_diagnostic_not_a_traceback",
    "build.zensical": "tests/test_engines.py::test_a_problem_only_zensical_finds_is_a_diagnostic",
    "build.output": "tests/test_pipeline.py::test_the_output_directory_cannot_be_created_is_a_diagnostic",
    "build.quiz-grader": "tests/test_generate.py::test_a_question_type_without_a_grader_fails_the_build",
    "audit.broken-link": "tests/test_build.py::test_audit_finds_broken_links_and_fragments_in_rendered_html",
    "audit.broken-anchor": "tests/test_build.py::test_audit_finds_broken_links_and_fragments_in_rendered_html",
    "audit.csp": "tests/test_csp.py::test_a_page_without_a_head_before_its_scripts_is_reported_and_left_alone",
    "audit.unknown-file": "tests/test_audit_origin.py::test_a_file_from_no_known_source_is_reported",
    "audit.external-request": "tests/test_audit_origin.py::test_foreign_requests_are_each_located",
    "figure.size": "tests/test_figures.py::test_a_figure_over_the_size_budget_is_reported",  # 150 KB in the repo
}


def bad_input_codes() -> dict[str, list[str]]:
    """code -> the bad-input cases whose expected diagnostics include it."""
    shown: dict[str, list[str]] = {}
    for expected in sorted(CASES.glob("*/expected.txt")):
        for line in expected.read_text(encoding="utf-8").splitlines():
            match = CODE_AT_END.search(line.strip())
            if match:
                shown.setdefault(match.group("code"), []).append(expected.parent.name)
    return shown


def _test_source(reference: str) -> str | None:
    """The source of the test function `reference` names, or None if the file or function does not exist."""
    file, _, name = reference.partition("::")
    path = ROOT / file
    if not path.is_file():
        return None
    text = path.read_text(encoding="utf-8")
    for node in ast.parse(text).body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            return ast.get_source_segment(text, node)
    return None


def test_every_code_is_shown_by_a_bad_input_or_a_named_test() -> None:
    shown = bad_input_codes()
    uncovered = [code for code in Code if code.value not in shown and code.value not in NAMED_TESTS]
    assert not uncovered, (
        "diagnostic codes that no test shows; add a tests/bad_inputs/<case>/ (one broken input, its exact "
        "diagnostics in expected.txt) or, for a code only a build can raise, a test named in NAMED_TESTS:\n"
        + "\n".join(f"  {code.value}: {code.doc}" for code in uncovered)  # type: ignore[attr-defined]
    )


@pytest.mark.parametrize("code", sorted(NAMED_TESTS))
def test_a_named_test_exists_and_names_its_code(code: str) -> None:
    member = next((c for c in Code if c.value == code), None)
    assert member is not None, f"NAMED_TESTS lists '{code}', which studykit.diagnostics.Code does not define"
    source = _test_source(NAMED_TESTS[code])
    assert source is not None, f"NAMED_TESTS['{code}'] names {NAMED_TESTS[code]}, which does not exist"
    assert code in source or f"Code.{member.name}" in source, (
        f"{NAMED_TESTS[code]} never mentions '{code}': make it assert that code is reported"
    )
