"""One visual language for every figure: palette classes, font, sizes, line weights and small drawing helpers.

Colour comes only from the `fig-*` classes of the figure contract, never from a hex value in a figure script. The
meaning of a class (the rules `figure_css()` writes into each SVG, with light-palette fallbacks):

- a fill role (`fig-bone`, `fig-soft`, `fig-nerve`, `fig-csf`, `fig-vessel`, `fig-device`, `fig-drug`,
  `fig-warn`) alone paints a closed shape in that colour with an ink outline;
- `fig-fill-none` plus a role draws only a line or outline in that role's colour (a nerve, a needle, an arrow);
- `fig-ink` and `fig-muted` paint both fill and stroke (text, arrowheads, guide lines);
- `fig-label` / `fig-label-small` mark text (font family; no stroke); a role class beside them sets its colour.

Every colour is `var(--sk-fig-<role>, <light hex>)`, so a page can switch palette by setting the custom properties
(`PALETTE` gives the light and dark value of each). Line widths and font sizes are attributes, never CSS, so a
site stylesheet never changes geometry. Hand-written (not a drawsvg feature): the title/desc placement and the
responsive root element the contract asks for.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

import drawsvg as dw

# Design width of every figure, in viewBox units. A phone shows the figure edge to edge at about 390 px (scale
# 0.89) and a desktop column at 550 px (scale 1.25), so these sizes read as 13-16 px on a phone and 19-22 px on a
# desktop. A wider design would shrink every label below legibility on a phone: draw tall, not wide.
WIDTH = 440
FONT_FAMILY = 'var(--md-text-font-family, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif)'
LABEL = 17  # normal label
LABEL_SMALL = 15  # secondary label (never smaller)
HEADING = 18  # panel heading
LINE_HEIGHT = 1.25

OUTLINE = 2
FINE = 1.25
EMPHASIS = 3

# role -> (light, dark). Dark values are for Material's slate palette.
PALETTE: dict[str, tuple[str, str]] = {
    "ink": ("#1f2933", "#e6e9ed"),
    "muted": ("#5f6b7a", "#a3adb9"),
    "bone": ("#efe2c4", "#5e5340"),
    "soft": ("#f3cfc9", "#5b3b38"),
    "nerve": ("#f0c01c", "#d6ae2a"),
    "csf": ("#bcdcf1", "#2a5673"),
    "vessel": ("#b83232", "#e27474"),
    "device": ("#37597f", "#9cc2ea"),
    "drug": ("#2f9b68", "#56c994"),
    "warn": ("#d2470c", "#ff8f57"),
}
FILL_ROLES = ("bone", "soft", "nerve", "csf", "vessel", "device", "drug", "warn")
ROLES = tuple(PALETTE)


def colour(role: str) -> str:
    """The CSS value of a role: the custom property with its light fallback."""
    return f"var(--sk-fig-{role}, {PALETTE[role][0]})"


def figure_css() -> str:
    """The `fig-*` class rules (see the module docstring); the same text goes into every SVG."""
    rules = [f".fig-{r}{{fill:{colour(r)};stroke:{colour('ink')}}}" for r in FILL_ROLES]
    rules += [f".fig-{r}{{fill:{colour(r)};stroke:{colour(r)}}}" for r in ("ink", "muted")]
    rules.append(".fig-fill-none{fill:none}")
    rules += [f".fig-fill-none.fig-{r}{{stroke:{colour(r)}}}" for r in ROLES]
    rules.append(f".fig-label,.fig-label-small{{stroke:none;font-family:{FONT_FAMILY}}}")
    return "\n".join(rules)


class Figure(dw.Drawing):  # type: ignore[misc]  # drawsvg ships no type information
    """A drawing that knows its accessible title and long description and writes contract-conformant SVG."""

    def __init__(self, height: float, *, title: str, desc: str, name: str, width: float = WIDTH) -> None:
        super().__init__(width, height)
        self.title = title
        self.desc = desc
        self.name = name
        self.append_css(figure_css())

    def svg(self) -> str:
        """The SVG text: viewBox only (scales to 100% width), role=img, <title>/<desc> first, no XML header."""
        self.svg_args.update(
            {"width": None, "height": None, "role": "img", "aria-labelledby": f"{self.name}-title {self.name}-desc"}
        )
        text: str = self.as_svg(header="")
        text = text.replace(' xmlns:xlink="http://www.w3.org/1999/xlink"\n    ', " ", 1)
        text = text.replace("<defs>\n</defs>\n", "")
        head_end = text.index(">", text.index("<svg")) + 1
        meta = (
            f'\n<title id="{self.name}-title">{escape(self.title)}</title>'
            f'\n<desc id="{self.name}-desc">{escape(self.desc)}</desc>'
        )
        return text[:head_end] + meta + text[head_end:].rstrip("\n") + "\n"


def r(value: float) -> float:
    """Round a coordinate so the SVG stays small and byte-for-byte stable."""
    out = round(value, 1)
    return 0.0 if out == 0 else out


def cls(*roles: str) -> str:
    """Class attribute for the given roles, e.g. cls('nerve') -> 'fig-nerve'."""
    return " ".join(f"fig-{role}" for role in roles)


# --- text -------------------------------------------------------------------------------------------------------


def text(
    d: dw.Drawing,
    x: float,
    y: float,
    lines: str | Sequence[str],
    *,
    size: float = LABEL,
    anchor: str = "middle",
    role: str = "ink",
    bold: bool = False,
    italic: bool = False,
) -> None:
    """A label of one or more lines; (x, y) is the baseline of the first line."""
    rows = [lines] if isinstance(lines, str) else list(lines)
    kind = "fig-label-small" if size < LABEL else "fig-label"
    extra: dict[str, Any] = {}
    if bold:
        extra["font_weight"] = "600"
    if italic:
        extra["font_style"] = "italic"
    group = dw.Text([], size, r(x), r(y), text_anchor=anchor, class_=f"{kind} fig-{role}", **extra)
    for i, row in enumerate(rows):
        group.append(dw.TSpan(row, x=r(x), y=r(y + i * size * LINE_HEIGHT)))
    d.append(group)


def text_height(lines: str | Sequence[str], size: float = LABEL) -> float:
    """Height from the first baseline to the last one."""
    count = 1 if isinstance(lines, str) else len(lines)
    return (count - 1) * size * LINE_HEIGHT


def text_width(lines: str | Sequence[str], size: float = LABEL) -> float:
    """An estimate of the widest line's width (average glyph width of the sans-serif stack)."""
    rows = [lines] if isinstance(lines, str) else list(lines)
    return max(len(row) for row in rows) * size * 0.54


