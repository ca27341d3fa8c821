"""Figure: the vertebral augmentation trials the page cites, in order of publication (vertebroplasty page).

Only trials, reviews and guidance the page cites, with the page's own figures: INVEST and Buchbinder 2009 (sham,
no significant difference), FREE 2009 (open-label kyphoplasty, better at 1 month), VERTOS II 2010 (open-label,
more relief), NICE TA279 2013, VAPOUR 2016 (sham, benefit in fractures under 6 weeks), VERTOS IV 2018 (sham, no
significant difference) and the 2018 Cochrane review. Entries are evenly spaced: not a time scale.
"""

from __future__ import annotations

import drawsvg as dw

from figures.flow import fit_height, line_gap, wrap
from figures.style import FINE, LABEL_SMALL, OUTLINE, Figure, line, text

TITLE = "Vertebroplasty and kyphoplasty trials over time"
DESC = (
    "A timeline from 2009 to 2018. 2009: INVEST, sham-controlled, 131 patients, no significant difference at 1 "
    "month; Buchbinder, sham-controlled, 78 patients, no significant advantage up to 6 months; FREE, open-label "
    "balloon kyphoplasty, 300 patients, better than non-surgical care at 1 month. 2010: VERTOS II, open-label, "
    "202 patients, more pain relief than conservative care. 2013: NICE TA279 guidance, an option for a narrowly "
    "defined group. 2016: VAPOUR, sham-controlled, 120 patients, benefit in fractures under 6 weeks old. 2018: "
    "VERTOS IV, sham-controlled, 180 patients, no significant difference up to 12 months; Cochrane review of five "
    "sham-controlled trials with 541 participants, little or no benefit over sham. Sham-controlled trials are "
    "marked with filled circles, open-label trials with hollow circles, guidance and reviews with squares."
)

# year, name, design, result, kind ("sham", "open" or "other"), benefit over comparator (None: not a trial)
ENTRIES: list[tuple[str, str, str, str, str, bool | None]] = [
    (
        "2009",
        "INVEST (Kallmes)",
        "Sham-controlled, 131 patients",
        "no significant difference at 1 month",
        "sham",
        False,
    ),
    ("", "Buchbinder", "Sham-controlled, 78 patients", "no significant advantage up to 6 months", "sham", False),
    (
        "",
        "FREE (Wardlaw), kyphoplasty",
        "Open-label, 300 patients",
        "better than non-surgical care at 1 month",
        "open",
        True,
    ),
    ("2010", "VERTOS II (Klazen)", "Open-label, 202 patients", "more relief than conservative care", "open", True),
    ("2013", "NICE TA279", "Guidance", "an option for a narrowly defined group", "other", None),
    (
        "2016",
        "VAPOUR (Clark)",
        "Sham-controlled, 120 patients",
        "pain at 14 days, fractures under 6 weeks",
        "sham",
        True,
    ),
    (
        "2018",
        "VERTOS IV (Firanescu)",
        "Sham-controlled, 180 patients",
        "no significant difference up to 12 months",
        "sham",
        False,
    ),
    ("", "Cochrane review", "5 sham-controlled trials, 541 people", "little or no benefit over sham", "other", False),
]

AXIS = 72.0
CARD_X, CARD_W, GAP = 94.0, 336.0, 16.0
PAD = 14.0


def marker(d: Figure, x: float, y: float, kind: str) -> None:
    """Filled circle: sham-controlled; hollow circle: open-label; square: guidance or review."""
    if kind == "other":
        d.append(dw.Rectangle(x - 9, y - 9, 18, 18, class_="fig-ink", stroke_width=0))
    else:
        klass = "fig-ink" if kind == "sham" else "fig-fill-none fig-ink"
        d.append(dw.Circle(x, y, 10, class_=klass, stroke_width=3))


def draw() -> Figure:
    d = Figure(1400, title=TITLE, desc=DESC, name="vertebroplasty-evidence")
    # Legend, in two rows.
    marker(d, 30, 30, "sham")
    text(d, 50, 36, "Sham-controlled", anchor="start")
    marker(d, 250, 30, "open")
    text(d, 270, 36, "Open-label", anchor="start")
    marker(d, 30, 64, "other")
    text(d, 50, 70, "Guidance or review", anchor="start")
    text(d, 20, 108, "Entries evenly spaced, not to a time scale", size=LABEL_SMALL, anchor="start", role="muted")
    y = 134.0
    mids: list[float] = []
    for year, name, design, result, kind, benefit in ENTRIES:
        verdict = {True: "Benefit: ", False: "No clear benefit: ", None: "Recommended as "}[benefit]
        rows = wrap(verdict + result, CARD_W - 2 * PAD, LABEL_SMALL, bold=benefit is True)
        h = 80 + line_gap(LABEL_SMALL) * (len(rows) - 1)
        mid = y + h / 2
        mids.append(mid)
        if year:
            text(d, 6, mid + 6, year, anchor="start", bold=True)
        line(d, [(AXIS + 13, mid), (CARD_X, mid)], role="muted", width=FINE)
        marker(d, AXIS, mid, kind)
        d.append(dw.Rectangle(CARD_X, y, CARD_W, h, rx=8, class_="fig-fill-none fig-ink", stroke_width=FINE))
        text(d, CARD_X + PAD, y + 26, name, bold=True, anchor="start")
        text(d, CARD_X + PAD, y + 49, design, size=LABEL_SMALL, anchor="start", role="muted")
        role = {True: "drug", False: "ink", None: "ink"}[benefit]
        text(d, CARD_X + PAD, y + 70, rows, size=LABEL_SMALL, anchor="start", role=role, bold=benefit is True)
        y += h + GAP
    for upper, lower in zip(mids, mids[1:], strict=False):
        line(d, [(AXIS, upper + 13), (AXIS, lower - 13)], role="muted", width=OUTLINE)
    fit_height(d, y - GAP)
    return d
