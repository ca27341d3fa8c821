"""A trigger point in a taut band, and the referred pain of an upper trapezius trigger point.

Follows procedures/trigger-point-injections.md: a trigger point is a tender spot inside a taut band of skeletal
muscle, entered with a fine needle (Srinivasan 2022); pressing it can refer pain to a distant area (Soares 2014).
The referral drawn is the page's clinical example, an upper trapezius trigger point reproducing pain in the side of
the neck and the temple; it matches the classic description of this muscle's pattern (posterolateral neck, behind
the ear, temple: Travell and Simons, checked but not cited by the page). The pattern's rarer extension to the angle
of the jaw and behind the eye is left out because the page does not mention it. The trigger point and the referred
area share the warn colour (pain), as in the usual convention of such maps.
"""

from __future__ import annotations

import math

import drawsvg as dw

from figures.flow import fit_height, pointer
from figures.style import (
    EMPHASIS,
    FINE,
    HEADING,
    LABEL,
    OUTLINE,
    Figure,
    line,
    needle,
    outline,
    path,
    r,
    smooth,
    text,
)

TITLE = "A trigger point and its referred pain"
DESC = (
    "Two panels. Panel A: a spindle-shaped muscle belly with its fibres running lengthwise. One bundle of fibres "
    "is tense and straight, the taut band, and in its middle sits a small tender nodule, the trigger point. A fine "
    "needle enters the nodule from above. Panel B: the head, neck and shoulder seen from the right side, face to "
    "the right. The upper trapezius is shaded along the back of the neck down to the top of the shoulder, with a "
    "trigger point marked in it. A shaded area shows where its pain is referred: up the side of the neck, behind "
    "and above the ear, to the temple. Schematic, not to scale."
)

# Panel A: the muscle belly, a spindle between two tendons.
MX0, MX1, MCY, MHALF = 30.0, 380.0, 160.0, 70.0
NODULE_X = (MX0 + MX1) / 2
BAND_X0, BAND_X1 = MX0 + 50, MX1 - 50


def belly_half(x: float) -> float:
    """Half-thickness of the muscle belly at x (a spindle, thickest in the middle)."""
    t = (x - MX0) / (MX1 - MX0)
    return float(MHALF * math.sin(math.pi * t) ** 0.7)


def fibre(d: dw.Drawing, k: float) -> None:
    """One fibre following the belly's curve at fraction k (-1 top edge, 1 bottom edge)."""
    xs = [MX0 + 20 + i * (MX1 - MX0 - 40) / 8 for i in range(9)]
    line(d, [(x, MCY + k * belly_half(x)) for x in xs], role="muted", width=FINE)


def panel_a(d: dw.Drawing) -> None:
    text(d, 10, 28, "A  Inside the muscle", size=HEADING, bold=True, anchor="start")
    top = [(MX0 + i * (MX1 - MX0) / 12, MCY - belly_half(MX0 + i * (MX1 - MX0) / 12)) for i in range(13)]
    bottom = [(x, 2 * MCY - y) for x, y in reversed(top[1:-1])]
    path(d, smooth(top + bottom), role="soft")
    line(d, [(8, MCY), (MX0, MCY)], role="ink", width=EMPHASIS)  # tendons
    line(d, [(MX1, MCY), (MX1 + 30, MCY)], role="ink", width=EMPHASIS)
    for k in (-0.75, -0.5, 0.5, 0.75):
        fibre(d, k)
    # The taut band: a straight, tense bundle along the middle, with the nodule in it.
    d.append(
        dw.Rectangle(
            BAND_X0, MCY - 14, BAND_X1 - BAND_X0, 28, rx=14, class_="fig-soft", stroke_width=EMPHASIS, fill_opacity=1
        )
    )
    for dy in (-5, 5):
        line(d, [(BAND_X0 + 12, MCY + dy), (BAND_X1 - 12, MCY + dy)], role="ink", width=FINE)
    d.append(dw.Ellipse(NODULE_X, MCY, 34, 22, class_="fig-warn", stroke_width=OUTLINE))
    needle(d, (360, 40), (NODULE_X + 12, MCY - 8))
    pointer(d, (300, 87), (322, 96))
    text(d, 328, 102, "Fine needle", anchor="start")
    y = MCY + MHALF + 50
    pointer(d, (BAND_X0 + 20, MCY + 10), (BAND_X0 + 20, y - LABEL - 4))
    text(d, BAND_X0 + 10, y, "Taut band")
    pointer(d, (NODULE_X, MCY + 22), (NODULE_X + 20, y - LABEL - 4))
    text(d, NODULE_X + 20, y, ["Trigger point", "(tender nodule)"], bold=True)
    fibre_x = MX1 - 40
    pointer(d, (fibre_x, MCY + 0.75 * belly_half(fibre_x)), (370, y - LABEL - 4))
    text(d, 370, y, ["Muscle", "fibres"])


