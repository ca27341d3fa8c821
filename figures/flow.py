"""Flowchart and chart helpers: word-wrapped boxes that size themselves, stacked top to bottom.

Flowcharts in the guide are tall, single-column layouts so they stay legible on a phone. SVG text does not wrap, so
`wrap` breaks lines from an estimate of the average glyph width of the sans-serif stack (hand-written: a font
measuring library would need the font files, which the site does not ship; the estimate errs on the wide side and
`figures.preview` checks the result in Chromium).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import drawsvg as dw

from figures.style import EMPHASIS, LABEL, LINE_HEIGHT, OUTLINE, arrow, r, text, text_height

GLYPH = 0.54  # average advance of a sans-serif glyph, in ems (generous for Roboto and Segoe UI)
BOLD = 0.6  # the same for bold headings
PAD = 14  # inner padding of a box


def wrap(words: str, width: float, size: float = LABEL, *, bold: bool = False) -> list[str]:
    """Break `words` into lines that fit `width` at font `size` (explicit '\\n' forces a break)."""
    limit = max(1, int(width / (size * (BOLD if bold else GLYPH))))
    rows: list[str] = []
    for paragraph in words.split("\n"):
        row = ""
        for word in paragraph.split():
            candidate = f"{row} {word}".strip()
            if len(candidate) > limit and row:
                rows.append(row)
                row = word
            else:
                row = candidate
        rows.append(row)
    return rows


@dataclass(frozen=True)
class Placed:
    """Where a box ended up: its rectangle, for arrows between boxes."""

    x: float
    y: float
    w: float
    h: float

    @property
    def top(self) -> tuple[float, float]:
        return (self.x + self.w / 2, self.y)

    @property
    def bottom(self) -> tuple[float, float]:
        return (self.x + self.w / 2, self.y + self.h)

    @property
    def left(self) -> tuple[float, float]:
        return (self.x, self.y + self.h / 2)

    @property
    def right(self) -> tuple[float, float]:
        return (self.x + self.w, self.y + self.h / 2)


def box_height(heading: str | None, body: str | Sequence[str], w: float, size: float = LABEL) -> float:
    """The height `card` will give a box with this heading and body at width `w`."""
    rows = _body_rows(body, w, size)
    head = wrap(heading, w - 2 * PAD, size + 2, bold=True) if heading else []
    h: float = 2 * PAD
    if head:
        h += text_height(head, size + 2) + (size + 2) * 1.0
    if rows:
        h += text_height(rows, size) + size * 1.0
    if head and rows:
        h += size * 0.5
    return h


def _body_rows(body: str | Sequence[str], w: float, size: float) -> list[str]:
    """Body text as lines: a string is wrapped; a list is one bullet per item, each wrapped with a hanging indent."""
    if isinstance(body, str):
        return wrap(body, w - 2 * PAD, size) if body else []
    rows: list[str] = []
    for item in body:
        parts = wrap(item, w - 2 * PAD - size, size)
        rows.append(f"• {parts[0]}")
        rows += [f"\u2007 {part}" for part in parts[1:]]
    return rows


def card(
    d: dw.Drawing,
    x: float,
    y: float,
    w: float,
    *,
    heading: str | None = None,
    body: str | Sequence[str] = "",
    role: str | None = None,
    outline: str = "ink",
    size: float = LABEL,
    align: str = "middle",
    emphasis: bool = False,
    min_height: float = 0,
) -> Placed:
    """A self-sizing box: an optional bold heading, then body text (wrapped string, or bullets from a list).

    `role` fills the box (a light tint such as csf or bone keeps text readable); without it the box is an outline
    in `outline`'s colour, thick when `emphasis`.
    """
    h = max(box_height(heading, body, w, size), min_height)
    klass = f"fig-{role}" if role else f"fig-fill-none fig-{outline}"
    d.append(dw.Rectangle(r(x), r(y), r(w), r(h), rx=10, class_=klass, stroke_width=EMPHASIS if emphasis else OUTLINE))
    tx = x + w / 2 if align == "middle" else x + PAD
    cursor = y + PAD + (h - box_height(heading, body, w, size)) / 2
    if heading:
        head = wrap(heading, w - 2 * PAD, size + 2, bold=True)
        cursor += (size + 2) * 0.95
        text(d, x + w / 2 if align == "middle" else tx, cursor, head, size=size + 2, anchor=align, bold=True)
        cursor += text_height(head, size + 2) + size * 0.5
    rows = _body_rows(body, w, size)
    if rows:
        cursor += size * 0.95
        body_align = "start" if not isinstance(body, str) else align
        bx = x + PAD if body_align == "start" else tx
        text(d, bx, cursor, rows, size=size, anchor=body_align)
    return Placed(x, y, w, h)


def down(d: dw.Drawing, upper: Placed, lower: Placed, *, role: str = "ink", label: str | None = None) -> None:
    """An arrow from the bottom of one box to the top of the next (straight if aligned, else with an elbow)."""
    (x1, y1), (x2, y2) = upper.bottom, lower.top
    if abs(x1 - x2) < 1:
        arrow(d, [(x1, y1), (x2, y2)], role=role, width=OUTLINE)
    else:
        mid = (y1 + y2) / 2
        arrow(d, [(x1, y1), (x1, mid), (x2, mid), (x2, y2)], role=role, width=OUTLINE)
    if label:
        text(d, x2 + 10, (y1 + y2) / 2 + LABEL * 0.35, label, anchor="start", bold=True)


def then(
    d: dw.Drawing, above: Placed, x: float, w: float, *, arrow_role: str = "ink", gap: float = 36, **box: Any
) -> Placed:
    """The next step of a flowchart: a `card` (keyword arguments `box`) `gap` below `above`, with the arrow to it."""
    placed = card(d, x, above.y + above.h + gap, w, **box)
    down(d, above, placed, role=arrow_role)
    return placed


def fit_height(d: dw.Drawing, bottom: float, margin: float = 16) -> None:
    """Crop the drawing's height (and viewBox) to `bottom` plus a margin, once the layout is known."""
    d.height = r(bottom + margin)
    d.view_box = (0, 0, d.width, d.height)


