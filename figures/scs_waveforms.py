"""Figure: tonic, burst and 10 kHz spinal cord stimulation on one time axis (spinal cord stimulation page).

Only what the page states with its sources: tonic is regular low-frequency pulses that produce tingling (Kumar 2007);
burst is intermittent trains of closely spaced pulses, usually below the tingling threshold (Hara 2022); 10 kHz
stimulation is low-amplitude 10 kHz pulses designed not to be felt (NICE MTG41). The page gives no other
parameters, so no frequencies, widths or amplitudes are written; the drawing is marked not to scale.
"""

from __future__ import annotations

from figures.style import (
    HEADING,
    LABEL,
    LABEL_SMALL,
    Figure,
    arrow,
    line,
)
from figures.style import text as label

TITLE = "Tonic, burst and 10 kHz stimulation compared"
DESC = (
    "Three pulse trains drawn one above the other on the same time axis. Tonic stimulation: single pulses at "
    "regular intervals, felt as tingling. Burst stimulation: short groups of closely spaced pulses separated by "
    "quiet intervals, usually below the tingling threshold. 10 kHz high-frequency stimulation: a continuous run of "
    "very closely spaced, low-amplitude pulses, designed not to be felt. Schematic: pulse spacing, width and height "
    "are not to scale."
)

LEFT, RIGHT = 20.0, 420.0
PULSE_W = 4.0


def train(d: Figure, base: float, starts: list[float], height: float, width: float = PULSE_W) -> None:
    """A baseline with rectangular pulses of `height` starting at each x in `starts`."""
    pts: list[tuple[float, float]] = [(LEFT, base)]
    for x in starts:
        pts += [(x, base), (x, base - height), (x + width, base - height), (x + width, base)]
    pts.append((RIGHT, base))
    line(d, pts, role="device", width=2.5)


def row(d: Figure, top: float, name: str, felt: str) -> float:
    """The heading of one row; returns its baseline."""
    label(d, LEFT, top, name, size=HEADING, bold=True, anchor="start")
    label(d, RIGHT, top, felt, size=LABEL, anchor="end")
    return top + 120


def draw() -> Figure:
    d = Figure(610, title=TITLE, desc=DESC, name="scs-waveforms")
    base = row(d, 36, "Tonic", "Felt as tingling")
    train(d, base, [LEFT + 24 + i * 52 for i in range(7)], 80)

    base = row(d, 206, "Burst", "Usually not felt")
    starts = [LEFT + 24 + group * 126 + i * 10 for group in range(3) for i in range(5)]
    train(d, base, starts, 80, width=3)

    base = row(d, 376, "10 kHz", "Designed not to be felt")
    train(d, base, [LEFT + 14 + i * 7.5 for i in range(50)], 40, width=3)
    label(d, LEFT, base + 30, "Low amplitude, very closely spaced", size=LABEL_SMALL, anchor="start")

    arrow(d, [(LEFT, 556), (RIGHT, 556)], role="ink", head=14)
    label(d, RIGHT, 586, "Time", anchor="end")
    label(d, LEFT, 586, "Schematic, not to scale", size=LABEL_SMALL, anchor="start", role="muted")
    return d
