"""Figure: the three routes into the epidural space (epidural steroid injections page).

Follows the page's description (anatomy and approaches from Rathmell 2015, StatPearls and NICE NG59): interlaminar
needle through the ligamentum flavum into the posterior epidural space; transforaminal needle to the foramen beside
the exiting root; caudal needle through the sacral hiatus. Schematic composition, not to scale. Stacked for a
phone: the vertebra in cross-section on top (labels in the free corners around it), the sacrum inset below.
"""

from __future__ import annotations

from figures.shapes import vertebra_axial
from figures.style import (
    FINE,
    HEADING,
    LABEL_SMALL,
    Figure,
    box,
    leader,
    needle,
    path,
    polygon_data,
    smooth,
    text,
)

TITLE = "The three routes into the epidural space"
DESC = (
    "Top: a lumbar vertebra seen in cross-section, front at the top. The thecal sac, containing cerebrospinal "
    "fluid, sits in the spinal canal surrounded by the epidural space; a nerve root leaves on each side through "
    "the intervertebral foramen. Behind the canal the laminae and the ligamentum flavum close it. Route 1, "
    "interlaminar: a needle from behind, in or near the midline, passes through the ligamentum flavum into the "
    "posterior epidural space. Route 2, transforaminal: a needle from behind and to the side ends at the "
    "intervertebral foramen beside the exiting nerve root. Bottom: a side view of the sacrum. Route 3, caudal: a "
    "needle enters the sacral canal through the sacral hiatus, which is covered by the sacrococcygeal ligament. "
    "Schematic, not to scale."
)

CX, CY, S = 248.0, 240.0, 1.1  # centre of the spinal canal and scale of the vertebra
INSET = 590.0  # top of the caudal inset


def p(x: float, y: float) -> tuple[float, float]:
    """A point of the vertebra, in the units of `vertebra_axial` before scaling."""
    return (CX + x * S, CY + y * S)


def vertebra(d: Figure) -> None:
    """Interlaminar and transforaminal routes on the vertebra in cross-section."""
    text(d, CX, 40, "Front (anterior)", size=LABEL_SMALL, role="muted")
    at = vertebra_axial(d, CX, CY, S)

    # Injectate where each route delivers it.
    posterior = [p(-30, 62), p(0, 54), p(30, 62), p(0, 70)]
    path(d, smooth(posterior), role="drug", width=0, opacity=0.75)
    foraminal = [p(70, -30), p(110, -26), p(150, -36), p(110, -18)]
    path(d, smooth(foraminal), role="drug", width=0, opacity=0.75)

    needle(d, (CX, CY + 250), p(0, 64), width=5)
    needle(d, (414, CY + 240), p(118, -24), width=5)

    leader(d, p(-66, -120), (12, 86), ["Vertebral", "body"])
    leader(d, at["root_l"], (12, 158), ["Nerve", "root"])
    leader(d, p(-48, -8), (12, CY - 6), ["Epidural", "space"])
    leader(d, p(-36, 10), (12, CY + 52), ["Dura and", "thecal sac"])
    leader(d, at["flavum_l"], (12, CY + 108), ["Ligamentum", "flavum"])
    leader(d, at["lamina_l"], (12, CY + 162), "Lamina")
    leader(d, p(140, -30), (432, 140), ["Injectate", "(ventral)"], anchor="end", size=LABEL_SMALL)

    text(d, CX - 16, CY + 226, "1  Interlaminar", anchor="end", bold=True)
    text(d, CX - 16, CY + 246, ["(midline or", "paramedian)"], anchor="end", size=LABEL_SMALL)
    text(d, 432, CY + 296, "2  Transforaminal", anchor="end", bold=True)


def caudal(d: Figure) -> None:
    """Inset: the caudal route, side view of the sacrum, head up, back to the right."""
    top = INSET
    box(d, 8, top, 424, 330, role=None, outline="muted", width=FINE)
    text(d, 22, top + 30, "3  Caudal: side view of the sacrum", bold=True, anchor="start", size=HEADING)

    def q(x: float, y: float) -> tuple[float, float]:
        """A point of the sacrum drawing, in its own units (origin at its top left)."""
        return (100 + x * 1.15, top + 52 + y * 1.15)

    front = [q(75, 4), q(85, 44), q(107, 88), q(137, 127), q(173, 160)]
    roof = [q(103, 2), q(113, 42), q(131, 84), q(153, 114)]
    path(d, polygon_data([*roof, *reversed(front)]), role="soft", width=FINE, opacity=0.6)
    path(d, smooth([q(81, 4), q(99, 4), q(103, 28), q(93, 52), q(85, 28)]), role="csf", width=FINE)
    path(d, polygon_data([q(0, 4), *front, q(159, 174), q(103, 158), q(47, 118), q(11, 64)]), role="bone")
    roof_bone = [q(103, 2), q(131, 0), q(141, 42), q(155, 80), q(165, 110), q(153, 114), *reversed(roof)]
    path(d, polygon_data(roof_bone), role="bone")
    path(d, polygon_data([q(153, 114), q(165, 110), q(189, 158), q(177, 164)]), role="soft", width=FINE)
    for x, y in [(183, 174), (199, 188), (213, 200)]:  # coccygeal segments
        seg = [q(x - 8, y - 4), q(x + 6, y - 8), q(x + 10, y + 4), q(x - 4, y + 8)]
        path(d, smooth(seg), role="bone", width=FINE)
    needle(d, q(268, 188), q(129, 96), width=5)
    leader(d, q(91, 24), (80, top + 84), ["Dural", "sac"], anchor="end", size=LABEL_SMALL)
    leader(d, q(35, 72), (80, top + 150), "Sacrum", anchor="end", size=LABEL_SMALL)
    leader(d, q(115, 72), (310, top + 84), ["Sacral canal", "(epidural", "space)"], size=LABEL_SMALL)
    leader(d, q(171, 134), (24, top + 290), ["Sacral hiatus and", "sacrococcygeal ligament"], size=LABEL_SMALL)


def draw() -> Figure:
    d = Figure(940, title=TITLE, desc=DESC, name="epidural-routes")
    vertebra(d)
    caudal(d)
    return d
