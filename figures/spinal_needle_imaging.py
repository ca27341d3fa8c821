"""Figure: a lumbar vertebra as it looks in AP, lateral and oblique fluoroscopy (imaging guidance page).

The page says the C-arm gives anteroposterior, lateral and oblique views and that the operator navigates by bony
landmarks such as the pedicle, the lamina and the facet joint. The outlines follow standard radiographic anatomy
(checked against radiology teaching sources: on the oblique view the posterior elements form the "Scotty dog",
the pedicle its eye, the transverse process its nose, the superior articular process its ear and the lamina its
body). Schematic outlines, not tracings of any image; not to scale. The three views are stacked, each drawing on the
left with its labels in a column on the right.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import drawsvg as dw

from figures.flow import fit_height
from figures.shapes import vertebra_side
from figures.style import (
    EMPHASIS,
    FINE,
    HEADING,
    LABEL_SMALL,
    OUTLINE,
    Figure,
    leader,
    line,
    outline,
    path,
    polygon_data,
    text,
)

TITLE = "A lumbar vertebra on AP, lateral and oblique fluoroscopy"
DESC = (
    "Three schematic fluoroscopic views of lumbar vertebrae, one above the other, labelled on the right or below. AP "
    "view, seen from behind: the vertebral body as a rectangle, the two pedicles as ovals near its upper corners, "
    "the transverse processes to each side and the spinous process in the midline. Lateral view, front to the "
    "left: two vertebral bodies, the pedicles behind them, the intervertebral foramen below each pedicle, the facet "
    "joint between the articular processes and the spinous process pointing backwards. Oblique view: the posterior "
    "elements form the outline of a 'Scotty dog': the transverse process is its nose, the pedicle its eye, the "
    "superior articular process its ear and the lamina its body; the facet joint is the gap between the ear and the "
    "front leg of the vertebra above. Schematic, not to scale."
)

K = 0.76  # the drawings are scaled down so the labels keep full size beside them
LX = 274.0  # left edge of the label column

Point = tuple[float, float]


def frame(oy: float, y_ref: float) -> Callable[[float, float], Point]:
    """Maps a panel's drawing units (left edge at x 50, top at `y_ref`) to the figure, the top at `oy`."""

    def p(x: float, y: float) -> Point:
        return (14 + (x - 50) * K, oy + (y - y_ref) * K)

    return p


def poly(d: Figure, p: Callable[[float, float], Point], points: Sequence[Point], **kwargs: float) -> None:
    """A bone outline through `points` in panel units."""
    path(d, polygon_data([p(x, y) for x, y in points]), role="bone", **kwargs)


def ap_view(d: Figure, top: float) -> float:
    text(d, 14, top, "AP view", size=HEADING, bold=True, anchor="start")
    p = frame(top + 24, 70)
    for x0, x1 in ((50, 120), (280, 350)):
        poly(d, p, [(x0, 126), (x1, 122), (x1, 146), (x0, 150)])
    x, y = p(100, 70)
    d.append(dw.Rectangle(x, y, 200 * K, 180 * K, rx=12, class_="fig-bone", stroke_width=OUTLINE))
    for cx in (140.0, 260.0):
        d.append(dw.Ellipse(*p(cx, 112), 18 * K, 26 * K, class_="fig-fill-none fig-ink", stroke_width=EMPHASIS))
        (ax, ay), (bx, by) = p(cx, 138), p(cx + (200 - cx) * 0.6, 214)
        outline(d, f"M{ax:.1f},{ay:.1f} L{bx:.1f},{by:.1f}", role="muted", width=FINE)
    d.append(dw.Ellipse(*p(200, 200), 14 * K, 34 * K, class_="fig-fill-none fig-ink", stroke_width=OUTLINE))
    leader(d, p(270, 100), (LX, top + 40), "Pedicle")
    leader(d, p(340, 136), (LX, top + 76), ["Transverse", "process"])
    leader(d, p(212, 214), (LX, top + 132), "Spinous process")
    leader(d, p(120, 235), (LX, top + 168), "Vertebral body")
    return top + 168


def lateral_view(d: Figure, top: float) -> float:
    text(d, 14, top, "Lateral view", size=HEADING, bold=True, anchor="start")
    text(d, 14, top + 26, "Front", size=LABEL_SMALL, role="muted", anchor="start")
    p = frame(top + 40, 50)
    for i, y in enumerate((50.0, 170.0)):
        vx, vy = p(50, y)
        vertebra_side(d, vx, vy, 150 * K, 96 * K)
        poly(d, p, [(198, y + 12), (250, y + 12), (250, y + 44), (198, y + 44)])
        # Articular pillar: superior process up, inferior process down, then the spinous process backwards.
        pillar = [(240, y + 4), (262, y - 10), (290, y + 6), (300, y + 74), (284, y + 108), (256, y + 104)]
        poly(d, p, [*pillar, (252, y + 56)])
        poly(d, p, [(294, y + 24), (352, y + 40), (356, y + 66), (298, y + 64)])
        if i == 1:
            line(d, [p(258, y + 6), p(288, y - 10)], role="ink", width=EMPHASIS)
    leader(d, p(228, 76), (LX, top + 56), "Pedicle")
    leader(d, p(226, 132), (LX, top + 102), ["Intervertebral", "foramen"])
    leader(d, p(274, 166), (LX, top + 164), "Facet joint")
    leader(d, p(340, 220), (LX, top + 210), "Spinous process")
    leader(d, p(100, 240), (14, top + 262), "Vertebral body")
    return top + 262


DOG = [(40, 112), (118, 96), (140, 84), (150, 30), (176, 76), (206, 92), (330, 100), (352, 72), (366, 82)]
DOG += [(352, 124), (344, 202), (316, 202), (318, 150), (232, 152), (218, 212), (190, 212), (192, 150)]
DOG += [(170, 134), (118, 128), (40, 126)]


def oblique_view(d: Figure, top: float) -> float:
    text(d, 14, top, "Oblique view: the 'Scotty dog'", size=HEADING, bold=True, anchor="start")
    base = frame(top + 30, -30)

    def p(x: float, y: float) -> Point:
        return base(x + 10, y)

    # The front leg (inferior articular process) of the vertebra above meets the ear: the facet joint.
    poly(d, p, [(160, -30), (196, -30), (190, 20), (170, 24)], width=OUTLINE)
    poly(d, p, DOG)
    d.append(dw.Ellipse(*p(140, 110), 14 * K, 10 * K, class_="fig-fill-none fig-ink", stroke_width=EMPHASIS))
    line(d, [p(156, 30), p(186, 28)], role="ink", width=EMPHASIS)
    leader(d, p(172, 28), (LX, top + 66), "Facet joint")
    leader(d, p(162, 60), (LX, top + 100), ["Superior articular", "process (ear)"])
    leader(d, p(140, 110), (LX, top + 156), ["Pedicle", "(eye)"])
    leader(d, p(290, 140), (LX, top + 206), ["Lamina", "(body)"])
    leader(d, p(50, 118), (14, top + 250), "Transverse process (nose)")
    return top + 250


def draw() -> Figure:
    d = Figure(880, title=TITLE, desc=DESC, name="spinal-needle-imaging")
    bottom = ap_view(d, 30)
    bottom = lateral_view(d, bottom + 50)
    bottom = oblique_view(d, bottom + 50)
    text(d, 220, bottom + 36, "Schematic outlines, not to scale.", size=LABEL_SMALL, role="muted")
    fit_height(d, bottom + 36)
    return d
