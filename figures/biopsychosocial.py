"""The biopsychosocial model as foundations/patient-selection.md states it: pain and disability come from the
interaction of biological, psychological and social factors (Gatchel 2007), with exactly the page's examples in each
circle. Three equal, overlapping circles: the page claims no ranking between the three, so none is drawn.
"""

from __future__ import annotations

import drawsvg as dw

from figures.flow import fit_height
from figures.style import OUTLINE, Figure, text

TITLE = "The biopsychosocial model of pain"
DESC = (
    "Three overlapping circles of equal size. Biological factors: tissue injury and nerve sensitisation. "
    "Psychological factors: mood, beliefs, fear of movement and coping. Social factors: work, family and "
    "finances. Where all three overlap, in the centre, sit pain and disability, which come from the interaction "
    "of the three. Below: selection for a procedure assesses all three, not only the spine."
)

R = 195.0
CIRCLES = (
    ("bone", (240.0, 250.0)),
    ("csf", (480.0, 250.0)),
    ("soft", (360.0, 450.0)),
)


def draw() -> Figure:
    d = Figure(720, title=TITLE, desc=DESC, name="biopsychosocial")
    for role, (x, y) in CIRCLES:
        d.append(dw.Circle(x, y, R, class_=f"fig-{role}", stroke_width=OUTLINE, fill_opacity=0.55))
    text(d, 175, 160, "Biological", bold=True)
    text(d, 175, 196, ["tissue injury,", "nerve sensitisation"])
    text(d, 545, 160, "Psychological", bold=True)
    text(d, 545, 196, ["mood, beliefs,", "fear of movement,", "coping"])
    text(d, 360, 540, "Social", bold=True)
    text(d, 360, 576, ["work, family,", "finances"])
    text(d, 360, 326, ["Pain and", "disability"], bold=True)
    text(d, 360, 690, "Selection assesses all three, not only the spine", role="muted")
    fit_height(d, 700)
    return d
