"""Figure: the layers an interlaminar epidural needle passes, and where resistance is lost.

Standard midline anatomy (skin, subcutaneous tissue, supraspinous and interspinous ligaments, ligamentum flavum,
epidural space, dura); the loss-of-resistance point follows the page's description after StatPearls (Hassan 2020).
Side (sagittal) view, head to the left, back at the bottom: the drawing on the left, the numbered layers labelled
in a column on its right. Schematic, not to scale.
"""

from __future__ import annotations

import drawsvg as dw

from figures.shapes import vertebra_side
from figures.style import FINE, LABEL_SMALL, Figure, arrow, leader, needle, path, polygon_data, text

TITLE = "Layers crossed by a midline interlaminar epidural needle"
DESC = (
    "Side view of two lumbar levels with the head to the left and the back of the body at the bottom; the layers "
    "are labelled in a column on the right, numbered from the skin inwards. A needle enters from the back and "
    "passes, in order: 1 skin, 2 subcutaneous tissue, 3 supraspinous ligament over the tips of the spinous "
    "processes, 4 interspinous ligament between the spinous processes, 5 ligamentum flavum between the laminae, "
    "and its tip stops in 6 the epidural space, short of 7 the dura, which encloses the thecal sac with "
    "cerebrospinal fluid. Resistance to injection is firm in the ligamentum flavum and is lost suddenly as the tip "
    "enters the epidural space (circled, with the note below the drawing). Schematic, not to scale."
)

L, R = 14.0, 268.0  # left and right edges of the drawing; labels start at LX
LX = 286.0
NX = 148.0  # needle line, through the interspinous gap
GAP = (118.0, 178.0)  # the interlaminar gap: ligamentum flavum and interspinous ligament


def rect(d: dw.Drawing, x: float, y: float, w: float, h: float, role: str, opacity: float | None = None) -> None:
    path(d, polygon_data([(x, y), (x + w, y), (x + w, y + h), (x, y + h)]), role=role, width=FINE, opacity=opacity)


def draw() -> Figure:
    d = Figure(700, title=TITLE, desc=DESC, name="epidural-layers")
    g0, g1 = GAP
    vertebra_side(d, L, 40, 114, 80)
    rect(d, L + 118, 44, 24, 72, "soft")  # disc
    vertebra_side(d, L + 146, 40, R - L - 146, 80)
    rect(d, L, 232, R - L, 30, "soft", opacity=0.45)  # epidural fat
    path(d, polygon_data([(L, 140), (R, 140), (R, 226), (L, 226)]), role="csf")  # thecal sac
    rect(d, L, 262, g0 - L, 36, "bone")  # lamina above
    rect(d, g1, 262, R - g1, 36, "bone")  # lamina below
    rect(d, g0, 262, g1 - g0, 30, "soft")  # ligamentum flavum
    path(d, polygon_data([(30, 298), (g0, 298), (g0, 446), (46, 446)]), role="bone")  # spinous process
    path(d, polygon_data([(g1, 298), (258, 298), (246, 446), (g1, 446)]), role="bone")
    rect(d, g0, 292, g1 - g0, 154, "soft", opacity=0.7)  # interspinous ligament
    rect(d, 46, 446, 200, 16, "soft")  # supraspinous ligament
    rect(d, L, 462, R - L, 100, "soft", opacity=0.3)  # subcutaneous tissue
    rect(d, L, 562, R - L, 16, "soft")  # skin

    needle(d, (NX, 640), (NX, 244), width=5)
    d.append(dw.Circle(NX, 252, 14, class_="fig-fill-none fig-warn", stroke_width=3))
    arrow(d, [(212, 626), (NX + 8, 266)], role="warn", width=2)
    text(d, 176, 660, ["Loss of resistance:", "tip leaves the flavum"], anchor="start", bold=True)

    text(d, L + 8, 28, "← Head", anchor="start", size=LABEL_SMALL, role="muted")
    leader(d, (244, 80), (LX, 86), ["Vertebral", "body"])
    leader(d, (244, 184), (LX, 176), ["7  Dura and", "thecal sac", "(CSF)"])
    leader(d, (244, 247), (LX, 254), ["6  Epidural", "space"])
    leader(d, (170, 277), (LX, 312), ["5  Ligamentum", "flavum"])
    leader(d, (166, 380), (LX, 378), ["4  Interspinous", "ligament"])
    leader(d, (236, 454), (LX, 446), ["3  Supraspinous", "ligament"])
    leader(d, (244, 512), (LX, 512), ["2  Subcutaneous", "tissue"])
    leader(d, (244, 570), (LX, 586), "1  Skin")
    text(d, L + 10, 212, "Cerebrospinal fluid", anchor="start", size=LABEL_SMALL)
    text(d, 72, 370, ["Spinous", "process"], size=LABEL_SMALL)
    text(d, (L + g0) / 2, 286, "Lamina", size=LABEL_SMALL)
    return d
