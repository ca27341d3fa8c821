"""Figure: a lumbar vertebra as it looks in AP, lateral and oblique fluoroscopy (imaging guidance page).

The page says the C-arm gives anteroposterior, lateral and oblique views and that the operator navigates by bony
landmarks such as the pedicle, the lamina and the facet joint. The outlines follow standard radiographic anatomy
(checked against radiology teaching sources: on the oblique view the posterior elements form the "Scotty dog",
the pedicle its eye, the transverse process its nose, the superior articular process its ear and the lamina its
body). Schematic outlines, not tracings of any image; not to scale.
"""

from __future__ import annotations

import drawsvg as dw

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
    "Three schematic fluoroscopic views of lumbar vertebrae. AP view, seen from behind: the vertebral body as a "
    "rectangle, the two pedicles as ovals near its upper corners, the transverse processes to each side and the "
    "spinous process in the midline. Lateral view, front to the left: two vertebral bodies, the pedicles behind "
    "them, the intervertebral foramen below each pedicle, the facet joint between the articular processes and the "
    "spinous process pointing backwards. Oblique view: the posterior elements form the outline of a 'Scotty dog': "
    "the transverse process is its nose, the pedicle its eye, the superior articular process its ear and the "
    "lamina its body; the facet joint is the gap between the ear and the front leg of the vertebra above. "
    "Schematic, not to scale."
)


def ap_view(d: Figure) -> None:
    text(d, 20, 36, "AP view", size=HEADING, bold=True, anchor="start")
    for x0, x1 in ((50, 120), (280, 350)):
        path(d, polygon_data([(x0, 126), (x1, 122), (x1, 146), (x0, 150)]), role="bone")
    d.append(dw.Rectangle(100, 70, 200, 180, rx=14, class_="fig-bone", stroke_width=OUTLINE))
    for cx in (140.0, 260.0):
        d.append(dw.Ellipse(cx, 112, 18, 26, class_="fig-fill-none fig-ink", stroke_width=EMPHASIS))
        outline(d, f"M{cx},{138} L{cx + (200 - cx) * 0.6},{214}", role="muted", width=FINE)
    d.append(dw.Ellipse(200, 200, 14, 34, class_="fig-fill-none fig-ink", stroke_width=OUTLINE))
    leader(d, (270, 100), (420, 90), "Pedicle")
    leader(d, (340, 136), (420, 150), "Transverse process")
    leader(d, (212, 214), (420, 220), "Spinous process")
    leader(d, (120, 235), (420, 272), "Vertebral body")


def lateral_view(d: Figure) -> None:
    top = 330.0
    text(d, 20, top, "Lateral view", size=HEADING, bold=True, anchor="start")
    text(d, 50, top + 30, "Front", size=LABEL_SMALL, role="muted", anchor="start")
    for i, y in enumerate((top + 50, top + 170)):
        vertebra_side(d, 50, y, 150, 96)
        path(d, polygon_data([(198, y + 12), (250, y + 12), (250, y + 44), (198, y + 44)]), role="bone")
        # Articular pillar: superior process up, inferior process down, then the spinous process backwards.
        pillar = [(240, y + 4), (262, y - 10), (290, y + 6), (300, y + 74), (284, y + 108), (256, y + 104)]
        pillar += [(252, y + 56)]
        path(d, polygon_data(pillar), role="bone")
        path(d, polygon_data([(294, y + 24), (352, y + 40), (356, y + 66), (298, y + 64)]), role="bone")
        if i == 1:
            line(d, [(258, y + 6), (288, y - 10)], role="ink", width=EMPHASIS)
    leader(d, (120, top + 100), (420, top + 60), "Vertebral body")
    leader(d, (228, top + 76), (420, top + 106), "Pedicle")
    leader(d, (226, top + 132), (420, top + 150), ["Intervertebral", "foramen"])
    leader(d, (274, top + 166), (420, top + 214), "Facet joint")
    leader(d, (340, top + 220), (420, top + 262), "Spinous process")


DOG = [(40, 112), (118, 96), (140, 84), (150, 30), (176, 76), (206, 92), (330, 100), (352, 72), (366, 82)]
DOG += [(352, 124), (344, 202), (316, 202), (318, 150), (232, 152), (218, 212), (190, 212), (192, 150)]
DOG += [(170, 134), (118, 128), (40, 126)]


def oblique_view(d: Figure) -> None:
    top = 640.0
    text(d, 20, top, "Oblique view: the 'Scotty dog'", size=HEADING, bold=True, anchor="start")
    ox, oy = 10.0, top + 60

    def p(x: float, y: float) -> tuple[float, float]:
        return (ox + x, oy + y)

    # The front leg (inferior articular process) of the vertebra above meets the ear: the facet joint.
    path(d, polygon_data([p(160, -30), p(196, -30), p(190, 20), p(170, 24)]), role="bone", width=OUTLINE)
    path(d, polygon_data([p(x, y) for x, y in DOG]), role="bone")
    d.append(dw.Ellipse(*p(140, 110), 14, 10, class_="fig-fill-none fig-ink", stroke_width=EMPHASIS))
    line(d, [p(156, 30), p(186, 28)], role="ink", width=EMPHASIS)
    leader(d, p(140, 110), (420, top + 120), ["Pedicle", "(eye)"])
    leader(d, p(50, 118), (24, top + 300), "Transverse process (nose)")
    leader(d, p(162, 60), (420, top + 60), ["Superior articular", "process (ear)"])
    leader(d, p(172, 28), (420, top + 186), "Facet joint")
    leader(d, p(280, 126), (420, top + 250), ["Lamina", "(body)"])


def draw() -> Figure:
    d = Figure(1000, title=TITLE, desc=DESC, name="spinal-needle-imaging")
    ap_view(d)
    lateral_view(d)
    oblique_view(d)
    text(d, 360, 986, "Schematic outlines, not to scale.", size=LABEL_SMALL, role="muted")
    return d
