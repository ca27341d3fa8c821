"""The generate step: the staged tree the engine renders, rewritten only where something changed."""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest

import studykit.quiz.graders
from studykit.catalog import build_catalog
from studykit.generate.furniture import page_markdown
from studykit.generate.snapshot import load_snapshot
from studykit.generate.step import ASSET_DIR, Stage, generate
from studykit.quiz.render import QUESTION_TYPES
from studykit.sources.loading import load_project
from studykit.sources.models import PageMeta, Question, Reference
from studykit.sources.scanner import scan

from .helpers import copy_site


def _generate(project: Path, stage: Path) -> list[str]:
    result = generate(build_catalog(load_project(project)[0]), Stage(stage))
    assert result.diagnostics == []
    return result.changed


def test_staged_pages_carry_furniture_and_marker_and_only_engine_front_matter(tmp_path: Path) -> None:
    project = copy_site("quiz", tmp_path)
    _generate(project, tmp_path / "stage")
    staged = (tmp_path / "stage" / "docs" / "topics" / "types.md").read_text(encoding="utf-8")
    front, _, body = staged.removeprefix("---\n").partition("---\n")
    assert "template:" not in front and "references:" not in front  # `template` would name a Jinja file
    assert front.startswith("title: ")
    assert body.lstrip("\n").startswith("<!-- studykit-page: topics/types.md -->\n")
    assert (tmp_path / "stage" / "docs" / ASSET_DIR / "quiz.js").is_file()
    assert load_snapshot(tmp_path / "stage" / "catalog.pickle").project.root == project


def test_regenerating_rewrites_only_what_changed_and_removes_what_is_gone(tmp_path: Path) -> None:
    project = copy_site("quiz", tmp_path)
    first = _generate(project, tmp_path / "stage")
    assert "topics/types.md" in first
    assert _generate(project, tmp_path / "stage") == []
    page = project / "content" / "topics" / "types.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    (project / "content" / "index.md").rename(project / "content" / "home.md")
    assert _generate(project, tmp_path / "stage") == ["home.md", "index.md", "topics/types.md"]
    assert not (tmp_path / "stage" / "docs" / "index.md").exists()


def test_a_content_file_cannot_replace_studykits_scripts(tmp_path: Path) -> None:
    project = copy_site("quiz", tmp_path)
    fake = project / "content" / ASSET_DIR / "quiz.js"
    fake.parent.mkdir(parents=True)
    fake.write_text("alert('replaced')", encoding="utf-8")
    _generate(project, tmp_path / "stage")
    assert "alert" not in (tmp_path / "stage" / "docs" / ASSET_DIR / "quiz.js").read_text(encoding="utf-8")


def _book(ref_id: str, title: str) -> Reference:
    return Reference(id=ref_id, type="book", authors=["Roe R"], year=2020, title=title, publisher="P")


def test_citations_inside_code_are_left_alone() -> None:
    body = "Cited [@a-2020].\n\n`[@a-2020]` in code.\n\n```\n[@a-2020]\n```\n"
    meta = PageMeta.model_validate({"id": "x", "title": "X", "description": "X."})
    records = {"a-2020": _book("a-2020", "A")}
    out = page_markdown(body, meta, first_line=1, spans=scan(body).citation_spans, records=records)
    assert out.count("](#ref-a-2020)") == 1
    assert "`[@a-2020]` in code." in out and "\n[@a-2020]\n" in out


def test_the_reference_list_is_the_cited_records_in_order_of_first_citation() -> None:
    body = "First [@b-2020]. Then [@a-2020; @b-2020]. Unknown [@z-2020].\n"
    meta = PageMeta.model_validate({"id": "x", "title": "X", "description": "X."})
    records = {key: _book(key, key[0].upper()) for key in ("a-2020", "b-2020", "c-2020")}
    out = page_markdown(body, meta, first_line=1, spans=scan(body).citation_spans, records=records)
    items = re.findall(r'<li id="ref-([a-z0-9-]+)">', out)
    assert items == ["b-2020", "a-2020"]  # c-2020 is not cited; z-2020 has no record (cite.unknown)
    assert "First <sup>[1](#ref-b-2020)" in out and "Then <sup>[2](#ref-a-2020)" in out


def test_every_question_type_is_rendered_and_graded() -> None:
    model_types = {
        typing.get_args(cls.model_fields["type"].annotation)[0] for cls in typing.get_args(Question)[0].__args__
    }
    assert model_types == set(QUESTION_TYPES)
    assert set(QUESTION_TYPES) <= studykit.quiz.graders.js_graders()


def test_a_question_type_without_a_grader_fails_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(studykit.quiz.graders, "js_graders", lambda: {"single", "multiple"})
    result = generate(build_catalog(load_project(copy_site("quiz", tmp_path))[0]), Stage(tmp_path / "stage"))
    assert [d.text() for d in result.diagnostics] == [
        "studykit/assets/quiz.js:1:1: error: question type 'true_false' has no grader in quiz.js; "
        "students could not check their answers [build.quiz-grader]"
    ]
