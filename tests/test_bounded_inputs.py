"""Bounded inputs: hostile or runaway input stops at `check` with a located error, before any engine runs.

The exact diagnostics of each case are in tests/bad_inputs/ (config-alias-bomb, markdown-too-deep-*,
glossary-definition-*); these tests show what those cannot: that the engine is never started, that the nesting
limit sits below what the engine can really render, and that `serve` (which renders despite errors) does not
recurse on a glossary listing inside a definition.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import studykit.pipeline
from studykit.checks.markdown import MAX_NESTING, nesting
from studykit.pipeline import build_project, check_project, render_unchecked

from .helpers import copy_site, run_cli

BOMB = "x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"x{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 12)
)


def _never_render(*args: Any, **kwargs: Any) -> Any:
    pytest.fail("the engine ran on input that check rejects")


def test_an_alias_bomb_in_mkdocs_yml_stops_at_its_first_anchor_and_no_engine_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_site("minimal", tmp_path)
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").count("\n")
    config.write_text(config.read_text(encoding="utf-8") + BOMB, encoding="utf-8")
    monkeypatch.setattr(studykit.pipeline, "render", _never_render)
    result = build_project(project)
    assert not result.built
    assert [d.text() for d in result.diagnostics] == [
        f"mkdocs.yml:{lines + 1}:5: error: anchor '&a0' is not allowed; write the value out [yaml.alias]"
    ]
    completed = run_cli("--root", str(project), "build")
    assert completed.returncode == 1
    assert "Traceback" not in completed.stderr


def _page_with(project: Path, markdown: str) -> Path:
    page = project / "content" / "topics" / "alpha.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n\n" + markdown, encoding="utf-8")
    return page


def _nested_list(levels: int) -> str:
    return "".join("    " * level + "- item\n" for level in range(levels))


@pytest.mark.parametrize(
    ("line", "levels"),
    [("text", 0), ("- a", 1), ("    - a", 2), ("> > a", 2), (">>> a", 3), ("- - - a", 3), ("\t\t1. a", 3)],
)
def test_nesting_counts_quotes_markers_and_indentation(line: str, levels: int) -> None:
    assert nesting(line) == levels


def test_the_deepest_allowed_nesting_really_renders(tmp_path: Path) -> None:
    """The limit is a promise: at exactly MAX_NESTING levels the engine builds the page."""
    project = copy_site("minimal", tmp_path)
    _page_with(project, _nested_list(MAX_NESTING) + "\n" + ">" * MAX_NESTING + " quoted\n")
    result = build_project(project, tmp_path / "out")
    assert result.built, [d.text() for d in result.diagnostics]
    html = (tmp_path / "out" / "topics" / "alpha" / "index.html").read_text(encoding="utf-8")
    assert html.count("<blockquote>") == MAX_NESTING


@pytest.mark.parametrize("kind", ["list", "quote"])
def test_one_level_more_is_a_located_check_error_and_no_engine_runs(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_site("minimal", tmp_path)
    page = project / "content" / "topics" / "alpha.md"
    first = page.read_text(encoding="utf-8").count("\n") + 3
    deep = _nested_list(MAX_NESTING + 1) if kind == "list" else ">" * (MAX_NESTING + 1) + " quoted\n"
    _page_with(project, deep)
    monkeypatch.setattr(studykit.pipeline, "render", _never_render)
    result = build_project(project)
    line = first + MAX_NESTING if kind == "list" else first
    assert [d.text() for d in result.diagnostics] == [
        f"content/topics/alpha.md:{line}:1: error: Markdown nested {MAX_NESTING + 1} levels deep (quotes, lists, "
        f"indentation); at most {MAX_NESTING} levels can be rendered: flatten it [markdown.too-deep]"
    ]


def test_a_listing_inside_a_definition_does_not_recurse_under_serve(tmp_path: Path) -> None:
    project = copy_site("glossary", tmp_path)
    terms = project / "glossary" / "terms.yml"
    terms.write_text(
        terms.read_text(encoding="utf-8")
        + "\n- term: Echo\n  short: A term whose definition holds the listing.\n"
        + "  definition: |\n    Every term:\n\n    /// glossary\n    ///\n",
        encoding="utf-8",
    )
    codes = [d.code.value for d in check_project(project).diagnostics]
    assert "glossary.definition-block" in codes
    out = tmp_path / "out"
    render_unchecked(project, out)
    html = (out / "glossary" / "index.html").read_text(encoding="utf-8")
    assert html.count('class="sk-glossary"') == 1
