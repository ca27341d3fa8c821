"""Figure: a spinal cord stimulation system, permanent implant and trial (spinal cord stimulation page).

Only what the page states with its sources: leads lie in the dorsal epidural space behind the dorsal columns
(Hara 2022); for back and leg pain stimulation is delivered at the thoracolumbar level, and permanent leads are
anchored and tunnelled to a pocket for the pulse generator, usually in the upper buttock or abdomen (FDA 2015);
during a trial the leads connect to an external generator and are removed afterwards (the page's trial steps).
Schematic, not to scale: no vertebral levels are named.
"""

from __future__ import annotations

import drawsvg as dw

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
    "Top: side view of the lower thoracic and lumbar spine of a patient lying face down, head to the left and back "
    "upwards. The spinal cord lies in the spinal canal, surrounded by dura and cerebrospinal fluid. A stimulation "
    "lead lies in the epidural space behind the dura, with its contacts over the dorsal columns at the "
    "thoracolumbar level. It leaves the canal between two laminae, is anchored, and runs under the skin to an "
    "implanted pulse generator in the upper buttock. Bottom left: a cross-section showing the lead in the dorsal "
    "epidural space, behind the dorsal columns of the cord. Bottom right: during a trial the temporary leads come "
    "out through the skin to an external generator and are removed at the end of the trial. Schematic, not to scale."
)

LEVELS = 7
BODY_W, GAP, X0 = 70.0, 14.0, 24.0
BODY_TOP, BODY_H = 300.0, 64.0
LEAD_Y = 238.0
SKIN = [(0, 104), (300, 104), (480, 100), (560, 80), (630, 48), (700, 62), (720, 76)]


def main_panel(d: Figure) -> None:
    text(d, 20, 30, "Permanent implant, side view", size=HEADING, bold=True, anchor="start")
    # Soft tissue of the back between skin and bone, then the skin line itself.
    path(d, polygon_data([*SKIN, (720, 380), (0, 380)]), role="soft", width=0, opacity=0.35)
    outline(d, smooth(SKIN, closed=False), role="ink", width=OUTLINE)
    # Vertebral bodies (front, down) and laminae with spinous processes (back, up).
    for i in range(LEVELS):
        x = X0 + i * (BODY_W + GAP)
        vertebra_side(d, x, BODY_TOP, BODY_W, BODY_H)
        lamina = [(x + 6, 230), (x + BODY_W - 2, 230), (x + BODY_W - 12, 186), (x + 40, 150), (x + 18, 150)]
        path(d, polygon_data(lamina), role="bone")
    # Dura and CSF, cord ending in the upper lumbar canal, roots beyond it.
    path(d, polygon_data([(0, 250), (720, 250), (720, 294), (0, 294)]), role="csf", width=OUTLINE)
    conus = 430.0
    path(
        d,
        smooth([(0, 258), (conus - 60, 258), (conus, 272), (conus - 60, 286), (0, 286)], closed=False) + " Z",
        role="nerve",
        width=OUTLINE,
    )
    for dy in (264, 272, 280):
        line(d, [(conus - 20, 272), (720, dy)], role="muted", width=FINE)
    # The lead: contacts over the cord, along the dorsal epidural space, out between two laminae, anchored,
    # then tunnelled under the skin to the generator in the upper buttock.
    exit_x = X0 + 5 * (BODY_W + GAP) - GAP / 2
    route = [(60, LEAD_Y), (exit_x - 40, LEAD_Y), (exit_x, 222), (exit_x + 4, 150), (exit_x + 40, 126)]
    route += [(560, 118), (598, 100)]
    cord(d, route, role="device", width=7)
    for i in range(8):
        x = 70 + i * 26
        d.append(dw.Rectangle(x, LEAD_Y - 6, 12, 12, class_="fig-ink", stroke_width=0))
    d.append(dw.Rectangle(exit_x - 8, 140, 22, 18, rx=3, class_="fig-device", stroke_width=FINE))
    d.append(dw.Rectangle(596, 70, 84, 52, rx=14, class_="fig-device", stroke_width=OUTLINE))
    leader(d, (170, LEAD_Y - 6), (24, 70), "Lead in the dorsal epidural space")
    leader(d, (610, 90), (584, 26), ["Pulse generator", "(upper buttock)"], anchor="end")
    leader(d, (exit_x + 14, 150), (370, 70), "Anchor", anchor="start")
    text(d, 530, 150, "Tunnelled", size=LABEL_SMALL, anchor="middle")
    leader(d, (300, 272), (250, 432), "Spinal cord")
    leader(d, (560, 290), (700, 432), ["Dura and", "CSF"], anchor="end")
    leader(d, (60, 340), (24, 432), "Vertebral body")
    span(d, 70, 270, 390, ())
    text(d, 170, 380, "Thoracolumbar level", size=LABEL_SMALL)
    arrow(d, [(76, 130), (28, 130)], role="muted", width=OUTLINE, head=10)
    text(d, 84, 135, "Head", size=LABEL_SMALL, anchor="start", role="muted")


def axial_panel(d: Figure, cx: float, cy: float) -> None:
    text(d, cx, 520, "Cross-section", size=HEADING, bold=True)
    text(d, cx, 548, "Back", size=LABEL_SMALL, role="muted")
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
    leader(d, (cx + 9, cy - 52), (cx + 110, cy - 90), "Lead", anchor="start")
    leader(d, (cx - 6, cy - 4), (cx - 150, cy - 120), ["Dorsal", "columns"], anchor="start")
    leader(d, (cx + 44, cy + 34), (cx + 110, cy + 40), ["Dura", "and CSF"], anchor="start")
    text(d, cx, cy + 194, "Front", size=LABEL_SMALL, role="muted")


def trial_panel(d: Figure, x: float) -> None:
    text(d, x + 170, 520, "Trial", size=HEADING, bold=True)
    skin = 690.0
    path(d, polygon_data([(x, skin), (x + 340, skin), (x + 340, 800), (x, 800)]), role="soft", width=0, opacity=0.35)
    line(d, [(x, skin), (x + 340, skin)], role="ink", width=OUTLINE)
    text(d, x + 8, skin + 26, "Skin", size=LABEL_SMALL, anchor="start")
    cord(d, [(x + 20, 770), (x + 150, 770), (x + 190, 740), (x + 200, 690), (x + 210, 640)], role="device", width=7)
    box(d, x + 130, 560, 200, 70, ["External", "generator"], outline="device", width=EMPHASIS)
    text(d, x + 170, 840, ["Temporary leads leave the", "skin; removed after the trial"], size=LABEL_SMALL)


def draw() -> Figure:
    d = Figure(900, title=TITLE, desc=DESC, name="scs-system")
    main_panel(d)
    axial_panel(d, 180, 680)
    trial_panel(d, 370)
    text(d, 360, 890, "Schematic, not to scale.", size=LABEL_SMALL, role="muted")
    return d
