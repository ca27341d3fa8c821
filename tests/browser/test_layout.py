"""Every page of the shipped site on a phone (390 px) and a laptop (1366 px), light and dark: axe-core finds no
serious or critical issue, no table is wider than the screen outside a focusable scroll region, callouts, tables
and quiz answers are set at a readable size, and the "Back to top" button leaves the text uncovered.

One browser context per width and palette, reused across the pages, keeps the run short (and see FULL_AXE).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import Server, serious

pytestmark = pytest.mark.browser

WIDTHS = {"phone": 390, "laptop": 1366}
# axe is most of this file's run time (several seconds a page on two cores). Every page gets the full axe run at
# both widths and in both palettes through two pairings (phone/light, laptop/dark); the other two pairings run it
# on every third page, so each template still meets each pairing. Tables and type are measured everywhere.
FULL_AXE = {(390, "light"), (1366, "dark")}
SAMPLE_EVERY = 3

MEASURE = """() => {
  const problems = [];
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width + 1) {
    problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth} px in ${width} px)`);
  }
  for (const table of document.querySelectorAll("article table")) {
    const region = table.closest(".sk-table");
    const box = table.getBoundingClientRect();
    if (!region) {
      if (box.width > width) problems.push(`a ${Math.round(box.width)} px table has no scroll region`);
      continue;
    }
    const name = region.getAttribute("aria-label");
    if (region.getAttribute("role") !== "region" || region.tabIndex !== 0 || !name) {
      problems.push(`the region around a table is not a focusable, named region: ${region.outerHTML.slice(0, 120)}`);
    }
    const outer = region.getBoundingClientRect();
    if (outer.left < -1 || outer.right > width + 1) problems.push(`region "${name}" reaches past the screen`);
    if (region.scrollWidth > region.clientWidth + 1 && getComputedStyle(region).overflowX !== "auto") {
      problems.push(`region "${name}" clips its table without scrolling`);
    }
  }
  return problems;
}"""

TYPE_SIZES = """() => {
  const body = parseFloat(getComputedStyle(document.querySelector("article")).fontSize);
  const small = [];
  const texts = "article :is(.admonition, details, table) :is(p, li, td, th, summary, .admonition-title)";
  for (const el of document.querySelectorAll(texts)) {
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < 14 || size < body - 2.5) small.push(`${el.tagName}.${el.className} ${size}px (body ${body}px)`);
  }
  return small;
}"""


def site_pages(site: Path) -> list[str]:
    """Site-relative URL of every page a student can open (redirect stubs left for moved pages excepted)."""
    pages = []
    for file in sorted(site.rglob("index.html")):
        if 'http-equiv="refresh"' in file.read_text(encoding="utf-8"):
            continue
        rel = file.relative_to(site).parent.as_posix()
        pages.append("" if rel == "." else rel + "/")
    return pages


@pytest.fixture(scope="module", params=[(w, s) for w in WIDTHS for s in ("light", "dark")], ids=lambda p: "-".join(p))
def viewed(request: pytest.FixtureRequest, browser: Any) -> Iterator[tuple[Any, int, str]]:
    width = WIDTHS[request.param[0]]
    ctx = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=request.param[1])
    page = ctx.new_page()
    yield page, width, request.param[1]
    ctx.close()


def test_every_page_passes_axe_and_keeps_tables_and_type_readable(
    viewed: tuple[Any, int, str], site_server: Server, built_site: Path
) -> None:
    page, width, scheme = viewed
    pages = site_pages(built_site)
    assert len(pages) >= 20
    problems: list[str] = []
    full = (width, scheme) in FULL_AXE
    for index, path in enumerate(pages):
        page.goto(site_server.url + path, wait_until="load")
        if full or index % SAMPLE_EVERY == 0:
            problems += [f"{path or '/'}: {p}" for p in serious(page)]
        problems += [f"{path or '/'}: {p}" for p in page.evaluate(MEASURE)]
        problems += [f"{path or '/'}: small type {p}" for p in page.evaluate(TYPE_SIZES)]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_wide_table_scrolls_by_keyboard_and_shows_it_can(browser: Any, site_server: Server, scheme: str) -> None:
    # at phone width, where tables are wider than the screen (a laptop shows them whole: nothing to scroll)
    ctx = browser.new_context(viewport={"width": WIDTHS["phone"], "height": 800}, color_scheme=scheme)
    try:
        _wide_table_scrolls(ctx.new_page(), site_server)
    finally:
        ctx.close()


def _wide_table_scrolls(page: Any, site_server: Server) -> None:
    page.goto(site_server.url + "foundations/anticoagulation/", wait_until="load")
    regions = page.locator("article .sk-table")
    wide = [i for i in range(regions.count()) if regions.nth(i).evaluate("r => r.scrollWidth > r.clientWidth + 1")]
    assert wide, "a table on this page is wider than a phone"
    region = regions.nth(wide[0])
    region.focus()
    assert region.evaluate("r => document.activeElement === r")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("r => r.scrollLeft > 0", arg=region.element_handle())
    image = region.evaluate("r => getComputedStyle(r).backgroundImage")
    assert image.count("gradient(") == 4, "the scroll cue (shadows at a clipped edge) is drawn"


def test_the_quiz_hub_fits_a_360_px_screen(browser: Any, site_server: Server) -> None:
    ctx = browser.new_context(viewport={"width": 360, "height": 740})
    page = ctx.new_page()
    page.goto(site_server.url + "quizzes/", wait_until="load")
    hub = page.locator(".sk-quiz-index .sk-table").first
    assert hub.evaluate("r => r.scrollWidth <= r.clientWidth + 1"), "the hub needs no sideways scrolling"
    for header in ("Quiz", "Your progress"):
        cell = page.locator(".sk-quiz-index th", has_text=header).first
        box = cell.bounding_box()
        assert cell.is_visible() and box is not None and box["x"] + box["width"] <= 360, header
    ctx.close()


TEXT_UNDER = """(button) => {
  const b = button.getBoundingClientRect();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const covered = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const chrome = node.parentElement.closest(".md-top, .md-header, .md-sidebar, .md-search");
    if (!node.textContent.trim() || chrome) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width > 1 && r.right > b.left && r.left < b.right && r.bottom > b.top && r.top < b.bottom) {
        covered.push(node.textContent.trim().slice(0, 40));
        break;
      }
    }
  }
  return covered;
}"""


def show_back_to_top(page: Any, y: int, back: int) -> Any:
    """Scroll to `y` from `back` px further down: the theme shows the button while the reader scrolls back up."""
    page.evaluate(f"window.scrollTo(0, {y + back})")
    page.wait_for_timeout(150)
    page.mouse.wheel(0, -back)
    button = page.locator(".md-top")
    button.wait_for(state="visible")
    page.wait_for_timeout(300)  # its fade-in
    return button


def test_back_to_top_covers_no_text(viewed: tuple[Any, int, str], site_server: Server) -> None:
    page, width, _scheme = viewed
    page.goto(site_server.url + "procedures/spinal-cord-stimulation/", wait_until="load")
    page.mouse.move(width // 2, 400)
    height = int(page.evaluate("document.documentElement.scrollHeight"))
    # On a laptop it sits beside the page, so at every scroll position; on a phone, at the end of the page,
    # where room is left for it (and focus never scrolls under it).
    places = [height * i // 5 for i in range(1, 5)] if width > 1300 else []
    for y, back in [*((y, 300) for y in places), (height, 2)]:
        button = show_back_to_top(page, y, back)
        assert button.evaluate(TEXT_UNDER) == [], f"text under the button at scroll {y}"
    assert button.evaluate("b => b.textContent.trim()") == "Back to top", "its accessible name is kept"
