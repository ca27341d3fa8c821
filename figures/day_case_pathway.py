"""The day-case pathway of a pain procedure, from assessment to follow-up, as four stages in time order.

Follows foundations/preparation-and-recovery.md (Rathmell 2015, Narouze 2018, Even 2012, FDA 2014, Neal 2018,
ASA 2018, Long 2020, Dworkin 2005 as cited there). The page gives no fasting rule, so none is shown.
"""

from __future__ import annotations

from figures.flow import card, down, fit_height
from figures.style import Figure

SIZE = 17
TITLE = "The day-case pathway of a pain procedure"
DESC = (
    "Timeline in four stages. Before the day: assess whether the procedure fits the diagnosis and review previous "
    "imaging; agree any anticoagulant or antiplatelet change with the prescriber; plan glucose monitoring for "
    "people with diabetes having a steroid; record allergies; hold the consent conversation. On the day: confirm "
    "identity, procedure, side and level, allergies and the anticoagulant plan; be ready to treat local "
    "anaesthetic toxicity; if sedation is used, someone other than the operator monitors continuously, and "
    "sedation stays light for spinal injections. Recovery and discharge: observe until discharge criteria are "
    "met, with a responsible adult after sedation; check leg strength and sensation after a spinal injection; "
    "give written red-flag advice, whom to call and when paused drugs restart. Follow-up: measure pain, "
    "function, mood, global impression of change and side effects against the baseline, then decide the next "
    "step while rehabilitation continues."
)

STAGES = [
    (
        "1  Before the day",
        "bone",
        [
            "Assessment: does the procedure fit the diagnosis? Review previous imaging",
            "Anticoagulant or antiplatelet change agreed with the prescriber",
            "Diabetes: a glucose plan if a steroid is given",
            "Allergies recorded",
            "Consent: purpose, realistic benefit, risks, alternatives, recovery",
        ],
    ),
    (
        "2  On the day",
        "csf",
        [
            "Check identity, procedure, side and level, allergies, anticoagulant plan",
            "Ready to treat local anaesthetic toxicity",
            "If sedated: continuous monitoring by someone other than the operator",
            "Light sedation for spinal injections",
        ],
    ),
    (
        "3  Recovery and discharge",
        "bone",
        [
            "Observe until discharge criteria are met; home with a responsible adult after sedation",
            "After a spinal injection: check leg strength and sensation",
            "Written advice: red flags, whom to call, when paused drugs restart",
        ],
    ),
    (
        "4  Follow-up",
        "csf",
        [
            "Pain, function, mood, global impression of change and side effects, against the baseline",
            "Decide the next step; rehabilitation continues",
        ],
    ),
]


def draw() -> Figure:
    d = Figure(1400, title=TITLE, desc=DESC, name="day-case-pathway")
    x, w, gap = 20, 400, 32
    y = 16.0
    previous = None
    for heading, role, body in STAGES:
        placed = card(d, x, y, w, heading=heading, body=body, role=role, size=SIZE)
        if previous is not None:
            down(d, previous, placed)
        previous = placed
        y = placed.y + placed.h + gap
    assert previous is not None
    fit_height(d, previous.y + previous.h)
    return d
