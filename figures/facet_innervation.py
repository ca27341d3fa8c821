"""Figure: each lumbar facet joint is supplied by two medial branches (facet joint injections page).

After Bogduk 1982 as the page states it: each medial branch supplies two adjacent joints, so a joint receives two
nerves; the medial branch crosses the root of the transverse process where it meets the superior articular process,
which is the block target. The example is the L4-L5 joint (L3 and L4 medial branches). Posterior view of the right
half, head up. Schematic, not to scale. Drawn tall for a phone: the labels sit in the bays between the transverse
processes, next to what they name.
"""

from __future__ import annotations

import drawsvg as dw

from figures.style import FINE, LABEL_SMALL, Figure, cord, leader, path, polygon_data, text

TITLE = "Nerve supply of a lumbar facet joint"
DESC = (
    "Back view of the right half of the L3, L4 and L5 vertebrae, head at the top, midline on the left. Each level "
    "shows the spinous process in the midline, the lamina, the articular processes and the transverse process. The "
    "medial branch of the L3 dorsal ramus crosses the top of the L4 transverse process where it joins the superior "
    "articular process, and sends twigs to the L3-L4 and L4-L5 facet joints. The L4 medial branch crosses the L5 "
    "transverse process in the same way and supplies the L4-L5 and L5-S1 joints. So the L4-L5 joint is supplied by "
    "two nerves, the L3 and L4 medial branches, and blocking it means blocking both, at the two marked targets. "
    "Schematic, not to scale."
)

MID = 128.0  # midline x
SX = 1.15  # horizontal stretch of the offsets below
SY = 1.3  # vertical stretch
LEVEL = 260.0  # height of one vertebra in the drawing
TOP = 56.0


def at(y: float, dx: float, dy: float) -> tuple[float, float]:
    """A point `dx` right of the midline and `dy` below the top `y` of a level, in unstretched units."""
    return (MID + SX * dx, y + SY * dy)


def vertebra(d: dw.Drawing, y: float, name: str) -> None:
    """Right half of one lumbar vertebra from behind: spinous process, lamina, articular pillar, transverse process."""
    offsets = [(-18, 40), (60, 30), (70, -8), (104, -6), (106, 44), (250, 50), (256, 74), (104, 82), (96, 150)]
    offsets += [(74, 168), (56, 168), (46, 120), (18, 140), (-18, 140)]  # inferior articular process, lamina
    path(d, polygon_data([at(y, dx, dy) for dx, dy in offsets]), role="bone")
    path(d, polygon_data([at(y, -18, 40), at(y, 18, 40), at(y, 18, 140), at(y, -18, 140)]), role="bone")
    text(d, MID - 30, y + SY * 96, name, anchor="end", bold=True)


def joint(d: dw.Drawing, y: float, strong: bool) -> None:
    """The facet joint between one level's inferior and the next level's superior articular process."""
    klass = "fig-fill-none fig-warn" if strong else "fig-fill-none fig-muted"
    d.append(dw.Ellipse(MID + SX * 84, y, 28, 20, class_=klass, stroke_width=3 if strong else FINE))


def medial_branch(d: dw.Drawing, y_next: float) -> tuple[float, float]:
    """A medial branch that crosses the transverse process of the level whose top is y_next; returns the target."""
    target = at(y_next, 108, 44)
    cord(d, [at(y_next, 220, 17), target, at(y_next, 64, 100), at(y_next, 60, 150)], role="nerve", width=6)
    cord(d, [at(y_next, 96, 30), at(y_next, 94, -18)], role="nerve", width=4)  # twig to the joint above
    cord(d, [at(y_next, 60, 150), at(y_next, 78, 176)], role="nerve", width=4)  # twig to the joint below
    d.append(dw.Circle(*target, 9, class_="fig-fill-none fig-drug", stroke_width=3))
    return target


def draw() -> Figure:
    d = Figure(960, title=TITLE, desc=DESC, name="facet-innervation")
    text(d, MID, 28, "Midline", size=LABEL_SMALL, role="muted")
    bottom = TOP + 3 * LEVEL + 20
    d.append(dw.Line(MID, 36, MID, bottom, class_="fig-fill-none fig-muted", stroke_width=FINE, stroke_dasharray="6 6"))
    tops = [TOP + i * LEVEL for i in range(3)]
    for y, name in zip(tops, ("L3", "L4", "L5"), strict=True):
        vertebra(d, y, name)
    for i, y in enumerate(tops):
        joint(d, y + LEVEL - 14, strong=i == 1)
    l3 = medial_branch(d, tops[1])
    l4 = medial_branch(d, tops[2])

    # The bay between two transverse processes names the medial branch crossing the lower one and its target.
    for y_next, target, level in ((tops[1], l3, "L3"), (tops[2], l4, "L4")):
        leader(d, at(y_next, 216, 18), (432, y_next - 78), [f"{level} medial", "branch"], anchor="end")
        leader(d, target, (target[0] + 18, y_next - 22), ["Block target", f"({level})"], size=LABEL_SMALL)
    leader(d, at(tops[2], 60, -14), (12, tops[2] - 64), ["L4-L5", "facet", "joint"])
    leader(d, at(tops[2], 88, 14), (12, tops[2] + 12), ["Superior", "articular", "process", "(L5)"])
    leader(d, at(tops[2], 230, 62), (432, tops[2] + SY * 82 + 40), ["Transverse", "process (L5)"], anchor="end")
    text(
        d,
        12,
        bottom + 36,
        ["The L4-L5 joint is supplied by the", "L3 and L4 medial branches:", "a block covers both"],
        anchor="start",
    )
    return d
