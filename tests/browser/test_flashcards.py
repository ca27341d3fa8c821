"""Flashcards in Chromium: the scheduler against the reference Python `fsrs`, and the page as a student uses it.

The reference tests run the same review sequences (ratings at given times) through `fsrs.Scheduler` (fuzz off,
its default parameters and learning steps) and through flashcards.js's scheduler in the page, and compare every
due date (to the millisecond), stability and difficulty. The page tests use the fixture site tests/sites/flashcards
(four glossary terms, two chapters), built once for this module.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from ..helpers import copy_site
from .conftest import Server, expect, serious, serve_directory, watch_page
from .test_csp import _write_sitemap

pytestmark = pytest.mark.browser

PAGE = "flashcards/"
KEY = "studykit:cards"
START = datetime(2025, 1, 6, 9, 30, tzinfo=UTC)
BLOCK_STORAGE = """
Object.defineProperty(window, "localStorage", {
  configurable: true,
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
});
"""


@pytest.fixture(scope="module")
def server(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    from studykit.pipeline import build_project

    root = copy_site("flashcards", tmp_path_factory.mktemp("flashcards-browser"))
    result = build_project(root, root / "site")
    assert result.built, "\n".join(d.text() for d in result.diagnostics)
    served = serve_directory(root / "site")
    _write_sitemap(root / "site", served.url)  # instant navigation follows only links its sitemap lists
    yield served
    served._httpd.shutdown()


def open_page(page: Any, server: Server) -> None:
    page.goto(server.url + PAGE, wait_until="networkidle")
    page.wait_for_selector(".sk-flashcards[data-loaded]")


# ---------------------------------------------------------------- the scheduler against fsrs


Step = tuple[int, timedelta | None]  # (rating 1-4, time since the previous review; None: when the card is due)


def reference(sequence: list[Step]) -> tuple[list[int], list[dict[str, Any]]]:
    """Review times (ms) and the card after each review, as the Python `fsrs` package schedules them."""
    from fsrs import Card, Rating, Scheduler

    scheduler = Scheduler(enable_fuzzing=False)
    card = Card()
    now = START
    times: list[int] = []
    cards: list[dict[str, Any]] = []
    for rating, gap in sequence:
        now = (card.due if gap is None else now + gap) if cards else START
        card, _log = scheduler.review_card(card, Rating(rating), now)
        times.append(int(now.timestamp() * 1000))
        cards.append(
            {
                "due": int(card.due.timestamp() * 1000),
                "stability": card.stability,
                "difficulty": card.difficulty,
                "state": card.state.name.lower(),
                "step": card.step,
            }
        )
    return times, cards


def in_browser(page: Any, runs: list[tuple[list[int], list[int]]]) -> list[list[dict[str, Any]]]:
    """flashcards.js's scheduler on each run of (ratings, review times)."""
    return list(
        page.evaluate(
            """runs => window.studykit.flashcards.ready().then(scheduler => runs.map(([ratings, times]) => {
                 let card = null;
                 return ratings.map((rating, i) => {
                   card = scheduler.review(card, rating, times[i]);
                   return {due: card.due, stability: card.stability, difficulty: card.difficulty,
                           state: card.state, step: card.step};
                 });
               }))""",
            runs,
        )
    )


def compare(expected: list[dict[str, Any]], got: list[dict[str, Any]], label: str) -> None:
    assert len(expected) == len(got)
    for index, (want, have) in enumerate(zip(expected, got, strict=True)):
        where = f"{label}, review {index + 1}"
        assert have["due"] == want["due"], f"{where}: due {have['due']} != {want['due']}"
        assert have["state"] == want["state"] and have["step"] == want["step"], where
        assert have["stability"] == pytest.approx(want["stability"], rel=1e-6), where
        assert have["difficulty"] == pytest.approx(want["difficulty"], rel=1e-6), where


