"""Flashcard decks from the catalog, their JSON file, the deck list the `/// flashcards` block renders, and the
vendored scheduler shipped with the site (the scheduler itself is tested in Chromium: tests/browser/)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import markdown

from studykit.catalog import Catalog
from studykit.flashcards.decks import DATA_FILE, build_decks, data_files, decks_data
from studykit.generate.snapshot import catalog_of_project, forget_projects
from studykit.generate.step import package_assets, staged_files
from studykit.postprocess.provenance import audit_provenance

from .helpers import copy_site

FIXTURE = Path(__file__).resolve().parent / "sites" / "flashcards"


def fixture_catalog(tmp_path: Path, edit: tuple[str, str] | None = None) -> Catalog:
    root = copy_site("flashcards", tmp_path)
    if edit is not None:
        terms = root / "glossary" / "terms.yml"
        terms.write_text(terms.read_text(encoding="utf-8").replace(*edit), encoding="utf-8")
    forget_projects()
    return catalog_of_project(root)


def test_decks_are_the_glossary_its_abbreviations_and_each_chapter_in_nav_order(tmp_path: Path) -> None:
    decks = {deck.id: deck for deck in build_decks(fixture_catalog(tmp_path))}
    assert list(decks) == ["glossary", "abbreviations", "chapter-ablation", "chapter-spine"]
    glossary = decks["glossary"].cards
    assert [card.front for card in glossary] == [
        "Local anaesthetic",
        "Medial branch block",
        "Post-dural puncture headache",
        "Radiofrequency ablation",
    ]
    assert glossary[0].back == "A drug that blocks nerve conduction where it is injected."
    assert [(card.id, card.front, card.back) for card in decks["abbreviations"].cards] == [
        ("medial-branch-block", "MBB", "Medial branch block"),
        ("post-dural-puncture-headache", "PDPH", "Post-dural puncture headache"),
        ("radiofrequency-ablation", "RFA", "Radiofrequency ablation"),
    ]
    assert [card.id for card in decks["chapter-ablation"].cards] == [
        "local-anaesthetic",
        "medial-branch-block",
        "radiofrequency-ablation",
    ]
    assert [card.id for card in decks["chapter-spine"].cards] == ["local-anaesthetic", "post-dural-puncture-headache"]
    assert decks["chapter-spine"].title == "Spine" and decks["chapter-spine"].page == "topics/spine.md"


def test_a_card_whose_text_changes_gets_a_new_hash_and_keeps_its_id(tmp_path: Path) -> None:
    before = decks_data(fixture_catalog(tmp_path / "a"))
    after = decks_data(fixture_catalog(tmp_path / "b", ("stop it carrying pain", "stop it sending pain")))
    forget_projects()

    def cards(data: dict[str, Any]) -> dict[str, str]:
        return {f"{d['id']}/{c['id']}": c["h"] for d in data["decks"] for c in d["cards"]}

    old, new = cards(before), cards(after)
    assert old.keys() == new.keys()
    changed = {key for key in old if old[key] != new[key]}
    assert changed == {"glossary/radiofrequency-ablation", "chapter-ablation/radiofrequency-ablation"}


def test_a_terms_figure_is_on_its_cards_with_the_pages_alt_text_and_counts_in_the_hash(tmp_path: Path) -> None:
    decks = {deck.id: deck for deck in build_decks(fixture_catalog(tmp_path / "a"))}
    shown = [card for deck in decks.values() for card in deck.cards if card.figure]
    assert [(card.id, card.figure.src if card.figure else "") for card in shown] == [
        ("medial-branch-block", "figures/levels.svg"),  # glossary deck
        ("medial-branch-block", "figures/levels.svg"),  # chapter-ablation deck
    ]
    assert shown[0].figure is not None
    assert shown[0].figure.alt == "Five stacked lumbar vertebrae labelled L1 to L5 from top to bottom."
    assert all(card.figure is None for card in decks["abbreviations"].cards if card.id != "medial-branch-block")
    without = {deck.id: deck for deck in build_decks(fixture_catalog(tmp_path / "b", ("  figure: levels.svg\n", "")))}
    forget_projects()
    before = {card.id: card.hash for card in decks["glossary"].cards}
    after = {card.id: card.hash for card in without["glossary"].cards}
    assert {key for key in before if before[key] != after[key]} == {"medial-branch-block"}


def test_the_data_file_is_staged_only_for_a_site_with_the_extension(tmp_path: Path) -> None:
    catalog = fixture_catalog(tmp_path / "with")
    files = staged_files(catalog)
    data = json.loads(files[DATA_FILE])
    assert data["v"] == 1 and [deck["id"] for deck in data["decks"]][:2] == ["glossary", "abbreviations"]
    assert set(data["decks"][0]["cards"][0]) == {"id", "h", "front", "back"}
    with_figure = [card for deck in data["decks"] for card in deck["cards"] if "figure" in card]
    figures = {(card["id"], card["figure"]["src"]) for card in with_figure}
    assert figures == {("medial-branch-block", "figures/levels.svg")}
    root = copy_site("glossary", tmp_path / "without")
    forget_projects()
    assert data_files(catalog_of_project(root)) == {}
    forget_projects()


def test_the_vendored_scheduler_and_its_licence_ship_but_not_the_vendor_readme() -> None:
    assets = package_assets()
    assert "assets/studykit/vendor/ts-fsrs.js" in assets
    assert b"MIT License" in assets["assets/studykit/vendor/LICENSE-ts-fsrs"]
    assert not [name for name in assets if name.endswith(".md")]


def test_the_audit_knows_the_data_file(tmp_path: Path) -> None:
    catalog = fixture_catalog(tmp_path)
    site = tmp_path / "site"
    (site / "assets/studykit/data").mkdir(parents=True)
    (site / DATA_FILE).write_text("{}", encoding="utf-8")
    (site / "assets/studykit/data/other.json").write_text("{}", encoding="utf-8")
    problems = [d.text() for d in audit_provenance(site, catalog)]
    forget_projects()
    assert len(problems) == 1 and "other.json" in problems[0]


def test_the_block_lists_every_deck_with_its_size(tmp_path: Path) -> None:
    root = copy_site("flashcards", tmp_path)
    forget_projects()
    html = markdown.markdown(
        "Intro.\n\n/// flashcards\n///\n",
        extensions=["studykit.flashcards"],
        extension_configs={"studykit.flashcards": {"project_dir": str(root)}},
    )
    forget_projects()
    assert html.startswith('<p>Intro.</p>\n<div class="sk-flashcards">')
    for deck_id, size in (("glossary", "4 cards"), ("abbreviations", "3 cards"), ("chapter-spine", "2 cards")):
        row = html[html.index(f'id="sk-deck-{deck_id}"') :]
        assert row[: row.index("</li>")].count(size) == 1, deck_id
    assert html.index("Glossary decks") < html.index("Chapter decks")
    forget_projects()
