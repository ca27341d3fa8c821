"""The study tools in Chromium, as a student uses them: mark a chapter read, save it, continue from the home page,
carry progress to another browser with export and import, and refuse a bad file without changing anything.

The fixture project tests/sites/study (three chapters, two quizzes, a home and a progress page) is rendered and
served on a local port, its sitemap rewritten to that origin so Material's instant navigation is active.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from studykit.pipeline import render_unchecked
from studykit.study.export import ProgressExport

from .conftest import Server, expect, serious, serve_directory

pytestmark = pytest.mark.browser

FIXTURE = Path(__file__).resolve().parent.parent / "sites" / "study"
FIXTURE_ORIGIN = "https://study-fixture.example/"
STUDY = "studykit:study"


@pytest.fixture(scope="module")
def study_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("study-browser") / "site"
    assert [d.text() for d in render_unchecked(FIXTURE, out)] == []
    return out


@pytest.fixture(scope="module")
def server(study_site: Path, browser: Any) -> Iterator[Server]:
    served = serve_directory(study_site)
    sitemap = study_site / "sitemap.xml"
    sitemap.write_text(sitemap.read_text(encoding="utf-8").replace(FIXTURE_ORIGIN, served.url), encoding="utf-8")
    yield served
    served._httpd.shutdown()


# ---------------------------------------------------------------- helpers


def open_ready(page: Any, server: Server, path: str, selector: str) -> None:
    page.goto(server.url + path, wait_until="networkidle")
    page.wait_for_selector(f"{selector}[data-ready]")


def stored(page: Any) -> dict[str, Any]:
    """Every studykit key in this browser's storage, parsed."""
    raw = page.evaluate(
        "Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith('studykit:'))"
        ".map(k => [k, localStorage.getItem(k)]))"
    )
    return {key: json.loads(value) for key, value in raw.items()}


def progress_rows(page: Any) -> list[str]:
    return [" | ".join(row.split("\t")) for row in page.locator(".sk-progress tbody tr").all_inner_texts()]


def answer(page: Any, quiz: str, question: str, key: str) -> None:
    q = page.locator(f'[data-quiz="{quiz}"] [data-question="{question}"]')
    q.locator(f'.sk-choice[data-choice="{key}"] input').check()
    q.locator(".sk-question__check").click()


def import_file(page: Any, path: Path) -> str:
    page.locator(".sk-progress__file").set_input_files(str(path))
    status = page.locator(".sk-progress__status")
    expect(status).not_to_be_empty()
    return str(status.inner_text()).strip()


def export_file(page: Any, folder: Path) -> Path:
    with page.expect_download() as info:
        page.locator(".sk-progress__export").click()
    target = folder / "export.json"
    info.value.save_as(str(target))
    return target


# ---------------------------------------------------------------- the study bar and the home


def test_the_study_bar_marks_read_and_saves_and_both_survive_a_reload(page: Any, server: Server) -> None:
    open_ready(page, server, "basics/heat/", ".sk-studybar")
    bar = page.locator(".sk-studybar")
    assert str(bar.locator(".sk-studybar__facts").inner_text()).startswith("Chapter 2 of 3 · ")
    read = bar.get_by_role("button", name="Mark as read")
    save = bar.get_by_role("button", name="Save for later")
    expect(read).to_have_attribute("aria-pressed", "false")
    read.click()
    save.click()
    expect(read).to_have_attribute("aria-pressed", "true")
    page.reload(wait_until="networkidle")
    page.wait_for_selector(".sk-studybar[data-ready]")
    expect(read).to_have_attribute("aria-pressed", "true")
    expect(save).to_have_attribute("aria-pressed", "true")
    save.press("Enter")  # keyboard toggles too
    expect(save).to_have_attribute("aria-pressed", "false")
    data = stored(page)[STUDY]
    assert list(data["read"]) == ["heat"] and data["saved"] == {}
    bar.get_by_role("link", name="Jump to quiz").click()
    expect(page.locator("#check-your-understanding")).to_be_in_viewport()


