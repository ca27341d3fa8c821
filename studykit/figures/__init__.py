"""Figures: SVG (or PNG/WebP) files under content/figures/, placed in a page as an image with a `{#fig-...}` id and
a `/// caption` block, numbered per page, cited as `[Figure](#fig-...)`, inlined so they follow the site's palette.

- `svg.py`: reads a figure SVG (defusedxml) into inline markup through an allowlist, ids made unique per figure;
- `css.py`: scopes the SVG's own `<style>` to its figure (tinycss2);
- `extension.py`: the Python-Markdown extension `studykit.figures` (numbering, cross-references, inlining);
- checks live in `studykit/checks/figures.py` (figure.*), the file safety rules in `studykit/checks/files.py`.
"""

from __future__ import annotations

from typing import Any


def makeExtension(**kwargs: Any) -> Any:  # noqa: N802 - the name Python-Markdown looks for
    from .extension import FiguresExtension

    return FiguresExtension(**kwargs)
