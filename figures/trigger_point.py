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
MX0, MX1, MCY, MHALF = 60.0, 500.0, 200.0, 84.0


def belly_half(x: float) -> float:
    """Half-thickness of the muscle belly at x (a spindle, thickest in the middle)."""
    t = (x - MX0) / (MX1 - MX0)
    return float(MHALF * math.sin(math.pi * t) ** 0.7)


def fibre(d: dw.Drawing, k: float) -> None:
    """One fibre following the belly's curve at fraction k (-1 top edge, 1 bottom edge)."""
    xs = [MX0 + 20 + i * (MX1 - MX0 - 40) / 8 for i in range(9)]
    line(d, [(x, MCY + k * belly_half(x)) for x in xs], role="muted", width=FINE)


def panel_a(d: dw.Drawing) -> None:
    text(d, 20, 34, "A  Inside the muscle", size=HEADING, bold=True, anchor="start")
    top = [(MX0 + i * (MX1 - MX0) / 12, MCY - belly_half(MX0 + i * (MX1 - MX0) / 12)) for i in range(13)]
    bottom = [(x, 2 * MCY - y) for x, y in reversed(top[1:-1])]
    path(d, smooth(top + bottom), role="soft")
    line(d, [(20, MCY), (MX0, MCY)], role="ink", width=EMPHASIS)  # tendons
    line(d, [(MX1, MCY), (MX1 + 40, MCY)], role="ink", width=EMPHASIS)
    for k in (-0.75, -0.5, 0.5, 0.75):
        fibre(d, k)
    # The taut band: a straight, tense bundle along the middle, with the nodule in it.
    band = [(110, MCY - 14), (450, MCY - 14), (450, MCY + 14), (110, MCY + 14)]
    d.append(dw.Rectangle(110, MCY - 14, 340, 28, rx=14, class_="fig-soft", stroke_width=EMPHASIS, fill_opacity=1))
    for dy in (-5, 5):
        line(d, [(band[0][0] + 12, MCY + dy), (band[1][0] - 12, MCY + dy)], role="ink", width=FINE)
    d.append(dw.Ellipse(280, MCY, 34, 22, class_="fig-warn", stroke_width=OUTLINE))
    needle(d, (470, 48), (292, MCY - 8))
    pointer(d, (150, MCY + 10), (150, 330))
    text(d, 150, 352, "Taut band", anchor="middle")
    pointer(d, (280, MCY + 22), (330, 330))
    text(d, 330, 352, ["Trigger point", "(tender nodule)"], anchor="middle", bold=True)
    pointer(d, (440, MCY + 0.75 * belly_half(440)), (560, 300))
    text(d, 566, 306, "Muscle fibres", anchor="start")
    pointer(d, (400, 101), (560, 130))
    text(d, 566, 136, "Fine needle", anchor="start")


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


def panel_b(d: dw.Drawing) -> None:
    text(d, 20, 430, "B  Referred pain: upper trapezius", size=HEADING, bold=True, anchor="start")
    path(d, smooth(SILHOUETTE), role="soft", opacity=0.35)
    path(d, smooth(TRAPEZIUS), role="soft", width=FINE, opacity=0.9)
    d.append(dw.Ellipse(404, 590, 14, 24, class_="fig-fill-none fig-ink", stroke_width=OUTLINE))  # ear
    outline(d, smooth([(364, 930), (368, 840), (410, 796), (452, 836), (458, 930)], closed=False), role="muted")  # arm
    path(d, smooth(REFERRED), role="warn", width=FINE, opacity=0.45)
    cross(d, *TRIGGER)
    pointer(d, (282, 812), (190, 860))
    text(d, 184, 866, ["Upper", "trapezius"], anchor="end")
    pointer(d, (TRIGGER[0] - 12, TRIGGER[1]), (190, 740))
    text(d, 184, 746, ["Trigger", "point"], anchor="end", bold=True)
    pointer(d, (458, 518), (550, 480))
    text(d, 556, 474, ["Referred pain:", "side of neck", "and temple"], anchor="start", bold=True)


def draw() -> Figure:
    d = Figure(960, title=TITLE, desc=DESC, name="trigger-point")
    panel_a(d)
    panel_b(d)
    fit_height(d, 930)
    return d