def test_the_home_offers_chapter_one_then_continues_where_the_student_left_off(page: Any, server: Server) -> None:
    open_ready(page, server, "", ".sk-home")
    start = page.locator(".sk-home__start")
    expect(start).to_have_text("Start with chapter 1: Nerves")
    expect(page.locator(".sk-chapter__progress").first).to_be_hidden()
    page.locator('.sk-chapter[data-study="safety"] a').click()  # instant navigation, no reload
    page.wait_for_selector('.sk-studybar[data-study="safety"][data-ready]')
    page.locator(".sk-studybar__read").click()
    page.go_back(wait_until="networkidle")
    page.wait_for_selector(".sk-home[data-ready]")
    expect(start).to_have_text("Continue: Safety")
    start.click()
    page.wait_for_selector('.sk-studybar[data-study="safety"][data-ready]')
    assert page.url == server.url + "practice-area/safety/"
    page.goto(server.url, wait_until="networkidle")
    expect(page.locator('.sk-chapter[data-study="safety"] .sk-chapter__progress')).to_have_text("Read")


# ---------------------------------------------------------------- the progress page


def make_progress(page: Any, server: Server) -> None:
    open_ready(page, server, "basics/nerves/", ".sk-studybar")
    page.locator(".sk-studybar__read").click()
    page.locator(".sk-studybar__save").click()
    answer(page, "nerves", "tip", "a")
    answer(page, "nerves", "recover", "false")  # quiz complete: 1 of 2, a best score
    open_ready(page, server, "basics/heat/", ".sk-studybar")
    answer(page, "heat", "tip", "b")


def test_progress_lists_chapters_totals_and_saved_pages(page: Any, server: Server) -> None:
    make_progress(page, server)
    open_ready(page, server, "progress/", ".sk-progress")
    assert progress_rows(page) == [
        "1. Nerves | Read | 2 of 2 | 50%",
        "2. Heat | Not yet | 1 of 2 | –",
        "3. Safety | Not yet | – | –",
    ]
    totals = str(page.locator(".sk-progress__totals").inner_text())
    assert totals.startswith("1 of 3 chapters read · 3 of 4 questions answered · study streak: 1 day")
    expect(page.locator(".sk-progress__saved li")).to_have_text(["1. Nerves"])


def test_export_then_import_into_a_fresh_browser_gives_the_same_progress(
    browser: Any, page: Any, server: Server, tmp_path: Path
) -> None:
    make_progress(page, server)
    open_ready(page, server, "progress/", ".sk-progress")
    before = progress_rows(page)
    file = export_file(page, tmp_path)
    exported = json.loads(file.read_text(encoding="utf-8"))
    ProgressExport.model_validate(exported)  # the file matches schemas/progress.schema.json's model
    assert exported["site"] == "Study fixture" and exported["data"] == stored(page)

    fresh = browser.new_context()
    try:
        other = fresh.new_page()
        open_ready(other, server, "progress/", ".sk-progress")
        assert progress_rows(other) != before
        message = import_file(other, file)
        assert message.startswith("Imported the progress exported on ")
        assert progress_rows(other) == before
        assert stored(other) == exported["data"]
        open_ready(other, server, "", ".sk-home")
        expect(other.locator(".sk-home__start")).to_have_text("Continue: Heat")
    finally:
        fresh.close()


