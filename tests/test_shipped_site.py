"""The shipped content checks clean: no errors and no warnings (CI runs check --strict)."""

from __future__ import annotations

from pathlib import Path

from studykit.pipeline import check_project

ROOT = Path(__file__).resolve().parent.parent


def test_shipped_tree_has_no_diagnostics() -> None:
    result = check_project(ROOT)
    assert [d.text() for d in result.diagnostics] == []


def test_shipped_site_builds_and_audits_clean(built_site: Path) -> None:
    assert (built_site / "index.html").is_file()
    assert (built_site / "procedures" / "radiofrequency-ablation" / "index.html").is_file()


def test_quiz_answers_stay_out_of_the_search_index(built_site: Path) -> None:
    index = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Radiofrequency ablation" in index
    assert "Show the answer" not in index  # the quiz widget's no-JS answer toggle


def test_quiz_hub_lists_quizzes_in_course_order(built_site: Path) -> None:
    import re

    from studykit.sources.loading import load_project

    project, _ = load_project(ROOT)
    quiz_of = {page.rel: page.meta.quiz for page in project.pages if page.meta and page.meta.quiz}
    expected = [quiz_of[rel] for rel in load_project(ROOT)[0].nav_order if rel in quiz_of]
    hub = (built_site / "quizzes" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'data-quiz-row="([^"]+)"', hub) == expected
    assert expected[0] == "introduction" and expected[-1] == "special-populations"  # the last chapter in the nav
