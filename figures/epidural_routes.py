"""Figure: the three routes into the epidural space (epidural steroid injections page).

Follows the page's description (anatomy and approaches from Rathmell 2015, StatPearls and NICE NG59): interlaminar
needle through the ligamentum flavum into the posterior epidural space; transforaminal needle to the foramen beside
the exiting root; caudal needle through the sacral hiatus. Schematic composition, not to scale.
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


def draw() -> Figure:
    d = Figure(1010, title=TITLE, desc=DESC, name="epidural-routes")
    cx, cy, s = 360.0, 330.0, 1.3
    text(d, cx, 88, "Front (anterior)", size=LABEL_SMALL, role="muted")
    at = vertebra_axial(d, cx, cy, s)

    # Injectate where each route delivers it.
    path(
        d,
        smooth([(cx - 30, cy + 62), (cx, cy + 54), (cx + 30, cy + 62), (cx, cy + 70)]),
        role="drug",
        width=0,
        opacity=0.75,
    )
    path(
        d,
        smooth([(cx + 70, cy - 30), (cx + 110, cy - 26), (cx + 150, cy - 36), (cx + 110, cy - 18)]),
        role="drug",
        width=0,
        opacity=0.75,
    )

    needle(d, (cx, 640), (cx, cy + 64), width=5)
    needle(d, (600, 590), (cx + 118 * s, cy - 24 * s), width=5)

    leader(d, (cx - 70, cy - 150), (16, 150), "Vertebral body")
    leader(d, (cx - 48 * s, cy - 8 * s), (16, 250), ["Epidural", "space"])
    leader(d, (cx - 46, cy + 8), (16, 345), ["Dura and", "thecal sac"])
    leader(d, at["flavum_l"], (16, 440), ["Ligamentum", "flavum"])
    leader(d, at["lamina_l"], (16, 530), "Lamina")
    leader(d, at["root_r"], (704, 200), "Nerve root", anchor="end")
    leader(d, (cx + 140, cy - 34), (704, 300), ["Injectate", "(ventral)"], anchor="end", size=LABEL_SMALL)

    text(d, cx, 700, "1  Interlaminar", bold=True)
    text(d, cx, 722, "(midline or paramedian)", size=LABEL_SMALL)
    text(d, 600, 650, "2  Transforaminal", bold=True)

    # Caudal route inset: side view of the sacrum, head up, back to the right.
    box(d, 16, 745, 688, 255, role=None, outline="muted", width=FINE)
    text(d, 32, 775, "3  Caudal: side view of the sacrum", bold=True, anchor="start", size=HEADING)
    front = [(290, 792), (300, 832), (322, 876), (352, 915), (388, 948)]
    roof = [(318, 790), (328, 830), (346, 872), (368, 902)]
    path(d, polygon_data([*roof, *reversed(front)]), role="soft", width=FINE, opacity=0.6)
    path(d, smooth([(296, 792), (314, 792), (318, 816), (308, 840), (300, 816)]), role="csf", width=FINE)
    path(d, polygon_data([(215, 792), *front, (374, 962), (318, 946), (262, 906), (226, 852)]), role="bone")
    path(
        d,
        polygon_data([(318, 790), (346, 788), (356, 830), (370, 868), (380, 898), (368, 902), *reversed(roof)]),
        role="bone",
    )
    path(d, polygon_data([(368, 902), (380, 898), (404, 946), (392, 952)]), role="soft", width=FINE)
    for x, y in [(398, 962), (414, 976), (428, 988)]:  # coccygeal segments
        path(d, smooth([(x - 8, y - 4), (x + 6, y - 8), (x + 10, y + 4), (x - 4, y + 8)]), role="bone", width=FINE)
    needle(d, (560, 990), (344, 884), width=5)
    leader(d, (392, 924), (470, 905), ["Sacral hiatus and", "sacrococcygeal ligament"], size=LABEL_SMALL)
    leader(d, (330, 860), (470, 840), ["Sacral canal", "(epidural space)"], size=LABEL_SMALL)
    leader(d, (306, 812), (180, 812), ["Dural", "sac"], anchor="end", size=LABEL_SMALL)
    leader(d, (250, 860), (180, 880), "Sacrum", anchor="end", size=LABEL_SMALL)
    return d
