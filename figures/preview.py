"""Look at figures before committing them: `python -m figures.preview [name ...] [--out DIR]`.

For each figure it writes `<name>-390.png` and `<name>-1366.png` (light palette above dark, the SVG inlined in a
page that sets the `--sk-fig-*` custom properties as the site does) and checks in Chromium what a reader would
notice: a label outside the viewBox (clipped), two labels whose boxes overlap, a label under 13 px on a 390 px phone
(where the site shows a figure edge to edge). Problems are
printed; the exit status is 1 when there is one. The site's own figure screenshots come from the figures-model
tests; this is the drawing helpers' quick loop.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from figures import build
from figures.style import PALETTE

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
WIDTHS = (390, 1366)
MIN_PHONE_PX = 13  # smallest label a student can read on a phone held at arm's length

# Bounding boxes of every <text> in viewBox units; the figure is inlined so getBBox works.
PROBE = """
(svg) => {
  const vb = svg.viewBox.baseVal;
  return Array.from(svg.querySelectorAll('text')).map((t) => {
    const b = t.getBBox();
    return {text: t.textContent.trim(), x: b.x, y: b.y, w: b.width, h: b.height,
            size: parseFloat(t.getAttribute('font-size')), vw: vb.width, vh: vb.height,
            px: parseFloat(getComputedStyle(t).fontSize) * svg.getBoundingClientRect().width / vb.width};
  });
}
"""


def page(svg: str, width: int) -> str:
    """A page with the figure twice, light then dark, at the width of a phone or a desktop content column."""
    light = ";".join(f"--sk-fig-{role}:{values[0]}" for role, values in PALETTE.items())
    dark = ";".join(f"--sk-fig-{role}:{values[1]}" for role, values in PALETTE.items())
    column = "none" if width < 700 else "550px"
    pad = "0" if width < 700 else "16px"  # a phone shows the figure edge to edge (figures.css)
    return f"""<!doctype html><html><head><meta charset="utf-8"><style>
body{{margin:0;font-family:Roboto,system-ui,sans-serif}}
.pane{{padding:16px {pad}}} .pane svg{{display:block;width:100%;height:auto;max-width:{column}}}
.light{{background:#fff;{light}}} .dark{{background:#1e2129;{dark}}}
</style></head><body><div class="pane light">{svg}</div><div class="pane dark">{svg}</div></body></html>"""


def problems(boxes: list[dict[str, Any]]) -> list[str]:
    """Clipped, overlapping or too small labels."""
    found = []
    for b in boxes:
        if b["x"] < 0 or b["y"] < 0 or b["x"] + b["w"] > b["vw"] + 0.5 or b["y"] + b["h"] > b["vh"] + 0.5:
            found.append(f"clipped: {b['text']!r}")
        if b["px"] < MIN_PHONE_PX:
            found.append(f"{b['px']:.1f}px on a phone (under {MIN_PHONE_PX}): {b['text']!r}")
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            dx = min(a["x"] + a["w"], b["x"] + b["w"]) - max(a["x"], b["x"])
            dy = min(a["y"] + a["h"], b["y"] + b["h"]) - max(a["y"], b["y"])
            if dx > 1 and dy > 1:
                found.append(f"overlap: {a['text']!r} / {b['text']!r}")
    return found


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("names", nargs="*")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "figure-preview")
    options = parser.parse_args(argv)
    options.out.mkdir(parents=True, exist_ok=True)
    failed = False
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        for name in options.names or build.figure_names():
            svg = build.render(name)
            size_kb = len(svg.encode()) / 1024
            for width in WIDTHS:
                tab = browser.new_page(viewport={"width": width, "height": 800})
                tab.set_content(page(svg, width))
                boxes = tab.eval_on_selector(".light svg", PROBE)
                tab.screenshot(path=str(options.out / f"{name}-{width}.png"), full_page=True)
                tab.close()
                smallest = min((b["px"] for b in boxes), default=0)
                print(f"{name} @ {width}px: {len(boxes)} labels, smallest {smallest:.1f}px on screen, {size_kb:.1f} KB")
                found = problems(boxes) if width == WIDTHS[0] else []
                for problem in found:
                    print(f"  {problem}")
                failed = failed or bool(found)
        browser.close()
    print(f"screenshots in {options.out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
