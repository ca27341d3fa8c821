"""Offline use in Chromium: after one visit, the guide works with the network gone, at a domain's root and under a
sub-path (a GitHub Pages project site), and a redeploy reaches a student on the next online visit.

The shipped site is copied and built with `site_url` naming the local server (as the deploy workflow sets it), so
Material's instant navigation is on, as it is for students. "Offline" is both Playwright's network emulation and
the server refusing every request: a page that still shows came from the service worker's cache.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from studykit.pipeline import build_project

from ..helpers import copy_project
from .conftest import QuietHTTPServer, _QuietHandler, expect, serve_directory

pytestmark = pytest.mark.browser

PAGES = ("procedures/facet-joint-injections/", "foundations/anticoagulation/", "glossary/")
QUIZ_PAGE = "foundations/introduction/"
STUDY_TOOLS = {
    "practice.md": ("practice/", "[data-practice][data-ready]"),
    "flashcards.md": ("flashcards/", ".sk-flashcards[data-loaded]"),
}
"""Study pages other helpers add: checked offline when the project has them (selector: the widget once ready)."""


class _SubPathHandler(_QuietHandler):
    """Serves the site under `prefix` only (404 elsewhere); while `down`, drops every connection unanswered."""

    prefix = "/"
    down = False

    def translate_path(self, path: str) -> str:
        return super().translate_path("/" + path[len(self.prefix) :] if path.startswith(self.prefix) else "/\0")

    def handle_one_request(self) -> None:
        if type(self).down:
            self.close_connection = True
            self.rfile.readline()
            return
        super().handle_one_request()


@dataclass
class Deployed:
    project: Path
    site: Path
    url: str
    handler: type[_SubPathHandler]

    def build(self) -> None:
        previous = os.environ.get("SITE_URL")
        os.environ["SITE_URL"] = self.url  # mkdocs.yml: site_url: !ENV [SITE_URL, ""]
        try:
            result = build_project(self.project, self.site)
        finally:
            if previous is None:
                del os.environ["SITE_URL"]
            else:
                os.environ["SITE_URL"] = previous
        assert result.built, "\n".join(d.text() for d in result.diagnostics)


def _deploy(tmp: Path, prefix: str) -> tuple[Deployed, QuietHTTPServer]:
    site = tmp / "served"
    handler = type("Handler", (_SubPathHandler,), {"prefix": prefix, "down": False})
    served = serve_directory(site, handler)
    deployed = Deployed(copy_project(tmp), site, served.url.rstrip("/") + prefix, handler)
    deployed.build()
    return deployed, served._httpd


@pytest.fixture(scope="module", params=["/guide/", "/"], ids=["sub-path", "root"])
def deployed(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployed]:
    site, httpd = _deploy(tmp_path_factory.mktemp("offline"), request.param)
    yield site
    httpd.shutdown()


@pytest.fixture
def context(browser: Any, deployed: Deployed) -> Iterator[Any]:
    """A fresh browser profile per test (no worker, no cache), back online and the server up afterwards."""
    ctx = browser.new_context(service_workers="allow")
    yield ctx
    ctx.close()
    deployed.handler.down = False


# ---------------------------------------------------------------- helpers


def first_visit(page: Any, url: str) -> None:
    """Open `url` and wait until the service worker has precached the site and controls the page."""
    page.goto(url, wait_until="load")
    page.evaluate(
        """async () => {
            await navigator.serviceWorker.ready;
            if (!navigator.serviceWorker.controller) {
                await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve));
            }
        }"""
    )


def go_offline(context: Any, deployed: Deployed) -> None:
    context.set_offline(True)
    deployed.handler.down = True


def heading(page: Any) -> str:
    return str(page.locator("article h1").first.inner_text()).strip()


def worker_version(page: Any) -> str:
    """The version baked into the controlling worker (a hash over every precached file's revision)."""
    return str(
        page.evaluate(
            """() => new Promise((resolve) => {
                const answer = (event) => resolve(event.data.version);
                navigator.serviceWorker.addEventListener("message", answer, {once: true});
                navigator.serviceWorker.controller.postMessage("studykit:version");
            })"""
        )
    )


# ---------------------------------------------------------------- tests


def test_the_guide_is_installable_and_its_worker_lives_at_the_site_root(page: Any, deployed: Deployed) -> None:
    first_visit(page, deployed.url)
    scope = page.evaluate("navigator.serviceWorker.ready.then((r) => r.scope)")
    assert scope == deployed.url
    manifest_url = page.evaluate("document.querySelector('link[rel=manifest]').href")
    assert manifest_url == deployed.url + "manifest.webmanifest"
    manifest = json.loads((deployed.site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["display"] == "standalone" and manifest["start_url"] == "./" and manifest["scope"] == "./"
    icons = {icon["sizes"] + ":" + icon["purpose"] for icon in manifest["icons"]}
    assert {"192x192:any", "512x512:any", "512x512:maskable"} <= icons
    for icon in manifest["icons"]:
        response = page.request.get(deployed.url + icon["src"])
        assert response.ok and response.headers["content-type"] == "image/png", icon["src"]


def test_after_one_visit_pages_search_and_quizzes_work_offline(context: Any, deployed: Deployed) -> None:
    page = context.new_page()
    foreign: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(deployed.url) else foreign.append(r.url))
    first_visit(page, deployed.url)
    home_title = heading(page)
    go_offline(context, deployed)

    for path in PAGES:  # typed URLs: full navigations, answered by the worker
        page.goto(deployed.url + path)
        assert page.locator("article h1").first.is_visible(), path
    assert page.locator(".sk-glossary-entry").count() > 100, "the glossary lists its terms"

    page.goto(deployed.url)  # a link followed with instant navigation: a fetch, answered by the worker
    assert heading(page) == home_title
    page.locator(f'.md-nav a[href$="{QUIZ_PAGE}"]').first.click()
    page.wait_for_url(deployed.url + QUIZ_PAGE)

    question = page.locator(".sk-question[data-type=single]").first  # answering a quiz
    page.wait_for_selector(".sk-quiz[data-ready]")
    right = json.loads(question.get_attribute("data-answer"))[0]
    question.locator(f'.sk-choice[data-choice="{right}"] input').check()
    question.locator(".sk-question__check").click()
    assert question.locator(".sk-question__status").inner_text().strip() == "Correct."

    page.keyboard.press("/")  # searching: the theme's shortcut opens the search box
    page.keyboard.type("facet")
    results = page.locator(".md-search-result__item")
    # polled: the list first shows the results for a prefix typed so far ("fa" finds "failed") on a busy machine
    expect(results.first).to_contain_text("facet", ignore_case=True)

    for source, (path, ready) in STUDY_TOOLS.items():  # the study tools, where this project has them
        if (deployed.project / "content" / source).is_file():
            page.goto(deployed.url + path)
            assert page.locator("article h1").first.is_visible(), path
            if ready:
                page.wait_for_selector(ready)
    assert foreign == []


def test_a_redeploy_reaches_the_student_on_the_next_online_visit(context: Any, deployed: Deployed) -> None:
    page = context.new_page()
    first_visit(page, deployed.url + PAGES[0])
    before = worker_version(page)
    source = deployed.project / "content" / "about.md"
    original = source.read_text(encoding="utf-8")
    marker = "This paragraph arrived with the second deploy."
    try:
        source.write_text(original + "\n" + marker + "\n", encoding="utf-8")
        deployed.build()
    finally:
        source.write_text(original, encoding="utf-8")

    page.goto(deployed.url + "about/")  # online: the page comes from the network, the new worker installs
    assert page.get_by_text(marker).is_visible()
    page.evaluate(
        """async () => {
            const registration = await navigator.serviceWorker.ready;
            await registration.update();
            const waiting = registration.installing || registration.waiting;
            if (waiting) {
                await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve));
            }
        }"""
    )
    assert worker_version(page) != before

    go_offline(context, deployed)
    page.reload()
    assert page.get_by_text(marker).is_visible(), "offline, the cache holds the new page"
    page.goto(deployed.url + PAGES[0])
    assert page.locator("article h1").first.is_visible(), "unchanged pages are still cached"
