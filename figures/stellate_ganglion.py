"""Axial section of the neck at C6 with the anterior (paratracheal) landmark approach to a stellate ganglion block.

Follows procedures/sympathetic-blocks.md and its source Elias 2000: the injection is made at the front of the neck
at C6 (or C7) after the carotid artery is displaced; the cervical sympathetic chain lies on longus colli in front
of the transverse processes; the needle meets the anterior (Chassaignac's) tubercle of C6 and is drawn back to lie
in front of longus colli. The stellate ganglion itself lies lower, at C7 and the first rib (stated in the caption).
"""

from __future__ import annotations

import drawsvg as dw

from figures.flow import fit_height, pointer
from figures.style import FINE, LABEL, LABEL_SMALL, Figure, needle, outline, path, r, smooth, text

TITLE = "Stellate ganglion block at C6: axial view"
DESC = (
    "Axial section of the neck at the sixth cervical vertebra, front of the neck at the top and the patient's "
    "right on the left of the picture. In the midline, the trachea lies in front of the oesophagus, which lies in "
    "front of the vertebral body and spinal cord. On each side, longus colli lies on the front of the vertebral "
    "body and transverse process, with the cervical sympathetic chain on its front surface; the vertebral artery "
    "runs in the foramen of the transverse process; the carotid artery and internal jugular vein lie further "
    "forward and to the side. On the right, the carotid is pushed aside and a needle passes from the front of the "
    "neck, between the trachea and the carotid artery, to the anterior (Chassaignac's) tubercle of C6; its tip "
    "rests just in front of longus colli, where the injectate spreads along the sympathetic chain. Schematic, "
    "not to scale."
)

CX, CY = 220.0, 372.0
S = 0.84  # scale of the section: the neck fills the width, labels go above and below it


def p(x: float, y: float, side: int = 1) -> tuple[float, float]:
    """A point given relative to the centre of the section, mirrored for side -1 (the patient's left)."""
    return (CX + side * x * S, CY + y * S)


def half(d: dw.Drawing, side: int) -> None:
    """The paired structures of one side: muscle, tubercles, vertebral artery, carotid sheath, chain."""
    # Transverse process with anterior and posterior tubercles (bone), leaving a foramen for the vertebral artery.
    tp = [
        p(-50, 10, side),
        p(-88, -6, side),
        p(-112, -28, side),
        p(-126, -22, side),
        p(-120, 0, side),
        p(-138, 12, side),
        p(-132, 30, side),
        p(-100, 28, side),
        p(-62, 40, side),
    ]
    path(d, smooth(tp), role="bone")
    d.append(dw.Circle(*map(r, p(-92, 12, side)), 10, class_="fig-vessel", stroke_width=FINE))
    # Longus colli on the front of the body and transverse process.
    path(
        d,
        smooth(
            [
                p(-30, -40, side),
                p(-70, -44, side),
                p(-104, -40, side),
                p(-92, -22, side),
                p(-56, -20, side),
                p(-28, -24, side),
            ]
        ),
        role="soft",
        width=FINE,
    )
    # Cervical sympathetic chain on the front of longus colli.
    d.append(dw.Ellipse(*map(r, p(-74, -52, side)), 8, 6, class_="fig-nerve", stroke_width=FINE))
    # Carotid artery and internal jugular vein.
    d.append(dw.Circle(*map(r, p(-140, -92, side)), 20, class_="fig-vessel", stroke_width=OUTLINE_W))
    d.append(
        dw.Ellipse(*map(r, p(-182, -78, side)), 24, 20, class_="fig-vessel", fill_opacity=0.55, stroke_width=OUTLINE_W)
    )
    # Sternocleidomastoid over the carotid sheath.
    path(
        d,
        smooth(
            [
                p(-120, -150, side),
                p(-180, -140, side),
                p(-222, -104, side),
                p(-214, -90, side),
                p(-170, -118, side),
                p(-126, -134, side),
            ]
        ),
        role="soft",
        width=FINE,
    )


OUTLINE_W = 2.0
BOTTOM = 650.0  # baseline of the note under the drawing

