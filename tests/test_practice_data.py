"""The practice page's server side: the question bank JSON (studykit/quiz/data.py) and the setup form's URLs.

The bank must agree with the rendered quizzes (same hashes, so an answer given on a topic page and one given in
practice are the same record), carry only sanitised HTML, and write links the browser can resolve from the site
root. The form itself is a golden case (tests/golden/quiz/practice.md).
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from studykit.generate.snapshot import catalog_of_project as catalog_for
from studykit.quiz.data import QUESTIONS_FILE, data_files, question_bank
from studykit.quiz.render import PageContext, render_quiz
from studykit.render.urls import root_url

FIXTURE = Path(__file__).resolve().parent / "sites" / "quiz"


def test_the_bank_holds_every_question_with_the_hash_the_quiz_pages_use() -> None:
    catalog = catalog_for(FIXTURE)
    bank = question_bank(catalog)
    assert [q["id"] for q in bank["quizzes"]] != [] and {q["id"] for q in bank["quizzes"]} == set(catalog.quizzes)
    for quiz in bank["quizzes"]:
        html = render_quiz(quiz["id"], PageContext(catalog, "topics/types.md"))
        rendered = dict(re.findall(r'data-question="([^"]+)" data-type="[^"]+" data-hash="([^"]+)"', html))
        assert {q["id"]: q["hash"] for q in quiz["questions"]} == rendered


def test_the_bank_carries_answers_levels_reviews_and_the_shuffle_opt_out() -> None:
    bank = {quiz["id"]: quiz for quiz in question_bank(catalog_for(FIXTURE))["quizzes"]}
    nerves = {q["id"]: q for q in bank["nerves"]["questions"]}
    facet = nerves["facet-supply"]
    assert facet["answer"] == ["b"] and facet["level"] == "easy" and facet["shuffle"] is False
    assert [c["key"] for c in facet["choices"]] == ["a", "b", "c"]
    assert facet["choices"][2]["feedback"] == "One too many; count the levels again."
    assert facet["review"] == {"href": "topics/nerves/#medial-branches", "title": "Medial branches"}
    assert bank["nerves"]["url"] == "topics/nerves/" and bank["nerves"]["chapter"] == "Nerves"
    assert nerves["pulsed-temperature"]["answer"] == ["true"] and nerves["pulsed-temperature"]["choices"] == []
    # links inside question text are relative to the site root, where practice.js resolves them
    assert 'href="topics/nerves/#medial-branches"' in nerves["ganglion-contents"]["explanation"]
    assert "shuffle" not in {q["id"]: q for q in bank["heat"]["questions"]}["lesion-shape"], "shuffled by default"


def test_hostile_text_reaches_the_bank_only_as_escaped_text() -> None:
    files = data_files(catalog_for(FIXTURE))
    text = files[QUESTIONS_FILE].decode("utf-8")
    for raw in ("<script", "<img", "<b ", 'href="javascript'):
        assert raw not in text, raw
    xss = next(q for q in json.loads(text)["quizzes"] if q["id"] == "xss")
    assert "&lt;script&gt;" in xss["questions"][0]["prompt"]


def test_a_site_without_quizzes_writes_no_bank(tmp_path: Path) -> None:
    catalog = dataclasses.replace(catalog_for(FIXTURE), quizzes={})  # a copy: the cached catalog is shared
    assert data_files(catalog) == {}


@pytest.mark.parametrize(
    ("page", "directory_urls", "expected"),
    [
        ("practice.md", True, "../"),
        ("study/practice.md", True, "../../"),
        ("index.md", True, "./"),
        ("practice.md", False, "./"),
        ("study/practice.md", False, "../"),
    ],
)
def test_the_form_finds_the_site_root_from_its_page(page: str, directory_urls: bool, expected: str) -> None:
    assert root_url(page, directory_urls=directory_urls) == expected


def test_the_shipped_bank_is_written_into_the_built_site(built_site: Path) -> None:
    bank = json.loads((built_site / QUESTIONS_FILE).read_text(encoding="utf-8"))
    html = (built_site / "practice" / "index.html").read_text(encoding="utf-8")
    assert 'data-practice="../"' in html
    chapters = re.findall(r'name="practice-chapter" value="([^"]+)"', html)
    assert chapters == [quiz["id"] for quiz in bank["quizzes"]]
    for quiz in bank["quizzes"]:
        assert (built_site / quiz["url"] / "index.html").is_file()
        page = (built_site / quiz["url"] / "index.html").read_text(encoding="utf-8")
        for q in quiz["questions"]:
            assert f'data-question="{q["id"]}" data-type="{q["type"]}" data-hash="{q["hash"]}"' in page


def test_select_all_that_apply_appears_once_per_question_on_the_shipped_site(built_site: Path) -> None:
    page = (built_site / "procedures" / "spinal-cord-stimulation" / "index.html").read_text(encoding="utf-8")
    legends = re.findall(r"<legend[^>]*>(.*?)</legend>", page, flags=re.S)
    multiple = [legend for legend in legends if "Select all that apply" in legend]
    assert multiple and all(legend.count("Select all that apply") == 1 for legend in multiple)
