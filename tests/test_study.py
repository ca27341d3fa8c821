"""Study tools at build time: chapters in course order with reading time and question counts, the study bar in
every chapter's staged page, the home and progress blocks, and the progress export model behind the schema."""

from __future__ import annotations

import json
from pathlib import Path

import markdown
import pytest
from pydantic import ValidationError

from studykit.catalog import Catalog, build_catalog
from studykit.generate.step import staged_files
from studykit.render.sanitize import clean_page_html
from studykit.sources.loading import load_project
from studykit.sources.scanner import scan
from studykit.study.chapters import WORDS_PER_MINUTE, chapters, reading_minutes, word_count
from studykit.study.export import ProgressExport
from studykit.study.render import reading_time, study_bars

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "sites" / "study"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    project, diagnostics = load_project(FIXTURE)
    assert diagnostics == []
    return build_catalog(project)


def test_chapters_follow_the_nav_and_count_their_quiz_questions(catalog: Catalog) -> None:
    found = chapters(catalog)
    assert [(c.number, c.rel, c.section) for c in found] == [
        (1, "basics/nerves.md", "Basics"),
        (2, "basics/heat.md", "Basics"),
        (3, "practice-area/safety.md", "Practice"),
    ]
    quizzes = catalog.quizzes
    assert [c.questions for c in found] == [
        len(quizzes["nerves"].quiz.questions),
        len(quizzes["heat"].quiz.questions),
        0,
    ]
    assert found[0].words > found[1].words > found[2].words  # the fixture's pages get shorter
    assert [c.minutes for c in found] == [reading_minutes(c.words) for c in found]


def test_word_count_reads_prose_not_code_link_targets_or_markup() -> None:
    class Page:
        meta = None
        scanned = scan(
            '## Two words\n\nOne two [three](../some/long-path.md){ .x } <span class="a b c">four</span>.\n\n'
            "```\nnot counted at all\n```\n\n`nor this`\n"
        )

    assert word_count(Page()) == 6  # type: ignore[arg-type]


@pytest.mark.parametrize("words", [0, 1, 99, 100, 299, 301, 2_000])
def test_reading_time_is_the_rate_rounded_and_never_zero(words: int) -> None:
    minutes = reading_minutes(words)
    assert minutes >= 1
    assert abs(minutes - words / WORDS_PER_MINUTE) <= 0.5 or minutes == 1


def test_the_guide_reading_time_is_said_as_people_say_it() -> None:
    assert reading_time(1) == "1 minute"
    assert reading_time(45) == "45 minutes"
    assert reading_time(65) == "about 1 hour"
    assert reading_time(100) == "about 1½ hours"
    assert reading_time(185) == "about 3 hours"


def test_every_chapter_is_staged_with_a_study_bar_that_survives_the_allowlist(catalog: Catalog) -> None:
    files = staged_files(catalog)
    bars = study_bars(catalog)
    assert set(bars) == {c.rel for c in chapters(catalog)}
    for rel, bar in bars.items():
        assert bar in files[rel].decode("utf-8")
    assert "sk-studybar" not in files["index.md"].decode("utf-8")
    heat = bars["basics/heat.md"]
    assert "Chapter 2 of 3 · " in heat and 'href="#check-your-understanding"' in heat
    assert "check-your-understanding" in catalog.anchors["basics/heat.md"]
    assert "Jump to quiz" not in bars["practice-area/safety.md"]  # no quiz, no link


def test_the_bar_keeps_its_attributes_through_the_cleaner(catalog: Catalog) -> None:
    cleaned = clean_page_html(study_bars(catalog)["basics/nerves.md"])
    for kept in ('data-study="nerves"', 'aria-pressed="false"', 'type="button"', "hidden"):
        assert kept in cleaned


def render(text: str, page: str) -> str:
    md = markdown.Markdown(
        extensions=["studykit.study"],
        extension_configs={"studykit.study": {"project_dir": str(FIXTURE), "page_path": page}},
    )
    return clean_page_html(md.convert(text))


def test_the_home_block_sums_the_chapters_and_starts_with_chapter_one(catalog: Catalog) -> None:
    found = chapters(catalog)
    html = render("/// study-home\n///\n\n/// chapters\n///\n", "index.md")
    minutes = reading_time(sum(c.minutes for c in found))
    questions = sum(c.questions for c in found)
    assert f"{len(found)} chapters · {minutes} of reading · {questions} questions" in html
    assert 'href="basics/nerves/">Start with chapter 1: Nerves</a>' in html
    for chapter in found:
        assert f'data-study="{chapter.id}"' in html and f"{chapter.minutes} min read" in html
    assert html.index("Nerves") < html.index("Heat") < html.index("Safety")


def test_the_progress_block_links_every_chapter_from_its_page(catalog: Catalog) -> None:
    html = render("/// progress\n///\n", "progress.md")
    assert 'data-site="Study fixture"' in html
    for chapter in chapters(catalog):
        assert f'<tr data-study="{chapter.id}"' in html
    assert 'href="../basics/heat/"' in html


EXPORT = {
    "format": "studykit-progress",
    "v": 1,
    "site": "Study fixture",
    "exported": "2026-01-01T00:00:00.000Z",
    "data": {
        "studykit:study": {"v": 1, "read": {"nerves": 1}, "saved": {}, "last": None, "days": ["2026-01-01"]},
        "studykit:results": {"v": 1, "q": {"nerves/tip": {"ok": True, "at": 1, "h": "abc"}}},
        "studykit:cards": {"v": 1, "cards": {"glossary/rfa": {"h": "x", "due": 5, "stability": 1.5}}},
        "studykit:quiz-best:nerves": {"s": 1, "t": 2},
        "studykit:quiz:nerves/tip/abc": {"s": ["a"]},
        "studykit:seed": 42,
        "studykit:future-tool": [1, 2, 3],
    },
}


def test_an_export_validates_and_the_checked_in_schema_is_the_models() -> None:
    ProgressExport.model_validate(EXPORT)
    schema = json.loads((ROOT / "schemas" / "progress.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["format"]["const"] == "studykit-progress"
    assert set(schema["$defs"]["ProgressData"]["patternProperties"]) == {"^studykit:quiz-best:", "^studykit:quiz:"}


@pytest.mark.parametrize(
    "change",
    [
        {"format": "something-else"},
        {"v": 2},
        {"data": {"other:key": 1}},
        {"data": {"studykit:study": {"v": 1, "read": [], "saved": {}, "days": []}}},
        {"data": {"studykit:quiz-best:x": {"s": 1, "t": 0}}},
        {"data": {"studykit:cards": {"v": 1, "cards": {"a/b": {"h": "x"}}}}},
        {"data": {"studykit:seed": "42"}},
    ],
)
def test_a_bad_export_is_refused(change: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        ProgressExport.model_validate({**EXPORT, **change})