MINUTES = timedelta(minutes=1)
SEQUENCES: dict[str, list[Step]] = {
    "good every time it is due": [(3, None)] * 10,
    "again, hard, good, easy while learning": [(1, None), (2, None), (3, None), (4, None), (3, None)],
    "hard on the first and the second step": [(2, None), (2, None), (3, None), (2, None), (3, None), (3, None)],
    "easy from the start": [(4, None)] * 6,
    "lapses and relearning": [
        (3, None),
        (3, None),
        (3, None),
        (1, None),
        (2, None),
        (1, None),
        (3, None),
        (3, None),
        (1, timedelta(days=40)),
        (3, None),
        (4, None),
    ],
    "long gaps and overdue reviews": [
        (3, None),
        (3, None),
        (3, timedelta(days=400)),
        (2, timedelta(days=1000)),
        (1, timedelta(days=3000)),
        (3, timedelta(days=1)),
        (4, timedelta(days=9000)),
        (3, timedelta(days=36500)),
    ],
    "same-day reviews in review state": [
        (4, None),
        (3, timedelta(hours=2)),
        (2, timedelta(hours=23, minutes=59)),
        (1, 2 * MINUTES),
        (3, timedelta(hours=25)),
    ],
    "reviews across midnight UTC": [
        (3, timedelta(hours=14, minutes=29)),
        (3, None),
        (3, timedelta(hours=14, minutes=20)),
        (3, timedelta(hours=10)),
        (2, timedelta(days=3, hours=13)),
    ],
    "early reviews": [(3, None), (3, None), (3, timedelta(hours=30)), (4, timedelta(days=1)), (2, 30 * MINUTES)],
}


def test_the_vendored_model_uses_the_same_parameters_as_fsrs(page: Any, server: Server) -> None:
    from fsrs.scheduler import DEFAULT_PARAMETERS

    open_page(page, server)
    assert page.evaluate("window.FSRS.default_w.slice()") == list(DEFAULT_PARAMETERS)
    assert page.evaluate("window.FSRS.FSRSVersion").endswith("using FSRS-6.0")


@pytest.mark.parametrize("name", sorted(SEQUENCES))
def test_the_scheduler_matches_fsrs(page: Any, server: Server, name: str) -> None:
    times, expected = reference(SEQUENCES[name])
    open_page(page, server)
    (got,) = in_browser(page, [([rating for rating, _gap in SEQUENCES[name]], times)])
    compare(expected, got, name)


def test_the_scheduler_matches_fsrs_on_random_sequences(page: Any, server: Server) -> None:
    chooser = random.Random(20250106)
    gaps = [None, None, None, MINUTES, 7 * MINUTES, timedelta(hours=5), timedelta(days=1), timedelta(days=3, hours=7)]
    gaps += [timedelta(days=40), timedelta(days=365, hours=1)]
    sequences = [
        [(chooser.randint(1, 4), chooser.choice(gaps)) for _ in range(chooser.randint(1, 14))] for _ in range(150)
    ]
    references = [reference(sequence) for sequence in sequences]
    open_page(page, server)
    runs = [([rating for rating, _ in seq], times) for seq, (times, _cards) in zip(sequences, references, strict=True)]
    got = in_browser(page, runs)
    for index, ((_times, expected), have) in enumerate(zip(references, got, strict=True)):
        compare(expected, have, f"random sequence {index}: {sequences[index]}")


# ---------------------------------------------------------------- the page


def deck(page: Any, deck_id: str) -> Any:
    return page.locator(f"#sk-deck-{deck_id}")


def counts(page: Any, deck_id: str) -> str:
    return str(deck(page, deck_id).locator(".sk-deck__counts").inner_text()).strip()


def saved(page: Any) -> dict[str, Any]:
    value = page.evaluate(f"localStorage.getItem({KEY!r})")
    return dict(json.loads(value)) if value else {}


def card_text(page: Any) -> tuple[str, str]:
    front = page.locator(".sk-fc-card__front").inner_text()
    back = page.locator(".sk-fc-card__back")
    return str(front).strip(), str(back.inner_text()).strip() if back.is_visible() else ""