def leader(
    d: dw.Drawing,
    target: tuple[float, float],
    at: tuple[float, float],
    lines: str | Sequence[str],
    *,
    size: float = LABEL,
    anchor: str = "start",
    role: str = "ink",
) -> None:
    """A label at `at` (baseline of its first line) with a thin leader from the text's near side to a dot on
    `target`."""
    tx, ty = target
    x, y = at
    gap = 6
    w = text_width(lines, size)
    left = x if anchor == "start" else x - w if anchor == "end" else x - w / 2
    mid_y = y - size * 0.35 + text_height(lines, size) / 2
    if tx > left + w:
        end = (left + w + gap, mid_y)
    elif tx < left:
        end = (left - gap, mid_y)
    elif ty < y:
        end = (tx, y - size - 2)
    else:
        end = (tx, y + text_height(lines, size) + 6)
    d.append(dw.Line(r(tx), r(ty), r(end[0]), r(end[1]), class_="fig-fill-none fig-ink", stroke_width=FINE))
    d.append(dw.Circle(r(tx), r(ty), 3, class_="fig-ink"))
    text(d, x, y, lines, size=size, anchor=anchor, role=role)


# --- lines and arrows -------------------------------------------------------------------------------------------


def line(
    d: dw.Drawing,
    points: Sequence[tuple[float, float]],
    *,
    role: str = "ink",
    width: float = OUTLINE,
    dash: str | None = None,
) -> None:
    """An open polyline in a role colour."""
    flat = [r(c) for p in points for c in p]
    extra: dict[str, Any] = {"stroke_dasharray": dash} if dash else {}
    d.append(
        dw.Lines(
            *flat,
            close=False,
            class_=f"fig-fill-none fig-{role}",
            stroke_width=width,
            stroke_linecap="round",
            stroke_linejoin="round",
            **extra,
        )
    )


def arrowhead(d: dw.Drawing, tip: tuple[float, float], frm: tuple[float, float], *, role: str, size: float) -> None:
    """A filled triangular head at `tip`, pointing away from `frm`."""
    angle = math.atan2(tip[1] - frm[1], tip[0] - frm[0])
    back = (tip[0] - size * math.cos(angle), tip[1] - size * math.sin(angle))
    half = size * 0.45
    nx, ny = -math.sin(angle) * half, math.cos(angle) * half
    pts = [tip, (back[0] + nx, back[1] + ny), (back[0] - nx, back[1] - ny)]
    d.append(dw.Lines(*[r(c) for p in pts for c in p], close=True, class_=f"fig-{role}", stroke_width=0))


