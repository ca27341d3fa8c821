"""Figure: why the electrode is laid parallel to the nerve (radiofrequency ablation page).

Only what the page states with its sources: the conventional lesion lies mainly around the exposed tip and extends
only a little beyond its ends (Cosman 2014), hence the view that the electrode is best laid parallel to the nerve
rather than pointed at it, with more evidence needed (Lee 2021). Schematic, not to scale; no dimensions drawn.
"""

from __future__ import annotations

import math

from figures.style import HEADING, LABEL_SMALL, Figure, blob, cord, electrode, leader, path, span, text

TITLE = "Electrode parallel to the nerve or pointed at it"
DESC = (
    "Two panels, each showing a small nerve lying on bone and a radiofrequency electrode with an insulated shaft "
    "and an exposed tip. The heat lesion is an elongated zone wrapped around the exposed tip that reaches only a "
    "little beyond its end. Top, parallel placement: the exposed tip lies alongside the nerve, so a long stretch "
    "of nerve falls inside the lesion. Bottom, perpendicular placement: the tip points at the nerve, so only a "
    "short stretch of nerve, the width of the lesion, falls inside it. Schematic, not to scale."
)

TIP = 150.0  # length of the exposed tip
HALF_WIDTH = 40.0  # half-width of the lesion across the tip
BEYOND = 22.0  # how far the lesion reaches past each end of the tip


def lesion_around(
    d: Figure, start: tuple[float, float], tip: tuple[float, float], nerve_y: float
) -> tuple[float, float]:
    """The heat lesion: an ellipse along the exposed tip, reaching a little beyond both of its ends. Returns the
    stretch (x from, x to) of a horizontal nerve at `nerve_y` that lies inside it."""
    centre = ((start[0] + tip[0]) / 2, (start[1] + tip[1]) / 2)
    angle = math.atan2(tip[1] - start[1], tip[0] - start[0])
    rx, ry = TIP / 2 + BEYOND, HALF_WIDTH
    blob(d, centre, rx, ry, angle=math.degrees(angle))
    inside = []
    for step in range(721):
        dx, dy = step - centre[0], nerve_y - centre[1]
        u = dx * math.cos(angle) + dy * math.sin(angle)
        v = -dx * math.sin(angle) + dy * math.cos(angle)
        if (u / rx) ** 2 + (v / ry) ** 2 <= 1:
            inside.append(float(step))
    return inside[0], inside[-1]


def nerve_on_bone(d: Figure, y: float) -> None:
    """A nerve running across the panel on a band of bone."""
    path(d, f"M20,{y + 14} L700,{y + 14} L700,{y + 60} L20,{y + 60} Z", role="bone")
    cord(d, [(20, y), (700, y)], role="nerve", width=12, smooth_curve=False)


def electrode_start(hub: tuple[float, float], tip: tuple[float, float]) -> tuple[float, float]:
    """Where the exposed tip of an electrode from `hub` to `tip` begins."""
    length = math.dist(hub, tip)
    return (tip[0] - (tip[0] - hub[0]) * TIP / length, tip[1] - (tip[1] - hub[1]) * TIP / length)


def draw() -> Figure:
    d = Figure(920, title=TITLE, desc=DESC, name="rf-electrode-placement")

    # Top: parallel. The exposed tip lies just above the nerve, along it.
    text(d, 360, 38, "Parallel to the nerve", size=HEADING, bold=True)
    ny = 250.0
    nerve_on_bone(d, ny)
    slope = math.tan(math.radians(6))
    tip = (560.0, ny - 9)
    hub = (110.0, tip[1] - 450 * slope)
    start = electrode_start(hub, tip)
    stretch = lesion_around(d, start, tip, ny)
    electrode(d, hub, tip, exposed=TIP)
    leader(d, (200, tip[1] - 360 * slope), (70, 110), "Insulated shaft")
    leader(d, (490, tip[1] - 70 * slope), (450, 110), "Exposed tip")
    leader(d, (650, ny + 36), (700, 350), "Bone", anchor="end")
    leader(d, (60, ny), (30, 345), "Nerve")
    span(d, *stretch, 320, ["Long stretch of", "nerve in the lesion"])

    # Bottom: perpendicular. The tip points straight down at the nerve.
    text(d, 360, 430, "Pointed at the nerve", size=HEADING, bold=True)
    ny2 = 750.0
    nerve_on_bone(d, ny2)
    tip2 = (360.0, ny2 - 12)
    stretch2 = lesion_around(d, (360.0, tip2[1] - TIP), tip2, ny2)
    electrode(d, (360, 460), tip2, exposed=TIP)
    leader(d, (360, 510), (420, 510), "Insulated shaft")
    leader(d, (372, 660), (440, 650), ["Lesion reaches only a", "little beyond the tip"])
    span(d, *stretch2, 825, "Short stretch of nerve in the lesion")
    text(d, 360, 900, "Green: heat lesion. Schematic, not to scale.", size=LABEL_SMALL, role="muted")
    return d
