"""The biopsychosocial model as foundations/patient-selection.md states it: pain and disability come from the
interaction of biological, psychological and social factors (Gatchel 2007), with exactly the page's examples beside each
circle. Three equal, overlapping circles: the page claims no ranking between the three, so none is drawn.
"""

from __future__ import annotations

import drawsvg as dw

from figures.flow import fit_height
from figures.style import OUTLINE, Figure, text, text_height

TITLE = "The biopsychosocial model of pain"
DESC = (
    "Three overlapping circles of equal size, two side by side above and one below, each named just outside it. "
    "Above left, biological factors: tissue injury and nerve sensitisation. Above right, psychological factors: "
    "mood, beliefs, fear of movement and coping. Where all three circles overlap, in the centre, sit pain and "
    "disability, which come from the interaction of the three. Below the lower circle, social factors: work, "
    "family and finances. At the bottom: selection for a procedure assesses all three, not only the spine."
)

R = 125.0
TOP = 245.0  # centre height of the two upper circles
CIRCLES = (
    ("bone", (155.0, TOP)),
    ("csf", (285.0, TOP)),
    ("soft", (220.0, TOP + 113)),
)


def draw() -> Figure:
    d = Figure(700, title=TITLE, desc=DESC, name="biopsychosocial")
    # Each circle's factors sit just outside it (above the upper two, below the lower one), so the circles stay
    # small enough for the figure's width while every label keeps its full size.
    text(d, 120, 36, "Biological", bold=True)
    text(d, 120, 60, ["tissue injury,", "nerve sensitisation"])
    text(d, 320, 36, "Psychological", bold=True)
    text(d, 320, 60, ["mood, beliefs,", "fear of movement,", "coping"])
    for role, (x, y) in CIRCLES:
        d.append(dw.Circle(x, y, R, class_=f"fig-{role}", stroke_width=OUTLINE, fill_opacity=0.55))
    # Where all three overlap; the common region is widest a little above its centre.
    text(d, 220, TOP + 31, ["Pain and", "disability"], bold=True)
    bottom = TOP + 113 + R
    text(d, 220, bottom + 30, "Social", bold=True)
    text(d, 220, bottom + 54, "work, family, finances")
    note = ["Selection assesses all three,", "not only the spine"]
    text(d, 220, bottom + 100, note, role="muted")
    fit_height(d, bottom + 100 + text_height(note))
    return d
