"""The bleeding-risk tiers of pain procedures, drawn from the tier table on foundations/anticoagulation.md.

The procedures are read from that page's table (the one whose header is High / Intermediate / Low risk), so the
figure can never list a procedure the page does not: when the table changes, the committed SVG goes stale and
tests/test_figures_current.py asks for `make figures`. No stop or restart intervals are drawn; the page withholds
them on purpose.
"""

from __future__ import annotations

import re

from figures.build import ROOT
from figures.flow import card, fit_height
from figures.style import Figure

SIZE = 17
PAGE = ROOT / "content" / "foundations" / "anticoagulation.md"
HEADER = ("High risk", "Intermediate risk", "Low risk")
TITLE = "Bleeding-risk tiers of pain procedures"
CITATION = re.compile(r"\s*\[@[^\]]+\]")


def tiers(markdown: str) -> dict[str, list[str]]:
    """The procedures in each column of the page's tier table, in page order, citations removed."""
    rows = [line.strip() for line in markdown.splitlines()]
    header = "| " + " | ".join(HEADER) + " |"
    start = rows.index(header)
    columns: dict[str, list[str]] = {name: [] for name in HEADER}
    for row in rows[start + 2 :]:
        if not row.startswith("|"):
            break
        cells = [CITATION.sub("", cell).strip() for cell in row.strip("|").split("|")]
        for name, cell in zip(HEADER, cells, strict=True):
            if cell:
                columns[name].append(cell)
    return columns


def describe(columns: dict[str, list[str]]) -> str:
    """The long description: every procedure in every tier, as the figure shows them."""
    parts = [f"{name}: {'; '.join(items)}." for name, items in columns.items()]
    return (
        "Chart of the three bleeding-risk tiers of the 2018 ASRA/ESRA pain guideline, with the example "
        "procedures this page lists in each tier. "
        + " ".join(parts)
        + " The list is not complete; check any other procedure in the current guideline table."
    )


def draw() -> Figure:
    columns = tiers(PAGE.read_text(encoding="utf-8"))
    d = Figure(1200, title=TITLE, desc=describe(columns), name="asra-risk-tiers")
    x, w, gap = 20, 400, 24
    styles = {
        "High risk": {"outline": "warn", "emphasis": True},
        "Intermediate risk": {"role": "bone"},
        "Low risk": {"role": "csf"},
    }
    y = 16.0
    for name, items in columns.items():
        placed = card(d, x, y, w, heading=name, body=items, size=SIZE, **styles[name])  # type: ignore[arg-type]
        y = placed.y + placed.h + gap
    fit_height(d, y - gap)
    return d
