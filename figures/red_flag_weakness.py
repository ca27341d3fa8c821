"""Red flags after a spinal procedure: new neurology means emergency MRI and immediate spinal surgical referral.

Follows foundations/risks-and-complications.md (Horlocker 2010, Long 2020, Raasch 2017 as cited there): only the
features, causes, timings and actions that page states.
"""

from __future__ import annotations

import drawsvg as dw

from figures.flow import Placed, card, down, fit_height, then
from figures.style import OUTLINE, Figure, r

SIZE = 17

TITLE = "Red flags after a spinal procedure"
DESC = (
    "Flowchart. After a spinal procedure, new or worsening back pain with leg weakness or numbness, saddle "
    "numbness, or new bladder or bowel disturbance is an emergency until proved otherwise. Think of three causes: "
    "epidural haematoma (hours to days), epidural abscess (days to weeks, often with fever) and cauda equina "
    "compression (hours to days). Act at once: examine and document the neurology, arrange emergency MRI, and "
    "refer immediately to the on-call spinal or neurosurgical team for decompression. Do not wait for symptoms "
    "to progress: the deficit present before surgery strongly predicts recovery."
)


CAUSES = [
    ("Epidural haematoma", "hours to days"),
    ("Epidural abscess", "days to weeks; fever"),
    ("Cauda equina compression", "hours to days"),
]


def draw() -> Figure:
    d = Figure(1000, title=TITLE, desc=DESC, name="red-flag-weakness")
    x, w, gap = 20, 400, 36
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
    alarm = then(d, signs, x, w, arrow_role="warn", heading="Emergency until proved otherwise", role="bone", size=SIZE)
    # The three possible causes, stacked inside one dashed frame: any of them, not a sequence.
    pad, between = 12, 10
    top = alarm.y + alarm.h + gap
    y = top + pad
    for head, body in CAUSES:
        cause = card(d, x + pad, y, w - 2 * pad, heading=head, body=body, size=SIZE)
        y = cause.y + cause.h + between
    frame = Placed(x, top, w, y - between + pad - top)
    d.append(
        dw.Rectangle(
            frame.x,
            frame.y,
            frame.w,
            r(frame.h),
            rx=14,
            class_="fig-fill-none fig-muted",
            stroke_width=OUTLINE,
            stroke_dasharray="6 5",
        )
    )
    down(d, alarm, frame)
    act = then(
        d,
        frame,
        x,
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
    wait = then(
        d,
        act,
        x,
        w,
        arrow_role="warn",
        heading="Do not wait for\nsymptoms to progress",
        body="The deficit present before surgery strongly predicts recovery.",
        outline="warn",
        emphasis=True,
        size=SIZE,
    )
    fit_height(d, wait.y + wait.h)
    return d
