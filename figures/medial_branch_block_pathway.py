"""Figure: from suspected facet pain to radiofrequency denervation via diagnostic medial branch blocks.

Follows the facet joint injections page: conservative care first and the medial branch block as the prognostic test
(Cohen 2020); a positive result is a set amount of relief, for example 50% (Schwarzer 1994); comparative or
placebo-controlled blocks cut false positives at the cost of false negatives (Schwarzer 1994, Bogduk 2010, Cohen
2020); NICE allows radiofrequency denervation for people selected by a diagnostic block (NICE 2017). No other
threshold is drawn.
"""

from __future__ import annotations

from figures.style import EMPHASIS, LABEL_SMALL, Figure, arrow, box, text

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

X, W = 60.0, 600.0


def draw() -> Figure:
    d = Figure(900, title=TITLE, desc=DESC, name="medial-branch-block-pathway")
    box(d, X, 20, W, 90, ["Chronic axial back pain, suspected", "facet origin, after conservative care"])
    arrow(d, [(360, 110), (360, 150)])
    box(
        d,
        X,
        150,
        W,
        110,
        ["Diagnostic medial branch block", "small volume, no routine sedation,", "pain diary"],
        role="csf",
    )
    arrow(d, [(360, 260), (360, 300)])
    box(d, X, 300, W, 90, ["Relief reaches the chosen cut-off?", "(for example 50%)"], bold=True)
    arrow(d, [(200, 390), (200, 450)])
    text(d, 212, 428, "No", anchor="start", bold=True)
    box(d, X - 40, 450, 300, 110, ["Facet joints unlikely", "source: consider", "other causes"], size=LABEL_SMALL)
    arrow(d, [(520, 390), (520, 450)])
    text(d, 532, 428, "Yes", anchor="start", bold=True)
    box(
        d,
        380,
        450,
        320,
        190,
        [
            "Confirm (in some",
            "pathways): comparative",
            "block with short- and",
            "longer-acting agents,",
            "or placebo-controlled",
        ],
        size=LABEL_SMALL,
    )
    arrow(d, [(540, 640), (540, 700)])
    box(d, X + 180, 700, 420, 90, ["Radiofrequency", "denervation"], outline="drug", width=EMPHASIS, bold=True)
    text(
        d,
        360,
        840,
        ["Stricter criteria: fewer false positives,", "more false negatives"],
        size=LABEL_SMALL,
        role="muted",
    )
    return d
