"""The example course, the instructors page and printing, in Chromium on the shipped site: the course page's
progress, its printed handout (questions, flashcard terms, answer key), a printed chapter (no navigation, the
figures, the quiz followed by its answer key, the references), the downloads the instructors page lists, and
axe-core on both pages. Printing is read back from the PDF with pypdf. Screenshots go to docs/screenshots/."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from studykit.courses.plan import find_course
from studykit.exports.files import downloads
from studykit.pipeline import check_project

from ..conftest import ROOT
from .conftest import Server, expect, serious, serve_directory

pytestmark = pytest.mark.browser

COURSE = "courses/two-week-revision/"
CHAPTER = "procedures/facet-joint-injections/"
SHOTS = ROOT / "docs" / "screenshots"
# Material's sidebar, scrolled to the current page in a short window, puts a nav link under its sticky title, which
# axe reports as target-size on every page of the guide at 1366x900 (not this feature's markup): judged elsewhere.
SIDEBAR = ".md-sidebar--primary"


@pytest.fixture(scope="module")
def server(built_site: Path, browser: Any) -> Iterator[Server]:
    served = serve_directory(built_site)
    yield served
    served._httpd.shutdown()


def pdf_text(page: Any) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    return len(reader.pages), "\n".join(p.extract_text() for p in reader.pages)


def test_course_page_shows_the_plan_and_the_students_progress(page: Any, server: Server) -> None:
    page.goto(server.url + COURSE, wait_until="networkidle")
    course = page.locator(".sk-course[data-ready]")
    expect(course).to_be_visible()
    steps = page.locator(".sk-course__item")
    assert steps.count() == 16
    expect(page.locator(".sk-course__progress")).to_have_text("Your progress: 0 of 16 steps done")
    first = steps.nth(0)
    assert first.locator("a").evaluate("a => a.href") == server.url + "foundations/introduction/"
    expect(first.locator(".sk-course__due time")).to_have_attribute("datetime", "2027-01-11")
    section = page.locator('.sk-course__item[data-kind="section"] a')
    assert section.evaluate("a => a.href") == server.url + "foundations/anticoagulation/#procedure-risk-categories"
    # the student reads the first chapter and answers one of the picked questions elsewhere in the guide
    page.evaluate(
        """() => {
        const s = window.studykit.store;
        s.set("studykit:study", {v: 1, read: {introduction: Date.now()}, saved: {}, last: null, days: []});
        s.set("studykit:results", {v: 1, q: {"risks-and-complications/risk-pdph": {ok: true, at: Date.now(), h: "x"}}});
    }"""
    )
    page.reload(wait_until="networkidle")
    expect(page.locator(".sk-course__progress")).to_have_text("Your progress: 1 of 16 steps done")
    expect(steps.nth(0)).to_have_attribute("data-state", "done")
    picked = page.locator('.sk-course__item[data-course-quiz="risks-and-complications"] .sk-course__state')
    expect(picked).to_have_text(" · 1 of 5 answered")
    expect(page.locator(".sk-course__print")).to_be_visible()
    page.set_viewport_size({"width": 390, "height": 900})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing wider than a phone
    page.screenshot(path=str(SHOTS / "course-390.png"))
    page.set_viewport_size({"width": 1366, "height": 900})
    page.reload(wait_until="networkidle")
    page.screenshot(path=str(SHOTS / "course-1366.png"))
    assert serious(page, exclude=(SIDEBAR,)) == []


def test_course_prints_as_a_handout_with_questions_terms_and_an_answer_key(page: Any, server: Server) -> None:
    page.goto(server.url + COURSE, wait_until="networkidle")
    pages, text = pdf_text(page)
    assert 3 <= pages <= 60
    assert "Two-week revision for final-year students" in text
    assert "Step 5. Questions: Risks and complications" in text
    source = find_course(check_project(ROOT).catalog, "two-week-revision")
    assert source is not None
    assert text.count("Answer key:") == sum(1 for item in source.course.items if item.quiz)  # one per quiz step
    assert "Start here. Learn the IASP definitions" in text  # the instructor's notes
    assert "Your progress" not in text and "Print the handout" not in text
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 794, "height": 1123})  # an A4 page at 96 dpi
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.locator(".sk-course__handout")).to_be_visible()
    page.screenshot(path=str(SHOTS / "course-handout-page1.png"))


def test_a_chapter_prints_with_figures_its_quiz_then_the_answer_key_and_references(page: Any, server: Server) -> None:
    page.goto(server.url + CHAPTER, wait_until="networkidle")
    pages, text = pdf_text(page)
    assert 4 <= pages <= 40
    quiz_at, key_at, refs_at = text.find("Check your understanding"), text.find("Answer key:"), text.rfind("References")
    assert 0 < quiz_at < key_at < refs_at, ("questions, then the answer key, then the references", text[quiz_at:])
    assert "Show the answer" not in text  # the on-screen answers are replaced by the key
    assert "Invasive versus non-invasive care" not in text  # a navigation entry: no navigation is printed
    page.emulate_media(media="print")
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.locator(".sk-answer-key")).to_be_visible()
    figure = page.locator("article figure").first
    expect(figure).to_be_visible()
    assert figure.bounding_box()["height"] > 50
    page.emulate_media(media="screen")
    expect(page.locator(".sk-answer-key")).to_be_hidden()


def test_instructors_page_lists_every_download_with_its_licence(page: Any, server: Server, built_site: Path) -> None:
    expected = {download.path for download in downloads(check_project(ROOT).catalog)}
    page.goto(server.url + "instructors/", wait_until="networkidle")
    links = page.locator(".sk-downloads__files a")
    hrefs = [str(h) for h in links.evaluate_all("links => links.map(a => new URL(a.href).pathname.slice(1))")]
    assert set(hrefs) == expected
    for href in hrefs:
        assert (built_site / href).is_file()
    response = page.request.get(server.url + "downloads/references.bib")
    assert response.ok and b"@article{" in response.body()
    expect(page.locator(".sk-downloads__attribution")).to_contain_text("licensed under CC BY 4.0")
    page.set_viewport_size({"width": 390, "height": 900})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.set_viewport_size({"width": 1366, "height": 900})
    assert serious(page, exclude=(SIDEBAR,)) == []
