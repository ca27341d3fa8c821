"""Figure: vertebroplasty and balloon kyphoplasty in side view (vertebroplasty and kyphoplasty page).

Only what the page states with its sources: a trocar passes through the pedicle into the anterior vertebral body
and cement is injected (the page's technique section); in kyphoplasty a balloon is inflated to create a cavity and
push the endplates apart, then removed and the cavity filled with cement (NICE TA279); cement can leak into the
spinal canal and compress the cord, or enter the veins and reach the lungs; leaks into the disc and paraspinal
tissue are the commonest and mostly silent (Hsieh 2019). Schematic, not to scale; no volumes or rates drawn.
"""

from __future__ import annotations

import math

import drawsvg as dw

from figures.flow import fit_height
from figures.shapes import vertebra_side
from figures.style import (
    FINE,
    HEADING,
    LABEL_SMALL,
    Figure,
    arrow,
    blob,
    cord,
    leader,
    line,
    needle,
    path,
    polygon_data,
    text,
)

TITLE = "Vertebroplasty and balloon kyphoplasty"
DESC = (
    "Side views of three vertebrae, front to the left and back to the right, the middle one a wedge-shaped "
    "compression fracture. Top, vertebroplasty: a trocar passes from behind through the pedicle into the front of "
    "the fractured vertebral body and cement is injected into it. Warning marks show where leaked cement matters: "
    "through the back wall into the spinal canal, where it can compress the cord or nerve roots, and into a vein, "
    "through which it can reach the lungs. Below, balloon kyphoplasty in two steps, one under the other: a "
    "balloon inflated inside the body creates a cavity and pushes the endplates apart; the balloon is then "
    "removed and the cavity is filled with cement. Schematic, not to scale."
)

Point = tuple[float, float]


def segment(d: Figure, ox: float, oy: float, s: float) -> dict[str, Point]:
    """Three vertebrae in side view with a wedge fracture in the middle one; (ox, oy) is the top left, s the scale.
    Returns landmarks: the pedicle of the fractured level, a target in its anterior body, its back wall."""

    def p(x: float, y: float) -> Point:
        return (ox + x * s, oy + y * s)

    path(d, polygon_data([p(168, -24), p(206, -24), p(206, 330), p(168, 330)]), role="csf", width=FINE)
    for top in (0, 216):
        vertebra_side(d, ox, oy + top * s, 160 * s, 90 * s)
    for top, bottom in ((90, 130), (196, 216)):
        path(d, polygon_data([p(4, top), p(156, top), p(156, bottom), p(4, bottom)]), role="soft", width=FINE)
    path(d, polygon_data([p(0, 130), p(160, 112), p(160, 196), p(0, 196)]), role="bone")
    line(d, [p(10, 142), p(40, 150), p(60, 140), p(86, 150)], role="muted", width=FINE)
    for top in (-4, 112, 226):
        path(d, polygon_data([p(150, top + 10), p(240, top + 14), p(240, top + 44), p(150, top + 40)]), role="bone")
        path(
            d,
            polygon_data([p(230, top + 4), p(262, top + 8), p(300, top + 52), p(290, top + 70), p(234, top + 60)]),
            role="bone",
        )
    return {"pedicle": p(205, 139), "target": p(48, 160), "wall": p(162, 176), "front": p(0, 176)}


def trocar(d: Figure, at: dict[str, Point], length: float, tip: Point | None = None) -> None:
    """A trocar from behind through the pedicle to `tip` (default: the anterior body target)."""
    end = tip or at["target"]
    ux, uy = at["pedicle"][0] - end[0], at["pedicle"][1] - end[1]
    scale = length / math.hypot(ux, uy)
    needle(d, (end[0] + ux * scale, end[1] + uy * scale), end, width=6)


def draw() -> Figure:
    d = Figure(1200, title=TITLE, desc=DESC, name="vertebroplasty-vs-kyphoplasty")

    text(d, 20, 30, "Vertebroplasty", size=HEADING, bold=True, anchor="start")
    s = 0.95
    at = segment(d, 100, 150, s)
    bottom = 150 + 330 * s
    # A vein leaving the front of the body, and leaks through the back wall and into the vein.
    front = at["front"]
    cord(d, [front, (front[0] - 38, front[1] + 19), (front[0] - 80, front[1] + 66)], role="vessel", width=8)
    blob(d, (at["target"][0] + 28, at["target"][1] + 8), 58, 32)
    trocar(d, at, 255)
    blob(d, (at["wall"][0] + 12, at["wall"][1] + 4), 14, 10, role="warn", opacity=0.9)
    blob(d, (front[0] - 25, front[1] + 13), 12, 7, role="warn", opacity=0.9, angle=30)
    leader(d, (front[0] - 32, front[1] + 19), (20, 70), ["Leak into a vein:", "to the lungs"], role="warn")
    # A point on the trocar inside the pedicle, behind the canal, so its leader clears the canal wall.
    on_pedicle = (at["pedicle"][0] + 19, at["pedicle"][1] - 2.5)
    leader(d, on_pedicle, (420, 70), ["Trocar through", "the pedicle"], anchor="end")
    leader(d, (at["wall"][0] + 24, 150 - 14 * s), (250, 122), "Spinal canal", size=LABEL_SMALL, anchor="end")
    leader(d, (at["target"][0] + 10, at["target"][1] + 14), (20, bottom + 40), ["Cement in the", "fractured body"])
    leader(
        d,
        (at["wall"][0] + 19, at["wall"][1] + 6),
        (420, bottom + 40),
        ["Leak into the canal:", "cord compression"],
        anchor="end",
        role="warn",
    )

    top = bottom + 125
    text(d, 20, top, "Balloon kyphoplasty", size=HEADING, bold=True, anchor="start")
    steps = (
        ["1  Balloon inflated: cavity, endplates", "pushed apart"],
        ["2  Balloon removed, cavity filled", "with cement"],
    )
    s = 0.8
    for i, words in enumerate(steps):
        y = top + 44 + i * 356
        text(d, 20, y, words, anchor="start")
        at = segment(d, 90, y + 62, s)
        cavity = (at["target"][0] + 26 * s, at["target"][1] - 4 * s)
        if i == 0:
            d.append(dw.Ellipse(*cavity, 50 * s, 26 * s, class_="fig-device", stroke_width=FINE, fill_opacity=0.6))
            for sign in (-1, 1):
                arrow(
                    d,
                    [(cavity[0], cavity[1] + sign * 30 * s), (cavity[0], cavity[1] + sign * 62 * s)],
                    role="ink",
                    width=3,
                    head=12,
                )
        else:
            d.append(dw.Ellipse(*cavity, 50 * s, 26 * s, class_="fig-drug", stroke_width=FINE))
        trocar(d, at, 240, tip=(cavity[0] + 20 * s, cavity[1]))
    end = top + 44 + 356 + 62 + 330 * s
    text(d, 20, end + 40, "Schematic, not to scale.", size=LABEL_SMALL, role="muted", anchor="start")
    fit_height(d, end + 40)
    return d
