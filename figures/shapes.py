"""Anatomical shapes reused by several figures: a lumbar vertebra in axial section and in side view.

Each function draws into a drawing and returns named landmark points, so a figure places needles and labels on the
anatomy instead of repeating coordinates. Shapes are schematic (proportions of a lumbar level, not to scale).
"""

from __future__ import annotations

import drawsvg as dw

from figures.style import FINE, OUTLINE, cord, line, path, polygon_data, smooth

Point = tuple[float, float]


def _mirror(points: list[Point], cx: float) -> list[Point]:
    return [(2 * cx - x, y) for x, y in reversed(points)]


def vertebra_axial(d: dw.Drawing, cx: float, cy: float, s: float = 1.0) -> dict[str, Point]:
    """A lumbar level in axial section through the interlaminar window, anterior up, posterior down.

    Drawn: the vertebral body; the epidural space (fat) around the thecal sac; an exiting nerve root on each side
    running out through the gap between body and facet (the intervertebral foramen); on each side the facet complex
    and the lamina, which stops short of the midline where the ligamentum flavum bridges the gap; the interspinous
    ligament behind. (cx, cy) is the centre of the spinal canal; `s` scales it.
    """

    def p(x: float, y: float) -> Point:
        return (cx + x * s, cy + y * s)

    canal = [(56, 2), (52, 20), (40, 54), (0, 66), (-40, 54), (-52, 20), (-56, 2), (-62, -40), (0, -46), (62, -40)]
    path(d, smooth([p(x, y) for x, y in canal]), role="soft", width=FINE, opacity=0.45)
    for side in (-1, 1):
        cord(
            d,
            [p(side * 30, -24), p(side * 70, -40), p(side * 112, -44), p(side * 150, -40)],
            role="nerve",
            width=11 * s,
        )
    d.append(dw.Ellipse(*p(0, 6), 40 * s, 34 * s, class_="fig-csf", stroke_width=OUTLINE))
    body = [(-100, -60), (-95, -120), (-50, -158), (0, -166), (50, -158), (95, -120), (100, -60), (60, -46)]
    body += [(0, -52), (-60, -46)]
    path(d, smooth([p(x, y) for x, y in body]), role="bone")
    path(d, polygon_data([p(x, y) for x, y in [(-10, 90), (10, 90), (8, 176), (-8, 176)]]), role="soft", width=FINE)
    for side in (-1, 1):
        half = [(58, -8), (92, -22), (112, 6), (104, 40), (70, 72), (22, 90), (16, 74), (38, 60), (50, 24), (54, 4)]
        path(d, polygon_data([p(side * x, y) for x, y in half]), role="bone")
        line(d, [p(side * 70, -8), p(side * 94, 50)], role="muted", width=FINE)
    flavum = [(50, 24), (38, 60), (16, 74), (-16, 74), (-38, 60), (-50, 24), (-44, 22), (-32, 52), (0, 62)]
    flavum += [(32, 52), (44, 22)]
    path(d, polygon_data([p(x, y) for x, y in flavum]), role="soft", width=FINE)
    return {
        "body": p(0, -110),
        "sac": p(0, 6),
        "sac_edge": p(-28, 30),
        "posterior_space": p(0, 48),
        "anterior_space": p(0, -38),
        "root_r": p(140, -41),
        "root_l": p(-140, -41),
        "foramen_r": p(118, -40),
        "lamina_r": p(60, 70),
        "lamina_l": p(-60, 70),
        "flavum_l": p(-34, 58),
        "interspinous": p(0, 150),
        "facet_r": p(104, 20),
        "posterior_midline": p(0, 176),
    }


def vertebra_side(d: dw.Drawing, x: float, y: float, w: float, h: float) -> dict[str, Point]:
    """A vertebral body in side view as a rounded box with slightly concave end plates; (x, y) is its top left."""
    data = (
        f"M{x + 8},{y} Q{x + w / 2},{y + 6} {x + w - 8},{y} Q{x + w},{y} {x + w},{y + 8} "
        f"L{x + w},{y + h - 8} Q{x + w},{y + h} {x + w - 8},{y + h} Q{x + w / 2},{y + h - 6} {x + 8},{y + h} "
        f"Q{x},{y + h} {x},{y + h - 8} L{x},{y + 8} Q{x},{y} {x + 8},{y} Z"
    )
    path(d, data, role="bone", width=OUTLINE)
    return {"centre": (x + w / 2, y + h / 2), "back": (x + w, y + h / 2), "front": (x, y + h / 2)}