def arrow(
    d: dw.Drawing,
    points: Sequence[tuple[float, float]],
    *,
    role: str = "ink",
    width: float = OUTLINE,
    head: float = 12,
    dash: str | None = None,
    both: bool = False,
) -> None:
    """A polyline with an arrowhead at its last point (and its first when `both`)."""
    pts = list(points)
    angle = math.atan2(pts[-1][1] - pts[-2][1], pts[-1][0] - pts[-2][0])
    shortened = pts[:-1] + [(pts[-1][0] - head * 0.8 * math.cos(angle), pts[-1][1] - head * 0.8 * math.sin(angle))]
    if both:
        a0 = math.atan2(pts[0][1] - pts[1][1], pts[0][0] - pts[1][0])
        shortened[0] = (pts[0][0] - head * 0.8 * math.cos(a0), pts[0][1] - head * 0.8 * math.sin(a0))
        arrowhead(d, pts[0], pts[1], role=role, size=head)
    line(d, shortened, role=role, width=width, dash=dash)
    arrowhead(d, pts[-1], pts[-2], role=role, size=head)


# --- boxes for flowcharts ---------------------------------------------------------------------------------------


def box(
    d: dw.Drawing,
    x: float,
    y: float,
    w: float,
    h: float,
    lines: str | Sequence[str] = (),
    *,
    role: str | None = None,
    outline: str = "ink",
    size: float = LABEL,
    bold: bool = False,
    radius: float = 10,
    width: float = OUTLINE,
) -> None:
    """A rounded box (filled with `role`, or empty) with its lines centred in it."""
    klass = f"fig-{role}" if role else f"fig-fill-none fig-{outline}"
    d.append(dw.Rectangle(r(x), r(y), r(w), r(h), rx=radius, class_=klass, stroke_width=width))
    rows = [lines] if isinstance(lines, str) else list(lines)
    if rows:
        first = y + h / 2 - text_height(rows, size) / 2 + size * 0.35
        text(d, x + w / 2, first, rows, size=size, bold=bold)


# --- devices ----------------------------------------------------------------------------------------------------


def needle(
    d: dw.Drawing,
    hub: tuple[float, float],
    tip: tuple[float, float],
    *,
    width: float = 4,
    hub_length: float = 26,
) -> None:
    """A needle from its hub to its tip: a device-coloured shaft, a hub block and a short bevel at the tip."""
    angle = math.atan2(tip[1] - hub[1], tip[0] - hub[0])
    ux, uy = math.cos(angle), math.sin(angle)
    bevel = (tip[0] - ux * 8, tip[1] - uy * 8)
    line(d, [hub, bevel], role="device", width=width)
    nx, ny = -uy, ux
    pts = [
        (bevel[0] + nx * width / 2, bevel[1] + ny * width / 2),
        tip,
        (bevel[0] - nx * width / 2, bevel[1] - ny * width / 2),
    ]
    d.append(dw.Lines(*[r(c) for p in pts for c in p], close=True, class_="fig-device", stroke_width=0))
    hw = width * 2.2
    back = (hub[0] - ux * hub_length, hub[1] - uy * hub_length)
    corners = [
        (hub[0] + nx * hw, hub[1] + ny * hw),
        (back[0] + nx * hw, back[1] + ny * hw),
        (back[0] - nx * hw, back[1] - ny * hw),
        (hub[0] - nx * hw, hub[1] - ny * hw),
    ]
    d.append(dw.Lines(*[r(c) for p in corners for c in p], close=True, class_="fig-device", stroke_width=FINE))


def path(d: dw.Drawing, data: str, *, role: str, width: float = OUTLINE, opacity: float | None = None) -> None:
    """A closed or open path from SVG path data, painted with a role class."""
    extra: dict[str, Any] = {"fill_opacity": opacity} if opacity is not None else {}
    d.append(dw.Path(d=data, class_=f"fig-{role}", stroke_width=width, stroke_linejoin="round", **extra))


def outline(d: dw.Drawing, data: str, *, role: str = "ink", width: float = OUTLINE, dash: str | None = None) -> None:
    """An unfilled path drawn in a role colour."""
    extra: dict[str, Any] = {"stroke_dasharray": dash} if dash else {}
    d.append(
        dw.Path(
            d=data,
            class_=f"fig-fill-none fig-{role}",
            stroke_width=width,
            stroke_linecap="round",
            stroke_linejoin="round",
            **extra,
        )
    )


