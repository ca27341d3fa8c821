"""Axial section at L1 with the posterior percutaneous approach to a coeliac plexus block.

Follows procedures/sympathetic-blocks.md and its sources: the plexus lies in the retroperitoneum in front of the
aorta around the origin of the coeliac artery, at about T12 to L2, most often L1 (OpenAnesthesia; StatPearls CPB);
the posterior approach is done prone under fluoroscopy, CT or ultrasound guidance. The needles pass beside the
vertebral body to lie in front of the aorta (through the crura), as in the transcrural technique; the anterior and
endoscopic (EUS) routes the page also names are not drawn.
"""

from __future__ import annotations

import drawsvg as dw

from figures.flow import fit_height, pointer
from figures.shapes import vertebra_axial
from figures.style import FINE, LABEL_SMALL, Figure, needle, outline, path, r, smooth, text

TITLE = "Coeliac plexus block: axial view at L1"
DESC = (
    "Axial section of the upper abdomen at the first lumbar vertebra, front of the body at the top, patient "
    "lying prone for the block, patient's right on the left of the picture. The aorta lies in front of the "
    "vertebral body, slightly to the left, with the inferior vena cava to its right; the crura of the diaphragm "
    "lie on either side of the aorta, and the kidneys lie further out on each side. The coeliac plexus surrounds "
    "the front of the aorta at the origin of the coeliac artery. Two needles enter the back on either side, "
    "pass beside the vertebral body and through the crura, and their tips lie in front of the aorta, where the "
    "injectate surrounds the plexus. Schematic, not to scale."
)

CX, CY = 360.0, 420.0  # centre of the spinal canal


def draw() -> Figure:
    d = Figure(700, title=TITLE, desc=DESC, name="coeliac-plexus")
    outline(
        d,
        smooth(
            [
                (CX, 60),
                (CX - 160, 86),
                (CX - 214, 220),
                (CX - 212, 390),
                (CX - 160, 500),
                (CX, 536),
                (CX + 160, 500),
                (CX + 212, 390),
                (CX + 214, 220),
                (CX + 160, 86),
            ]
        ),
    )
    # Muscles beside and behind the spine (psoas, paraspinal), then the vertebra.
    for side in (-1, 1):
        path(
            d,
            smooth(
                [
                    (CX + side * 60, CY - 70),
                    (CX + side * 112, CY - 92),
                    (CX + side * 126, CY - 40),
                    (CX + side * 92, CY - 8),
                ]
            ),
            role="soft",
            width=FINE,
        )
        path(
            d,
            smooth(
                [
                    (CX + side * 22, CY + 60),
                    (CX + side * 96, CY + 40),
                    (CX + side * 128, CY + 84),
                    (CX + side * 90, CY + 122),
                    (CX + side * 16, CY + 120),
                ]
            ),
            role="soft",
            width=FINE,
        )
    marks = vertebra_axial(d, CX, CY, 0.62)
    # Kidneys.
    for side in (-1, 1):
        path(
            d,
            smooth(
                [
                    (CX + side * 146, CY - 120),
                    (CX + side * 186, CY - 100),
                    (CX + side * 196, CY - 30),
                    (CX + side * 176, CY + 20),
                    (CX + side * 146, CY - 6),
                    (CX + side * 152, CY - 60),
                ]
            ),
            role="soft",
        )
    # Aorta (left of midline) with the coeliac artery going forwards; inferior vena cava on the right.
    aorta = (CX + 26, CY - 150)
    path(
        d,
        f"M{r(aorta[0] - 8)},{r(aorta[1] - 20)} L{r(aorta[0] - 6)},{r(aorta[1] - 76)} "
        f"L{r(aorta[0] + 8)},{r(aorta[1] - 76)} L{r(aorta[0] + 10)},{r(aorta[1] - 20)} Z",
        role="vessel",
        width=FINE,
    )
    d.append(dw.Circle(*aorta, 26, class_="fig-vessel", stroke_width=2))
    d.append(dw.Ellipse(CX - 76, CY - 146, 24, 18, class_="fig-vessel", fill_opacity=0.55, stroke_width=2))
    # Crura of the diaphragm either side of the aorta.
    for side, base in ((-1, CX - 16), (1, CX + 66)):
        path(
            d,
            smooth(
                [
                    (base, CY - 110),
                    (base + side * 14, CY - 128),
                    (base + side * 10, CY - 176),
                    (base + side * 2, CY - 188),
                    (base - side * 2, CY - 150),
                ]
            ),
            role="soft",
            width=FINE,
        )
    # Injectate and the plexus in front of the aorta.
    d.append(dw.Ellipse(aorta[0], aorta[1] - 48, 64, 22, class_="fig-drug", fill_opacity=0.45, stroke_width=FINE))
    for dx, dy in ((-40, -44), (-20, -54), (22, -56), (44, -46), (0, -40)):
        d.append(dw.Ellipse(aorta[0] + dx, aorta[1] + dy, 7, 5, class_="fig-nerve", stroke_width=FINE))
    # Posterior needles, one each side, from the back to the front of the aorta.
    needle(d, (CX - 196, CY + 150), (aorta[0] - 40, aorta[1] - 40))
    needle(d, (CX + 226, CY + 150), (aorta[0] + 44, aorta[1] - 40))
    # Labels.
    left: list[tuple[str | list[str], tuple[float, float], float]] = [
        (["Inferior", "vena cava"], (CX - 84, CY - 146), 190),
        (["Right crus", "of diaphragm"], (CX - 24, CY - 150), 270),
        ("Kidney", (CX - 170, CY - 60), 360),
        ("Needle", (CX - 150, CY + 80), 520),
    ]
    for label, target, y in left:
        pointer(d, target, (142, y - 6))
        text(d, 136, y, label, anchor="end")
    right: list[tuple[str | list[str], tuple[float, float], float]] = [
        (["Coeliac", "plexus"], (aorta[0] + 40, aorta[1] - 50), 150),
        ("Aorta", (aorta[0] + 18, aorta[1] + 8), 250),
        (["L1 vertebral", "body"], marks["body"], 340),
        ("Kidney", (CX + 176, CY - 60), 430),
    ]
    for label, target, y in right:
        pointer(d, target, (578, y - 6))
        text(d, 584, y, label, anchor="start")
    text(d, CX, 36, "Front", size=LABEL_SMALL, role="muted")
    text(d, CX, 566, "Back", size=LABEL_SMALL, role="muted")
    text(
        d,
        20,
        630,
        "Patient prone; patient's right on the left. Schematic, not to scale.",
        size=LABEL_SMALL,
        anchor="start",
        role="muted",
    )
    fit_height(d, 630)
    return d
