"""A student opens the home page: it renders, logs no errors and asks nothing of any other origin."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import Server, watch_page

pytestmark = pytest.mark.browser


def test_home_page_loads_cleanly_and_stays_on_its_origin(page: Any, site_server: Server) -> None:
    watch = watch_page(page, site_server.url)
    page.goto(site_server.url, wait_until="networkidle")
    assert "study guide" in page.title().lower()
    assert page.locator("h1").first.is_visible()
    assert watch.console_errors == [] and watch.page_errors == []
    assert watch.foreign_requests == [], f"requests left the site: {watch.foreign_requests}"
    assert any(url.endswith(".css") for url in watch.requests), "the stylesheet was not requested"


def test_a_procedure_page_loads_with_its_references(page: Any, site_server: Server) -> None:
    watch = watch_page(page, site_server.url)
    page.goto(site_server.url + "procedures/radiofrequency-ablation/", wait_until="networkidle")
    assert page.locator("h1").inner_text().strip() == "Radiofrequency ablation"
    assert page.locator("ol.sk-references li").count() >= 3
    assert watch.foreign_requests == []
    assert watch.console_errors == [] and watch.page_errors == []
