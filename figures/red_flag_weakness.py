"""Red flags after a spinal procedure: new neurology means emergency MRI and immediate spinal surgical referral.

Follows foundations/risks-and-complications.md (Horlocker 2010, Long 2020, Raasch 2017 as cited there): only the
features, causes, timings and actions that page states.
"""

from __future__ import annotations

from figures.flow import card, down, fit_height
from figures.style import Figure, arrow

SIZE = 20

TITLE = "Red flags after a spinal procedure"
DESC = (
    "Flowchart. After a spinal procedure, new or worsening back pain with leg weakness or numbness, saddle "
    "numbness, or new bladder or bowel disturbance is an emergency until proved otherwise. Think of three causes: "
    "epidural haematoma (hours to days), epidural abscess (days to weeks, often with fever) and cauda equina "
    "compression (hours to days). Act at once: examine and document the neurology, arrange emergency MRI, and "
    "refer immediately to the on-call spinal or neurosurgical team for decompression. Do not wait for symptoms "
    "to progress: the deficit present before surgery strongly predicts recovery."
)


def draw() -> Figure:
    d = Figure(820, title=TITLE, desc=DESC, name="red-flag-weakness")
    x, w = 20, 680
    signs = card(
        d,
        x,
        16,
        w,
        heading="After a spinal procedure: any of",
        body=[
            "new or worsening back pain",
            "new leg weakness or numbness",
            "numbness in the saddle area",
            "new bladder or bowel disturbance",
        ],
        outline="warn",
        emphasis=True,
        size=SIZE,
    )
    alarm = card(d, x, signs.y + signs.h + 36, w, heading="Emergency until proved otherwise", role="bone", size=SIZE)
    down(d, signs, alarm, role="warn")
    top = alarm.y + alarm.h + 36
    cw, gap = 212, 22
    tallest = 110
    causes = [
        card(d, x + i * (cw + gap), top, cw, heading=head, body=body, size=SIZE, min_height=tallest)
        for i, (head, body) in enumerate(
            [
                ("Epidural haematoma", "hours to days"),
                ("Epidural abscess", "days to weeks; fever"),
                ("Cauda equina compression", "hours to days"),
            ]
        )
    ]
    for c in causes:
        arrow(d, [(c.top[0], alarm.y + alarm.h), c.top])
    act = card(
        d,
        x,
        top + tallest + 36,
        w,
        heading="Act now",
        body=[
            "Examine and document the neurology",
            "Arrange emergency MRI",
            "Refer immediately to the on-call spinal or neurosurgical team for decompression",
        ],
        role="csf",
        size=SIZE,
    )
    for c in causes:
        arrow(d, [(c.bottom[0], c.y + c.h), (c.bottom[0], act.y)])
    wait = card(
        d,
        x,
        act.y + act.h + 36,
        w,
        heading="Do not wait for symptoms to progress",
        body="The deficit present before surgery strongly predicts recovery.",
        outline="warn",
        emphasis=True,
        size=SIZE,
    )
    down(d, act, wait, role="warn")
    fit_height(d, wait.y + wait.h)
    return d
