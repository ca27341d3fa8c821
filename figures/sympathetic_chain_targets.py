"""Side view of the spine with the three sympathetic block targets on procedures/sympathetic-blocks.md.

Levels and regions follow that page: stellate ganglion near the C7 transverse process and first rib (Elias 2000);
lumbar sympathetic chain on the first to fourth lumbar bodies, densest at L2-L3 (StatPearls LSB); coeliac plexus in
front of the aorta around the coeliac artery origin, T12 to L2, most often L1 (OpenAnesthesia). The page does not
cover superior hypogastric or ganglion impar blocks, so they are not drawn.
"""

from __future__ import annotations

import drawsvg as dw

from figures.flow import fit_height, pointer
from figures.shapes import vertebra_side
from figures.style import FINE, LABEL, LABEL_SMALL, Figure, leader, line, path, r, text, text_height

TITLE = "Sympathetic block targets"
DESC = (
    "Side view of the spine from the fourth cervical to the fifth lumbar vertebra, front of the body to the right. "
    "A sympathetic chain of ganglia runs down in front of the vertebral bodies on each side, and the aorta "
    "descends in front of the spine. Three targets are marked. The stellate ganglion, near the seventh cervical "
    "vertebra and first rib, serves the head, neck, upper limb and upper chest. The coeliac plexus lies in front "
    "of the aorta around the origin of the coeliac artery at about the first lumbar vertebra and serves the upper "
    "abdominal organs. The lumbar sympathetic chain, on the front and side of the lumbar vertebral bodies and "
    "blocked at about L2 to L3, serves the pelvis and lower limb. Schematic, not to scale."
)

LEVELS = [f"C{i}" for i in range(4, 8)] + [f"T{i}" for i in range(1, 13)] + [f"L{i}" for i in range(1, 6)]
BODY_X, BODY_W, BODY_H, STEP, TOP = 50.0, 52.0, 32.0, 42.0, 64.0
CHAIN_X = BODY_X + BODY_W + 12
AORTA_X = CHAIN_X + 22
TEXT_X = 256.0  # left edge of the labels, right of the drawing


def level_y(level: str) -> float:
    """The centre line of a vertebral body."""
    return TOP + LEVELS.index(level) * STEP + BODY_H / 2


def target(d: dw.Drawing, cx: float, cy: float, rx: float, ry: float) -> None:
    """A translucent injectate halo marking where a block is aimed."""
    d.append(dw.Ellipse(r(cx), r(cy), rx, ry, class_="fig-drug", fill_opacity=0.35, stroke_width=FINE))


def callout(d: dw.Drawing, y: float, name: list[str], where: list[str], serves: list[str]) -> None:
    """The lines beside a target, from baseline y: its name, where it lies, and the region it serves."""
    for rows, size, bold, role in (
        (name, LABEL, True, "ink"),
        (where, LABEL_SMALL, False, "muted"),
        (serves, LABEL, False, "ink"),
    ):
        text(d, TEXT_X, y, rows, size=size, bold=bold, anchor="start", role=role)
        y += text_height(rows, size) + LABEL * 1.3


def draw() -> Figure:
    d = Figure(1100, title=TITLE, desc=DESC, name="sympathetic-chain-targets")
    text(d, 8, 30, "Side view: front of the body to the right", size=LABEL_SMALL, anchor="start", role="muted")
    for i, level in enumerate(LEVELS):
        vertebra_side(d, BODY_X, TOP + i * STEP, BODY_W, BODY_H)
        if level in {"C4", "C7", "T1", "T6", "T12", "L1", "L2", "L3", "L5"}:
            text(d, BODY_X - 8, level_y(level) + 6, level, size=LABEL_SMALL, anchor="end", role="muted")
    bottom = TOP + len(LEVELS) * STEP
    # Aorta: from the upper thorax down to the lower lumbar spine, with the coeliac artery going forwards at L1.
    aorta_top, aorta_bottom = level_y("T4"), level_y("L4")
    d.append(dw.Rectangle(AORTA_X, aorta_top, 26, aorta_bottom - aorta_top, rx=12, class_="fig-vessel"))
    coeliac_y = level_y("L1") - 6
    path(
        d,
        f"M{AORTA_X + 24},{coeliac_y - 6} L{AORTA_X + 74},{coeliac_y - 14} L{AORTA_X + 74},{coeliac_y} "
        f"L{AORTA_X + 24},{coeliac_y + 6} Z",
        role="vessel",
        width=FINE,
    )
    # Sympathetic chain: a nerve line with a ganglion at each level, from the neck to the lumbar spine.
    line(d, [(CHAIN_X, TOP - 20), (CHAIN_X, bottom - 10)], role="nerve", width=3)
    for level in LEVELS:
        d.append(dw.Ellipse(CHAIN_X, r(level_y(level)), 5, 8, class_="fig-nerve", stroke_width=FINE))
    # Stellate ganglion: the fused inferior cervical and first thoracic ganglia.
    stellate_y = (level_y("C7") + level_y("T1")) / 2
    d.append(dw.Ellipse(CHAIN_X, r(stellate_y), 9, 26, class_="fig-nerve", stroke_width=FINE))
    target(d, CHAIN_X, stellate_y, 26, 44)
    # Coeliac plexus: ganglia around the origin of the coeliac artery, in front of the aorta.
    plexus = [
        (AORTA_X + 40, coeliac_y - 26),
        (AORTA_X + 62, coeliac_y - 30),
        (AORTA_X + 48, coeliac_y + 18),
        (AORTA_X + 70, coeliac_y + 14),
        (AORTA_X + 84, coeliac_y - 8),
    ]
    for px, py in plexus:
        d.append(dw.Ellipse(r(px), r(py), 7, 5, class_="fig-nerve", stroke_width=FINE))
    target(d, AORTA_X + 60, coeliac_y - 4, 44, 42)
    # Lumbar sympathetic chain target: lower L2 to upper L3.
    lumbar_y = (level_y("L2") + level_y("L3")) / 2
    target(d, CHAIN_X, lumbar_y, 22, 40)
    # Callouts, each with a leader from its target to its first line.
    y = stellate_y - 30
    pointer(d, (CHAIN_X + 22, stellate_y - 24), (TEXT_X - 8, y - 6))
    callout(d, y, ["Stellate ganglion"], ["C7 and first rib level"], ["Head, neck, arm,", "upper chest"])
    y = coeliac_y - 116
    pointer(d, (AORTA_X + 96, coeliac_y - 24), (TEXT_X - 8, y - 6))
    callout(d, y, ["Coeliac plexus"], ["in front of the aorta,", "about L1"], ["Upper abdominal", "organs"])
    y = lumbar_y + 36
    pointer(d, (CHAIN_X + 20, lumbar_y + 10), (TEXT_X - 8, y - 6))
    callout(d, y, ["Lumbar", "sympathetic chain"], ["blocked at about", "L2 to L3"], ["Pelvis and lower limb"])
    # Plain anatomical labels.
    leader(d, (CHAIN_X, level_y("T6")), (TEXT_X, level_y("T6") + 6), "Sympathetic chain", anchor="start")
    leader(d, (AORTA_X + 13, level_y("T8")), (TEXT_X, level_y("T8") + 6), "Aorta", anchor="start")
    text(d, 8, bottom + 30, "Schematic, not to scale", size=LABEL_SMALL, anchor="start", role="muted")
    fit_height(d, bottom + 30)
    return d
