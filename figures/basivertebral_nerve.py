"""Figure: the basivertebral nerve and the transpedicular route to it (basivertebral nerve ablation page).

Only what the page states with its sources: the basivertebral foramen is an opening in the posterior wall of the
vertebral body, between the pedicles, carrying the basivertebral vessels and nerve (Wang 2023); the nerve runs
with the basivertebral vessels into the body and supplies the endplates (Huang 2022; Truumees 2019); an
introducer is passed through the pedicle and a curved stylet is advanced once the posterior wall of the body is
reached (Benrud 2023), to put the radiofrequency lesion at the nerve. Schematic, not to scale.
"""

from __future__ import annotations

import drawsvg as dw

from figures.flow import fit_height
from figures.style import (
    HEADING,
    LABEL_SMALL,
    OUTLINE,
    Figure,
    blob,
    cord,
    electrode,
    leader,
    path,
    polygon_data,
    smooth,
    text,
)

TITLE = "The basivertebral nerve and the transpedicular route to it"
DESC = (
    "An axial section of a lumbar vertebra at the level of the pedicles, with the front of the vertebral body at "
    "the top. The spinal canal, holding the thecal sac, lies behind the body, bounded on each side by a pedicle "
    "and behind by the laminae and spinous process. In the middle of the back wall of the vertebral body is a "
    "small opening, the basivertebral foramen. The basivertebral nerve enters the body through it from the "
    "front of the canal and branches forwards inside the bone. A radiofrequency probe enters from behind and to "
    "the right, passes through the right pedicle into the vertebral body and curves towards the midline, so that "
    "its tip lies on the nerve; a shaded heat lesion surrounds the tip. Schematic, not to scale."
)


def vertebra(d: Figure) -> None:
    """Body, pedicles, laminae and spinous process in axial section; canal and thecal sac."""
    body = [(200, 300), (190, 220), (220, 140), (290, 98), (360, 90), (430, 98), (500, 140), (530, 220)]
    body += [(520, 300), (470, 346), (360, 340), (250, 346)]
    # Pedicles (drawn first, so the body overlaps their front ends), then laminae and spinous process.
    for side in (-1, 1):
        pedicle = [(50, 320), (125, 320), (135, 450), (65, 450)]
        path(d, polygon_data([(360 + side * x, y) for x, y in pedicle]), role="bone")
    path(d, smooth(body), role="bone")
    arch = [(295, 440), (360, 520), (425, 440), (495, 440), (470, 500), (375, 560), (370, 660), (350, 660)]
    arch += [(345, 560), (250, 500), (225, 440)]
    path(d, polygon_data(arch), role="bone")
    d.append(dw.Ellipse(360, 420, 52, 46, class_="fig-csf", stroke_width=OUTLINE))
    # The basivertebral foramen: a gap in the posterior cortex in the midline.
    d.append(dw.Ellipse(360, 343, 16, 9, class_="fig-soft", stroke_width=OUTLINE))


# The anatomy is drawn in its own coordinates and scaled into the figure; labels stay full size.
K, TX, TY = 0.8, -12.0, 36.0


def m(x: float, y: float) -> tuple[float, float]:
    """A point of the anatomy's coordinates in the figure's."""
    return (TX + K * x, TY + K * y)


def draw() -> Figure:
    d = Figure(700, title=TITLE, desc=DESC, name="basivertebral-nerve")
    text(d, 220, 28, "Axial view at pedicle level", size=HEADING, bold=True)
    g = dw.Group(transform=f"translate({TX} {TY}) scale({K})")
    vertebra(g)
    # The nerve: from the front of the canal through the foramen, then branching forwards in the body.
    cord(g, [(318, 372), (344, 362), (360, 343), (360, 270)], role="nerve", width=8)
    for end in ((290, 170), (360, 150), (430, 170)):
        cord(g, [(360, 270), ((360 + end[0]) / 2, 215), end], role="nerve", width=5)
    # The probe: through the right pedicle, its tip on the nerve near the midline.
    tip = (372.0, 262.0)
    blob(g, tip, 46, 34, angle=-40)
    electrode(g, (540, 555), tip, exposed=60, width=6)
    d.append(g)
    text(d, *m(360, 128), "Vertebral body", size=LABEL_SMALL)
    leader(d, m(300, 186), (16, 64), ["Basivertebral", "nerve"])
    leader(d, m(404, 246), (424, 64), "Heat lesion", anchor="end")
    leader(d, m(348, 346), (16, 300), ["Basivertebral", "foramen"])
    leader(d, m(330, 450), (16, 400), "Thecal sac")
    leader(d, m(500, 488), (424, 580), ["Probe through", "the pedicle"], anchor="end")
    text(d, 220, 660, "Green: heat lesion. Schematic, not to scale.", size=LABEL_SMALL, role="muted")
    fit_height(d, 660)
    return d
