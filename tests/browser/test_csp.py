"""The Content Security Policy in Chromium, and the theme when the browser's storage fails.

Every page of the shipped site loads with no policy violation and no request to another origin; a script added to
a page after the build is blocked. With storage blocked (reading `localStorage` throws SecurityError, as with
site data blocked) or holding corrupt values under the theme's keys, search, the palette toggle, instant
navigation and quizzes still work: the theme's inline storage helper is overridden to return "nothing stored"
instead of throwing (theme_overrides/partials/javascripts/base.html). The same holds under Zensical's theme.

The shipped site is copied and served with a sitemap naming the local origin, as a deployed build (SITE_URL set)
names its own: Material's instant navigation only intercepts links listed in the sitemap.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ..test_csp import build_zensical_fixture
from .conftest import PageWatch, Server, expect, serve_directory, watch_page

pytestmark = pytest.mark.browser

PROCEDURE = "procedures/radiofrequency-ablation/"
MATERIAL_KEYS = ("__palette", "__tabs", "__consent", "__announce")

COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`);
});
"""
BLOCK_STORAGE = """
for (const name of ["localStorage", "sessionStorage"]) {
  Object.defineProperty(window, name, {
    configurable: true,
    get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
  });
}
"""


def _store(values: dict[str, str]) -> str:
    """An init script that writes these raw strings into localStorage before the page's own scripts run."""
    writes = "".join(f"localStorage.setItem({key!r}, {value!r});" for key, value in values.items())
    return f"try {{ {writes} }} catch (error) {{ /* about:blank has no storage */ }}"


# The theme scopes its keys to the site root ("/" here): "/.__palette" and so on.
STORAGE = {
    "blocked": BLOCK_STORAGE,
    "not-json": _store({f"/.{key}": "{not json" for key in MATERIAL_KEYS} | {"studykit:seed": "{not json"}),
    "wrong-shape": _store(
        {
            "/.__palette": '{"index": "x", "color": 5}',
            "/.__tabs": '{"not": "a list"}',
            "/.__consent": '"yes"',
            "/.__announce": "[]",
            "studykit:seed": '"seed"',
        }
    ),
}


def _write_sitemap(root: Path, origin: str) -> None:
    urlset = ET.Element("urlset", xmlns="http://www.sitemaps.org/schemas/sitemap/0.9")
    for index in sorted(root.rglob("index.html")):
        folder = index.parent.relative_to(root).as_posix()
        ET.SubElement(ET.SubElement(urlset, "url"), "loc").text = origin + ("" if folder == "." else folder + "/")
    ET.ElementTree(urlset).write(root / "sitemap.xml", encoding="utf-8", xml_declaration=True)