def test_import_merges_keeping_the_newer_entry_and_the_best_score(page: Any, server: Server, tmp_path: Path) -> None:
    make_progress(page, server)
    open_ready(page, server, "progress/", ".sk-progress")
    mine = stored(page)
    last_at = mine[STUDY]["last"]["at"]
    theirs = {
        STUDY: {
            "v": 1,
            "read": {"safety": 5, "nerves": 1},
            "saved": {},
            "last": {"id": "safety", "url": "/x/", "title": "Safety", "at": last_at - 1000},  # older: not taken
            "days": ["2001-01-01"],
        },
        "studykit:quiz-best:nerves": {"s": 2, "t": 2},
        "studykit:quiz-best:heat": {"s": 0, "t": 2},
    }
    file = tmp_path / "other.json"
    file.write_text(
        json.dumps(
            {
                "format": "studykit-progress",
                "v": 1,
                "site": "Study fixture",
                "exported": "2001-01-01T00:00:00Z",
                "data": theirs,
            }
        ),
        encoding="utf-8",
    )
    import_file(page, file)
    merged = stored(page)
    assert merged[STUDY]["read"] == {"safety": 5, "nerves": mine[STUDY]["read"]["nerves"]}
    assert merged[STUDY]["last"] == mine[STUDY]["last"]
    assert merged[STUDY]["days"] == sorted({"2001-01-01", *mine[STUDY]["days"]})
    assert merged["studykit:quiz-best:nerves"] == {"s": 2, "t": 2}
    assert merged["studykit:quiz-best:heat"] == {"s": 0, "t": 2}
    assert progress_rows(page)[0] == "1. Nerves | Read | 2 of 2 | 100%"


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("{not json", "not a progress export"),
        (json.dumps({"hello": "world"}), "not a progress export"),
        (
            json.dumps({"format": "studykit-progress", "v": 1, "site": "Another guide", "exported": "x", "data": {}}),
            "“Another guide”, not for this guide",
        ),
        (
            json.dumps({"format": "studykit-progress", "v": 2, "site": "Study fixture", "exported": "x", "data": {}}),
            "newer version",
        ),
        (
            json.dumps(
                {
                    "format": "studykit-progress",
                    "v": 1,
                    "site": "Study fixture",
                    "exported": "x",
                    "data": {"studykit:quiz-best:heat": {"s": 1, "t": 2}, STUDY: {"v": 1, "read": []}},
                }
            ),
            "“studykit:study” is not in the expected format",
        ),
    ],
)
def test_a_bad_or_foreign_file_is_refused_with_a_message_and_nothing_changes(
    page: Any, server: Server, tmp_path: Path, content: str, says: str
) -> None:
    make_progress(page, server)
    open_ready(page, server, "progress/", ".sk-progress")
    before, rows = stored(page), progress_rows(page)
    file = tmp_path / "bad.json"
    file.write_text(content, encoding="utf-8")
    message = import_file(page, file)
    assert says in message and message.endswith("Nothing was changed.")
    assert stored(page) == before and progress_rows(page) == rows


def test_reset_asks_first_and_then_deletes_every_study_key(page: Any, server: Server) -> None:
    make_progress(page, server)
    open_ready(page, server, "progress/", ".sk-progress")
    before = stored(page)
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.locator(".sk-progress__reset").click()
    assert stored(page) == before
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(".sk-progress__reset").click()
    expect(page.locator(".sk-progress__status")).to_have_text("All study data in this browser was deleted.")
    assert stored(page) == {}
    assert progress_rows(page)[0] == "1. Nerves | Not yet | 0 of 2 | –"


def test_the_streak_counts_consecutive_days_up_to_today(page: Any, server: Server) -> None:
    open_ready(page, server, "progress/", ".sk-progress")
    page.evaluate(
        """() => {
          const day = n => { const d = new Date(); d.setDate(d.getDate() - n);
            return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' +
              String(d.getDate()).padStart(2, '0'); };
          localStorage.setItem('studykit:study', JSON.stringify({v: 1, read: {}, saved: {}, last: null,
            days: [day(5), day(2), day(1)]}));
        }"""
    )
    page.reload(wait_until="networkidle")
    page.wait_for_selector(".sk-progress[data-ready]")
    expect(page.locator(".sk-progress__totals")).to_contain_text("study streak: 2 days")


# ---------------------------------------------------------------- accessibility


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1366])
def test_axe_finds_no_serious_issue_on_home_chapter_or_progress(
    browser: Any, server: Server, scheme: str, width: int
) -> None:
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        make_progress(page, server)
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == (
            "slate" if scheme == "dark" else "default"
        )
        assert serious(page) == []
        for path, selector in (("", ".sk-home"), ("progress/", ".sk-progress")):
            open_ready(page, server, path, selector)
            assert serious(page) == [], path
            width_used = page.evaluate("document.documentElement.scrollWidth")
            assert width_used <= width, f"{path} scrolls sideways at {width} px"
    finally:
        context.close()
