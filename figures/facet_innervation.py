"""Figure: each lumbar facet joint is supplied by two medial branches (facet joint injections page).

After Bogduk 1982 as the page states it: each medial branch supplies two adjacent joints, so a joint receives two
nerves; the medial branch crosses the root of the transverse process where it meets the superior articular process,
which is the block target. The example is the L4-L5 joint (L3 and L4 medial branches). Posterior view of the right
half, head up. Schematic, not to scale.
"""

from __future__ import annotations

import drawsvg as dw

from figures.style import FINE, LABEL_SMALL, Figure, cord, leader, path, polygon_data, text

TITLE = "Nerve supply of a lumbar facet joint"
DESC = (
    "Back view of the right half of the L3, L4 and L5 vertebrae, head at the top. Each level shows the spinous "
    "process in the midline, the lamina, the articular processes and the transverse process. The medial branch of "
    "the L3 dorsal ramus crosses the top of the L4 transverse process where it joins the superior articular "
    "process, and sends twigs to the L3-L4 and L4-L5 facet joints. The L4 medial branch crosses the L5 transverse "
    "process in the same way and supplies the L4-L5 and L5-S1 joints. So the L4-L5 joint is supplied by two "
    "nerves, the L3 and L4 medial branches, and blocking it means blocking both, at the two marked targets. "
    "Schematic, not to scale."
)

MID = 150.0  # midline x
SX = 1.45  # horizontal stretch of the offsets below
LEVEL = 200.0  # height of one vertebra in the drawing
TOP = 60.0


def vertebra(d: dw.Drawing, y: float, name: str) -> None:
    """Right half of one lumbar vertebra from behind: spinous process, lamina, articular pillar, transverse process."""
    outline = [
        (MID - SX * 18, y + 40),
        (MID + SX * 60, y + 30),
        (MID + SX * 70, y - 8),  # superior articular process
        (MID + SX * 104, y - 6),
        (MID + SX * 106, y + 44),
        (MID + SX * 250, y + 50),  # transverse process
        (MID + SX * 256, y + 74),
        (MID + SX * 104, y + 82),
        (MID + SX * 96, y + 150),
        (MID + SX * 74, y + 168),  # inferior articular process
        (MID + SX * 56, y + 168),
        (MID + SX * 46, y + 120),
        (MID + SX * 18, y + 140),
        (MID - SX * 18, y + 140),
    ]
    path(d, polygon_data(outline), role="bone")
    path(
        d,
        polygon_data(
            [(MID - SX * 18, y + 40), (MID + SX * 18, y + 40), (MID + SX * 18, y + 140), (MID - SX * 18, y + 140)]
        ),
        role="bone",
    )
    text(d, MID - 34, y + 96, name, anchor="end", bold=True)


def joint(d: dw.Drawing, y: float, strong: bool) -> None:
    """The facet joint between one level's inferior and the next level's superior articular process."""
    klass = "fig-fill-none fig-warn" if strong else "fig-fill-none fig-muted"
    d.append(
        dw.Ellipse(MID + SX * 84, y, 30, 22, class_=klass, stroke_width=3 if strong else FINE, stroke_dasharray=None)
    )


def medial_branch(d: dw.Drawing, y_next: float) -> tuple[float, float]:
    """A medial branch that crosses the transverse process of the level whose top is y_next; returns the target."""
    target = (MID + SX * 108, y_next + 44)
    cord(
        d,
        [(MID + SX * 200, y_next + 20), target, (MID + SX * 64, y_next + 100), (MID + SX * 60, y_next + 150)],
        role="nerve",
        width=6,
    )
    cord(
        d, [(MID + SX * 96, y_next + 30), (MID + SX * 94, y_next - 18)], role="nerve", width=4
    )  # twig to the joint above
    cord(
        d, [(MID + SX * 60, y_next + 150), (MID + SX * 78, y_next + 176)], role="nerve", width=4
    )  # twig to the joint below
    d.append(dw.Circle(*target, 9, class_="fig-fill-none fig-drug", stroke_width=3))
    return target


def draw() -> Figure:
    d = Figure(780, title=TITLE, desc=DESC, name="facet-innervation")
    text(d, MID, 30, "Midline", size=LABEL_SMALL, role="muted")
    d.append(dw.Line(MID, 38, MID, 740, class_="fig-fill-none fig-muted", stroke_width=FINE, stroke_dasharray="6 6"))
    for i, name in enumerate(("L3", "L4", "L5")):
        vertebra(d, TOP + i * LEVEL, name)
    joint(d, TOP + LEVEL - 14, strong=False)
    joint(d, TOP + 2 * LEVEL - 14, strong=True)
    joint(d, TOP + 3 * LEVEL - 14, strong=False)
    l3 = medial_branch(d, TOP + LEVEL)
    l4 = medial_branch(d, TOP + 2 * LEVEL)
    leader(d, (MID + SX * 190, TOP + LEVEL + 22), (704, 210), ["L3 medial", "branch"], anchor="end")
    leader(d, (MID + SX * 190, TOP + 2 * LEVEL + 22), (704, 410), ["L4 medial", "branch"], anchor="end")
    leader(d, (MID + SX * 56, TOP + 2 * LEVEL - 14), (16, 452), ["L4-L5", "facet", "joint"], anchor="start")
    leader(d, l3, (704, 280), ["Block target", "(L3)"], anchor="end", size=LABEL_SMALL)
    leader(d, l4, (704, 480), ["Block target", "(L4)"], anchor="end", size=LABEL_SMALL)
    leader(
        d,
        (MID + SX * 230, TOP + 2 * LEVEL + 62),
        (704, 580),
        ["Transverse", "process (L5)"],
        anchor="end",
        size=LABEL_SMALL,
    )
    leader(
        d,
        (MID + SX * 90, TOP + 2 * LEVEL + 10),
        (704, 650),
        ["Superior articular", "process (L5)"],
        anchor="end",
        size=LABEL_SMALL,
    )
    text(
        d,
        20,
        720,
        ["The L4-L5 joint is supplied by the L3 and L4", "medial branches: a block covers both"],
        anchor="start",
    )
    return d
