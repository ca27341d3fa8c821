"""Figures in Chromium: inline drawings follow the palette, the page stays accessible, Enlarge works by keyboard,
nothing is fetched from another origin, and every figure of the shipped site fits a phone and a desktop.

Screenshots of the shipped figures (390 and 1366 px wide, light and dark) go to a temporary folder; with
UPDATE_SCREENSHOTS=1 they are written to docs/screenshots/figures/ instead, to be reviewed and committed:
`UPDATE_SCREENSHOTS=1 .venv/bin/python -m pytest tests/browser/test_figures.py -k screenshots`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from studykit.pipeline import render_unchecked

from .conftest import Server, expect, serious, serve_directory, watch_page

pytestmark = pytest.mark.browser

TESTS = Path(__file__).resolve().parent.parent
FIXTURE = TESTS / "sites" / "figures"
SCREENSHOTS = TESTS.parent / "docs" / "screenshots" / "figures"
WIDTHS = (390, 1366)
SCHEMES = ("light", "dark")
MIN_LABEL_PX = 13  # the smallest label a student can read on a phone (figures/preview.py uses the same bar)
# The on-screen size of a figure's smallest label: its font size in viewBox units times the drawing's scale.
SMALLEST_LABEL = """figure => {
  const svg = figure.querySelector('svg');
  if (!svg || !svg.viewBox.baseVal || !svg.viewBox.baseVal.width) return null;
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const sizes = Array.from(svg.querySelectorAll('text')).map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
  return sizes.length ? Math.min(...sizes) : null;
}"""


def figure_pages(root: Path) -> list[str]:
    """The built site's pages that show at least one figure, as URL paths."""
    pages = sorted(
        path.parent.relative_to(root).as_posix()
        for path in root.rglob("index.html")
        if 'class="sk-figure"' in path.read_text(encoding="utf-8")
    )
    assert pages, "the shipped site shows no figure: place the drawings from content/figures/ in their pages"
    return pages


@pytest.fixture(scope="module")
def figure_server(tmp_path_factory: pytest.TempPathFactory, browser: Any) -> Iterator[Server]:
    out = tmp_path_factory.mktemp("figures-browser") / "site"
    assert [d.text() for d in render_unchecked(FIXTURE, out)] == []
    server = serve_directory(out)
    yield server
    server._httpd.shutdown()


def open_page(browser: Any, server: Server, scheme: str, width: int = 1366) -> tuple[Any, Any]:
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 900})
    page = context.new_page()
    watch = watch_page(page, server.url)
    page.goto(server.url + "topics/spine/", wait_until="networkidle")
    page.wait_for_selector("figure.sk-figure[data-ready]")
    return context, watch


def fill_of(page: Any, selector: str) -> str:
    return str(page.locator(selector).first.evaluate("el => getComputedStyle(el).fill"))


@pytest.mark.parametrize("scheme", SCHEMES)
def test_figures_are_accessible_and_fetch_nothing_from_another_origin(
    browser: Any, figure_server: Server, scheme: str
) -> None:
    context, watch = open_page(browser, figure_server, scheme)
    try:
        page = context.pages[0]
        assert serious(page) == []
        assert watch.foreign_requests == [] and watch.page_errors == [] and watch.console_errors == []
        svg = page.locator("#fig-routes svg")
        assert svg.get_attribute("role") == "img"
        assert svg.get_attribute("aria-label", timeout=1000).startswith("A cross-section of a vertebra")
        assert page.locator("#fig-routes--desc").count() == 1  # the long description, named by aria-describedby
    finally:
        context.close()


def test_drawings_follow_the_reader_s_palette(browser: Any, figure_server: Server) -> None:
    fills = {}
    for scheme in SCHEMES:
        context, _watch = open_page(browser, figure_server, scheme)
        try:
            page = context.pages[0]
            fills[scheme] = (fill_of(page, "#fig-routes .fig-bone"), fill_of(page, "#fig-routes text.fig-ink"))
        finally:
            context.close()
    assert fills["light"] == ("rgb(239, 226, 196)", "rgb(31, 41, 51)")  # figures.css, light
    assert fills["dark"] == ("rgb(94, 83, 64)", "rgb(230, 233, 237)")  # figures.css, slate