# Panel B: right side view of head, neck and shoulder, face to the right.
SILHOUETTE = [
    (372, 452),
    (446, 462),
    (494, 500),
    (508, 548),
    (530, 584),
    (510, 600),
    (514, 628),
    (500, 660),
    (466, 672),
    (452, 700),
    (458, 780),
    (528, 830),
    (548, 930),
    (250, 930),
    (256, 840),
    (290, 780),
    (312, 700),
    (314, 650),
    (290, 618),
    (272, 560),
    (296, 490),
]
TRAPEZIUS = [
    (296, 614),
    (336, 628),
    (366, 690),
    (412, 784),
    (380, 806),
    (300, 834),
    (262, 846),
    (286, 782),
    (308, 706),
    (310, 654),
]
# The referred area: a band up the side of the neck, behind and over the ear, to the temple.
REFERRED = [
    (320, 722),
    (324, 680),
    (340, 624),
    (350, 580),
    (364, 538),
    (400, 510),
    (444, 496),
    (478, 502),
    (484, 526),
    (450, 538),
    (414, 548),
    (394, 566),
    (384, 600),
    (372, 636),
    (358, 690),
    (346, 726),
]
TRIGGER = (336, 772)


def cross(d: dw.Drawing, x: float, y: float, size: float = 11) -> None:
    """A trigger point marked the usual way, an X over a dot."""
    d.append(dw.Circle(r(x), r(y), 9, class_="fig-warn", stroke_width=FINE))
    line(d, [(x - size, y - size), (x + size, y + size)], role="ink", width=EMPHASIS)
    line(d, [(x - size, y + size), (x + size, y - size)], role="ink", width=EMPHASIS)


B_S, B_DX, B_DY = 0.88, -62.0, -14.0  # panel B is drawn in its own coordinates, scaled and moved into place


def b(x: float, y: float) -> tuple[float, float]:
    """Where a point of panel B's drawing lands on the figure."""
    return (x * B_S + B_DX, y * B_S + B_DY)


def panel_b(d: dw.Drawing) -> None:
    text(d, 10, 360, "B  Referred pain: upper trapezius", size=HEADING, bold=True, anchor="start")
    g = dw.Group(transform=f"translate({r(B_DX)} {r(B_DY)}) scale({B_S})")
    path(g, smooth(SILHOUETTE), role="soft", opacity=0.35)
    path(g, smooth(TRAPEZIUS), role="soft", width=FINE, opacity=0.9)
    g.append(dw.Ellipse(404, 590, 14, 24, class_="fig-fill-none fig-ink", stroke_width=OUTLINE))  # ear
    outline(g, smooth([(364, 930), (368, 840), (410, 796), (452, 836), (458, 930)], closed=False), role="muted")  # arm
    path(g, smooth(REFERRED), role="warn", width=FINE, opacity=0.45)
    cross(g, *TRIGGER)
    d.append(g)
    # Labels on the left, behind the head and neck, each with a leader.
    pointer(d, b(384, 536), (158, 416))
    text(d, 10, 404, ["Referred pain:", "side of neck", "and temple"], anchor="start", bold=True)
    pointer(d, b(TRIGGER[0] - 12, TRIGGER[1]), (142, 634))
    text(d, 136, 640, ["Trigger", "point"], anchor="end", bold=True)
    pointer(d, b(298, 812), (142, 722))
    text(d, 136, 728, ["Upper", "trapezius"], anchor="end")


def draw() -> Figure:
    d = Figure(900, title=TITLE, desc=DESC, name="trigger-point")
    panel_a(d)
    panel_b(d)
    fit_height(d, b(0, 930)[1])
    return d
