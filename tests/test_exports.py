"""The files under downloads/, each read back with a real parser and compared question by question (card by card,
record by record) with the YAML they came from: QTI 1.2 and Moodle XML with an XML parser, GIFT with a parser
written here from the format's grammar, the Anki package as the SQLite database Anki opens, the Quizlet CSV with
the csv module, BibTeX with bibtexparser and RIS with rispy. Built from the shipped guide's own content."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import rispy
from bibtexparser.entrypoint import parse_string
from bibtexparser.middlewares import LatexDecodingMiddleware, SeparateCoAuthors
from pylatexenc.latex2text import LatexNodes2Text

from studykit.catalog import Catalog
from studykit.courses.plan import SECONDS_PER_CARD, course_quizzes, find_course, plan
from studykit.exports.anki import anki_package, note_guid
from studykit.exports.bank import plain_text
from studykit.exports.files import build_downloads, downloads
from studykit.exports.meta import export_meta
from studykit.flashcards.decks import Card, build_decks
from studykit.pipeline import check_project
from studykit.sources.models import Choice, Question, TrueFalse

from .conftest import ROOT

Q = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return check_project(ROOT).catalog


@pytest.fixture(scope="module")
def files(catalog: Catalog) -> dict[str, bytes]:
    return {download.name: download.data for download in downloads(catalog)}


def yaml_questions(catalog: Catalog, quiz_ids: list[str] | None = None) -> dict[str, Question]:
    """'<quiz>.<question>' -> the question as written in quizzes/*.yml."""
    ids = list(catalog.quizzes) if quiz_ids is None else quiz_ids
    return {f"{quiz}.{q.id}": q for quiz in ids for q in catalog.quizzes[quiz].quiz.questions}


def right_keys(question: Question) -> set[str]:
    if isinstance(question, TrueFalse):
        return {"true" if question.answer else "false"}
    return {question.answer} if isinstance(question.answer, str) else set(question.answer)


def choice_feedback(question: Question) -> dict[str, str]:
    if isinstance(question, TrueFalse):
        return {}
    return {k: plain_text(v.feedback) for k, v in question.choices.items() if isinstance(v, Choice) and v.feedback}


# ---------------------------------------------------------------- the list of files


def test_files_are_named_predictably_and_cover_every_chapter_course_and_format(
    catalog: Catalog, files: dict[str, bytes]
) -> None:
    for name in (
        "quiz-bank.qti.zip",
        "quiz-bank.moodle.xml",
        "quiz-bank.gift.txt",
        "flashcards.apkg",
        "flashcards.csv",
        "references.bib",
        "references.ris",
    ):
        assert name in files
    for course in catalog.project.courses:
        assert f"course-{course.course.id}.qti.zip" in files
    chapter_files = {name.split(".")[0] for name in files if name.startswith("chapter-")}
    with_quiz = {f"chapter-{page.meta.id}" for page in catalog.pages.values() if page.meta and page.meta.quiz}
    assert with_quiz <= chapter_files


def test_every_export_is_the_same_bytes_when_built_again(catalog: Catalog, files: dict[str, bytes]) -> None:
    """No clock, no random ids: the same content gives the same bytes (zip dates, Anki ids)."""
    again = {download.name: download.data for download in build_downloads(catalog)}
    assert again == files


# ---------------------------------------------------------------- QTI 1.2


def qti_items(data: bytes) -> tuple[ET.Element, dict[str, ET.Element]]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    manifest = ET.fromstring(archive.read("imsmanifest.xml"))
    href = next(el.get("href") for el in manifest.iter() if el.tag.endswith("}file"))
    assert href is not None
    assessment = ET.fromstring(archive.read(href))
    return manifest, {item.get("ident", ""): item for item in assessment.iter(f"{Q}item")}


def scored_keys(item: ET.Element) -> set[str]:
    """The response keys that must be chosen to score (the `continue="No"` condition, minus its <not> parts)."""
    scoring = next(c for c in item.iter(f"{Q}respcondition") if c.get("continue") == "No")
    negated = {id(el) for no in scoring.iter(f"{Q}not") for el in no.iter(f"{Q}varequal")}
    return {el.text or "" for el in scoring.iter(f"{Q}varequal") if id(el) not in negated}


def feedback_text(item: ET.Element, ident: str) -> str | None:
    for block in item.iter(f"{Q}itemfeedback"):
        if block.get("ident") == ident:
            return "".join(block.itertext()).strip()
    return None


def test_qti_package_holds_every_question_with_its_key_and_feedback(catalog: Catalog, files: dict[str, bytes]) -> None:
    manifest, items = qti_items(files["quiz-bank.qti.zip"])
    assert LICENCE_URL in "".join(manifest.itertext())
    expected = yaml_questions(catalog)
    assert set(items) == set(expected)
    for ident, question in expected.items():
        item = items[ident]
        prompt = item.find(f"{Q}presentation/{Q}material/{Q}mattext")
        assert prompt is not None and prompt.text == plain_text(question.prompt)
        assert scored_keys(item) == right_keys(question), ident
        assert feedback_text(item, "general_fb") == plain_text(question.explanation)
        for key, text in choice_feedback(question).items():
            assert feedback_text(item, f"{key}_fb") == text
        labels = [label.get("ident") for label in item.iter(f"{Q}response_label")]
        assert labels == (["true", "false"] if isinstance(question, TrueFalse) else list(question.choices))


def test_a_course_export_holds_only_the_questions_the_course_picks(catalog: Catalog, files: dict[str, bytes]) -> None:
    source = find_course(catalog, "two-week-revision")
    assert source is not None
    order, picked = course_quizzes(source.course)
    _manifest, items = qti_items(files["course-two-week-revision.qti.zip"])
    expected = {
        ident
        for ident in yaml_questions(catalog, order)
        if not picked[ident.split(".")[0]] or ident.split(".")[1] in picked[ident.split(".")[0]]
    }
    assert set(items) == expected
    assert any(picked.values()), "the example course picks some questions of a quiz"


# ---------------------------------------------------------------- Moodle XML


def test_moodle_xml_holds_every_question_with_fractions_and_feedback(catalog: Catalog, files: dict[str, bytes]) -> None:
    root = ET.fromstring(files["quiz-bank.moodle.xml"])
    categories = [q for q in root.findall("question") if q.get("type") == "category"]
    assert categories and all(LICENCE_URL in (c.findtext("info/text") or "") for c in categories)
    questions = {
        q.findtext("idnumber", "").replace("/", "."): q for q in root.findall("question") if q.get("type") != "category"
    }
    expected = yaml_questions(catalog)
    assert set(questions) == set(expected)
    for ident, question in expected.items():
        element = questions[ident]
        assert element.findtext("questiontext/text") == plain_text(question.prompt)
        assert element.findtext("generalfeedback/text") == plain_text(question.explanation)
        answers = element.findall("answer")
        if isinstance(question, TrueFalse):
            assert element.get("type") == "truefalse"
            right = {a.findtext("text") for a in answers if a.get("fraction") == "100"}
            assert right == right_keys(question)
            continue
        texts = {key: plain_text(v.text if isinstance(v, Choice) else v) for key, v in question.choices.items()}
        by_text = {a.findtext("text"): a for a in answers}
        assert set(by_text) == set(texts.values())
        scored = {key for key, text in texts.items() if float(by_text[text].get("fraction", "0")) > 0}
        assert scored == right_keys(question), ident
        assert sum(float(by_text[texts[k]].get("fraction", "0")) for k in scored) == pytest.approx(100, abs=0.01)
        assert element.findtext("single") == ("true" if question.type == "single" else "false")
        for key, text in choice_feedback(question).items():
            assert by_text[texts[key]].findtext("feedback/text") == text


# ---------------------------------------------------------------- GIFT


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text).strip()


def split_unescaped(text: str, marks: str) -> list[tuple[str, str]]:
    """(mark, text) pieces of `text` split before each unescaped character in `marks`."""
    pieces: list[tuple[str, str]] = []
    mark, start, index = "", 0, 0
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char in marks:
            pieces.append((mark, text[start:index]))
            mark, start = char, index + 1
        index += 1
    pieces.append((mark, text[start:]))
    return pieces


def parse_gift(text: str) -> dict[str, dict[str, Any]]:
    """GIFT's grammar for these question types: `::name::prompt{answers}`; in the answers `=` right, `~` wrong,
    `~%w%` weighted, `#` the answer's feedback, `####` general feedback, TRUE/FALSE for true/false."""
    found: dict[str, dict[str, Any]] = {}
    body_lines = [line for line in text.split("\n") if not line.startswith(("//", "$CATEGORY:"))]
    for block in re.split(r"\n\s*\n", "\n".join(body_lines).strip()):
        match = re.fullmatch(
            r"::(?P<name>(?:\\.|[^:\\])+)::(?P<prompt>(?:\\.|[^{\\])+)\{(?P<body>(?:\\.|[^}\\])*)\}",
            block.strip(),
            re.S,
        )
        assert match, f"not a GIFT question: {block[:120]}"
        body, _, general = match["body"].partition("####")
        entry: dict[str, Any] = {"prompt": unescape(match["prompt"]), "general": unescape(general), "answers": []}
        if body.strip() in ("TRUE", "FALSE", "T", "F"):
            entry["truefalse"] = body.strip() in ("TRUE", "T")
        else:
            for mark, piece in split_unescaped(body, "=~")[1:]:
                weight = re.match(r"%(-?[0-9.]+)%", piece)
                share = float(weight[1]) if weight else (100.0 if mark == "=" else 0.0)
                piece = piece[weight.end() :] if weight else piece
                answer, *feedback = [p for _m, p in split_unescaped(piece, "#")]
                entry["answers"].append((unescape(answer), share, unescape(feedback[0]) if feedback else ""))
        found[unescape(match["name"])] = entry
    return found


def test_gift_parses_to_every_question_with_its_key_and_feedback(catalog: Catalog, files: dict[str, bytes]) -> None:
    text = files["quiz-bank.gift.txt"].decode("utf-8")
    assert LICENCE_URL in text.split("\n\n")[0]
    parsed = parse_gift(text)
    expected = yaml_questions(catalog)
    assert set(parsed) == set(expected)
    for ident, question in expected.items():
        entry = parsed[ident]
        assert entry["prompt"] == plain_text(question.prompt)
        assert entry["general"] == plain_text(question.explanation)
        if isinstance(question, TrueFalse):
            assert entry["truefalse"] is question.answer
            continue
        texts = {key: plain_text(v.text if isinstance(v, Choice) else v) for key, v in question.choices.items()}
        assert [a[0] for a in entry["answers"]] == list(texts.values())
        scored = {key for key, (_t, share, _f) in zip(texts, entry["answers"], strict=True) if share > 0}
        assert scored == right_keys(question), ident
        feedback = {key: f for key, (_t, _s, f) in zip(texts, entry["answers"], strict=True) if f}
        assert feedback == choice_feedback(question)


def test_gift_escapes_its_special_characters() -> None:
    from studykit.exports.bank import ExportChoice, ExportQuestion
    from studykit.exports.gift import gift_question

    tricky = "Dose {1:2} = 5 mg ~ about #3 \\ check"
    question = ExportQuestion(
        "q",
        "x",
        "single",
        tricky,
        (ExportChoice("a", tricky, True, tricky), ExportChoice("b", "no", False)),
        tricky,
        "h",
    )
    parsed = parse_gift(gift_question(question))["q.x"]
    assert parsed["prompt"] == tricky and parsed["general"] == tricky
    assert parsed["answers"][0] == (tricky, 100.0, tricky)


# ---------------------------------------------------------------- Anki and Quizlet


def anki_database(data: bytes, tmp_path: Path) -> sqlite3.Connection:
    archive = zipfile.ZipFile(io.BytesIO(data))
    path = tmp_path / "collection.anki2"
    path.write_bytes(archive.read("collection.anki2"))
    return sqlite3.connect(path)


def test_anki_package_opens_as_ankis_database_with_every_card(
    catalog: Catalog, files: dict[str, bytes], tmp_path: Path
) -> None:
    decks = {deck.id: deck for deck in build_decks(catalog)}
    db = anki_database(files["flashcards.apkg"], tmp_path)
    names = {int(k): v["name"] for k, v in json.loads(db.execute("select decks from col").fetchone()[0]).items()}
    site = catalog.project.config.site_name
    assert {f"{site}::{decks['glossary'].title}", f"{site}::{decks['abbreviations'].title}"} <= set(names.values())
    rows = db.execute("select n.guid, n.flds, c.did from notes n join cards c on c.nid = n.id").fetchall()
    found = {(guid, names[did]): flds.split("\x1f") for guid, flds, did in rows}
    expected = {
        (note_guid(deck.id, card.id), f"{site}::{deck.title}"): (card.front, card.back)
        for deck in (decks["glossary"], decks["abbreviations"])
        for card in deck.cards
    }
    assert set(found) == set(expected)
    for key, (front, back) in expected.items():
        fields = found[key]
        assert [f.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") for f in fields[:2]] == [front, back]
        assert LICENCE_URL in fields[2]


def test_anki_note_ids_survive_an_edit_so_a_reimport_updates(catalog: Catalog, tmp_path: Path) -> None:
    deck = next(deck for deck in build_decks(catalog) if deck.id == "glossary")
    edited = replace(
        deck, cards=(Card(deck.cards[0].id, deck.cards[0].front, "a rewritten definition"), *deck.cards[1:])
    )
    meta = export_meta(catalog, "flashcards")
    guids = []
    for version, name in ((deck, "a"), (edited, "b")):
        (tmp_path / name).mkdir()
        db = anki_database(anki_package([version], meta, "Site"), tmp_path / name)
        guids.append(db.execute("select guid, flds from notes order by guid").fetchall())
    assert [g for g, _f in guids[0]] == [g for g, _f in guids[1]]
    assert guids[0] != guids[1]  # same notes, new text


def test_quizlet_csv_is_term_and_definition(catalog: Catalog, files: dict[str, bytes]) -> None:
    rows = list(csv.reader(io.StringIO(files["flashcards.csv"].decode("utf-8"))))
    decks = {deck.id: deck for deck in build_decks(catalog)}
    expected = [[card.front, card.back] for card in decks["glossary"].cards]
    assert rows[: len(expected)] == expected
    assert all(len(row) == 2 for row in rows)


# ---------------------------------------------------------------- references


def test_bibtex_parses_to_every_record(catalog: Catalog, files: dict[str, bytes]) -> None:
    library = parse_string(
        files["references.bib"].decode("utf-8"), append_middleware=[SeparateCoAuthors(), LatexDecodingMiddleware()]
    )
    assert not library.failed_blocks
    assert any(LICENCE_URL in comment.comment for comment in library.comments)
    entries = {entry.key: entry for entry in library.entries}
    assert set(entries) == set(catalog.records)
    for ref_id, record in catalog.records.items():
        entry = entries[ref_id]
        assert entry["title"].strip("{}") == record.title
        if record.year is not None:
            assert entry["year"] == str(record.year)
        if record.doi:
            assert entry["doi"] == record.doi
        if record.journal:
            assert entry["journal"] == record.journal
        if record.authors:
            # split by bibtexparser, which keeps a braced group author whole; then LaTeX read back as text
            names = [LatexNodes2Text().latex_to_text(name) for name in entry["author"]]
            assert len(names) == len(record.authors) + (1 if record.et_al else 0)
            for written, name in zip(names, record.authors, strict=False):
                surname = name.rsplit(" ", 1)[0] if "," in written else name  # "Horn J-L" -> "Horn, J.-L."
                assert written.startswith(surname), (written, name)


def test_ris_parses_to_every_record(catalog: Catalog, files: dict[str, bytes]) -> None:
    entries = {entry["id"]: entry for entry in rispy.loads(files["references.ris"].decode("utf-8"))}
    assert set(entries) == set(catalog.records)
    for ref_id, record in catalog.records.items():
        entry = entries[ref_id]
        assert entry["title"] == record.title
        assert entry.get("doi") == record.doi
        assert len(entry.get("authors", [])) == len(record.authors)
        assert LICENCE_URL in entry["notes"][0]


# ---------------------------------------------------------------- course study time


def test_course_study_time_follows_the_stated_rates(catalog: Catalog) -> None:
    source = find_course(catalog, "two-week-revision")
    assert source is not None
    items = plan(catalog, source.course)
    by_kind = {item.kind: item for item in items}
    section = by_kind["section"]
    whole_course = source.course.model_copy(update={"items": [section.item.model_copy(update={"page": section.rel})]})
    whole = plan(catalog, whole_course)[0]
    assert section.minutes < whole.minutes
    quiz = next(item for item in items if item.kind == "quiz" and item.item.questions)
    assert quiz.minutes == len(quiz.item.questions or [])
    deck = by_kind["deck"]
    assert deck.minutes == -(-deck.cards * SECONDS_PER_CARD // 60)