def test_enlarge_opens_a_dialog_by_keyboard_and_esc_returns_focus(browser: Any, figure_server: Server) -> None:
    context, watch = open_page(browser, figure_server, "light")
    try:
        page = context.pages[0]
        button = page.locator("#fig-levels .sk-figure__zoom")
        assert button.get_attribute("aria-label") == "Enlarge Figure 2"
        inline = page.locator("#fig-levels svg").bounding_box()
        button.focus()
        page.keyboard.press("Enter")
        dialog = page.locator("dialog.sk-figure-dialog[open]")
        assert dialog.get_attribute("aria-label") == "Figure 2, enlarged"
        assert dialog.locator("svg[role=img]").count() == 1 and page.locator("#fig-levels svg").count() == 0
        assert page.evaluate("document.activeElement.textContent") == "Close"
        wide = dialog.locator("svg").bounding_box()
        assert inline is not None and wide is not None and wide["width"] > 1.5 * inline["width"]  # really larger
        assert serious(page) == []
        dialog.locator(".sk-figure-dialog__close").focus()
        page.keyboard.press("Escape")
        expect(page.locator("dialog.sk-figure-dialog")).to_have_count(0)  # closing runs on the dialog's events
        expect(page.locator("#fig-levels svg")).to_have_count(1)  # the drawing is back in its figure
        assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Enlarge Figure 2"
        button.click()
        page.locator(".sk-figure-dialog__close").click()
        expect(page.locator("dialog.sk-figure-dialog")).to_have_count(0)
        assert watch.page_errors == []
    finally:
        context.close()


def test_screenshots_of_every_shipped_figure_fit_a_phone_and_a_desktop(
    browser: Any, site_server: Server, tmp_path: Path
) -> None:
    folder = SCREENSHOTS if os.environ.get("UPDATE_SCREENSHOTS") == "1" else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    pages = figure_pages(site_server.root)
    shots = 0
    small: list[tuple[float, str]] = []
    for scheme in SCHEMES:
        for width in WIDTHS:
            context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 900})
            try:
                page = context.new_page()
                watch = watch_page(page, site_server.url)
                for url in pages:
                    page.goto(site_server.url + url + "/", wait_until="networkidle")
                    # polled: on a busy machine the first layout can run before the stylesheets have applied
                    page.wait_for_function("document.documentElement.scrollWidth <= window.innerWidth", timeout=10_000)
                    page.add_style_tag(content=".md-header { visibility: hidden; }")  # fixed: it would overlay a shot
                    for figure in page.locator("figure.sk-figure").all():
                        anchor = str(figure.get_attribute("id"))
                        box = figure.bounding_box()
                        assert box is not None and box["width"] <= width, (url, anchor, width)
                        assert figure.locator("svg, img").first.is_visible(), (url, anchor)
                        smallest = figure.evaluate(SMALLEST_LABEL)
                        if smallest is not None:
                            small.append((smallest, f"{url}#{anchor} at {width} px"))
                        name = re.sub(r"[^a-z0-9-]+", "-", anchor.removeprefix("fig-"))
                        # scrolled clear of the top edge first: a shot of a figure flush with it can lose a row
                        figure.evaluate("f => window.scrollTo(0, f.getBoundingClientRect().top + scrollY - 60)")
                        figure.screenshot(path=str(folder / f"{name}-{width}-{scheme}.png"))
                        shots += 1
                assert watch.foreign_requests == [], watch.foreign_requests
            finally:
                context.close()
    assert shots >= len(pages) * len(WIDTHS) * len(SCHEMES)
    illegible = sorted({f"{where}: {px:.1f} px" for px, where in small if px < MIN_LABEL_PX})
    assert small and not illegible, f"labels under {MIN_LABEL_PX} px on screen: {illegible}"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_shipped_page_with_a_figure_has_no_serious_accessibility_finding(
    browser: Any, site_server: Server, scheme: str
) -> None:
    """axe-core on the whole of each page, at phone width where most students read (about a minute a palette;
    the fixture page above is checked at desktop width)."""
    pages = figure_pages(site_server.root)
    context = browser.new_context(color_scheme=scheme, viewport={"width": 390, "height": 900})
    try:
        page = context.new_page()
        found = {}
        for url in pages:
            page.goto(site_server.url + url + "/", wait_until="networkidle")
            page.wait_for_selector("figure.sk-figure[data-ready]")
            findings = serious(page)
            if findings:
                found[url] = findings
        assert found == {}
    finally:
        context.close()
