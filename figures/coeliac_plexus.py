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
from figures.style import FINE, LABEL, LABEL_SMALL, Figure, needle, outline, path, r, smooth, text, text_height

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

CX, CY = 360.0, 420.0  # centre of the spinal canal, in the section's own coordinates
AORTA = (CX + 26, CY - 150)  # left of the midline, in front of the vertebral body
S, SHIFT_X, SHIFT_Y = 0.85, -86.0, 44.0  # the section is drawn scaled and moved so CX lands on the midline


def at(x: float, y: float) -> tuple[float, float]:
    """Where a point of the section lands on the figure (labels stay full size, outside the group)."""
    return (SHIFT_X + x * S, SHIFT_Y + y * S)


def section(d: dw.Group) -> None:
    """The axial section at L1 with both needles, in its own coordinates (front up, patient's right on the left)."""
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
    vertebra_axial(d, CX, CY, 0.62)
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
    aorta = AORTA
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
    for dx, dy in ((-40, -44), (-20, -54), (26, -56), (48, -46), (0, -40)):
        d.append(dw.Ellipse(aorta[0] + dx, aorta[1] + dy, 7, 5, class_="fig-nerve", stroke_width=FINE))
    # Posterior needles, one each side, from the back to the front of the aorta.
    needle(d, (CX - 196, CY + 150), (aorta[0] - 40, aorta[1] - 40))
    needle(d, (CX + 226, CY + 150), (aorta[0] + 44, aorta[1] - 40))


def draw() -> Figure:
    d = Figure(800, title=TITLE, desc=DESC, name="coeliac-plexus")
    group = dw.Group(transform=f"translate({r(SHIFT_X)} {r(SHIFT_Y)}) scale({S})")
    section(group)
    d.append(group)
    # Labels of the front structures above the section, of the back ones below it, each with a leader.
    above: list[tuple[str | list[str], tuple[float, float], float]] = [
        (["Inferior", "vena cava"], (CX - 84, CY - 146), 52),
        (["Right crus", "of diaphragm"], (CX - 22, CY - 128), 166),
        ("Aorta", (AORTA[0] + 14, AORTA[1] + 6), at(AORTA[0] + 14, 0)[0]),
        (["Coeliac", "plexus"], (AORTA[0] + 48, AORTA[1] - 46), 370),
    ]
    for label, target, x in above:
        pointer(d, at(*target), (x, 24 + text_height(label) + 8))
        text(d, x, 24, label)
    text(d, 220, at(CX, 90)[1], "Front", size=LABEL_SMALL, role="muted")
    text(d, 220, at(CX, 566)[1], "Back", size=LABEL_SMALL, role="muted")
    below: list[tuple[str | list[str], tuple[float, float], float]] = [
        ("Kidney", (CX - 174, CY - 50), 124),
        (["L1 vertebral", "body"], (CX + 34, CY - 62), 250),
        ("Kidney", (CX + 174, CY - 50), 350),
    ]
    y = at(CX, 600)[1] + 20
    text(d, at(CX - 206, 0)[0], y, "Needle")  # right under the hub of the left needle
    for label, target, x in below:
        pointer(d, at(*target), (x, y - LABEL))
        text(d, x, y, label)
    foot = y + 60
    text(
        d,
        20,
        foot,
        ["Patient prone; patient's right on the left.", "Schematic, not to scale."],
        size=LABEL_SMALL,
        anchor="start",
        role="muted",
    )
    fit_height(d, foot + LABEL_SMALL * 1.25)
    return d
