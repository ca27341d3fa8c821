"""Fading relief on intrathecal opioid: look for new neurology (inflammatory mass) and check the delivery system.

Follows procedures/intrathecal-drug-delivery.md (Hassenbusch 2002, Deer 2012, Fitzgibbon 2016, Mohammed 2004 as
cited there). Causes the page does not discuss (such as tolerance or disease progression) are left out.
"""

from __future__ import annotations

from figures.flow import branches, card, fit_height, then
from figures.style import Figure

SIZE = 17
TITLE = "Fading relief on intrathecal opioid"
DESC = (
    "Flowchart. Pain relief from an intrathecal opioid fades. Ask whether new neurological symptoms or signs are "
    "slowly progressing. If yes, suspect a catheter-tip inflammatory mass (granuloma), which can compress the "
    "spinal cord: act urgently, because delayed recognition has caused spinal cord injury, and a mass found "
    "before it causes severe deficits often does not need open surgery. If no, or as well, check the delivery "
    "system, because pump or catheter malfunction can cause sudden underdosing: have the pump interrogated, "
    "check the refill record and reservoir volume, and image the catheter."
)


def draw() -> Figure:
    d = Figure(900, title=TITLE, desc=DESC, name="red-flag-intrathecal-opioid")
    x, w = 20, 400
    start = card(d, x, 16, w, heading="Pain relief from intrathecal opioid fades", size=SIZE)
    ask = then(
        d,
        start,
        x,
        w,
        heading="New neurological symptoms or signs, slowly progressing?",
        role="bone",
        size=SIZE,
    )
    # The "Yes" branch is indented so the "No, or as well" arrow runs down a clear lane on its left.
    _mass, system = branches(
        d,
        ask,
        x,
        w,
        {
            "heading": "Suspect a catheter-tip inflammatory mass",
            "body": [
                "It can compress the spinal cord",
                "Act urgently: delayed recognition has caused spinal cord injury",
                "Found before severe deficits, a mass often did not need open surgery",
            ],
            "outline": "warn",
            "emphasis": True,
            "size": SIZE,
        },
        {
            "heading": "Check the delivery system",
            "body": [
                "Pump or catheter malfunction can cause sudden underdosing",
                "Pump interrogation",
                "Refill record and reservoir check",
                "Catheter imaging",
            ],
            "role": "csf",
            "size": SIZE,
        },
        labels=("Yes", "No, or as well"),
        near_role="warn",
    )
    fit_height(d, system.y + system.h)
    return d
