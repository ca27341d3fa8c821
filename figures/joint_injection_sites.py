"""Where the needle goes for the three joints on procedures/joint-injections.md: knee, hip and sacroiliac joint.

Only the approaches the page describes. Knee: landmark technique, here the superolateral route into the suprapatellar
pouch, which communicates with the joint (the page also names lateral and anteromedial routes; EULAR, Uson 2021).
Hip: ultrasound guidance (ACR/Arthritis Foundation, Kolasinski 2020) with the needle in plane to the anterior
femoral head-neck junction, the femoral nerve, artery and vein lying medial to it (checked against ultrasound
technique chapters: the anterior synovial recess at the head-neck junction is the usual target, the bundle medial).
Sacroiliac joint: fluoroscopy, needle into the inferior (lower) end, contrast confirming intra-articular spread (Jee
2014). Nothing quantitative is drawn.
"""

from __future__ import annotations

import math

import drawsvg as dw

from figures.flow import fit_height, line_gap, pointer
from figures.style import (
    FINE,
    HEADING,
    LABEL_SMALL,
    Figure,
    blob,
    cord,
    line,
    needle,
    path,
    polygon_data,
    smooth,
    text,
)

TITLE = "Joint injection approaches: knee, hip and sacroiliac joint"
DESC = (
    "Three panels, one above the other. A, right knee from the front: femur, patella and tibia, with the "
    "suprapatellar pouch above the patella, which is part of the joint cavity. A needle enters above and to the "
    "outer side of the patella and its tip lies in the pouch; this is a landmark-guided superolateral approach. "
    "B, right hip from the front: the femoral head in its socket and the femoral neck running down and out to the "
    "shaft. Under ultrasound a needle is advanced in plane from below and to the outer side to the front of the "
    "junction of femoral head and neck. The femoral nerve, artery and vein lie just medial to the joint. C, "
    "pelvis from behind with the patient prone: the sacrum between the two iliac bones, with a sacroiliac joint "
    "on each side. Under fluoroscopy a needle enters the lower end of the right joint and contrast spreads up "
    "inside the joint. Schematic, not to scale."
)

Point = tuple[float, float]


def heading(d: dw.Drawing, y: float, words: str) -> None:
    text(d, 20, y, words, size=HEADING, bold=True, anchor="start")


def toward(tip: Point, frm: Point, length: float) -> Point:
    """The point `length` from `tip` in the direction of `frm`: a needle's hub, kept inside the figure."""
    dist = math.dist(tip, frm)
    return (tip[0] + (frm[0] - tip[0]) * length / dist, tip[1] + (frm[1] - tip[1]) * length / dist)


def knee(d: dw.Drawing, y0: float) -> float:
    """Panel A: right knee from the front; lateral is on the left of the picture. Returns the panel's bottom."""
    heading(d, y0 + 30, "A  Knee: superolateral approach")
    cx = 200.0

    def p(x: float, y: float) -> Point:
        return (cx + x, y0 + y)

    femur = [(-36, 60), (36, 60), (40, 170), (58, 215), (86, 245), (92, 285), (70, 312), (16, 308), (0, 294)]
    femur += [(-16, 308), (-70, 312), (-92, 285), (-86, 245), (-58, 215), (-40, 170)]
    path(d, smooth([p(x, y) for x, y in femur]), role="bone")
    tibia = [(-86, 328), (86, 328), (92, 350), (66, 380), (46, 420), (-46, 420), (-66, 380), (-92, 350)]
    path(d, smooth([p(x, y) for x, y in tibia]), role="bone")
    pouch = [(-52, 236), (-60, 180), (-42, 138), (0, 126), (42, 138), (60, 180), (52, 236)]
    path(d, smooth([p(x, y) for x, y in pouch]), role="soft", opacity=0.75)
    d.append(dw.Ellipse(*p(0, 262), 42, 50, class_="fig-bone", stroke_width=2))
    text(d, *p(0, 268), "Patella", size=LABEL_SMALL)
    text(d, *p(0, 100), "Femur", size=LABEL_SMALL)
    text(d, *p(0, 400), "Tibia", size=LABEL_SMALL)
    tip = p(-22, 192)
    blob(d, tip, 20, 14)
    needle(d, toward(tip, p(-190, 140), 150), tip)
    text(d, *p(-175, 124), "Needle", anchor="start", bold=True)
    text(d, 20, y0 + 70, "Lateral", size=LABEL_SMALL, anchor="start", role="muted")
    pointer(d, p(46, 172), (266, y0 + 140))
    text(d, 272, y0 + 122, ["Suprapatellar", "pouch, part of", "the joint cavity"], anchor="start")
    text(d, 20, y0 + 456, "Landmark-guided; aspirate any effusion first", anchor="start", role="muted")
    return y0 + 456


