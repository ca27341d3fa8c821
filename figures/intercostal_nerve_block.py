"""Intercostal nerve block in a vertical section of the chest wall, as procedures/peripheral-nerve-blocks.md teaches it.

The page (Ho 2007): each intercostal nerve runs in the subcostal groove along the lower edge of its rib, below the
intercostal artery and vein; the needle is walked off the lower border of the rib, so the pleura lies only
millimetres beyond the target. Checked against regional anaesthesia texts (vein uppermost, then artery, then nerve;
the needle first meets the rib, then is redirected just below it). The muscle layers are drawn as one band because
the page does not name them; no depth or volume is given because the page gives none.
"""

from __future__ import annotations

import math

import drawsvg as dw

from figures.flow import fit_height, pointer
from figures.style import (
    EMPHASIS,
    FINE,
    LABEL_SMALL,
    OUTLINE,
    Figure,
    blob,
    line,
    needle,
    path,
    polygon_data,
    text,
)

TITLE = "Intercostal nerve block"
DESC = (
    "Vertical section through the chest wall, head at the top, outside of the body on the left and the lung on the "
    "right. From outside in: skin, a layer of fat, the intercostal muscles with two ribs cut across, then the "
    "pleura and the lung. Under the lower edge of the upper rib, tucked into its groove, lie the intercostal vein "
    "at the top, the artery below it and the nerve lowest. A dashed needle shows the first step, the needle "
    "touching the outer surface of the rib; the solid needle shows the second step, walked off the lower edge of "
    "the rib so that its tip lies beside the nerve, with local anaesthetic around the nerve. The pleura lies only "
    "just beyond the target, which is why pneumothorax is the main hazard. Schematic, not to scale."
)

TOP, BOTTOM = 90.0, 660.0  # the section is cut straight across at these heights
SKIN, FAT, PLEURA = 60.0, 150.0, 322.0
RIB_X, RIB_RX, RIB_RY = 240.0, 40.0, 72.0
UPPER_RIB_Y, LOWER_RIB_Y = 190.0, 600.0
VEIN, ARTERY, NERVE = (274.0, 262.0), (276.0, 281.0), (274.0, 299.0)


def rib(d: dw.Drawing, cy: float) -> None:
    """A rib cut across (a tall oval, as ribs are flat plates), trimmed where the section ends."""
    pts = []
    for i in range(25):
        t = i / 24
        a = 2 * math.pi * t
        x, y = RIB_X + RIB_RX * math.sin(a), cy - RIB_RY * math.cos(a)
        pts.append((x, min(max(y, TOP), BOTTOM)))
    path(d, polygon_data(pts[:-1]), role="bone")


def draw() -> Figure:
    d = Figure(800, title=TITLE, desc=DESC, name="intercostal-nerve-block")
    # Layers of the section, outside to inside.
    path(d, polygon_data([(SKIN, TOP), (FAT, TOP), (FAT, BOTTOM), (SKIN, BOTTOM)]), role="soft", width=0, opacity=0.35)
    path(d, polygon_data([(FAT, TOP), (PLEURA, TOP), (PLEURA, BOTTOM), (FAT, BOTTOM)]), role="soft", width=FINE)
    lung = [(PLEURA, TOP), (700.0, TOP), (700.0, BOTTOM), (PLEURA, BOTTOM)]
    path(d, polygon_data(lung), role="soft", width=0, opacity=0.15)
    line(d, [(SKIN, TOP), (SKIN, BOTTOM)], role="ink", width=EMPHASIS)
    rib(d, UPPER_RIB_Y)
    rib(d, LOWER_RIB_Y)
    line(d, [(PLEURA, TOP), (PLEURA, BOTTOM)], role="warn", width=EMPHASIS)
    # Neurovascular bundle in the groove under the upper rib: vein, artery, nerve from the top.
    blob(d, (274, 286), 28, 42)
    d.append(dw.Circle(*VEIN, 10, class_="fig-vessel", stroke_width=FINE))
    d.append(dw.Circle(*ARTERY, 7, class_="fig-vessel", stroke_width=FINE))
    d.append(dw.Circle(*NERVE, 9, class_="fig-nerve", stroke_width=OUTLINE))
    # Step 1: the needle meets the rib (dashed); step 2: walked off its lower edge to lie beside the nerve.
    line(d, [(30, 330), (200, 214)], role="muted", width=5, dash="12 8")
    needle(d, (40, 414), (258, 310))
    text(d, 98, 272, "1", bold=True)
    text(d, 110, 428, "2", bold=True)
    # Labels.
    text(d, 40, 70, "Outside", size=LABEL_SMALL, role="muted")
    text(d, 520, 70, "Inside", size=LABEL_SMALL, role="muted")
    pointer(d, (262, 150), (430, 140))
    text(d, 436, 146, "Rib", anchor="start")
    pointer(d, (VEIN[0] + 10, VEIN[1]), (430, 210))
    text(d, 436, 216, "Vein", anchor="start")
    pointer(d, (ARTERY[0] + 7, ARTERY[1]), (430, 256))
    text(d, 436, 262, "Artery", anchor="start")
    pointer(d, (NERVE[0] + 9, NERVE[1]), (430, 302))
    text(d, 436, 308, "Nerve", anchor="start", bold=True)
    pointer(d, (288, 320), (430, 350))
    text(d, 436, 356, "Local anaesthetic", anchor="start", role="drug", bold=True)
    pointer(d, (PLEURA, 440), (430, 440))
    text(d, 436, 446, ["Pleura: only", "millimetres beyond"], anchor="start", role="warn", bold=True)
    pointer(d, (236, 470), (430, 540))
    text(d, 436, 546, ["Intercostal", "muscles"], anchor="start")
    text(d, 600, 630, "Lung", role="muted")
    pointer(d, (SKIN, 560), (100, 700))
    text(d, 106, 706, "Skin", anchor="start")
    text(
        d,
        20,
        750,
        ["1  Needle meets the rib", "2  Walked off its lower edge: tip beside the nerve"],
        anchor="start",
    )
    fit_height(d, 772)
    return d
