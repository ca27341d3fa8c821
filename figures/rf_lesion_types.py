"""Figure: conventional, pulsed and cooled radiofrequency compared (radiofrequency ablation page).

Only what the page states with its sources: conventional lesions typically reach 80-90 degrees C and lie mainly
around the exposed tip, extending a little beyond its ends (Malik 2019, Cosman 2014); pulsed keeps tissue at or
below 42 degrees C and is not designed to make a destructive lesion (Malik 2019); cooled probes keep the tip cool
with circulating water and heat a larger volume (Cobbs 2023). Schematic, not to scale; no lesion dimensions drawn.
"""

from __future__ import annotations

import drawsvg as dw

from figures.style import FINE, HEADING, LABEL_SMALL, Figure, arrow, line, needle, text

TITLE = "Conventional, pulsed and cooled radiofrequency"
DESC = (
    "Three electrodes side by side, each with its insulated shaft and exposed active tip. Conventional "
    "radiofrequency: tissue around the tip typically reaches about 80 to 90 degrees Celsius and a heat lesion forms "
    "around the exposed tip, extending only a little beyond its end. Pulsed radiofrequency: current in short bursts "
    "with silent intervals keeps tissue at or below 42 degrees Celsius, so no destructive heat lesion is intended. "
    "Cooled radiofrequency: water circulates inside the electrode, cooling the tissue next to the tip and allowing "
    "more energy delivery, so a larger volume is heated. Schematic, not to scale."
)

COLUMNS = (120.0, 360.0, 600.0)
TIP_Y = 470.0


def electrode(d: dw.Drawing, x: float) -> None:
    """A vertical electrode: insulated shaft above, exposed active tip (the last 70 units) below."""
    needle(d, (x, 170), (x, TIP_Y), width=7)
    line(d, [(x, 170), (x, TIP_Y - 70)], role="ink", width=11)
    line(d, [(x, 170), (x, TIP_Y - 70)], role="muted", width=7)


def draw() -> Figure:
    d = Figure(720, title=TITLE, desc=DESC, name="rf-lesion-types")
    heads = (["Conventional", "(continuous)"], ["Pulsed"], ["Cooled"])
    temps = (["Tissue typically", "80-90 °C"], ["Tissue at or", "below 42 °C"], ["Water-cooled tip;", "tissue heated"])
    for x, head, temp in zip(COLUMNS, heads, temps, strict=True):
        text(d, x, 40, head, size=HEADING, bold=True)
        text(d, x, 120, temp, size=LABEL_SMALL)
    # Lesions first so the electrodes sit on top.
    d.append(dw.Ellipse(COLUMNS[0], TIP_Y - 34, 34, 62, class_="fig-drug", stroke_width=FINE, fill_opacity=0.55))
    d.append(dw.Ellipse(COLUMNS[2], TIP_Y - 18, 80, 88, class_="fig-drug", stroke_width=FINE, fill_opacity=0.55))
    for x in COLUMNS:
        electrode(d, x)
    # Pulsed: bursts of current with silent gaps, no lesion.
    x = COLUMNS[1]
    wave: list[tuple[float, float]] = [(x - 80, 560)]
    for start in (x - 70, x - 20, x + 30):  # three bursts, each followed by a longer silent interval
        wave += [(start, 560), (start, 536), (start + 12, 536), (start + 12, 560)]
    wave.append((x + 80, 560))
    line(d, wave, role="device", width=FINE * 1.6)
    text(d, x, 596, ["Bursts with silent", "gaps: heat dissipates"], size=LABEL_SMALL)
    d.append(dw.Circle(x, TIP_Y - 30, 40, class_="fig-fill-none fig-muted", stroke_width=FINE, stroke_dasharray="5 5"))
    text(d, COLUMNS[0], 580, ["Lesion around the", "exposed tip"], size=LABEL_SMALL)
    text(d, COLUMNS[2], 600, ["Larger heated", "volume"], size=LABEL_SMALL)
    arrow(d, [(COLUMNS[2] + 20, 190), (COLUMNS[2] + 20, 300)], role="muted", width=3, head=10)
    arrow(d, [(COLUMNS[2] - 20, 300), (COLUMNS[2] - 20, 190)], role="muted", width=3, head=10)
    text(d, COLUMNS[2] + 34, 250, "water", anchor="start", size=LABEL_SMALL)
    text(d, 360, 680, "Green: heat lesion. Schematic, not to scale.", size=LABEL_SMALL, role="muted")
    text(d, 28, 330, ["Insulated", "shaft"], anchor="start", size=LABEL_SMALL, role="muted")
    return d
