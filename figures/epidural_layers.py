"""Figure: the layers an interlaminar epidural needle passes, and where resistance is lost.

Standard midline anatomy (skin, subcutaneous tissue, supraspinous and interspinous ligaments, ligamentum flavum,
epidural space, dura); the loss-of-resistance point follows the page's description after StatPearls (Hassan 2020).
Side (sagittal) view, head to the left, back at the bottom. Schematic, not to scale.
"""

from __future__ import annotations

import drawsvg as dw

from figures.shapes import vertebra_side
from figures.style import FINE, LABEL_SMALL, Figure, arrow, leader, needle, path, polygon_data, text

TITLE = "Layers crossed by a midline interlaminar epidural needle"
DESC = (
    "Side view of two lumbar levels with the head to the left and the back of the body at the bottom. A needle "
    "enters from the back and passes, in order: 1 skin, 2 subcutaneous tissue, 3 supraspinous ligament over the "
    "tips of the spinous processes, 4 interspinous ligament between the spinous processes, 5 ligamentum flavum "
    "between the laminae, and its tip stops in 6 the epidural space, short of 7 the dura, which encloses the "
    "thecal sac with cerebrospinal fluid. Resistance to injection is firm in the ligamentum flavum and is lost "
    "suddenly as the tip enters the epidural space. Schematic, not to scale."
)


def rect(d: dw.Drawing, x: float, y: float, w: float, h: float, role: str, opacity: float | None = None) -> None:
    path(d, polygon_data([(x, y), (x + w, y), (x + w, y + h), (x, y + h)]), role=role, width=FINE, opacity=opacity)


def draw() -> Figure:
    d = Figure(700, title=TITLE, desc=DESC, name="epidural-layers")
    nx = 250  # needle line
    vertebra_side(d, 30, 40, 196, 80)
    rect(d, 230, 44, 40, 72, "soft")  # disc
    vertebra_side(d, 274, 40, 196, 80)
    rect(d, 30, 232, 440, 30, "soft", opacity=0.45)  # epidural fat
    path(d, polygon_data([(30, 140), (470, 140), (470, 226), (30, 226)]), role="csf")  # thecal sac
    rect(d, 30, 262, 170, 36, "bone")  # lamina above
    rect(d, 300, 262, 170, 36, "bone")  # lamina below
    rect(d, 200, 262, 100, 30, "soft")  # ligamentum flavum
    path(d, polygon_data([(90, 298), (200, 298), (200, 446), (110, 446)]), role="bone")  # spinous process
    path(d, polygon_data([(300, 298), (420, 298), (400, 446), (300, 446)]), role="bone")
    rect(d, 200, 292, 100, 154, "soft", opacity=0.7)  # interspinous ligament
    rect(d, 90, 446, 330, 16, "soft")  # supraspinous ligament
    rect(d, 30, 462, 440, 100, "soft", opacity=0.3)  # subcutaneous tissue
    rect(d, 30, 562, 440, 16, "soft")  # skin

    needle(d, (nx, 640), (nx, 244), width=5)
    d.append(dw.Circle(nx, 252, 14, class_="fig-fill-none fig-warn", stroke_width=3))
    arrow(d, [(150, 612), (236, 262)], role="warn", width=2)
    text(d, 16, 648, ["Loss of resistance:", "tip leaves the flavum"], anchor="start", bold=True)

    text(d, 40, 28, "← Head", anchor="start", size=LABEL_SMALL, role="muted")
    leader(d, (440, 80), (496, 86), "Vertebral body")
    leader(d, (440, 184), (496, 190), ["7  Dura and", "thecal sac (CSF)"])
    leader(d, (440, 247), (496, 252), "6  Epidural space")
    leader(d, (285, 280), (496, 300), "5  Ligamentum flavum")
    leader(d, (285, 380), (496, 376), ["4  Interspinous", "ligament"])
    leader(d, (410, 454), (496, 450), ["3  Supraspinous", "ligament"])
    leader(d, (440, 512), (496, 520), ["2  Subcutaneous", "tissue"])
    leader(d, (440, 570), (496, 590), "1  Skin")
    text(d, 40, 210, "Cerebrospinal fluid", anchor="start", size=LABEL_SMALL)
    text(d, 115, 380, ["Spinous", "process"], size=LABEL_SMALL)
    text(d, 115, 287, "Lamina", size=LABEL_SMALL)
    return d