def hip(d: dw.Drawing, y0: float) -> float:
    """Panel B: right hip from the front; lateral is on the left, the midline to the right. Returns its bottom."""
    heading(d, y0 + 30, "B  Hip: ultrasound, anterior approach")
    hx, hy = 210.0, y0 + 216

    def p(x: float, y: float) -> Point:
        return (hx + x, hy + y)

    # Ilium above, pubic ramus running medially, and the socket (acetabulum) cupping the head.
    socket = [(58 * math.cos(math.radians(a)), 58 * math.sin(math.radians(a))) for a in (30, 0, -45, -90, -135)]
    pelvis: list[Point] = [
        (-70, -56),
        (-128, -100),
        (-116, -146),
        (-20, -156),
        (80, -136),
        (120, -80),
        (112, -20),
        (160, 36),
    ]
    pelvis += [(170, 70), (120, 80), (64, 52), *socket]
    path(d, smooth([p(x, y) for x, y in pelvis]), role="bone")
    femur = [(-10, -42), (-90, -16), (-128, 6), (-126, 70), (-104, 110), (-96, 200), (-36, 200), (-36, 110)]
    femur += [(-14, 72), (16, 30)]
    path(d, polygon_data([p(x, y) for x, y in femur]), role="bone")
    d.append(
        dw.Ellipse(*p(-30, 6), 92, 60, class_="fig-fill-none fig-muted", stroke_width=FINE, stroke_dasharray="8 6")
    )
    d.append(dw.Circle(*p(0, 0), 50, class_="fig-bone", stroke_width=2))
    text(d, *p(6, 6), "Head", size=LABEL_SMALL)
    for x, role, width, letter in ((84, "nerve", 9, "N"), (108, "vessel", 9, "A"), (134, "vessel", 14, "V")):
        cord(d, [p(x, -30), p(x + 4, 200)], role=role, width=width)
        text(d, *p(x + 4, 226), letter, bold=True)
    tip = p(-40, 28)
    blob(d, tip, 18, 13)
    needle(d, toward(tip, p(-190, 190), 190), tip)
    text(d, *p(-170, 214), "Needle", anchor="start", bold=True)
    # The target's leader runs down the gap between the femoral shaft and the vessels, then turns to its label.
    elbow = p(-14, 250)
    line(d, [tip, elbow, (176, elbow[1])], role="ink", width=FINE)
    d.append(dw.Circle(*tip, 3, class_="fig-ink"))
    text(d, 20, hy + 256, ["Target: front of", "the head–neck", "junction"], anchor="start", bold=True)
    text(d, 428, hy + 260, ["Femoral nerve (N),", "artery (A), vein (V):", "just medial"], anchor="end")
    text(d, 20, hy + 350, "Dashed: joint capsule", anchor="start", role="muted", size=LABEL_SMALL)
    return hy + 350


def sacroiliac(d: dw.Drawing, y0: float) -> float:
    """Panel C: pelvis from behind, patient prone; the patient's right is on the right of the picture. The bones
    are drawn at three quarters of their size so the pelvis fits the width; labels stay full size."""
    heading(d, y0 + 30, "C  Sacroiliac joint: fluoroscopy")
    sx, k, top = 220.0, 0.75, y0 + 104

    def p(x: float, y: float) -> Point:
        return (sx + k * x, top + k * (y - 40))

    sacrum = [(-86, 60), (86, 60), (54, 230), (24, 300), (0, 330), (-24, 300), (-54, 230)]
    path(d, smooth([p(x, y) for x, y in sacrum]), role="bone")
    for side in (-1, 1):
        ilium = [(98, 56), (140, 40), (200, 40), (260, 80), (250, 170), (190, 270), (110, 290), (66, 234)]
        path(d, smooth([p(side * x, y) for x, y in ilium]), role="bone")
    text(d, *p(0, 150), "Sacrum")
    text(d, *p(-170, 150), "Ilium")
    text(d, *p(170, 150), "Ilium")
    # Contrast lining the right joint from its lower end upwards.
    line(d, [p(61, 222), p(72, 170), p(82, 118), p(88, 84)], role="drug", width=6)
    tip = p(60, 226)
    needle(d, p(200, 350), tip)
    pointer(d, p(86, 96), (300, y0 + 58))
    text(d, 306, y0 + 64, ["Contrast inside", "the joint"], anchor="start")
    bottom = top + k * 330 + 44
    pointer(d, p(-66, 200), (120, bottom - 20))
    text(d, 20, bottom, "Sacroiliac joint", anchor="start")
    pointer(d, tip, (300, bottom - 20))
    text(d, 428, bottom, ["Needle at", "the lower end"], anchor="end", bold=True)
    return bottom + line_gap()


def draw() -> Figure:
    d = Figure(1600, title=TITLE, desc=DESC, name="joint-injection-sites")
    y = knee(d, 0)
    y = hip(d, y + 24)
    y = sacroiliac(d, y + 24)
    fit_height(d, y, margin=12)
    return d