@pytest.fixture(scope="module")
def server(built_site: Path, browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    root = tmp_path_factory.mktemp("csp-browser") / "site"
    shutil.copytree(built_site, root)
    served = serve_directory(root)
    _write_sitemap(root, served.url)
    yield served
    served._httpd.shutdown()


@pytest.fixture(scope="module")
def zensical_server(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    served = serve_directory(build_zensical_fixture(tmp_path_factory.mktemp("csp-zensical-browser")))
    yield served
    served._httpd.shutdown()


def pages_of(server: Server) -> list[str]:
    return sorted(file.relative_to(server.root).as_posix() for file in server.root.rglob("*.html"))


def violations(page: Any) -> list[str]:
    return list(page.evaluate("window.__cspViolations || []"))


def assert_clean(page: Any, watch: PageWatch, where: str) -> None:
    assert violations(page) == [], f"{where}: policy violations"
    assert watch.console_errors + watch.page_errors == [], f"{where}: console or page errors"
    assert watch.foreign_requests == [], f"{where}: requests left the site: {watch.foreign_requests}"


def toggle_palette(page: Any) -> None:
    before = page.get_attribute("body", "data-md-color-scheme")
    page.locator("form[data-md-component=palette] label:visible").first.click(timeout=5000)
    after = page.get_attribute("body", "data-md-color-scheme")
    assert {before, after} == {"default", "slate"}, f"the palette toggle did not switch: {before} -> {after}"


@pytest.mark.parametrize("server_fixture", ["server", "zensical_server"])
def test_every_page_loads_without_a_violation_or_a_foreign_request(
    context: Any, server_fixture: str, request: pytest.FixtureRequest
) -> None:
    served: Server = request.getfixturevalue(server_fixture)
    context.add_init_script(COLLECT_VIOLATIONS)
    paths = pages_of(served)
    assert len(paths) >= 5
    page = context.new_page()  # one tab for all pages: a new tab per page costs about a second more each
    watch = watch_page(page, served.url)
    for path in paths:
        page.goto(served.url + path, wait_until="networkidle")
        assert page.evaluate("typeof __md_get") == "function", f"{path}: the theme's inline scripts did not run"
        assert_clean(page, watch, path)


@pytest.mark.parametrize("storage", sorted(STORAGE))
def test_search_palette_navigation_and_quizzes_work_when_storage_fails(
    context: Any, server: Server, storage: str
) -> None:
    context.add_init_script(COLLECT_VIOLATIONS)
    context.add_init_script(STORAGE[storage])
    page = context.new_page()
    watch = watch_page(page, server.url)
    page.goto(server.url + PROCEDURE, wait_until="networkidle")
    toggle_palette(page)

    quiz = page.locator("[data-quiz][data-ready]").first
    question = quiz.locator("[data-question]").first
    question.locator(".sk-choice input").first.check()
    question.locator(".sk-question__check").click()
    assert question.get_attribute("data-state") in {"right", "wrong", "partial"}
    assert question.locator(".sk-question__status").inner_text().strip() != ""

    word = page.locator(".md-content h1").inner_text().split()[0].lower()
    search = page.locator(".md-search__input")
    search.click()
    search.press_sequentially(word, delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    page.keyboard.press("Escape")

    heading = page.locator(".md-content h1").inner_text()
    page.evaluate("window.__samePage = true")
    next_link = page.locator("a.md-footer__link--next")
    target = str(next_link.evaluate("link => link.href"))
    next_link.click()
    page.wait_for_url(lambda url: url.startswith(target))  # navigation.tracking may add the section's #fragment
    expect(page.locator(".md-content h1")).not_to_have_text(heading)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__samePage === true"), "instant navigation fell back to a full page load"
    assert_clean(page, watch, f"{PROCEDURE} with storage {storage}")


def test_the_corrupted_keys_are_the_ones_the_theme_writes(context: Any, server: Server) -> None:
    page = context.new_page()
    page.goto(server.url + PROCEDURE, wait_until="networkidle")
    toggle_palette(page)
    assert "/.__palette" in page.evaluate("Object.keys(localStorage)")


def test_storage_failures_do_not_break_the_zensical_theme(context: Any, zensical_server: Server) -> None:
    context.add_init_script(COLLECT_VIOLATIONS)
    context.add_init_script(BLOCK_STORAGE)
    page = context.new_page()
    watch = watch_page(page, zensical_server.url)
    page.goto(zensical_server.url, wait_until="networkidle")
    toggle_palette(page)
    assert_clean(page, watch, "Zensical home page with storage blocked")


def _inject(strip_policy: bool) -> Any:
    def handle(route: Any) -> None:
        response = route.fetch()
        body = response.text().replace("</body>", "<script>window.__injected = true</script></body>")
        if strip_policy:
            body = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", body)
        route.fulfill(response=response, body=body)

    return handle


@pytest.mark.parametrize("strip_policy", [False, True], ids=["with-policy", "policy-removed"])
def test_an_inline_script_added_after_the_build_is_blocked(context: Any, server: Server, strip_policy: bool) -> None:
    context.add_init_script(COLLECT_VIOLATIONS)
    page = context.new_page()
    page.route(f"**/{PROCEDURE}", _inject(strip_policy))
    page.goto(server.url + PROCEDURE, wait_until="networkidle")
    assert page.evaluate("typeof __md_get") == "function", "the theme's own inline scripts must still run"
    if strip_policy:  # the control: the same injection runs on a page without the policy
        assert page.evaluate("window.__injected === true")
        assert violations(page) == []
    else:
        for _ in range(50):  # reported in a task of its own; polled from Python (wait_for_function needs eval)
            if violations(page):
                break
            page.wait_for_timeout(100)
        assert page.evaluate("window.__injected === undefined")
        assert violations(page) == ["script-src-elem blocked inline"]