def test_decks_list_their_new_and_due_counts(page: Any, server: Server) -> None:
    now = int(datetime.now(UTC).timestamp() * 1000)
    day = 86_400_000

    def record(h: str, due: int) -> dict[str, Any]:
        return {"h": h, "due": due, "state": "review", "step": None, "stability": 3.0, "difficulty": 5.0}

    cards = {
        "abbreviations/medial-branch-block": record("6bb053fcb91f", now - day) | {"last": now - 4 * day},  # due
        "abbreviations/radiofrequency-ablation": record("bf9843dfdc61", now + 2 * day) | {"last": now - day},
        "abbreviations/post-dural-puncture-headache": record("old-text", now + day) | {"last": now - day},  # changed
        "chapter-spine/local-anaesthetic": record("0c64d33188b9", now + 3 * day) | {"last": now - day},
        "chapter-spine/post-dural-puncture-headache": record("7a759a0cd93b", now + 5 * day) | {"last": now},
        "glossary/local-anaesthetic": {"h": "0c64d33188b9", "due": "soon"},  # not a valid record: new
    }
    page.add_init_script(f"localStorage.setItem({KEY!r}, {json.dumps(json.dumps({'v': 1, 'cards': cards}))})")
    open_page(page, server)
    assert counts(page, "abbreviations") == "1 new, 1 due"
    assert counts(page, "glossary") == "4 new, 0 due"
    assert counts(page, "chapter-ablation") == "3 new, 0 due"
    assert counts(page, "chapter-spine") == "0 new, 0 due; next in 3 days"
    assert deck(page, "chapter-spine").locator("button").is_disabled()
    # The changed card is new again: the session shows the due card first, then the new one.
    deck(page, "abbreviations").locator("button").click()
    assert card_text(page) == ("MBB", "")
    page.keyboard.press("Space")
    assert card_text(page) == ("MBB", "Medial branch block")
    page.keyboard.press("3")
    assert card_text(page) == ("PDPH", "")


def test_a_card_shows_its_terms_figure_on_the_answer_side_only(page: Any, server: Server) -> None:
    open_page(page, server)
    deck(page, "glossary").locator("button").click()
    figure = page.locator(".sk-fc-card__figure")
    page.keyboard.press("Space")
    assert card_text(page) == ("Local anaesthetic", "A drug that blocks nerve conduction where it is injected.")
    assert figure.is_hidden()  # a term without a figure
    page.keyboard.press("3")
    assert card_text(page) == ("Medial branch block", "")
    assert figure.is_hidden()  # the question side never gives the answer away
    page.keyboard.press("Space")
    expect(figure).to_be_visible()
    image = figure.locator("img")
    assert image.get_attribute("alt") == "Five stacked lumbar vertebrae labelled L1 to L5 from top to bottom."
    page.wait_for_function("() => document.querySelector('.sk-fc-card__figure img').complete")
    assert image.evaluate("img => img.naturalWidth") > 0  # the drawing loaded from the site's figures/
    assert image.evaluate("img => new URL(img.src).pathname") == "/figures/levels.svg"


def test_reviewing_a_deck_schedules_it_and_survives_a_reload(page: Any, server: Server) -> None:
    watch = watch_page(page, server.url)
    open_page(page, server)
    assert page.locator(".sk-flashcards__nojs").is_hidden()
    assert counts(page, "abbreviations") == "3 new, 0 due"
    deck(page, "abbreviations").locator("button").click()
    seen = []
    for _ in range(6):  # each new card: Good (10-minute step, shown again this session), then Good (graduates)
        front, _back = card_text(page)
        seen.append(front)
        page.locator(".sk-fc-session__flip").click()
        page.locator(".sk-fc-rate--good").click()
    assert seen == ["MBB", "PDPH", "RFA", "MBB", "PDPH", "RFA"]
    expect(page.locator(".sk-flashcards__message")).to_have_text("Session finished: 6 cards reviewed.")
    records = saved(page)["cards"]
    assert sorted(records) == [
        f"abbreviations/{c}"
        for c in sorted(["medial-branch-block", "post-dural-puncture-headache", "radiofrequency-ablation"])
    ]
    now = page.evaluate("Date.now()")
    for record in records.values():
        assert record["state"] == "review" and record["reps"] == 2
        assert record["due"] > now + 86_400_000 - 60_000  # a day or more away
    assert counts(page, "abbreviations").startswith("0 new, 0 due; next in ")
    page.reload(wait_until="networkidle")
    page.wait_for_selector(".sk-flashcards[data-loaded]")
    assert counts(page, "abbreviations").startswith("0 new, 0 due; next in ")
    assert saved(page)["cards"] == records
    assert watch.console_errors + watch.page_errors == [] and watch.foreign_requests == []


