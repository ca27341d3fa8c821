"""Figure: the vertebral augmentation trials the page cites, in order of publication (vertebroplasty page).

Only trials, reviews and guidance the page cites, with the page's own figures: INVEST and Buchbinder 2009 (sham,
no significant difference), FREE 2009 (open-label kyphoplasty, better at 1 month), VERTOS II 2010 (open-label,
more relief), NICE TA279 2013, VAPOUR 2016 (sham, benefit in fractures under 6 weeks), VERTOS IV 2018 (sham, no
significant difference) and the 2018 Cochrane review. Entries are evenly spaced: not a time scale.
"""

from __future__ import annotations

import drawsvg as dw

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

AXIS = 96.0
CARD_X, CARD_W, CARD_H, STEP = 130.0, 570.0, 96.0, 112.0


def marker(d: Figure, x: float, y: float, kind: str) -> None:
    """Filled circle: sham-controlled; hollow circle: open-label; square: guidance or review."""
    if kind == "other":
        d.append(dw.Rectangle(x - 9, y - 9, 18, 18, class_="fig-ink", stroke_width=0))
    else:
        klass = "fig-ink" if kind == "sham" else "fig-fill-none fig-ink"
        d.append(dw.Circle(x, y, 10, class_=klass, stroke_width=3))


def draw() -> Figure:
    top = 130.0
    d = Figure(top + STEP * len(ENTRIES) + 40, title=TITLE, desc=DESC, name="vertebroplasty-evidence")
    # Legend.
    marker(d, 30, 30, "sham")
    text(d, 50, 36, "Sham-controlled", anchor="start")
    marker(d, 250, 30, "open")
    text(d, 270, 36, "Open-label", anchor="start")
    marker(d, 430, 30, "other")
    text(d, 450, 36, "Guidance or review", anchor="start")
    text(d, 20, 80, "Entries evenly spaced, not to a time scale", size=LABEL_SMALL, anchor="start", role="muted")
    for i in range(len(ENTRIES) - 1):
        mid = top + i * STEP + CARD_H / 2
        line(d, [(AXIS, mid + 13), (AXIS, mid + STEP - 13)], role="muted", width=OUTLINE)
    for i, (year, name, design, result, kind, benefit) in enumerate(ENTRIES):
        y = top + i * STEP
        mid = y + CARD_H / 2
        if year:
            text(d, AXIS - 20, mid + 6, year, anchor="end", bold=True)
        line(d, [(AXIS + 13, mid), (CARD_X, mid)], role="muted", width=FINE)
        marker(d, AXIS, mid, kind)
        d.append(dw.Rectangle(CARD_X, y, CARD_W, CARD_H, rx=8, class_="fig-fill-none fig-ink", stroke_width=FINE))
        text(d, CARD_X + 14, y + 28, name, bold=True, anchor="start")
        text(d, CARD_X + 14, y + 54, design, size=LABEL_SMALL, anchor="start", role="muted")
        verdict = {True: "Benefit: ", False: "No clear benefit: ", None: "Recommended as "}[benefit]
        role = {True: "drug", False: "ink", None: "ink"}[benefit]
        text(
            d,
            CARD_X + 14,
            y + 80,
            verdict + result,
            size=LABEL_SMALL,
            anchor="start",
            role=role,
            bold=benefit is True,
        )
    return d