def smooth(points: Sequence[tuple[float, float]], *, closed: bool = True) -> str:
    """Path data for a smooth curve through points (Catmull-Rom turned into cubic Béziers)."""
    pts = list(points)
    n = len(pts)
    out = [f"M{r(pts[0][0])},{r(pts[0][1])}"]
    last = n if closed else n - 1
    for i in range(last):
        p0 = pts[(i - 1) % n] if closed or i > 0 else pts[0]
        p1 = pts[i % n]
        p2 = pts[(i + 1) % n]
        p3 = pts[(i + 2) % n] if closed or i + 2 < n else pts[-1]
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        out.append(f"C{r(c1[0])},{r(c1[1])} {r(c2[0])},{r(c2[1])} {r(p2[0])},{r(p2[1])}")
    if closed:
        out.append("Z")
    return " ".join(out)


def polygon_data(points: Sequence[tuple[float, float]]) -> str:
    """Path data for a closed straight-edged polygon."""
    head, *rest = points
    return f"M{r(head[0])},{r(head[1])} " + " ".join(f"L{r(x)},{r(y)}" for x, y in rest) + " Z"


def cord(
    d: dw.Drawing,
    points: Sequence[tuple[float, float]],
    *,
    role: str,
    width: float = 10,
    smooth_curve: bool = True,
) -> None:
    """A thick band (nerve, lead, catheter) along points: an ink edge with the role colour inside, so pale
    colours such as nerve yellow stay visible on a white page."""
    data = smooth(points, closed=False) if smooth_curve and len(points) > 2 else polygon_data(points)[:-2]
    for klass, w in (("fig-fill-none fig-ink", width + 2 * FINE * 1.6), (f"fig-fill-none fig-{role}", width)):
        d.append(dw.Path(d=data, class_=klass, stroke_width=r(w), stroke_linecap="round", stroke_linejoin="round"))


# --- added for the device and lesion figures (radiofrequency, stimulation, pumps, augmentation) ----------------


def electrode(
    d: dw.Drawing,
    hub: tuple[float, float],
    tip: tuple[float, float],
    *,
    exposed: float = 70,
    width: float = 7,
) -> tuple[float, float]:
    """A radiofrequency electrode from hub to tip: a needle whose shaft is covered by insulation (muted sleeve)
    except for the last `exposed` units, the active tip. Returns the point where the exposed tip begins."""
    needle(d, hub, tip, width=width)
    length = math.dist(hub, tip)
    ux, uy = (tip[0] - hub[0]) / length, (tip[1] - hub[1]) / length
    start = (tip[0] - ux * exposed, tip[1] - uy * exposed)
    line(d, [hub, start], role="ink", width=width + 4)
    line(d, [hub, start], role="muted", width=width)
    return start


def blob(
    d: dw.Drawing,
    centre: tuple[float, float],
    rx: float,
    ry: float,
    *,
    angle: float = 0,
    role: str = "drug",
    opacity: float = 0.55,
) -> None:
    """A translucent ellipse (heat lesion, injectate, cement) rotated by `angle` degrees about its centre."""
    extra: dict[str, Any] = {"transform": f"rotate({r(angle)} {r(centre[0])} {r(centre[1])})"} if angle else {}
    d.append(
        dw.Ellipse(
            r(centre[0]),
            r(centre[1]),
            r(rx),
            r(ry),
            class_=f"fig-{role}",
            stroke_width=FINE,
            fill_opacity=opacity,
            **extra,
        )
    )


def span(
    d: dw.Drawing,
    x1: float,
    x2: float,
    y: float,
    lines: str | Sequence[str] = (),
    *,
    role: str = "ink",
    size: float = LABEL,
) -> None:
    """A horizontal dimension bracket from x1 to x2 at height y (ticks at both ends), its label centred below."""
    line(d, [(x1, y - 8), (x1, y + 8)], role=role, width=OUTLINE)
    line(d, [(x2, y - 8), (x2, y + 8)], role=role, width=OUTLINE)
    line(d, [(x1, y), (x2, y)], role=role, width=OUTLINE)
    rows = [lines] if isinstance(lines, str) else list(lines)
    if rows:
        text(d, (x1 + x2) / 2, y + size + 10, rows, size=size, role=role)