def test_space_flips_and_number_keys_rate(page: Any, server: Server) -> None:
    open_page(page, server)
    deck(page, "glossary").locator("button").click()
    assert page.evaluate("document.activeElement.className") == "sk-fc-card"
    assert page.locator(".sk-fc-session__rate").is_hidden()
    page.keyboard.press("4")  # no rating before the answer is shown
    assert saved(page) == {}
    page.keyboard.press("Space")
    assert page.locator(".sk-fc-card__back").is_visible()
    assert page.locator(".sk-fc-session__rate").is_visible()
    rates = page.locator(".sk-fc-rate")
    assert [str(rates.nth(i).get_attribute("aria-label")) for i in range(4)] == [
        "Again (key 1): see it again in 1 min",
        "Hard (key 2): see it again in 6 min",
        "Good (key 3): see it again in 10 min",
        "Easy (key 4): see it again in 8 days",
    ]
    page.keyboard.press("1")
    (first,) = saved(page)["cards"].values()
    assert (first["state"], first["step"], first["due"] - first["last"]) == ("learning", 0, 60_000)
    page.keyboard.press("Space")
    page.keyboard.press("4")
    second = saved(page)["cards"]["glossary/medial-branch-block"]
    assert second["state"] == "review" and second["due"] - second["last"] == 8 * 86_400_000
    page.keyboard.press("Tab")  # focus leaves the card for the "Show answer" button: Space presses it
    assert page.evaluate("document.activeElement.textContent") == "Show answer"
    page.keyboard.press("Space")
    assert page.locator(".sk-fc-card__back").is_visible()
    page.locator(".sk-fc-session__leave").click()
    assert page.locator(".sk-fc-session").count() == 0
    assert counts(page, "glossary") == "2 new, 0 due"  # the Again card is due in a minute, not yet


def test_blocked_storage_shows_the_message_and_reviews_still_work(page: Any, server: Server) -> None:
    page.add_init_script(BLOCK_STORAGE)
    open_page(page, server)
    message = page.locator(".sk-flashcards__message")
    expect(message).to_contain_text("blocking storage")
    deck(page, "abbreviations").locator("button").click()
    page.keyboard.press("Space")
    page.keyboard.press("4")
    expect(message).to_contain_text("blocking storage")
    assert card_text(page)[0] == "PDPH"


def test_progress_saved_by_a_newer_format_is_never_overwritten(page: Any, server: Server) -> None:
    newer = json.dumps({"v": 2, "cards": {"glossary/local-anaesthetic": {"format": "unknown"}}})
    page.add_init_script(f"localStorage.setItem({KEY!r}, {newer!r})")
    open_page(page, server)
    deck(page, "glossary").locator("button").click()
    page.keyboard.press("Space")
    page.keyboard.press("3")
    expect(page.locator(".sk-flashcards__message")).to_contain_text("saved by a newer version")
    assert page.evaluate(f"localStorage.getItem({KEY!r})") == newer


def test_instant_navigation_sets_up_the_page_once(page: Any, server: Server) -> None:
    page.goto(server.url, wait_until="networkidle")
    page.evaluate("window.stillTheSamePage = true")
    page.locator('.md-content a[href$="flashcards/"]').click()
    page.wait_for_selector(".sk-flashcards[data-loaded]")
    assert page.evaluate("window.stillTheSamePage") is True  # Material swapped the page in: no reload
    assert page.evaluate("location.pathname") == "/flashcards/"
    assert page.locator("script[src$='vendor/ts-fsrs.js']").count() == 1
    deck(page, "abbreviations").locator("button").click()
    assert page.locator(".sk-fc-session").count() == 1


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1366, 390])
def test_axe_finds_no_serious_issue(browser: Any, server: Server, scheme: str, width: int) -> None:
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        open_page(page, server)
        assert serious(page) == [], "deck list"
        deck(page, "glossary").locator("button").click()
        assert serious(page) == [], "card front"
        page.keyboard.press("Space")
        assert serious(page) == [], "card back"
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"the page scrolls sideways by {overflow}px"
    finally:
        context.close()
