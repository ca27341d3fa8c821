"""Figure: why the electrode is laid parallel to the nerve (radiofrequency ablation page).

Only what the page states with its sources: the conventional lesion lies mainly around the exposed tip and extends
only a little beyond its ends (Cosman 2014), hence the view that the electrode is best laid parallel to the nerve
rather than pointed at it, with more evidence needed (Lee 2021). Schematic, not to scale; no dimensions drawn.
The two placements are stacked, each with the same electrode and lesion size.
"""

from __future__ import annotations

import math

from figures.style import HEADING, LABEL_SMALL, WIDTH, Figure, blob, cord, electrode, leader, path, span, text

TITLE = "Electrode parallel to the nerve or pointed at it"
DESC = (
    "Two panels, one above the other, each showing a small nerve lying on bone and a radiofrequency electrode with "
    "an insulated shaft and an exposed tip. The heat lesion is an elongated zone wrapped around the exposed tip "
    "that reaches only a little beyond its end. Top, parallel placement: the exposed tip lies alongside the nerve, "
    "so a long stretch of nerve falls inside the lesion. Bottom, perpendicular placement: the tip points at the "
    "nerve, so only a short stretch of nerve, the width of the lesion, falls inside it. Schematic, not to scale."
)

TIP = 110.0  # length of the exposed tip
HALF_WIDTH = 30.0  # half-width of the lesion across the tip
BEYOND = 16.0  # how far the lesion reaches past each end of the tip
LEFT, RIGHT = 12.0, WIDTH - 12.0  # ends of the nerve and bone


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
    for step in range(int(WIDTH) + 1):
        dx, dy = step - centre[0], nerve_y - centre[1]
        u = dx * math.cos(angle) + dy * math.sin(angle)
        v = -dx * math.sin(angle) + dy * math.cos(angle)
        if (u / rx) ** 2 + (v / ry) ** 2 <= 1:
            inside.append(float(step))
    return inside[0], inside[-1]


def nerve_on_bone(d: Figure, y: float) -> None:
    """A nerve running across the panel on a band of bone."""
    path(d, f"M{LEFT},{y + 12} L{RIGHT},{y + 12} L{RIGHT},{y + 52} L{LEFT},{y + 52} Z", role="bone")
    cord(d, [(LEFT, y), (RIGHT, y)], role="nerve", width=10, smooth_curve=False)


def electrode_start(hub: tuple[float, float], tip: tuple[float, float]) -> tuple[float, float]:
    """Where the exposed tip of an electrode from `hub` to `tip` begins."""
    length = math.dist(hub, tip)
    return (tip[0] - (tip[0] - hub[0]) * TIP / length, tip[1] - (tip[1] - hub[1]) * TIP / length)


def draw() -> Figure:
    d = Figure(790, title=TITLE, desc=DESC, name="rf-electrode-placement")

    # Top: parallel. The exposed tip lies just above the nerve, along it.
    text(d, WIDTH / 2, 30, "Parallel to the nerve", size=HEADING, bold=True)
    ny = 170.0
    nerve_on_bone(d, ny)
    slope = math.tan(math.radians(6))
    tip = (350.0, ny - 8)
    hub = (60.0, tip[1] - 290 * slope)
    start = electrode_start(hub, tip)
    stretch = lesion_around(d, start, tip, ny)
    electrode(d, hub, tip, exposed=TIP)
    leader(d, (140, tip[1] - 210 * slope), (40, 78), "Insulated shaft")
    leader(d, (300, tip[1] - 50 * slope), (250, 78), "Exposed tip")
    leader(d, (30, ny), (LEFT, ny + 98), "Nerve")
    leader(d, (110, ny + 36), (96, ny + 98), "Bone")
    span(d, *stretch, ny + 68, ["Long stretch of", "nerve in the lesion"])

    # Bottom: perpendicular. The tip points straight down at the nerve.
    text(d, WIDTH / 2, 340, "Pointed at the nerve", size=HEADING, bold=True)
    ex = 150.0
    ny2 = 602.0
    nerve_on_bone(d, ny2)
    tip2 = (ex, ny2 - 10)
    stretch2 = lesion_around(d, (ex, tip2[1] - TIP), tip2, ny2)
    electrode(d, (ex, 380), tip2, exposed=TIP)
    leader(d, (ex, 420), (196, 426), "Insulated shaft")
    leader(d, (ex + 10, 530), (206, 524), ["Lesion reaches only a", "little beyond the tip"])
    span(d, *stretch2, ny2 + 68, ["Short stretch of", "nerve in the lesion"])
    text(d, WIDTH / 2, 774, "Green: heat lesion. Schematic, not to scale.", size=LABEL_SMALL, role="muted")
    return d
