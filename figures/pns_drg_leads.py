"""Figure: where the lead lies in peripheral nerve stimulation and in dorsal root ganglion stimulation
(peripheral nerve and DRG stimulation page).

Only what the page states with its sources: a percutaneous PNS lead is placed through the skin near, not on, the
peripheral nerve that supplies the painful area, at a remote distance of millimetres to centimetres (Rauck 2012,
2014), and a temporary system is driven by a stimulator outside the body (Nayak 2018); a DRG lead is steered from
the epidural space out into the intervertebral foramen, where the dorsal root ganglion lies (the spinal cord
stimulation page). Schematic, not to scale: no distances are drawn.
"""

from __future__ import annotations

import drawsvg as dw

from figures.shapes import vertebra_axial
from figures.style import HEADING, LABEL_SMALL, OUTLINE, Figure, box, cord, leader, line, path, polygon_data, text

TITLE = "Where the lead lies: peripheral nerve and dorsal root ganglion stimulation"
DESC = (
    "Two panels. Top, peripheral nerve stimulation in a limb, seen from the side: a peripheral nerve runs across "
    "the soft tissue below the skin. A thin lead enters through the skin and ends lying alongside the nerve, a "
    "short distance from it rather than touching it. Its other end leaves the skin and connects to a small "
    "external stimulator worn on the skin, as in a temporary system. Bottom, dorsal root ganglion stimulation, "
    "an axial section of a lumbar vertebra with the front of the body at the top: the thecal sac lies in the "
    "spinal canal, and on each side a nerve root leaves through the intervertebral foramen. On the right, the "
    "dorsal root ganglion is a swelling of the root in the foramen, and a lead passes from the epidural space "
    "behind the sac out into the foramen to lie on the ganglion. Schematic, not to scale."
)

LEFT, RIGHT = 16.0, 424.0


def pns_panel(d: Figure) -> None:
    text(d, 220, 30, "Peripheral nerve stimulation", size=HEADING, bold=True)
    skin, nerve = 130.0, 290.0
    path(d, polygon_data([(LEFT, skin), (RIGHT, skin), (RIGHT, 330), (LEFT, 330)]), role="soft", width=0, opacity=0.4)
    line(d, [(LEFT, skin), (RIGHT, skin)], role="ink", width=OUTLINE)
    cord(d, [(LEFT, nerve), (RIGHT, nerve)], role="nerve", width=16, smooth_curve=False)
    # The lead: out of the skin to the stimulator, in through the skin, ending alongside the nerve.
    lead_end = (392.0, nerve - 34)
    cord(d, [(150, skin), (190, 196), (260, 246), lead_end], role="device", width=5)
    for x in (312.0, 338.0, 364.0):
        d.append(dw.Rectangle(x, lead_end[1] - 4.5, 13, 9, class_="fig-ink", stroke_width=0))
    cord(d, [(122, 96), (150, 108), (150, skin)], role="device", width=5)
    box(d, 30, 80, 92, 32, role="device")
    leader(d, (76, 80), (LEFT, 60), "External stimulator")
    leader(d, (330, skin), (RIGHT, 104), "Skin", anchor="end")
    leader(d, (345, lead_end[1] - 4), (RIGHT, 176), ["Lead alongside", "the nerve"], anchor="end")
    leader(d, (100, nerve), (LEFT, 364), "Peripheral nerve")


def drg_panel(d: Figure, top: float) -> None:
    text(d, 220, top, "Dorsal root ganglion stimulation", size=HEADING, bold=True)
    cx, cy, s = 220.0, top + 250, 1.15
    marks = vertebra_axial(d, cx, cy, s)
    gx, gy = marks["foramen_r"]
    d.append(dw.Ellipse(gx, gy, 22, 16, class_="fig-nerve", stroke_width=OUTLINE))
    # From the epidural space behind the sac, round its side (inside the canal) and out into the foramen.
    route = [(cx + 6 * s, cy + 52 * s), (cx + 40 * s, cy + 34 * s), (cx + 50 * s, cy + 2 * s)]
    route += [(cx + 68 * s, cy - 30 * s), (gx - 13, gy + 2)]
    cord(d, route, role="device", width=6)
    text(d, cx, cy - 110 * s, "Vertebral body", size=LABEL_SMALL)
    leader(d, (gx + 10, gy - 12), (RIGHT, top + 40), ["Dorsal root", "ganglion"], anchor="end")
    leader(d, (cx + 86 * s, cy - 37 * s), (RIGHT, cy + 150), ["Lead in the", "foramen"], anchor="end")
    leader(d, marks["sac_edge"], (LEFT, cy + 150), "Thecal sac")


def draw() -> Figure:
    top = 420.0
    d = Figure(top + 520, title=TITLE, desc=DESC, name="pns-drg-leads")
    pns_panel(d)
    drg_panel(d, top)
    text(d, 220, top + 500, "Schematic, not to scale.", size=LABEL_SMALL, role="muted")
    return d
