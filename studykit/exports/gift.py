"""The quiz bank in GIFT, Moodle's plain-text question format (Question bank > Import > "GIFT format").

Hand-written: GIFT is a line format with no maintained Python writer; its whole grammar for these question types
is `::name::prompt{ =right#feedback ~wrong#feedback ####general feedback }` (multiple answers give each choice a
weight, `~%50%`), true/false is `{TRUE}` or `{FALSE}`, `$CATEGORY:` starts a category, `//` lines are comments,
and the characters `~ = # { } :` and the backslash are escaped with a backslash inside any text.
"""

from __future__ import annotations

import re

from .bank import ExportQuestion, ExportQuiz
from .meta import ExportMeta
from .moodle import fraction

SPECIAL = re.compile(r"([\\~=#{}:])")


def escape(text: str) -> str:
    """Text with GIFT's special characters escaped, on one line."""
    return SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _choice_lines(question: ExportQuestion) -> list[str]:
    right = sum(1 for choice in question.choices if choice.correct)
    wrong = len(question.choices) - right
    lines = []
    for choice in question.choices:
        if question.type == "single":
            mark = "=" if choice.correct else "~"
        else:
            mark = f"~%{fraction(100.0 / right if choice.correct else -100.0 / wrong)}%"
        feedback = f"#{escape(choice.feedback)}" if choice.feedback else ""
        lines.append(f"\t{mark}{escape(choice.text)}{feedback}")
    return lines


def gift_question(question: ExportQuestion) -> str:
    head = f"::{escape(question.ident)}::{escape(question.prompt)}"
    general = f"####{escape(question.explanation)}"
    if question.type == "true_false":
        answer = "TRUE" if question.choices[0].correct else "FALSE"
        return f"{head} {{{answer}{general}}}"
    return "\n".join([f"{head} {{", *_choice_lines(question), f"\t{general}", "}"])


def gift_text(quizzes: list[ExportQuiz], meta: ExportMeta, site: str) -> bytes:
    lines = [f"// {meta.title}", f"// Licence: {meta.licence} ({meta.licence_url})", f"// {meta.attribution}", ""]
    for quiz in quizzes:
        lines += [f"$CATEGORY: $course$/{site}/{quiz.title}".replace("//", "/"), ""]
        for question in quiz.questions:
            lines += [gift_question(question), ""]
    return "\n".join(lines).encode("utf-8")
