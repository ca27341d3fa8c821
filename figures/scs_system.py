"""Figure: a spinal cord stimulation system, permanent implant and trial (spinal cord stimulation page).

Only what the page states with its sources: leads lie in the dorsal epidural space behind the dorsal columns
(Hara 2022); for back and leg pain stimulation is delivered at the thoracolumbar level, and permanent leads are
anchored and tunnelled to a pocket for the pulse generator, usually in the upper buttock or abdomen (FDA 2015);
during a trial the leads connect to an external generator and are removed afterwards (the page's trial steps).
Schematic, not to scale: no vertebral levels are named.

Three panels stacked for a phone: the side view across the full width with its labels above and below it, then
the cross-section, then the trial.
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
    arrow,
    box,
    cord,
    leader,
    line,
    outline,
    path,
    polygon_data,
    smooth,
    span,
    text,
)

TITLE = "A spinal cord stimulation system"
DESC = (
    "Three panels, one above the other. Top: side view of the lower thoracic and lumbar spine of a patient lying "
    "face down, head to the left and back upwards. The spinal cord lies in the spinal canal, surrounded by dura and "
    "cerebrospinal fluid. A stimulation lead lies in the epidural space behind the dura, with its contacts over the "
    "dorsal columns at the thoracolumbar level. It leaves the canal between two laminae, is anchored, and runs "
    "under the skin to an implanted pulse generator in the upper buttock. Middle: a cross-section showing the lead "
    "in the dorsal epidural space, behind the dorsal columns of the cord. Bottom: during a trial the temporary "
    "leads come out through the skin to an external generator and are removed at the end of the trial. Schematic, "
    "not to scale."
)

LEFT, RIGHT = 16.0, 424.0
LEVELS = 5
BODY_W, GAP, X0 = 66.0, 14.0, 10.0
PITCH = BODY_W + GAP
SKIN = [(0, 164), (210, 164), (280, 160), (322, 138), (372, 104), (418, 108), (440, 118)]
LAMINA_TOP, LAMINA_BASE = 206.0, 280.0
LEAD_Y = 290.0
DURA_TOP, DURA_BOTTOM = 300.0, 344.0
BODY_TOP, BODY_H = 350.0, 62.0


def gap_x(i: int) -> float:
    """The middle of the gap after vertebral level `i` (0 = the most cranial, at the left)."""
    return X0 + i * PITCH + BODY_W + GAP / 2


def main_panel(d: Figure) -> float:
    """The side view; returns the bottom of its labels."""
    text(d, LEFT, 26, "Permanent implant, side view", size=HEADING, bold=True, anchor="start")
    # Soft tissue of the back between skin and bone, then the skin line itself.
    path(
        d,
        polygon_data([*SKIN, (440, BODY_TOP + BODY_H + 14), (0, BODY_TOP + BODY_H + 14)]),
        role="soft",
        width=0,
        opacity=0.35,
    )
    outline(d, smooth(SKIN, closed=False), role="ink", width=OUTLINE)
    # Vertebral bodies (front, down) and laminae with spinous processes (back, up).
    for i in range(LEVELS):
        x = X0 + i * PITCH
        vertebra_side(d, x, BODY_TOP, BODY_W, BODY_H)
        lamina = [(x + 6, LAMINA_BASE), (x + BODY_W - 2, LAMINA_BASE), (x + BODY_W - 12, LAMINA_BASE - 40)]
        lamina += [(x + 38, LAMINA_TOP), (x + 16, LAMINA_TOP)]
        path(d, polygon_data(lamina), role="bone")
    # Dura and CSF, cord ending in the upper lumbar canal, roots beyond it.
    path(
        d,
        polygon_data([(0, DURA_TOP), (440, DURA_TOP), (440, DURA_BOTTOM), (0, DURA_BOTTOM)]),
        role="csf",
        width=OUTLINE,
    )
    mid = (DURA_TOP + DURA_BOTTOM) / 2
    conus = 300.0
    path(
        d,
        smooth(
            [(0, mid - 14), (conus - 50, mid - 14), (conus, mid), (conus - 50, mid + 14), (0, mid + 14)], closed=False
        )
        + " Z",
        role="nerve",
        width=OUTLINE,
    )
    for dy in (-8, 0, 8):
        line(d, [(conus - 16, mid), (440, mid + dy)], role="muted", width=FINE)
    # The lead: contacts over the cord, along the dorsal epidural space, out between two laminae, anchored,
    # then tunnelled under the skin to the generator in the upper buttock.
    exit_x = gap_x(2)
    route = [(30, LEAD_Y), (exit_x - 34, LEAD_Y), (exit_x, LEAD_Y - 16), (exit_x + 2, LAMINA_TOP - 8)]
    route += [(exit_x + 30, 182), (330, 170), (364, 150)]
    cord(d, route, role="device", width=7)
    for i in range(8):
        d.append(dw.Rectangle(38 + i * 20, LEAD_Y - 6, 11, 12, class_="fig-ink", stroke_width=0))
    anchor = (exit_x + 1, LAMINA_TOP - 14)
    d.append(dw.Rectangle(anchor[0] - 10, anchor[1] - 8, 20, 16, rx=3, class_="fig-device", stroke_width=FINE))
    d.append(dw.Rectangle(350, 118, 68, 44, rx=12, class_="fig-device", stroke_width=OUTLINE))
    leader(d, (gap_x(1), LEAD_Y - 6), (LEFT, 60), ["Lead in the dorsal", "epidural space"])
    leader(d, (anchor[0], anchor[1] - 8), (anchor[0] - 30, 128), "Anchor")
    leader(d, (394, 126), (RIGHT, 60), ["Pulse generator", "(upper buttock)"], anchor="end")
    text(d, 352, 194, "Tunnelled", size=LABEL_SMALL)
    arrow(d, [(76, 188), (24, 188)], role="muted", width=OUTLINE, head=10)
    text(d, 84, 193, "Head", size=LABEL_SMALL, anchor="start", role="muted")
    span(d, 38, 198, BODY_TOP + BODY_H + 30, "Thoracolumbar level", size=LABEL_SMALL)
    below = BODY_TOP + BODY_H + 96
    leader(d, (30, BODY_TOP + 30), (LEFT, below), "Vertebral body")
    leader(d, (gap_x(2), mid), (gap_x(2) - 30, below), "Spinal cord")
    leader(d, (gap_x(4), mid + 10), (RIGHT, below), ["Dura and", "CSF"], anchor="end")
    return below + 22


def axial_panel(d: Figure, top: float) -> float:
    """The cross-section, back up and front down; returns its bottom."""
    cx, cy = 220.0, top + 130
    text(d, cx, top, "Cross-section", size=HEADING, bold=True)
    text(d, cx, top + 26, "Back", size=LABEL_SMALL, role="muted")
    # Bony ring: the body in front (down), the arch behind (up).
    d.append(dw.Ellipse(cx, cy + 120, 80, 46, class_="fig-bone", stroke_width=OUTLINE))
    arch = [(cx - 88, cy + 70), (cx - 84, cy - 40), (cx - 30, cy - 84), (cx, cy - 90), (cx + 30, cy - 84)]
    arch += [(cx + 84, cy - 40), (cx + 88, cy + 70), (cx + 66, cy + 70), (cx + 62, cy - 30), (cx + 22, cy - 62)]
    arch += [(cx, cy - 66), (cx - 22, cy - 62), (cx - 62, cy - 30), (cx - 66, cy + 70)]
    path(d, smooth(arch), role="bone")
    d.append(dw.Circle(cx, cy + 10, 52, class_="fig-csf", stroke_width=OUTLINE))
    d.append(dw.Ellipse(cx, cy + 12, 36, 28, class_="fig-nerve", stroke_width=OUTLINE))
    # Dorsal columns: the back (upper) part of the cord either side of the midline.
    outline(d, f"M{cx - 14},{cy - 14} L{cx},{cy + 8} L{cx + 14},{cy - 14}", role="ink", width=FINE)
    d.append(dw.Circle(cx, cy - 52, 10, class_="fig-device", stroke_width=OUTLINE))
    leader(d, (cx + 9, cy - 52), (cx + 110, cy - 70), "Lead", anchor="start")
    leader(d, (cx - 6, cy - 4), (LEFT, cy - 40), ["Dorsal", "columns"], anchor="start")
    leader(d, (cx + 44, cy + 34), (cx + 110, cy + 40), ["Dura", "and CSF"], anchor="start")
    text(d, cx, cy + 190, "Front", size=LABEL_SMALL, role="muted")
    return cy + 190


def trial_panel(d: Figure, top: float) -> float:
    """The trial: temporary leads out through the skin to an external generator; returns its bottom."""
    x = 50.0
    text(d, 220, top, "Trial", size=HEADING, bold=True)
    skin = top + 130
    path(
        d,
        polygon_data([(x, skin), (x + 340, skin), (x + 340, skin + 100), (x, skin + 100)]),
        role="soft",
        width=0,
        opacity=0.35,
    )
    line(d, [(x, skin), (x + 340, skin)], role="ink", width=OUTLINE)
    text(d, x + 8, skin + 26, "Skin", size=LABEL_SMALL, anchor="start")
    cord(
        d,
        [(x + 20, skin + 74), (x + 150, skin + 74), (x + 190, skin + 46), (x + 200, skin), (x + 210, skin - 50)],
        role="device",
        width=7,
    )
    box(d, x + 130, top + 16, 200, 64, ["External", "generator"], outline="device", width=EMPHASIS)
    text(d, 220, skin + 136, ["Temporary leads leave the", "skin; removed after the trial"], size=LABEL_SMALL)
    return skin + 136 + 19


def draw() -> Figure:
    d = Figure(1200, title=TITLE, desc=DESC, name="scs-system")
    bottom = main_panel(d)
    bottom = axial_panel(d, bottom + 50)
    bottom = trial_panel(d, bottom + 50)
    text(d, 220, bottom + 34, "Schematic, not to scale.", size=LABEL_SMALL, role="muted")
    fit_height(d, bottom + 34)
    return d
