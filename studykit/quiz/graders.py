"""The question types the browser can grade, read from the shipped quiz.js, checked against the Python registry.

quiz.js declares its graders in one object literal (`var types = { single: ..., ... };`). A type that Python
renders but the script cannot grade would leave students with a Check button that does nothing, so the generate
step fails the build for it, and a test keeps the two tables in step.
"""

from __future__ import annotations

import re
from importlib import resources

from .render import QUESTION_TYPES

_TABLE = re.compile(r"var types = \{(?P<body>[^}]*)\};")
_KEY = re.compile(r"(\w+)\s*:")


def js_graders() -> set[str]:
    """Question types the packaged quiz.js has a grader for."""
    script = (resources.files("studykit") / "assets" / "quiz.js").read_text(encoding="utf-8")
    table = _TABLE.search(script)
    return set(_KEY.findall(table.group("body"))) if table else set()


def missing_graders() -> list[str]:
    return sorted(set(QUESTION_TYPES) - js_graders())
