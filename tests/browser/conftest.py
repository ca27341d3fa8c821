"""Browser harness: Playwright for Python driving Debian's Chromium (downloading browsers is not possible here).

Outside CI a missing Chromium or Playwright skips these tests with a reason; with CI=true it fails them, so a CI
machine without a browser can never pass silently.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from ..helpers import unavailable

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - depends on the machine
        unavailable("playwright is not installed")
    if not Path(CHROMIUM).is_file():
        unavailable(f"Chromium not found at {CHROMIUM} (Debian: apt-get install chromium)")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - signature fixed by the base class
        pass


class QuietHTTPServer(http.server.ThreadingHTTPServer):
    """A test server that stays silent when the browser drops a request it no longer needs (a page left mid-load):
    the standard server prints a traceback for each, which buries real failures in the CI log."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@dataclass
class Server:
    root: Path
    url: str
    _httpd: QuietHTTPServer = field(repr=False)


def serve_directory(root: Path, handler: type[http.server.SimpleHTTPRequestHandler] = _QuietHandler) -> Server:
    """Serve `root` on a free local port from a background thread; stop it with `server._httpd.shutdown()`."""
    httpd = QuietHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return Server(root, f"http://127.0.0.1:{httpd.server_address[1]}/", httpd)


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def expect(locator: Any) -> Any:
    """Playwright's auto-waiting assertions, imported late so a machine without Playwright skips via the harness."""
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(locator)


def serious(page: Any, exclude: tuple[str, ...] = ()) -> list[str]:
    """Serious and critical axe-core findings (WCAG 2.2 AA and best practice) on the whole page."""
    from axe_playwright_python.sync_playwright import Axe

    context = {"include": [["html"]], "exclude": [[selector] for selector in exclude]} if exclude else None
    result = Axe().run(page, context=context, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']]}"
        for v in result.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator[Server]:
    server = serve_directory(built_site)
    yield server
    server._httpd.shutdown()


@dataclass
class PageWatch:
    """What a page did while loading: console errors and requests that left the site's origin."""

    origin: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


def watch_page(page: Any, origin: str) -> PageWatch:
    watch = PageWatch(origin.rstrip("/"))
    page.on("console", lambda msg: watch.console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: watch.page_errors.append(str(exc)))

    def on_request(request: Any) -> None:
        watch.requests.append(request.url)
        if not (request.url.startswith(watch.origin) or request.url.startswith(("data:", "blob:", "about:"))):
            watch.foreign_requests.append(request.url)

    page.on("request", on_request)
    return watch


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context()
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: Any) -> Iterator[Any]:
    p = context.new_page()
    yield p
    p.close()
