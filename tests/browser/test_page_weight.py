"""Page weight (DESIGN's bar): on every page of the shipped site, studykit's own JS and CSS that the browser actually
fetches (the bundle, plus what load.js brings for the tools on that page) are at most 15 KB gzipped. Vendored
libraries (the FSRS scheduler) are counted apart and reported, as the budget excludes them.

Measured in Chromium, not from a list: whatever the page requests under assets/studykit/ counts, so a tool that
starts loading its code everywhere fails here.
"""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .conftest import Server

BUDGET = 15 * 1024
ASSETS = "assets/studykit/"


def _pages(site: Path) -> list[str]:
    pages = []
    for file in sorted(site.rglob("index.html")):
        html = file.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:
            continue  # a redirect page (postprocess/redirects.py) loads nothing of ours
        rel = file.relative_to(site).as_posix()
        pages.append(rel.removesuffix("index.html"))
    return pages


def _gzipped(site: Path, path: str) -> int:
    return len(gzip.compress((site / path).read_bytes(), compresslevel=9))


def test_every_page_loads_at_most_15_kb_of_studykit_code(browser: Any, built_site: Path, site_server: Server) -> None:
    context = browser.new_context()
    weights: dict[str, tuple[int, int]] = {}
    try:
        for rel in _pages(built_site):
            page = context.new_page()
            fetched: set[str] = set()

            def on_request(request: Any, fetched: set[str] = fetched) -> None:
                path = urlsplit(request.url).path.lstrip("/")
                if path.startswith(ASSETS) and path.endswith((".js", ".css")):
                    fetched.add(path)

            page.on("request", on_request)
            page.goto(site_server.url + rel, wait_until="networkidle")
            own = sum(_gzipped(built_site, path) for path in fetched if "/vendor/" not in path)
            vendored = sum(_gzipped(built_site, path) for path in fetched if "/vendor/" in path)
            weights[rel or "./"] = (own, vendored)
            page.close()
    finally:
        context.close()
    report = "\n".join(f"{rel}: {own:,} B own, {vendored:,} B vendored" for rel, (own, vendored) in weights.items())
    print(report)  # shown with -s: the numbers docs/architecture.md ("Page weight") quotes
    assert len(weights) >= 30, report
    heavy = {rel: own for rel, (own, _vendored) in weights.items() if own > BUDGET}
    assert not heavy, f"over {BUDGET:,} B gzipped:\n{report}"
    assert weights["flashcards/"][1] > 0, "the flashcards page loads the vendored scheduler"
    assert all(vendored == 0 for rel, (_own, vendored) in weights.items() if rel != "flashcards/"), report
