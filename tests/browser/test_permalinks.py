"""What an instructor's old link does in a browser: a moved page forwards with its fragment, a renamed heading's
old fragment lands on the new heading, and the heading link mark copies the full URL of the section."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from studykit.pipeline import build_project

from ..helpers import copy_site
from ..test_permalinks import _rename
from .conftest import Server, serve_directory


@pytest.fixture(scope="module")
def moved_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    root = tmp_path_factory.mktemp("permalinks")
    project = copy_site("minimal", root)
    _rename(project)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8")
        + "extra_javascript:\n  - assets/studykit/permalinks.js\n"
        + "extra_css:\n  - assets/studykit/studykit.css\n",
        encoding="utf-8",
    )
    (project / "studykit.yml").write_text(
        "redirects:\n"
        '  "topics/alpha/": topics/beta.md\n'
        '  "topics/alpha/#details": topics/beta.md#particulars\n'
        '  "topics/beta/#details": topics/beta.md#particulars\n',
        encoding="utf-8",
    )
    out = root / "site"
    result = build_project(project, out)
    assert result.built, [d.text() for d in result.diagnostics]
    server = serve_directory(out)
    yield server
    server._httpd.shutdown()


def test_a_moved_page_forwards_and_keeps_the_fragment(page: Any, moved_site: Server) -> None:
    page.goto(moved_site.url + "topics/alpha/#check-your-understanding")
    page.wait_for_url("**/topics/beta/#check-your-understanding")
    assert page.locator("h1").inner_text().strip() == "Alpha"


def test_a_moved_pages_renamed_heading_forwards_to_the_new_heading(page: Any, moved_site: Server) -> None:
    page.goto(moved_site.url + "topics/alpha/#details")
    page.wait_for_url("**/topics/beta/#particulars")


def test_an_old_fragment_on_a_live_page_is_corrected_to_the_renamed_heading(page: Any, moved_site: Server) -> None:
    page.goto(moved_site.url + "topics/beta/#details")
    page.wait_for_url("**/topics/beta/#particulars")
    top = page.evaluate("document.getElementById('particulars').getBoundingClientRect().top")
    assert 0 <= top < page.viewport_size["height"] - 100  # the heading is in view


def test_the_heading_link_copies_the_full_section_url(browser: Any, moved_site: Server) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        page.goto(moved_site.url + "topics/beta/")
        page.hover("#particulars")
        page.click("#particulars a.headerlink")
        status = page.locator(".sk-toast[role=status]")
        status.wait_for(state="attached")
        page.wait_for_function("document.querySelector('.sk-toast').textContent.length > 0")
        assert status.inner_text() == "Link to this section copied"
        assert page.evaluate("navigator.clipboard.readText()") == moved_site.url + "topics/beta/#particulars"
    finally:
        context.close()
