"""The practice page in Chromium: practice sessions, a timed exam, "My mistakes", and the quiz improvements they rely
on (results recorded on topic pages, reshuffled retries, the hub's progress).

Runs against the quiz fixture (tests/sites/quiz, rendered without `check` as in test_quiz.py), whose questions have
known keys: `facet-supply` (easy, right answer b, written order kept), `ganglion-contents` (multiple, a and c),
`pulsed-temperature` (true), `lesion-shape` (b, shuffled) and `pulsed-ceiling` (hard, a and c). Timers run on
Playwright's fake clock, so a one-minute exam takes no real minute.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from studykit.pipeline import render_unchecked

from .conftest import Server, expect, serious, serve_directory, watch_page
from .test_quiz import FIXTURE, FIXTURE_ORIGIN, answer, open_quiz, question, status

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def practice_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("practice-browser") / "site"
    assert [d.text() for d in render_unchecked(FIXTURE, out)] == []
    return out


@pytest.fixture(scope="module")
def server(practice_site: Path, browser: Any) -> Iterator[Server]:
    served = serve_directory(practice_site)
    sitemap = practice_site / "sitemap.xml"
    sitemap.write_text(sitemap.read_text(encoding="utf-8").replace(FIXTURE_ORIGIN, served.url), encoding="utf-8")
    yield served
    served._httpd.shutdown()


# ---------------------------------------------------------------- helpers


def open_practice(page: Any, server: Server) -> Any:
    page.goto(server.url + "practice/", wait_until="networkidle")
    page.wait_for_selector(".sk-practice[data-ready]")
    return page.locator(".sk-practice")


def configure(section: Any, *, mode: str, chapters: tuple[str, ...] = (), count: str = "all", limit: str = "0") -> None:
    section.locator(f'[data-group="mode"] input[value="{mode}"]').check()
    if chapters:
        section.get_by_label("All chapters").uncheck()
        for quiz in chapters:
            section.locator(f'[data-group="chapters"] input[value="{quiz}"]').check()
    if mode != "mistakes":
        section.locator(f'[data-group="count"] input[value="{count}"]').check()
    if mode == "exam":
        section.locator(f'[data-group="limit"] input[value="{limit}"]').check()
    section.get_by_role("button", name="Start").click()
    expect(section.locator(".sk-practice__status")).not_to_have_text("Loading the questions…")


def shown_questions(section: Any) -> list[str]:
    return [
        str(q)
        for q in section.locator(".sk-practice__run [data-question]").evaluate_all(
            "els => els.map(e => e.dataset.question)"
        )
    ]


def run_question(section: Any, question_id: str) -> Any:
    return section.locator(f'.sk-practice__run [data-question="{question_id}"]')


def choose(q: Any, *keys: str) -> None:
    for key in keys:
        q.locator(f'.sk-choice[data-choice="{key}"] input').check()


def saved(page: Any, key: str) -> Any:
    return page.evaluate("k => JSON.parse(localStorage.getItem(k))", key)


# ---------------------------------------------------------------- setup and fallback


def test_the_setup_form_lists_every_chapter_and_the_page_says_what_it_needs_without_javascript(
    browser: Any, page: Any, server: Server
) -> None:
    watch = watch_page(page, server.url)
    section = open_practice(page, server)
    assert section.locator(".sk-practice__nojs").is_hidden() and section.locator(".sk-practice__setup").is_visible()
    chapters = section.locator('[data-group="chapters"] input:not([value="all"])')
    assert chapters.count() == len(list((FIXTURE / "quizzes").glob("*.yml")))
    section.get_by_label("All chapters").uncheck()
    assert section.locator('[data-group="chapters"] input:checked').count() == 0
    chapters.first.check()
    assert not section.get_by_label("All chapters").is_checked()
    limit = section.locator('[data-group="limit"] input').first
    assert limit.is_disabled(), "the time limit applies to exams only"
    section.locator('[data-group="mode"] input[value="exam"]').check()
    assert limit.is_enabled()
    assert watch.page_errors == [] and watch.console_errors == [] and watch.foreign_requests == []

    context = browser.new_context(java_script_enabled=False)
    try:
        nojs = context.new_page()
        nojs.goto(server.url + "practice/", wait_until="load")
        fallback = nojs.locator(".sk-practice__nojs")
        assert fallback.inner_text().startswith("The practice tool needs JavaScript")
        assert nojs.locator(".sk-practice__setup").is_hidden()
        fallback.get_by_role("link", name="quizzes page").click()
        nojs.wait_for_url(re.compile(r"/quizzes/$"))
    finally:
        context.close()


# ---------------------------------------------------------------- practice mode


def test_practice_mode_gives_feedback_after_each_question_and_records_it(page: Any, server: Server) -> None:
    section = open_practice(page, server)
    configure(section, mode="practice", chapters=("nerves",))
    assert sorted(shown_questions(section)) == ["facet-supply", "ganglion-contents", "pulsed-temperature"]
    q = run_question(section, "facet-supply")
    q.get_by_role("button", name="Check").click()
    assert status(q) == "Choose an answer first."
    choose(q, "c")
    q.get_by_role("button", name="Check").click()
    assert status(q) == "Incorrect. Correct answer: b."
    assert q.locator('.sk-choice[data-choice="c"] .sk-choice__feedback').inner_text() == (
        "One too many; count the levels again."
    )
    assert q.locator(".sk-answer__explanation").inner_text() == "Each facet joint is supplied by two medial branches."
    review = q.locator(".sk-answer__review a")
    assert review.inner_text() == "Review: Medial branches"
    assert str(review.get_attribute("href")).endswith("/topics/nerves/#medial-branches")
    hash_ = q.get_attribute("data-hash")
    result = saved(page, "studykit:results")
    assert result["v"] == 1 and result["q"]["nerves/facet-supply"]["ok"] is False
    assert result["q"]["nerves/facet-supply"]["h"] == hash_
    page.goto(server.url + "topics/nerves/", wait_until="networkidle")
    assert question(page, "nerves", "facet-supply").get_attribute("data-hash") == hash_, "one hash, both places"


def test_difficulty_filters_and_labels(page: Any, server: Server) -> None:
    section = open_practice(page, server)
    for level in ("medium", "hard"):
        section.locator(f'[data-group="level"] input[value="{level}"]').uncheck()
    configure(section, mode="practice")
    assert sorted(shown_questions(section)) == ["facet-supply", "first-letter"]
    labels = section.locator(".sk-practice__run .sk-level").evaluate_all("els => els.map(e => e.textContent)")
    assert labels == ["Difficulty: easy"] * 2


# ---------------------------------------------------------------- exam mode


def test_a_timed_exam_over_two_chapters_reveals_nothing_then_runs_out_with_a_score_per_chapter(
    page: Any, server: Server
) -> None:
    page.clock.install()
    section = open_practice(page, server)
    configure(section, mode="exam", chapters=("nerves", "heat"), limit="1")
    run = section.locator(".sk-practice__run")
    ids = shown_questions(section)
    assert sorted(ids) == ["facet-supply", "ganglion-contents", "lesion-shape", "pulsed-ceiling", "pulsed-temperature"]
    live = section.locator(".sk-practice__status")
    assert live.inner_text() == "The exam has started. Time limit: 1 minute."
    timer = run.locator(".sk-practice__timer")
    assert timer.inner_text() == "Time left 1:00" and timer.get_attribute("aria-hidden") == "true"

    # Nothing before the end: no Check button, no feedback, no right answer in the text or in the markup.
    choose(run_question(section, "facet-supply"), "b")
    choose(run_question(section, "lesion-shape"), "a")
    markup = run.evaluate("r => r.outerHTML")
    assert "data-answer" not in markup and "sk-answer" not in markup and "sk-choice__feedback" not in markup
    assert "data-state" not in markup
    shown = run.inner_text()
    for secret in ("Correct", "Incorrect", "supplied by", "Yes: one from", "Heat spreads", "Review"):
        assert secret not in shown, secret
    assert run.get_by_role("button", name="Check").count() == 0

    page.clock.run_for(20_000)
    assert timer.inner_text() == "Time left 0:40"
    assert live.inner_text() == "The exam has started. Time limit: 1 minute.", "no announcement every second"
    page.clock.run_for(41_000)

    title = run.locator(".sk-practice__title")
    expect(title).to_have_text("Time is up. Your score: 1 of 5 (20%)")
    assert live.inner_text() == "Time is up."
    assert page.evaluate("document.activeElement.classList.contains('sk-practice__title')")
    rows = run.locator(".sk-practice__result tbody tr")
    table = {r.locator("th").inner_text(): r.locator("td").inner_text() for r in rows.all()}
    assert table == {"Nerves": "1 of 3 (33%)", "Heat": "0 of 2 (0%)"}
    assert sorted(shown_questions(section)) == [
        "ganglion-contents",
        "lesion-shape",
        "pulsed-ceiling",
        "pulsed-temperature",
    ]
    wrong = run_question(section, "lesion-shape")
    right_letter = wrong.locator('.sk-choice[data-choice="b"] .sk-choice__key').inner_text()
    assert status(wrong) == f"Incorrect. Correct answer: {right_letter}."
    assert wrong.locator(".sk-answer__explanation").inner_text() == "Heat spreads mainly sideways from the exposed tip."
    assert wrong.locator(".sk-answer__review a").inner_text() == "Review: Lesion size"
    unanswered = run_question(section, "pulsed-temperature")
    assert status(unanswered) == "Not answered. Correct answer: True."
    assert timer.count() == 0

    attempts = saved(page, "studykit:exams")
    assert attempts["v"] == 1 and len(attempts["attempts"]) == 1
    attempt = attempts["attempts"][0]
    assert (attempt["mode"], attempt["total"], attempt["right"], attempt["timeUp"]) == ("exam", 5, 1, True)
    assert attempt["perChapter"] == {"nerves": {"right": 1, "total": 3}, "heat": {"right": 0, "total": 2}}
    assert sorted(attempt["chapters"]) == ["heat", "nerves"]
    results = saved(page, "studykit:results")["q"]
    assert results["nerves/facet-supply"]["ok"] is True and results["heat/lesion-shape"]["ok"] is False
    assert "nerves/pulsed-temperature" not in results, "an unanswered question is not a recorded answer"

    run.get_by_role("button", name="New session").click()
    history = section.locator(".sk-practice__history")
    expect(history).to_be_visible()
    assert history.locator("tbody tr td").nth(1).inner_text() == "1 of 5 (20%)"


def test_the_exam_history_keeps_the_last_fifty_attempts(page: Any, server: Server) -> None:
    page.add_init_script(
        "if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1');"
        " localStorage.setItem('studykit:exams', JSON.stringify({v: 1, attempts: Array.from({length: 50},"
        " (_, i) => ({at: i, mode: 'exam', chapters: [], total: 1, right: 0, perChapter: {}}))})); }"
    )
    section = open_practice(page, server)
    configure(section, mode="exam", chapters=("true-false",))
    section.get_by_role("button", name="Finish the exam").click()
    attempts = saved(page, "studykit:exams")["attempts"]
    assert len(attempts) == 50 and attempts[0]["at"] == 1 and attempts[-1]["total"] == 2


# ---------------------------------------------------------------- my mistakes


def test_my_mistakes_holds_exactly_the_questions_answered_wrong_on_topic_pages(page: Any, server: Server) -> None:
    open_quiz(page, server, "topics/nerves/", "nerves")
    answer(question(page, "nerves", "facet-supply"), "c")  # wrong
    answer(question(page, "nerves", "ganglion-contents"), "a", "b")  # partly right is not right
    answer(question(page, "nerves", "pulsed-temperature"), "true")  # right
    open_quiz(page, server, "topics/heat/", "heat")
    answer(question(page, "heat", "lesion-shape"), "b")  # right
    ceiling = question(page, "heat", "pulsed-ceiling")
    answer(ceiling, "b")  # wrong, then right after a retry: no longer a mistake
    page.locator('[data-quiz="heat"]').get_by_role("button", name="Retry the ones I missed").click()
    answer(ceiling, "a", "c")
    assert status(ceiling) == "Correct."

    section = open_practice(page, server)
    configure(section, mode="mistakes")
    assert sorted(shown_questions(section)) == ["facet-supply", "ganglion-contents"]
    q = run_question(section, "facet-supply")
    choose(q, "b")
    q.get_by_role("button", name="Check").click()
    assert status(q) == "Correct."
    section.get_by_role("button", name="Finish").click()
    section.get_by_role("button", name="New session").click()
    configure(section, mode="mistakes")
    assert shown_questions(section) == ["ganglion-contents"]


def test_no_mistakes_says_so(page: Any, server: Server) -> None:
    section = open_practice(page, server)
    configure(section, mode="mistakes")
    assert section.locator(".sk-practice__status").inner_text().startswith("No mistakes to review")
    assert section.locator(".sk-practice__run").is_hidden()


# ---------------------------------------------------------------- shuffling


def test_a_retry_reshuffles_and_still_grades_by_choice_key(page: Any, server: Server) -> None:
    open_quiz(page, server, "topics/heat/", "heat")
    q = question(page, "heat", "lesion-shape")

    def order() -> list[str]:
        return [str(k) for k in q.locator(".sk-choice").evaluate_all("els => els.map(e => e.dataset.choice)")]

    answer(question(page, "heat", "pulsed-ceiling"), "a", "c")  # right: only lesion-shape is retried
    before = order()
    answer(q, "a")
    page.locator('[data-quiz="heat"]').get_by_role("button", name="Retry the ones I missed").click()
    after = order()
    assert after != before and sorted(after) == ["a", "b", "c", "d"]
    assert q.locator(".sk-choice .sk-choice__key").all_inner_texts() == ["a", "b", "c", "d"], (
        "letters follow the shown order"
    )
    wrong = next(key for key in after if key != "b")
    answer(q, wrong)
    letter = "abcd"[after.index("b")]
    assert status(q) == f"Incorrect. Correct answer: {letter}."
    assert q.locator('.sk-answer__key [data-label-for="b"]').inner_text() == letter
    page.locator('[data-quiz="heat"]').get_by_role("button", name="Retry the ones I missed").click()
    assert order() != after
    answer(q, "b")
    assert status(q) == "Correct."


def test_practice_sessions_shuffle_questions_and_options_per_attempt(page: Any, server: Server) -> None:
    section = open_practice(page, server)
    seen = set()
    for _ in range(6):
        configure(section, mode="practice", chapters=("heat", "nerves", "single-choice"))
        options = (
            run_question(section, "lesion-shape")
            .locator(".sk-choice")
            .evaluate_all("els => els.map(e => e.dataset.choice)")
        )
        seen.add((tuple(shown_questions(section)), tuple(options)))
        kept = (
            run_question(section, "first-letter")
            .locator(".sk-choice")
            .evaluate_all("els => els.map(e => e.dataset.choice)")
        )
        assert kept == ["a", "b", "c"], "shuffle: false keeps the written order"
        section.get_by_role("button", name="Finish").click()
        section.get_by_role("button", name="New session").click()
    assert len(seen) > 1


# ---------------------------------------------------------------- per-page quiz details and the hub


def test_difficulty_label_and_a_single_select_all_hint(page: Any, server: Server) -> None:
    open_quiz(page, server, "topics/nerves/", "nerves")
    legend = question(page, "nerves", "facet-supply").locator("legend")
    assert legend.locator(".sk-level").text_content() == "Difficulty: easy"
    hinted = question(page, "nerves", "ganglion-contents").locator("legend").inner_text()
    assert hinted.count("Select all that apply") == 1


def test_the_hub_shows_partial_progress_and_bank_totals_and_reset_clears_them(page: Any, server: Server) -> None:
    open_quiz(page, server, "topics/nerves/", "nerves")
    answer(question(page, "nerves", "facet-supply"), "b")
    page.goto(server.url + "quizzes/", wait_until="networkidle")
    counts = [int(c) for c in page.locator("tbody tr td:nth-child(2)").all_inner_texts()]
    total = page.locator("[data-quiz-total]")
    assert int(str(total.get_attribute("data-quiz-total"))) == sum(counts)
    assert page.locator("tfoot td").first.inner_text() == str(sum(counts))
    assert page.locator('[data-quiz-best="nerves"]').inner_text() == "1 of 3 answered"
    assert total.inner_text() == f"1 of {sum(counts)} answered"
    open_quiz(page, server, "topics/nerves/", "nerves")
    quiz = page.locator('[data-quiz="nerves"]')
    quiz.get_by_role("button", name="Reset").click()
    quiz.get_by_role("button", name="Yes, clear my answers").click()
    page.goto(server.url + "quizzes/", wait_until="networkidle")
    assert page.locator('[data-quiz-best="nerves"]').inner_text() == "Not tried yet"
    assert total.inner_text() == f"0 of {sum(counts)} answered"


# ---------------------------------------------------------------- storage, navigation, safety


def test_blocked_storage_is_explained_and_practice_still_works(page: Any, server: Server) -> None:
    page.add_init_script(  # what a browser does when a privacy setting blocks site data
        "Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('denied', 'SecurityError'); }})"
    )
    section = open_practice(page, server)
    note = section.locator(".sk-storage")
    expect(note).to_contain_text("blocking storage")
    assert note.get_attribute("role") == "status"
    configure(section, mode="practice", chapters=("nerves",))
    q = run_question(section, "facet-supply")
    choose(q, "b")
    q.get_by_role("button", name="Check").click()
    assert status(q) == "Correct."


def test_instant_navigation_initialises_the_practice_page_once(page: Any, server: Server) -> None:
    watch = watch_page(page, server.url)
    open_quiz(page, server, "topics/nerves/", "nerves")
    page.evaluate("window.__samePage = true")
    page.locator(".md-nav__link", has_text="Practice").first.click()
    page.wait_for_selector(".sk-practice[data-ready]")
    assert page.evaluate("window.__samePage") is True, "Material's instant navigation did not handle the link"
    section = page.locator(".sk-practice")
    configure(section, mode="practice", chapters=("nerves",))
    assert len(shown_questions(section)) == 3
    assert watch.page_errors == [] and watch.console_errors == []


def test_hostile_text_in_the_bank_stays_text(page: Any, server: Server) -> None:
    page.add_init_script(
        "Object.defineProperty(window, '__xss', {set() { window.__xssRan = true; }, get() { return undefined; }})"
    )
    section = open_practice(page, server)
    configure(section, mode="practice", chapters=("xss",))
    q = run_question(section, "img-onerror")
    choose(q, "a")
    q.get_by_role("button", name="Check").click()
    run = section.locator(".sk-practice__run")
    assert '<img src=x onerror="window.__xss=1">' in run.inner_text()
    assert run.locator("img, script, iframe, svg, object").count() == 0
    assert [str(a) for a in run.locator("a").evaluate_all("els => els.map(a => a.protocol)")] == ["http:"]
    page.wait_for_timeout(300)
    assert page.evaluate("window.__xssRan === true") is False


# ---------------------------------------------------------------- accessibility


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1366, 390])
def test_axe_finds_no_serious_issue_on_the_practice_page(browser: Any, server: Server, scheme: str, width: int) -> None:
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        section = open_practice(page, server)
        assert serious(page) == [], "setup"
        configure(section, mode="practice", chapters=("nerves",))
        q = run_question(section, "facet-supply")
        choose(q, "c")
        q.get_by_role("button", name="Check").click()
        assert serious(page) == [], "a practice question with feedback"
        section.get_by_role("button", name="Finish").click()
        section.get_by_role("button", name="New session").click()
        configure(section, mode="exam", chapters=("nerves", "heat"), limit="10")
        choose(run_question(section, "facet-supply"), "b")
        section.get_by_role("button", name="Finish the exam").click()
        expect(section.locator(".sk-practice__result")).to_be_visible()
        assert serious(page) == [], "the exam result"
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, "nothing wider than the screen"
    finally:
        context.close()
