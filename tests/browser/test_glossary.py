"""Glossary tooltips in Chromium: hover, keyboard focus, Escape, tap; placement; screen-reader wiring; axe-core.

Runs against the fixture site tests/sites/glossary, built once for this module.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ..test_glossary_extension import copy_fixture
from .conftest import Server, serve_directory, watch_page

pytestmark = pytest.mark.browser

TOPIC = "topics/ablation/"
FIRST_LINK = 'a[data-term="radiofrequency-ablation"]'
SHORT = "Heat lesioning of a sensory nerve with radiofrequency current to stop it carrying pain signals."


@pytest.fixture(scope="module")
def glossary_server(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    from studykit.pipeline import build_project

    root = copy_fixture(tmp_path_factory.mktemp("glossary-browser"))
    result = build_project(root, root / "site")
    assert result.built, "\n".join(d.text() for d in result.diagnostics)
    server = serve_directory(root / "site")
    yield server
    server._httpd.shutdown()


def tooltip_of(page: Any, link: Any) -> Any:
    describedby = link.get_attribute("aria-describedby")
    assert describedby, "the link is not wired to its tooltip with aria-describedby"
    return page.locator(f"#{describedby}")


def boxes_overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


def open_topic(page: Any, server: Server) -> Any:
    page.goto(server.url + TOPIC, wait_until="networkidle")
    link = page.locator(FIRST_LINK).first
    page.wait_for_function("document.querySelector('a[data-term]').hasAttribute('aria-describedby')")
    return link


def test_tooltip_is_wired_for_screen_readers(page: Any, glossary_server: Server) -> None:
    watch = watch_page(page, glossary_server.url)
    link = open_topic(page, glossary_server)
    tip = tooltip_of(page, link)
    assert tip.get_attribute("role") == "tooltip"
    assert tip.text_content() == SHORT
    assert not tip.is_visible()  # present for aria-describedby, shown only on demand
    links = page.locator("a[data-term][data-short]").count()
    assert page.locator(".sk-tip").count() == links  # one tooltip per link, each initialised once
    assert watch.console_errors == [] and watch.page_errors == []
    assert watch.foreign_requests == []


def test_hover_shows_the_tooltip_beside_the_link_and_leaving_hides_it(page: Any, glossary_server: Server) -> None:
    link = open_topic(page, glossary_server)
    tip = tooltip_of(page, link)
    link.hover()
    tip.wait_for(state="visible")
    assert not boxes_overlap(link.bounding_box(), tip.bounding_box()), "the tooltip covers its link"
    page.mouse.move(5, 5)
    tip.wait_for(state="hidden")


def test_tooltip_flips_above_a_link_near_the_bottom_and_never_covers_it(page: Any, glossary_server: Server) -> None:
    page.set_viewport_size({"width": 800, "height": 500})
    open_topic(page, glossary_server)
    selector = 'a[data-term="local-anaesthetic"]'  # the last term link on the page
    page.evaluate(
        """(selector) => { const a = document.querySelector(selector);
                           window.scrollBy(0, a.getBoundingClientRect().bottom - window.innerHeight + 4); }""",
        selector,
    )
    link = page.locator(selector)
    link_box = link.bounding_box()
    assert link_box["y"] + link_box["height"] > 500 - 40, "the link is not near the bottom of the viewport"
    # the pointer goes to the link where it is: locator.hover() may scroll it first, away from the bottom
    page.mouse.move(link_box["x"] + link_box["width"] / 2, link_box["y"] + link_box["height"] / 2)
    tip = tooltip_of(page, link)
    tip.wait_for(state="visible")
    tip_box = tip.bounding_box()
    assert tip.get_attribute("data-side") == "above"
    assert tip_box["y"] + tip_box["height"] <= link_box["y"]
    assert not boxes_overlap(link_box, tip_box)
    assert tip_box["x"] >= 0 and tip_box["x"] + tip_box["width"] <= 800


def test_keyboard_focus_shows_the_tooltip_and_escape_hides_it(page: Any, glossary_server: Server) -> None:
    link = open_topic(page, glossary_server)
    tip = tooltip_of(page, link)
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('a[data-term]')"):
            break
    else:
        pytest.fail("Tab never reached a term link")
    focused = page.locator(":focus")
    assert focused.get_attribute("data-term") == "radiofrequency-ablation"
    tip.wait_for(state="visible")
    assert not boxes_overlap(link.bounding_box(), tip.bounding_box())
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden")
    assert page.evaluate("document.activeElement.dataset.term") == "radiofrequency-ablation"  # focus stays
    page.keyboard.press("Tab")  # moving on and back shows it again
    page.keyboard.press("Shift+Tab")
    tip.wait_for(state="visible")


def test_tap_on_a_touch_screen_shows_the_tooltip_then_a_second_tap_follows_the_link(
    browser: Any, glossary_server: Server
) -> None:
    context = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        link = open_topic(page, glossary_server)
        tip = tooltip_of(page, link)
        link.tap()
        tip.wait_for(state="visible")
        assert page.url == glossary_server.url + TOPIC  # the first tap did not navigate
        assert not boxes_overlap(link.bounding_box(), tip.bounding_box())
        box = tip.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, "the tooltip leaves a phone screen"
        page.touchscreen.tap(5, 700)  # tapping elsewhere closes it
        tip.wait_for(state="hidden")
        link.tap()
        tip.wait_for(state="visible")
        link.tap()
        page.wait_for_url("**/glossary/#term-radiofrequency-ablation")
    finally:
        context.close()


def test_without_javascript_the_link_goes_to_the_glossary_entry(browser: Any, glossary_server: Server) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(glossary_server.url + "topics/deep/nested/")
        page.locator('a[data-term="post-dural-puncture-headache"]').click()
        page.wait_for_url("**/glossary/#term-post-dural-puncture-headache")
        assert page.locator("#term-post-dural-puncture-headache").inner_text().startswith("Post-dural")
    finally:
        context.close()


def test_tooltips_work_after_instant_navigation(page: Any, glossary_server: Server) -> None:
    watch = watch_page(page, glossary_server.url)
    page.goto(glossary_server.url, wait_until="networkidle")
    page.locator("article a", has_text="the ablation topic").click()
    page.wait_for_url("**/" + TOPIC)
    link = page.locator(FIRST_LINK).first
    page.wait_for_function(
        "document.querySelector('a[data-term=\"radiofrequency-ablation\"]')?.hasAttribute('aria-describedby')"
    )
    assert page.evaluate("document.querySelectorAll('script[src*=glossary]').length") == 1  # no full reload
    link.hover()
    tooltip_of(page, link).wait_for(state="visible")
    assert page.locator(".sk-tip").count() == page.locator("a[data-term][data-short]").count()
    assert watch.page_errors == []


def serious_violations(page: Any) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:5]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["glossary/", TOPIC])
def test_axe_finds_no_serious_issue(browser: Any, glossary_server: Server, path: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(glossary_server.url + path, wait_until="networkidle")
        link = page.locator("a[data-term]").first
        if path == TOPIC:  # audit the page with a tooltip open, so its colours are checked too
            link.hover()
            tooltip_of(page, link).wait_for(state="visible")
        problems = serious_violations(page)
        assert problems == [], f"axe-core on {path} ({scheme}): {problems}"
    finally:
        context.close()


def test_the_studykit_glossary_assets_are_small(glossary_server: Server) -> None:
    import gzip

    site = Path(glossary_server.root)
    sizes = {
        name: len(gzip.compress((site / "assets" / "studykit" / name).read_bytes()))
        for name in ("glossary.js", "glossary.css")
    }
    assert sum(sizes.values()) < 5 * 1024, sizes  # the glossary's share of the 15 KB studykit budget
