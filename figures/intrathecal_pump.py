"""Figure: an implanted intrathecal drug delivery system and the pump's two ports (intrathecal drug delivery page).

Only what the page states with its sources: a Tuohy needle enters the lumbar intrathecal space and the catheter is
advanced so its tip lies at the intended spinal level; the pump sits under the skin, typically of the abdomen
(FDA 2018); most pumps have a central reservoir septum for refills and a separate catheter access port that leads
straight to the CSF; refills must go only through the reservoir septum (baclofen labelling; Maino 2017 for pocket
fills). The page names no catheter-tip level, so none is drawn. Schematic, not to scale.

Drawn for a phone: the trunk keeps the spine at its back edge and its labels in the empty abdomen or below it; the
pump face comes underneath with its labels above and below it, the overdose warning last.
"""

from __future__ import annotations

import drawsvg as dw

from figures.flow import fit_height
from figures.shapes import vertebra_side
from figures.style import (
    EMPHASIS,
    FINE,
    HEADING,
    LABEL_SMALL,
    OUTLINE,
    Figure,
    cord,
    leader,
    line,
    needle,
    outline,
    path,
    polygon_data,
    smooth,
    text,
)

TITLE = "An implanted intrathecal pump and catheter"
DESC = (
    "Top: side view of the trunk, front to the left, back to the right. A pump lies under the skin of the "
    "abdominal wall. Its catheter is tunnelled under the skin round the flank to the back, enters the spinal canal "
    "between two lumbar laminae, and runs up inside the thecal sac so that its tip lies in the cerebrospinal fluid "
    "at the intended spinal level. Bottom: the pump seen from the front. A refill needle enters the central "
    "reservoir septum, the only place a refill may go. A separate catheter access port at the side leads straight "
    "to the catheter and the cerebrospinal fluid. Below it, a warning: refill drug injected outside the septum, "
    "into that port or the pocket around the pump, can cause an overdose. Schematic, not to scale."
)

LEFT, RIGHT = 16.0, 424.0
TOP = 64.0  # top edge of the trunk
SPINE_X = 246.0  # front of the vertebral bodies
SAC = (306.0, 336.0)  # front and back walls of the thecal sac
CORD_X = 321.0
PITCH = 68.0


def y(v: float) -> float:
    """A height in the trunk, measured from its top edge."""
    return TOP + v


BODY = [(62, y(0)), (44, y(120)), (32, y(260)), (24, y(360)), (30, y(460)), (60, y(520)), (410, y(520))]
BODY += [(412, y(380)), (404, y(260)), (410, y(120)), (418, y(0))]


def gap_y(i: int) -> float:
    """The middle of the disc space below vertebral level `i` (0 at the top)."""
    return y(24 + i * PITCH + 56 + 6)


def trunk(d: Figure) -> None:
    text(d, LEFT, 26, "Implanted system, side view", size=HEADING, bold=True, anchor="start")
    text(d, 30, 54, "Front", size=LABEL_SMALL, role="muted", anchor="start")
    text(d, 410, 54, "Back", size=LABEL_SMALL, role="muted", anchor="end")
    path(d, smooth(BODY, closed=False) + " Z", role="soft", width=OUTLINE, opacity=0.35)
    # Lumbar and lower thoracic vertebral bodies, the thecal sac and cord behind them, laminae behind that.
    for i in range(7):
        vertebra_side(d, SPINE_X, y(24 + i * PITCH), 54, 56)
    path(d, polygon_data([(SAC[0], y(0)), (SAC[1], y(0)), (SAC[1], y(520)), (SAC[0], y(520))]), role="csf")
    conus = (CORD_X, y(210))
    cord_outline = [(CORD_X + 6, y(0)), (CORD_X + 6, y(60)), (CORD_X + 5, y(160)), conus, (CORD_X - 5, y(160))]
    cord_outline += [(CORD_X - 6, y(60)), (CORD_X - 6, y(0))]
    path(d, smooth(cord_outline, closed=False) + " Z", role="nerve")
    for k in range(8):
        line(d, [conus, (SAC[0] + 7 + k * 2.3, y(520))], role="muted", width=FINE)
    for i in range(7):
        top = y(30 + i * PITCH)
        lamina = [(340, top), (370, top + 4), (388, top + 20), (384, top + 40), (340, top + 46)]
        path(d, polygon_data(lamina), role="bone")


