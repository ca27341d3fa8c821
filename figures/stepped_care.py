"""Where procedures sit in pain care: a targeted addition on a foundation of non-invasive care, not a replacement.

Follows foundations/invasive-vs-non-invasive.md ("Where procedures fit"): the page claims no ladder or hierarchy
between the non-invasive treatments, so they are drawn side by side as one foundation.
"""

from __future__ import annotations

from figures.flow import card, fit_height
from figures.style import Figure, arrow, text

SIZE = 17
TITLE = "Where procedures fit in pain care"
DESC = (
    "Diagram. Non-invasive care is the foundation for almost everyone with persistent pain: education and "
    "self-management, exercise and physiotherapy, psychological therapies such as CBT and ACT, medicines used "
    "within guidance, and, where guidelines allow, acupuncture. Procedures sit on top as a targeted addition "
    "for selected people with a specific target at the spine, a nerve or a joint. A well-chosen injection can "
    "open a window of less pain in which the person engages with exercise and psychological work; if nothing "
    "is done with that window, the benefit is often short-lived."
)


def draw() -> Figure:
    d = Figure(800, title=TITLE, desc=DESC, name="stepped-care")
    x, w = 20, 400
    added = card(
        d,
        x + 40,
        16,
        w - 80,
        heading="Procedures:\na targeted addition",
        body="For selected people with a specific target: the spine, a nerve or a joint",
        role="csf",
        size=SIZE,
    )
    window_y = added.y + added.h + 30
    window = card(
        d,
        x + 20,
        window_y + 34,
        w - 40,
        body="A window of less pain in which to engage with exercise and psychological work",
        outline="drug",
        emphasis=True,
        size=SIZE,
    )
    arrow(d, [added.bottom, window.top], role="drug", width=3)
    text(d, added.bottom[0] + 14, window_y + 14, "can open", size=SIZE, anchor="start", italic=True)
    base = card(
        d,
        x,
        window.y + window.h + 40,
        w,
        heading="Foundation for almost everyone: non-invasive care",
        body=[
            "Education and self-management",
            "Exercise and physiotherapy",
            "Psychological therapies (CBT, ACT)",
            "Medicines, used within guidance",
            "Acupuncture, where guidelines allow",
        ],
        role="bone",
        size=SIZE,
    )
    arrow(d, [window.bottom, base.top], role="drug", width=3)
    note = card(
        d,
        x,
        base.y + base.h + 24,
        w,
        body="If nothing is done with the window, the benefit is often short-lived.",
        size=SIZE,
    )
    fit_height(d, note.y + note.h)
    return d
