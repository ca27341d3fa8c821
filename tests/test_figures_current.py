"""Each committed figure SVG is exactly what its script in figures/ draws, and keeps the figure contract's rules.

A figure edited by hand (or a script changed without `make figures`) fails here with the figure's name.
"""

from __future__ import annotations

import re

import pytest
from defusedxml import ElementTree

from figures import build

NAMES = build.figure_names()
SVG = "{http://www.w3.org/2000/svg}"


def test_every_committed_svg_has_a_script() -> None:
    committed = {p.stem for p in build.OUT.glob("*.svg")}
    drawn = set(NAMES)
    # Figures drawn by hand may exist, but a script's output must never be missing from the repository.
    assert drawn <= committed, f"run `make figures`: missing {sorted(drawn - committed)}"


@pytest.mark.parametrize("name", NAMES)
def test_svg_is_current(name: str) -> None:
    committed = (build.OUT / f"{name}.svg").read_text(encoding="utf-8")
    assert build.render(name) == committed, f"content/figures/{name}.svg is stale: run `make figures`"


@pytest.mark.parametrize("name", NAMES)
def test_svg_follows_the_contract(name: str) -> None:
    text = build.render(name)
    root = ElementTree.fromstring(text)
    assert root.get("viewBox") and root.get("width") is None and root.get("height") is None
    assert root.get("role") == "img"
    assert [child.tag for child in root][:2] == [f"{SVG}title", f"{SVG}desc"]
    assert all((child.text or "").strip() for child in list(root)[:2])
    for element in root.iter():
        assert not element.tag.endswith(("script", "image", "foreignObject")), element.tag
        assert not any(key.startswith("on") for key in element.attrib), element.attrib
        href = element.get("href") or element.get("{http://www.w3.org/1999/xlink}href")
        assert href is None or href.startswith("#"), href
        assert element.get("fill") is None and element.get("stroke") is None, "colour only through fig-* classes"
        if element.tag == f"{SVG}text":
            assert float(element.get("font-size", "0")) >= 14, "labels are at least 14px at the design width"
            assert "".join(element.itertext()).strip(), "empty label"
    assert "@import" not in text and not re.search(r"url\(\s*['\"]?https?:", text)
    assert len(text.encode()) < 150_000