def catheter(d: Figure) -> None:
    # Pump in the abdominal wall, seen edge-on just under the skin.
    d.append(dw.Rectangle(34, y(300), 24, 104, rx=10, class_="fig-device", stroke_width=OUTLINE))
    # Subcutaneous tunnel round the flank (out of this plane: dashed), then into the canal and up to the tip.
    outline(
        d,
        smooth([(58, y(380)), (140, y(470)), (260, y(504)), (378, y(490)), (400, y(456))], closed=False),
        role="device",
        width=5,
        dash="10 8",
    )
    entry = gap_y(5)
    tip = (CORD_X, gap_y(3))
    route = [(400, y(456)), (386, entry + 10), (360, entry), (CORD_X, entry - 4), (CORD_X, entry - 40), tip]
    cord(d, route, role="device", width=6)
    d.append(dw.Circle(*tip, 8, class_="fig-drug", stroke_width=FINE))
    leader(d, (52, y(362)), (72, y(350)), ["Pump under", "the skin of", "the abdomen"])
    leader(d, (SAC[0] + 4, gap_y(0)), (236, gap_y(0) + 6), "Thecal sac (CSF)", anchor="end")
    leader(d, (CORD_X, gap_y(1)), (236, gap_y(1) + 6), "Spinal cord", anchor="end")
    leader(
        d,
        (tip[0] - 8, tip[1]),
        (236, tip[1] - 15),
        ["Catheter tip", "in the CSF, at the", "intended level"],
        anchor="end",
    )
    leader(d, (120, y(452)), (LEFT, y(570)), ["Tunnelled round", "the flank"])
    leader(d, (372, entry + 2), (RIGHT, y(570)), ["Enters the lumbar", "intrathecal space"], anchor="end")


def pump_face(d: Figure, top: float) -> float:
    """The pump seen from the front; returns the bottom of its last label."""
    text(d, LEFT, top, "The pump from the front", size=HEADING, bold=True, anchor="start")
    cx, cy, radius = 190.0, top + 190, 110.0
    d.append(dw.Circle(cx, cy, radius, class_="fig-device", stroke_width=OUTLINE, fill_opacity=0.3))
    d.append(dw.Circle(cx, cy, 34, class_="fig-fill-none fig-ink", stroke_width=EMPHASIS))
    d.append(dw.Circle(cx, cy, 14, class_="fig-ink"))
    port = (cx + 78, cy + 58)
    d.append(dw.Circle(*port, 14, class_="fig-fill-none fig-warn", stroke_width=EMPHASIS))
    d.append(dw.Circle(*port, 5, class_="fig-warn", stroke_width=0))
    cord(d, [(cx + radius - 2, cy + 24), (cx + 170, cy + 44), (cx + 214, cy + 80)], role="device", width=6)
    needle(d, (cx - 100, cy - 100), (cx - 8, cy - 6), width=5)
    leader(d, (cx + 24, cy - 24), (LEFT, top + 40), "Reservoir septum: refills go here only")
    text(d, cx + 150, cy + 16, "Catheter", size=LABEL_SMALL, anchor="start")
    below = cy + radius + 44
    leader(
        d,
        (port[0] + 8, port[1] + 10),
        (RIGHT, below),
        ["Catheter access port:", "leads straight to the CSF"],
        anchor="end",
        role="warn",
    )
    text(
        d,
        RIGHT,
        below + 64,
        ["Drug injected outside the", "septum can cause overdose"],
        anchor="end",
        size=LABEL_SMALL,
        role="warn",
    )
    return below + 64 + 19


def draw() -> Figure:
    d = Figure(1200, title=TITLE, desc=DESC, name="intrathecal-pump")
    trunk(d)
    catheter(d)
    bottom = pump_face(d, y(650))
    text(d, 220, bottom + 40, "Schematic, not to scale.", size=LABEL_SMALL, role="muted")
    fit_height(d, bottom + 40)
    return d