# (lines, target in section coordinates, label baseline, anchor, where the leader meets the label, font size)
LABELS: list[tuple[list[str], tuple[float, float], tuple[float, float], str, tuple[float, float], float]] = [
    (["Internal", "jugular vein"], (-194, -70), (8, 24), "start", (50, 52), LABEL),
    (["Carotid", "artery"], (-156, -100), (56, 96), "start", (76, 124), LABEL),
    (["Sympathetic", "chain"], (-74, -53), (200, 24), "start", (194, 32), LABEL),
    (["Injectate in front", "of longus colli"], (-54, -56), (200, 100), "start", (194, 104), LABEL_SMALL),
    (["Trachea"], (20, -145), (250, 160), "start", (246, 154), LABEL),
    (["Oesophagus"], (40, -74), (432, 140), "end", (336, 135), LABEL),
    (["Longus colli"], (96, -34), (432, 192), "end", (325, 186), LABEL),
    (["Anterior", "tubercle, C6"], (-126, -24), (8, 580), "start", (22, 560), LABEL),
    (["Vertebral", "artery"], (-92, 12), (165, 580), "middle", (165, 560), LABEL),
    (["Spinal cord"], (10, 70), (270, 580), "middle", (266, 564), LABEL),
    (["Vertebral", "body"], (28, 0), (385, 580), "middle", (370, 560), LABEL),
]


def draw() -> Figure:
    d = Figure(700, title=TITLE, desc=DESC, name="stellate-ganglion")
    # Skin outline of the neck.
    outline(
        d,
        smooth(
            [
                p(0, -206),
                p(-150, -184),
                p(-236, -110),
                p(-250, 10),
                p(-210, 130),
                p(-110, 196),
                p(0, 210),
                p(110, 196),
                p(210, 130),
                p(250, 10),
                p(236, -110),
                p(150, -184),
            ]
        ),
        width=2,
    )
    # Vertebral body, posterior arch and spinal canal with cord.
    path(d, smooth([p(-52, -36), p(0, -44), p(52, -36), p(58, 14), p(30, 32), p(-30, 32), p(-58, 14)]), role="bone")
    path(
        d,
        smooth(
            [
                p(-40, 36),
                p(-60, 70),
                p(-44, 120),
                p(0, 146),
                p(44, 120),
                p(60, 70),
                p(40, 36),
                p(20, 50),
                p(30, 96),
                p(0, 112),
                p(-30, 96),
                p(-20, 50),
            ]
        ),
        role="bone",
    )
    d.append(dw.Ellipse(*map(r, p(0, 70)), 24, 22, class_="fig-csf", stroke_width=FINE))
    d.append(dw.Ellipse(*map(r, p(0, 70)), 14, 12, class_="fig-nerve", stroke_width=FINE))
    for side in (1, -1):
        half(d, side)
    # Oesophagus and trachea in the midline.
    d.append(dw.Ellipse(*map(r, p(8, -74)), 30, 16, class_="fig-soft", stroke_width=OUTLINE_W))
    tx, ty = p(0, -122)
    outline(d, f"M{r(tx - 29)},{r(ty)} a29,29 0 1 1 58,0 a29,29 0 1 1 -58,0", role="bone", width=9)
    d.append(dw.Circle(r(tx), r(ty), 33.5, class_="fig-fill-none fig-ink", stroke_width=FINE))
    # Injectate in front of longus colli, and the needle from the front of the neck.
    tip = p(-104, -54)
    d.append(dw.Ellipse(*map(r, p(-84, -54)), 30, 14, class_="fig-drug", fill_opacity=0.5, stroke_width=FINE))
    needle(d, p(-70, -250), tip)
    d.append(dw.Ellipse(*map(r, p(-74, -52)), 8, 6, class_="fig-nerve", stroke_width=FINE))
    # Labels: front structures above the neck, back ones below it, each with a leader to a dot on its structure.
    # Longus colli and the vertebral body are labelled on the patient's left, where their leaders cross less.
    for lines, target, (x, y), anchor, end, size in LABELS:
        pointer(d, p(*target), end)
        text(d, x, y, lines, anchor=anchor, size=size)
    hub = p(-70, -250)
    text(d, hub[0] - 14, hub[1] + 10, "Needle", anchor="end", bold=True)
    text(
        d,
        20,
        BOTTOM,
        ["Front of neck at top; patient's right on the left.", "Schematic, not to scale."],
        size=LABEL_SMALL,
        anchor="start",
        role="muted",
    )
    fit_height(d, BOTTOM + LABEL_SMALL * 1.25)
    return d
