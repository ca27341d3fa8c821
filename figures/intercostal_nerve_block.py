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
    LABEL,
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

TOP, BOTTOM = 50.0, 620.0  # the section is cut straight across at these heights
SKIN, FAT, PLEURA, RIGHT = 46.0, 92.0, 236.0, 440.0
RIB_X, RIB_RX, RIB_RY = 168.0, 34.0, 72.0
UPPER_RIB_Y, LOWER_RIB_Y = 150.0, 560.0
BUNDLE_X = RIB_X + 30  # under the inner half of the rib's lower edge
VEIN, ARTERY, NERVE = (BUNDLE_X, 222.0), (BUNDLE_X + 2, 241.0), (BUNDLE_X, 259.0)
LABEL_X = 262.0  # labels sit over the pale lung, right of the pleura


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
    d = Figure(860, title=TITLE, desc=DESC, name="intercostal-nerve-block")
    # Layers of the section, outside to inside.
    path(d, polygon_data([(SKIN, TOP), (FAT, TOP), (FAT, BOTTOM), (SKIN, BOTTOM)]), role="soft", width=0, opacity=0.35)
    path(d, polygon_data([(FAT, TOP), (PLEURA, TOP), (PLEURA, BOTTOM), (FAT, BOTTOM)]), role="soft", width=FINE)
    lung = [(PLEURA, TOP), (RIGHT, TOP), (RIGHT, BOTTOM), (PLEURA, BOTTOM)]
    path(d, polygon_data(lung), role="soft", width=0, opacity=0.15)
    line(d, [(SKIN, TOP), (SKIN, BOTTOM)], role="ink", width=EMPHASIS)
    rib(d, UPPER_RIB_Y)
    rib(d, LOWER_RIB_Y)
    line(d, [(PLEURA, TOP), (PLEURA, BOTTOM)], role="warn", width=EMPHASIS)
    # Neurovascular bundle in the groove under the upper rib: vein, artery, nerve from the top.
    blob(d, (BUNDLE_X, 246), 26, 42)
    d.append(dw.Circle(*VEIN, 10, class_="fig-vessel", stroke_width=FINE))
    d.append(dw.Circle(*ARTERY, 7, class_="fig-vessel", stroke_width=FINE))
    d.append(dw.Circle(*NERVE, 9, class_="fig-nerve", stroke_width=OUTLINE))
    # Step 1: the needle meets the rib (dashed); step 2: walked off its lower edge to lie beside the nerve.
    rib_side = (RIB_X - RIB_RX, 174.0)
    line(d, [(14, 256), rib_side], role="muted", width=5, dash="12 8")
    needle(d, (30, 356), (BUNDLE_X - 14, 270))
    text(d, 62, 210, "1", bold=True)
    text(d, 74, 372, "2", bold=True)
    # Labels.
    text(d, SKIN, 30, "Outside", size=LABEL_SMALL, role="muted")
    text(d, (PLEURA + RIGHT) / 2, 30, "Inside", size=LABEL_SMALL, role="muted")
    right: list[tuple[tuple[float, float], float, list[str], str, bool]] = [
        ((RIB_X + 20, 110), 106, ["Rib"], "ink", False),
        ((VEIN[0] + 10, VEIN[1]), 176, ["Vein"], "ink", False),
        ((ARTERY[0] + 7, ARTERY[1]), 222, ["Artery"], "ink", False),
        ((NERVE[0] + 9, NERVE[1]), 268, ["Nerve"], "ink", True),
        ((BUNDLE_X + 12, 280), 316, ["Local", "anaesthetic"], "drug", True),
        ((PLEURA, 420), 410, ["Pleura: only", "millimetres", "beyond"], "warn", True),
        ((RIB_X - 4, 430), 520, ["Intercostal", "muscles"], "ink", False),
    ]
    for target, y, lines, role, bold in right:
        pointer(d, target, (LABEL_X - 6, y - 6))
        text(d, LABEL_X, y, lines, anchor="start", role=role, bold=bold)
    text(d, (PLEURA + RIGHT) / 2 + 40, 600, "Lung", role="muted")
    pointer(d, (SKIN, 520), (SKIN + 40, 660))
    text(d, SKIN + 46, 666, "Skin", anchor="start")
    for i, step in enumerate((["Needle meets the rib"], ["Walked off its lower edge:", "tip beside the nerve"])):
        y = 710 + i * 30
        text(d, 20, y, str(i + 1), anchor="start", bold=True)
        text(d, 42, y, step, anchor="start")
    fit_height(d, 740 + LABEL * 1.25)
    return d
