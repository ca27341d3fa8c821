"""Intrathecal baclofen withdrawal: causes, signs, emergency actions and prevention, as a flowchart.

Follows procedures/intrathecal-drug-delivery.md (baclofen labelling, Mohammed 2004, Meythaler 2003 as cited
there); nothing is added that the page does not say.
"""

from __future__ import annotations

from figures.flow import card, down, fit_height
from figures.style import Figure

SIZE = 17
TITLE = "Intrathecal baclofen withdrawal"
DESC = (
    "Flowchart. Intrathecal baclofen delivery is interrupted, most often by a missed refill, a programming "
    "mistake, or pump or catheter malfunction. Early signs are itching and increased muscle tone; then high "
    "fever, confusion or reduced consciousness, marked rebound spasticity and muscle rigidity; rarely it "
    "progresses to rhabdomyolysis, multi-organ failure and death. Treat it as an emergency: restore intrathecal "
    "baclofen delivery as fast as possible with urgent specialist pump interrogation, a reservoir check and "
    "catheter imaging, and give supportive and, if needed, intensive care; benzodiazepines have been used and "
    "oral baclofen alone may not be enough. Prevent it with strict refill scheduling, attention to alarms and "
    "teaching patients and carers the early symptoms, taking special care after spinal cord injury at T6 or "
    "above, with communication difficulties or after a previous withdrawal."
)


def draw() -> Figure:
    d = Figure(1000, title=TITLE, desc=DESC, name="red-flag-baclofen-withdrawal")
    x, w, gap = 20, 400, 36
    cause = card(
        d,
        x,
        16,
        w,
        heading="Intrathecal baclofen interrupted",
        body="Missed refill, programming mistake, or pump or catheter malfunction",
        size=SIZE,
    )
    signs = card(
        d,
        x,
        cause.y + cause.h + gap,
        w,
        heading="Signs of withdrawal",
        body=[
            "Early: itching, increased muscle tone",
            "Then: high fever, confusion or reduced consciousness, marked rebound spasticity, muscle rigidity",
            "Rarely: rhabdomyolysis, multi-organ failure, death",
        ],
        outline="warn",
        emphasis=True,
        size=SIZE,
    )
    down(d, cause, signs, role="warn")
    alarm = card(d, x, signs.y + signs.h + gap, w, heading="Treat as an emergency", role="bone", size=SIZE)
    down(d, signs, alarm, role="warn")
    restore = card(
        d,
        x,
        alarm.y + alarm.h + gap,
        w,
        heading="Restore intrathecal\ndelivery fast",
        body=["Urgent specialist pump interrogation", "Reservoir check", "Catheter imaging"],
        role="csf",
        size=SIZE,
    )
    down(d, alarm, restore)
    support = card(
        d,
        x,
        restore.y + restore.h + gap,
        w,
        heading="Support the patient",
        body=[
            "Supportive and, if needed, intensive care",
            "Benzodiazepines have been used",
            "Oral baclofen alone may not be enough",
        ],
        role="csf",
        size=SIZE,
    )
    down(d, restore, support)
    prevent = card(
        d,
        x,
        support.y + support.h + gap,
        w,
        heading="Prevent it",
        body=[
            "Strict refill scheduling and attention to pump alarms",
            "Teach patients and carers the early symptoms",
            "Take special care: spinal cord injury at T6 or above, communication difficulties, previous withdrawal",
        ],
        size=SIZE,
    )
    fit_height(d, prevent.y + prevent.h)
    return d
