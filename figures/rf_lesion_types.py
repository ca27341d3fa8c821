"""Figure: conventional, pulsed and cooled radiofrequency compared (radiofrequency ablation page).

Only what the page states with its sources: conventional lesions typically reach 80-90 degrees C and lie mainly
around the exposed tip, extending a little beyond its ends (Malik 2019, Cosman 2014); pulsed keeps tissue at or
below 42 degrees C and is not designed to make a destructive lesion (Malik 2019); cooled probes keep the tip cool
with circulating water and heat a larger volume (Cobbs 2023). Schematic, not to scale; no lesion dimensions drawn.

Three rows, one per technique, so each electrode and its lesion sit at the left with the words at the right; the
tips line up one under another so the lesions compare at a glance.
"""

from __future__ import annotations

import drawsvg as dw

from figures.style import FINE, HEADING, LABEL_SMALL, Figure, arrow, blob, electrode, leader, line, text

TITLE = "Conventional, pulsed and cooled radiofrequency"
DESC = (
    "Three rows, one electrode in each, drawn lying flat with its insulated shaft on the left and its exposed "
    "active tip on the right; the tips line up one under another. Top, conventional (continuous) radiofrequency: "
    "tissue around the tip typically reaches about 80 to 90 degrees Celsius and a heat lesion forms around the "
    "exposed tip, extending only a little beyond its end. Middle, pulsed radiofrequency: current in short bursts "
    "with silent intervals keeps tissue at or below 42 degrees Celsius, so heat dissipates and no destructive heat "
    "lesion is intended. Bottom, cooled radiofrequency: water circulates inside the electrode, cooling the tissue "
    "next to the tip and allowing more energy delivery, so a larger volume is heated. Schematic, not to scale."
)

HUB_X, TIP_X = 50.0, 196.0
EXPOSED = 58.0
WORDS_X = 262.0  # the text column
ROW_H = 182.0


def row(d: Figure, top: float, head: str, words: list[str]) -> float:
    """A row's heading across the top, its words in the right column and its electrode; returns the centre line."""
    cy = top + 100
    text(d, 16, top + 22, head, size=HEADING, bold=True, anchor="start")
    text(d, WORDS_X, top + 68, words, size=LABEL_SMALL, anchor="start")
    return cy


def draw() -> Figure:
    d = Figure(3 * ROW_H + 50, title=TITLE, desc=DESC, name="rf-lesion-types")
    rows = [
        ("Conventional (continuous)", ["Tissue typically", "80-90 °C", "", "Lesion around the", "exposed tip"]),
        ("Pulsed", ["Tissue at or", "below 42 °C", "", "Bursts with silent", "gaps: heat dissipates"]),
        ("Cooled", ["Water-cooled tip;", "tissue heated", "", "Larger heated", "volume"]),
    ]
    centres = [row(d, 8 + i * ROW_H, head, words) for i, (head, words) in enumerate(rows)]
    conventional, pulsed, cooled = centres

    # Conventional: a lesion around the exposed tip, a little beyond its ends.
    blob(d, (TIP_X - 28, conventional), 50, 28)
    electrode(d, (HUB_X, conventional), (TIP_X, conventional), exposed=EXPOSED)
    leader(d, (90, conventional + 5), (16, conventional + 48), "Insulated shaft", size=LABEL_SMALL, role="muted")

    # Pulsed: no lesion (dashed outline), and the bursts of current with silent gaps beneath.
    d.append(
        dw.Circle(TIP_X - 25, pulsed, 33, class_="fig-fill-none fig-muted", stroke_width=FINE, stroke_dasharray="5 5")
    )
    electrode(d, (HUB_X, pulsed), (TIP_X, pulsed), exposed=EXPOSED)
    base = pulsed + 58
    wave: list[tuple[float, float]] = [(58, base)]
    for start in (70.0, 118.0, 166.0):  # three bursts, each followed by a longer silent interval
        wave += [(start, base), (start, base - 20), (start + 10, base - 20), (start + 10, base)]
    wave.append((226, base))
    line(d, wave, role="device", width=FINE * 1.6)

    # Cooled: a larger heated volume; water runs down the electrode to the tip and back.
    blob(d, (TIP_X - 16, cooled), 70, 62)
    electrode(d, (HUB_X, cooled), (TIP_X, cooled), exposed=EXPOSED)
    arrow(d, [(60, cooled - 16), (104, cooled - 16)], role="muted", width=3, head=10)
    arrow(d, [(104, cooled + 16), (60, cooled + 16)], role="muted", width=3, head=10)
    text(d, 82, cooled - 26, "water", size=LABEL_SMALL)

    text(d, 220, 3 * ROW_H + 36, "Green: heat lesion. Schematic, not to scale.", size=LABEL_SMALL, role="muted")
    return d
