"""Figure: from suspected facet pain to radiofrequency denervation via diagnostic medial branch blocks.

Follows the facet joint injections page: conservative care first and the medial branch block as the prognostic test
(Cohen 2020); a positive result is a set amount of relief, for example 50% (Schwarzer 1994); comparative or
placebo-controlled blocks cut false positives at the cost of false negatives (Schwarzer 1994, Bogduk 2010, Cohen
2020); NICE allows radiofrequency denervation for people selected by a diagnostic block (NICE 2017). No other
threshold is drawn.
"""

from __future__ import annotations

from figures.flow import branches, card, fit_height, then
from figures.style import LABEL_SMALL, Figure, text, text_height

TITLE = "Diagnostic medial branch blocks before radiofrequency denervation"
DESC = (
    "A flowchart read from top to bottom. Chronic axial back pain suspected to come from the facet joints, after "
    "conservative care, leads to a diagnostic medial branch block with a small volume of local anaesthetic, no "
    "routine sedation and a pain diary. If relief does not reach the chosen cut-off, for example 50 percent, the "
    "facet joints are unlikely to be the source and other causes are considered. If it does, some pathways "
    "confirm the result with a second block: a comparative block with a short-acting and a longer-acting local "
    "anaesthetic, or a placebo-controlled block; stricter criteria mean fewer false positives but more false "
    "negatives. A confirmed positive response selects the patient for radiofrequency denervation."
)

SIZE = 17


def draw() -> Figure:
    d = Figure(1000, title=TITLE, desc=DESC, name="medial-branch-block-pathway")
    x, w = 20, 400
    start = card(
        d, x, 16, w, body="Chronic axial back pain, suspected facet origin, after conservative care", size=SIZE
    )
    block = then(
        d,
        start,
        x,
        w,
        heading="Diagnostic medial branch block",
        body="small volume, no routine sedation,\npain diary",
        role="csf",
        size=SIZE,
    )
    ask = then(
        d,
        block,
        x,
        w,
        heading="Relief reaches the\nchosen cut-off?",
        body="(for example 50%)",
        size=SIZE,
    )
    # "No" goes straight into an indented box; "Yes" runs down the lane on its left to the confirmation step.
    _other, confirm = branches(
        d,
        ask,
        x,
        w,
        {"body": "Facet joints unlikely source: consider other causes", "size": SIZE},
        {
            "body": "Confirm (in some pathways): comparative block with short- and longer-acting agents, or "
            "placebo-controlled",
            "size": SIZE,
        },
        labels=("No", "Yes"),
    )
    denervation = then(
        d,
        confirm,
        x + 40,
        w - 80,
        heading="Radiofrequency denervation",
        outline="drug",
        emphasis=True,
        size=SIZE,
    )
    note_y = denervation.y + denervation.h + 36
    note = ["Stricter criteria: fewer false", "positives, more false negatives"]
    text(d, x + w / 2, note_y, note, size=LABEL_SMALL, role="muted")
    fit_height(d, note_y + text_height(note, LABEL_SMALL))
    return d
