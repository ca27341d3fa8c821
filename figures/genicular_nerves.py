"""Front view of a right knee with the three genicular nerve targets named on procedures/radiofrequency-ablation.md.

The page names the superomedial, superolateral and inferomedial genicular nerves (Malaithong 2023) and says they
run close to the bone with a variable course; the targets are drawn where the shaft of the femur or tibia meets
the epicondyle or condyle, the bony landmarks used under fluoroscopy in Choi 2011.
"""

from __future__ import annotations

import drawsvg as dw

from figures.flow import fit_height, pointer
from figures.style import FINE, LABEL_SMALL, Figure, path, r, smooth, text

TITLE = "Genicular nerve targets at the knee"
DESC = (
    "Front view of a right knee: the lower femur widening into its medial and lateral condyles, the patella in "
    "front, the upper tibia below and the head of the fibula on the lateral side. Three targets are marked where "
    "a shaft meets the flare of the bone: the superomedial genicular nerve where the femoral shaft meets the "
    "medial epicondyle, the superolateral genicular nerve where the femoral shaft meets the lateral epicondyle, "
    "and the inferomedial genicular nerve where the tibial shaft meets the medial tibial condyle. The nerves' "
    "course varies between people. Schematic, not to scale."
)

CX = 220.0


def target(d: dw.Drawing, x: float, y: float) -> None:
    """A genicular nerve crossing the bone, with a halo where the needle tip is placed."""
    d.append(dw.Circle(r(x), r(y), 20, class_="fig-drug", fill_opacity=0.4, stroke_width=FINE))
    d.append(dw.Ellipse(r(x), r(y), 9, 5, class_="fig-nerve", stroke_width=FINE))


def draw() -> Figure:
    d = Figure(760, title=TITLE, desc=DESC, name="genicular-nerves")
    # Femur: shaft flaring into the condyles (lateral on the left of the picture, medial on the right).
    femur = [
        (CX - 44, 40),
        (CX + 44, 40),
        (CX + 48, 200),
        (CX + 70, 260),
        (CX + 104, 300),
        (CX + 112, 350),
        (CX + 84, 384),
        (CX + 20, 378),
        (CX, 360),
        (CX - 20, 378),
        (CX - 84, 384),
        (CX - 110, 350),
        (CX - 100, 300),
        (CX - 68, 260),
        (CX - 48, 200),
    ]
    path(d, smooth(femur), role="bone")
    # Tibia: plateau flaring down into the shaft; fibula head on the lateral side.
    tibia = [
        (CX - 104, 404),
        (CX + 104, 404),
        (CX + 110, 436),
        (CX + 80, 480),
        (CX + 50, 540),
        (CX + 44, 720),
        (CX - 44, 720),
        (CX - 50, 540),
        (CX - 80, 480),
        (CX - 110, 436),
    ]
    path(d, smooth(tibia), role="bone")
    path(
        d,
        smooth([(CX - 132, 470), (CX - 112, 458), (CX - 104, 490), (CX - 112, 720), (CX - 130, 720), (CX - 136, 500)]),
        role="bone",
    )
    # Patella in front of the lower femur (drawn as seen through the skin).
    d.append(dw.Ellipse(CX, 320, 52, 62, class_="fig-bone", fill_opacity=0.85, stroke_width=2))
    text(d, CX, 327, "Patella", size=LABEL_SMALL)
    # Targets.
    sm, sl, im = (CX + 58, 238), (CX - 58, 238), (CX + 62, 508)
    for point in (sm, sl, im):
        target(d, *point)
    # Labels beside the shafts, where the bones are narrow; lateral is on the left of the picture.
    text(d, 16, 150, ["Superolateral", "genicular nerve"], anchor="start", bold=True)
    pointer(d, sl, (CX - 70, 184))
    text(d, 428, 150, ["Superomedial", "genicular nerve"], anchor="end", bold=True)
    pointer(d, sm, (CX + 80, 184))
    text(d, 428, 600, ["Inferomedial", "genicular nerve"], anchor="end", bold=True)
    pointer(d, im, (CX + 80, 578))
    text(d, CX, 120, "Femur")
    text(d, CX, 660, "Tibia")
    text(d, CX - 150, 620, "Fibula", anchor="end")
    pointer(d, (CX - 122, 600), (CX - 144, 614))
    text(d, 16, 40, "Lateral", size=LABEL_SMALL, anchor="start", role="muted")
    text(d, 424, 40, "Medial", size=LABEL_SMALL, anchor="end", role="muted")
    text(d, CX, 784, "Right knee from the front. Schematic, not to scale.", size=LABEL_SMALL, role="muted")
    fit_height(d, 784)
    return d