def line_gap(size: float = LABEL) -> float:
    """Vertical distance between baselines of consecutive lines."""
    return size * LINE_HEIGHT


def pointer(d: dw.Drawing, target: tuple[float, float], end: tuple[float, float]) -> None:
    """A thin leader line from a dot on `target` to `end`, for labels drawn separately (several lines, bold)."""
    d.append(
        dw.Line(r(target[0]), r(target[1]), r(end[0]), r(end[1]), class_="fig-fill-none fig-ink", stroke_width=1.25)
    )
    d.append(dw.Circle(r(target[0]), r(target[1]), 3, class_="fig-ink"))


def lane(d: dw.Drawing, upper: Placed, lower: Placed, x: float, *, role: str = "ink", label: str | None = None) -> None:
    """A straight branch arrow at `x` from the bottom of `upper` to the top of `lower`, for two branches stacked
    vertically: the first goes straight into a box indented from the left (x = lower.top[0]), the second bypasses
    it down a clear lane on its left (e.g. x = 42 with the box starting at 64). Its bold label, if any, starts
    beside the arrow just under `upper`, so keep a gap of about 50 there."""
    y1, y2 = upper.y + upper.h, lower.y
    arrow(d, [(x, y1), (x, y2)], role=role, width=OUTLINE)
    if label:
        text(d, x + 10, y1 + LABEL + 8, label, anchor="start", bold=True)


def branches(
    d: dw.Drawing,
    ask: Placed,
    x: float,
    w: float,
    near: dict[str, Any],
    far: dict[str, Any],
    *,
    labels: tuple[str, str],
    near_role: str = "ink",
    indent: float = 44,
    gap: float = 36,
) -> tuple[Placed, Placed]:
    """The two answers to a question card, stacked so each stays wide enough to read on a phone: `near` (card
    keyword arguments) indented straight under the question, `far` full width below it, reached by a lane on the
    left. `labels` are the two arrows' labels, near first."""
    first = card(d, x + indent, ask.y + ask.h + 56, w - indent, **near)
    lane(d, ask, first, first.top[0], role=near_role, label=labels[0])
    second = card(d, x, first.y + first.h + gap, w, **far)
    lane(d, ask, second, x + indent / 2, label=labels[1])
    return first, second
