"""Figure: an implanted intrathecal drug delivery system and the pump's two ports (intrathecal drug delivery page).

Only what the page states with its sources: a Tuohy needle enters the lumbar intrathecal space and the catheter is
advanced so its tip lies at the intended spinal level; the pump sits under the skin, typically of the abdomen
(FDA 2018); most pumps have a central reservoir septum for refills and a separate catheter access port that leads
straight to the CSF; refills must go only through the reservoir septum (baclofen labelling; Maino 2017 for pocket
fills). The page names no catheter-tip level, so none is drawn. Schematic, not to scale.
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
    "to the catheter and the cerebrospinal fluid; refill drug injected there, or into the pocket around the pump, "
    "can cause an overdose. Schematic, not to scale."
)

BODY = [(150, 40), (128, 160), (112, 300), (96, 400), (104, 500), (140, 560), (660, 560), (652, 420), (640, 300)]
BODY += [(650, 160), (660, 40)]


def trunk(d: Figure) -> None:
    text(d, 20, 30, "Implanted system, side view", size=HEADING, bold=True, anchor="start")
    path(d, smooth(BODY, closed=False) + " Z", role="soft", width=OUTLINE, opacity=0.35)
    # Lumbar and lower thoracic vertebral bodies, the thecal sac and cord behind them, laminae behind that.
    for i in range(7):
        vertebra_side(d, 440, 64 + i * 68, 72, 56)
    path(d, polygon_data([(522, 40), (556, 40), (556, 560), (522, 560)]), role="csf", width=OUTLINE)
    path(d, smooth([(532, 46), (546, 46), (545, 200), (539, 250), (533, 200)], closed=False) + " Z", role="nerve")
    for y in range(8):
        line(d, [(539, 250), (530 + y * 2.5, 560)], role="muted", width=FINE)
    for i in range(7):
        y = 70 + i * 68
        path(d, polygon_data([(560, y), (600, y + 4), (624, y + 20), (618, y + 40), (560, y + 46)]), role="bone")
    text(d, 70, 300, "Front", size=LABEL_SMALL, role="muted", anchor="middle")
    text(d, 690, 300, "Back", size=LABEL_SMALL, role="muted", anchor="middle")


def catheter(d: Figure) -> None:
    # Pump in the abdominal wall, seen edge-on just under the skin.
    d.append(dw.Rectangle(112, 360, 30, 104, rx=12, class_="fig-device", stroke_width=OUTLINE))
    # Subcutaneous tunnel round the flank (out of this plane: dashed), then into the canal and up to the tip.
    outline(
        d,
        smooth([(142, 440), (260, 520), (460, 548), (620, 530), (644, 496)], closed=False),
        role="device",
        width=5,
        dash="10 8",
    )
    cord(d, [(644, 496), (626, 476), (590, 467), (540, 462), (539, 420), (539, 330)], role="device", width=6)
    d.append(dw.Circle(539, 330, 8, class_="fig-drug", stroke_width=FINE))
    leader(d, (127, 380), (160, 110), ["Pump under the skin", "of the abdomen"])
    leader(d, (300, 528), (230, 600), "Tunnelled round the flank")
    leader(d, (600, 469), (470, 600), ["Enters the lumbar", "intrathecal space"], anchor="start")
    leader(d, (539, 330), (420, 262), ["Catheter tip in the CSF,", "at the intended level"], anchor="end")
    leader(d, (552, 130), (700, 100), ["Thecal", "sac (CSF)"], anchor="end")
    leader(d, (539, 180), (420, 180), "Spinal cord", anchor="end")


def pump_face(d: Figure, cx: float, cy: float) -> None:
    text(d, 20, 700, "The pump from the front", size=HEADING, bold=True, anchor="start")
    d.append(dw.Circle(cx, cy, 120, class_="fig-device", stroke_width=OUTLINE, fill_opacity=0.3))
    d.append(dw.Circle(cx, cy, 34, class_="fig-fill-none fig-ink", stroke_width=EMPHASIS))
    d.append(dw.Circle(cx, cy, 14, class_="fig-ink"))
    port = (cx + 82, cy + 60)
    d.append(dw.Circle(*port, 14, class_="fig-fill-none fig-warn", stroke_width=EMPHASIS))
    d.append(dw.Circle(*port, 5, class_="fig-warn", stroke_width=0))
    cord(d, [(cx + 118, cy + 30), (cx + 200, cy + 50), (cx + 260, cy + 90)], role="device", width=6)
    needle(d, (cx - 110, cy - 110), (cx - 8, cy - 6), width=5)
    leader(d, (cx - 30, cy + 14), (20, cy + 190), ["Reservoir septum:", "refills go here only"])
    leader(
        d,
        (port[0] + 10, port[1] + 10),
        (700, cy + 180),
        ["Catheter access port:", "leads straight to the CSF"],
        anchor="end",
        role="warn",
    )
    text(d, cx + 190, cy + 130, "Catheter", size=LABEL_SMALL, anchor="start")
    text(
        d,
        700,
        cy - 90,
        ["Drug injected outside the", "septum can cause overdose"],
        anchor="end",
        size=LABEL_SMALL,
        role="warn",
    )


def draw() -> Figure:
    d = Figure(1120, title=TITLE, desc=DESC, name="intrathecal-pump")
    trunk(d)
    catheter(d)
    pump_face(d, 260, 850)
    text(d, 360, 1104, "Schematic, not to scale.", size=LABEL_SMALL, role="muted")
    return d
