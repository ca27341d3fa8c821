"""Render studykit's app icons (PNG) from studykit/assets/icon.svg, once, with Chromium; the PNGs are committed.

Run after changing the SVG: `.venv/bin/python scripts/make_icons.py`. Why not at build time: the build stays free
of image libraries (Pillow is not a dependency) and of a browser; the icons change rarely. The maskable icon fills
the whole square with the background and keeps the book inside the middle 80 %, the safe zone a launcher may crop
to any shape.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from playwright.sync_api import sync_playwright

ASSETS = Path(__file__).resolve().parent.parent / "studykit" / "assets"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"


def maskable(svg: str) -> str:
    """The icon with a full-bleed square background and its drawing shrunk into the safe zone."""
    body = re.sub(r"<rect [^>]*/>", "", svg.split(">", 1)[1].rsplit("</svg>", 1)[0])
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" fill="#00796b"/>'
        f'<g transform="translate(51.2 51.2) scale(.8)">{body}</g></svg>'
    )


def main() -> None:
    svg = (ASSETS / "icon.svg").read_text(encoding="utf-8")
    jobs = [("icon-192.png", svg, 192), ("icon-512.png", svg, 512), ("icon-maskable-512.png", maskable(svg), 512)]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"], headless=True)
        for name, source, size in jobs:
            page = browser.new_page(viewport={"width": size, "height": size})
            sized = source.replace("<svg ", f'<svg width="{size}" height="{size}" ', 1)
            page.set_content(f"<!doctype html><style>html,body{{margin:0;background:transparent}}</style>{sized}")
            page.screenshot(path=str(ASSETS / name), omit_background=True)
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
