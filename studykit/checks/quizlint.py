"""quiz.* item-writing lint: the cues a test-wise student uses to answer without knowing the fact.

These are the item-writing flaws a machine can see (NBME item-writing guide): an absolute word only in
distractors, "all/none of the above", a key that is the longest option more often than chance, one prompt asked
twice, a negative stem without emphasis, numeric options out of order and, where studykit.yml asks for it
(`quizzes: {require_feedback: true}`), a wrong option without feedback. All are warnings: each flags a question an
editor should look at, not one that breaks the site. They live apart from quiz.py (answer keys and ids, which are
errors) because they judge style, not structure.

Hand-written: no maintained Python library lints multiple-choice items; each rule is a few lines over the model.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..catalog import Catalog
from ..diagnostics import Code, Diagnostic
from ..sources.loading import QuizSource
from ..sources.models import Choice, ChoiceValue, MultipleChoice, SingleChoice, choice_text
from ..sources.yamlsource import YamlPath

ABSOLUTE = re.compile(r"\b(always|never|only|all|every|cannot|guaranteed|none)\b", re.IGNORECASE)
ALL_NONE = re.compile(r"\b(all|none|both|neither)\s+of\s+the\s+(above|options|answers|choices|others)\b", re.I)
NEGATIVE = re.compile(r"\b(not|except|least)\b|\b\w+n't\b", re.IGNORECASE)
EMPHASIS = re.compile(r"\*\*[^*]+\*\*|__[^_]+__")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")
_FIGURE = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
# a leading number (the lower end of a range such as 80-90) and the word after it, its unit if it has one
NUMBER = re.compile(rf"^\s*(?:about\s+|~|<=?|>=?|≤|≥)?\s*({_FIGURE})(?:\s*[-–]\s*(?:{_FIGURE}))?\s*(\S*)", re.I)

# unit -> (dimension, factor to a common unit): options in different units are compared only when convertible.
UNITS: dict[str, tuple[str, float]] = {
    **dict.fromkeys(("s", "sec", "second", "seconds"), ("time", 1 / 60)),
    **dict.fromkeys(("min", "mins", "minute", "minutes"), ("time", 1.0)),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours"), ("time", 60.0)),
    **dict.fromkeys(("day", "days"), ("time", 1440.0)),
    **dict.fromkeys(("week", "weeks"), ("time", 10080.0)),
    **dict.fromkeys(("month", "months"), ("time", 43830.0)),
    **dict.fromkeys(("year", "years"), ("time", 525960.0)),
    **dict.fromkeys(("mcg", "µg", "microgram", "micrograms"), ("mass", 0.001)),
    **dict.fromkeys(("mg", "milligram", "milligrams"), ("mass", 1.0)),
    **dict.fromkeys(("g", "gram", "grams"), ("mass", 1000.0)),
    **dict.fromkeys(("mm",), ("length", 1.0)),
    **dict.fromkeys(("cm",), ("length", 10.0)),
    **dict.fromkeys(("ml",), ("volume", 1.0)),
}


def check_quiz_lint(catalog: Catalog) -> Iterator[Diagnostic]:
    require_feedback = catalog.project.rules.quizzes.require_feedback
    prompts: dict[str, tuple[QuizSource, int]] = {}
    for source in catalog.quizzes.values():  # a second quiz with a taken id is an error of its own, not linted
        yield from _longest_key(source)
        for index, question in enumerate(source.quiz.questions):
            base: YamlPath = ("questions", index)
            yield from _duplicate_prompt(source, index, prompts)
            if not isinstance(question, SingleChoice | MultipleChoice):
                continue
            keys = [question.answer] if isinstance(question, SingleChoice) else list(question.answer)
            yield from _absolute_cue(source, base, question.choices, keys)
            yield from _all_none(source, base, question.choices)
            yield from _negative_stem(source, base, question.prompt)
            yield from _numeric_order(source, base, question.choices, question.shuffle)
            if require_feedback:
                yield from _feedback(source, base, question.choices, keys)


def _text_path(base: YamlPath, key: str, value: ChoiceValue) -> YamlPath:
    return base + ("choices", key, "text") if isinstance(value, Choice) else base + ("choices", key)


def _absolute_cue(
    source: QuizSource, base: YamlPath, choices: dict[str, ChoiceValue], keys: list[str]
) -> Iterator[Diagnostic]:
    """Absolute words in wrong options only ("none of the above" is quiz.all-none-of-above's, not counted twice)."""
    if any(ABSOLUTE.search(ALL_NONE.sub(" ", choice_text(choices[key]))) for key in keys if key in choices):
        return
    for key, value in choices.items():
        match = ABSOLUTE.search(ALL_NONE.sub(" ", choice_text(value)))
        if key not in keys and match:
            yield source.doc.warning(
                _text_path(base, key, value),
                Code.QUIZ_ABSOLUTE_CUE,
                f"choice '{key}' says '{match.group(0)}' and the answer has no such word: students learn that "
                "absolute options are wrong; qualify the option or reword it",
            )


def _all_none(source: QuizSource, base: YamlPath, choices: dict[str, ChoiceValue]) -> Iterator[Diagnostic]:
    for key, value in choices.items():
        match = ALL_NONE.search(choice_text(value))
        if match:
            yield source.doc.warning(
                _text_path(base, key, value),
                Code.QUIZ_ALL_NONE,
                f"choice '{key}' is '{match.group(0)}': it can be answered from partial knowledge; write an "
                "option that stands on its own (or use a multiple-choice question)",
            )


def _negative_stem(source: QuizSource, base: YamlPath, prompt: str) -> Iterator[Diagnostic]:
    """A NOT/EXCEPT/LEAST in the question itself (the prompt's last sentence; a vignette before it may say 'not')."""
    question = SENTENCE_END.split(prompt.strip())[-1]
    match = NEGATIVE.search(EMPHASIS.sub(" ", question))
    if match:
        word = match.group(0)
        yield source.doc.warning(
            base + ("prompt",),
            Code.QUIZ_NEGATIVE_STEM,
            f"the question asks with '{word}': ask it positively, or emphasise it as **{word.upper()}** so no "
            "student misses it",
        )


@dataclass(frozen=True)
class _Amount:
    value: float
    dimension: str  # "" when the option has no known unit


def _amount(text: str) -> _Amount | None:
    match = NUMBER.match(text)
    if not match:
        return None
    number = float(match.group(1).replace(",", ""))
    unit = match.group(2).strip(".,;:)").lower()
    dimension, factor = UNITS.get(unit, ("", 1.0))
    return _Amount(number * factor, dimension)


def _numeric_order(
    source: QuizSource, base: YamlPath, choices: dict[str, ChoiceValue], shuffle: bool
) -> Iterator[Diagnostic]:
    """Options that all start with a number should run in ascending order (print and exports keep the order)."""
    amounts = [_amount(choice_text(value)) for value in choices.values()]
    if len(amounts) < 2 or any(amount is None for amount in amounts):
        return
    known = [amount for amount in amounts if amount is not None]
    if len({amount.dimension for amount in known}) > 1:
        return  # mixed units (or some without one): no order a machine can check
    values = [amount.value for amount in known]
    if values != sorted(values):
        order = ", ".join(key for _value, key in sorted(zip(values, choices, strict=True)))
        yield source.doc.warning(
            base + ("choices",),
            Code.QUIZ_NUMERIC_ORDER,
            f"numeric options are out of order: list them ascending ({order})"
            + (" and set 'shuffle: false'" if shuffle else ""),
            key=True,
        )


def _feedback(
    source: QuizSource, base: YamlPath, choices: dict[str, ChoiceValue], keys: list[str]
) -> Iterator[Diagnostic]:
    for key, value in choices.items():
        if key in keys or (isinstance(value, Choice) and value.feedback and value.feedback.strip()):
            continue
        yield source.doc.warning(
            base + ("choices", key),
            Code.QUIZ_FEEDBACK_MISSING,
            f"wrong choice '{key}' has no feedback: write `{key}: {{text: ..., feedback: ...}}` saying in one "
            "sentence why it is wrong (studykit.yml asks for it: quizzes.require_feedback)",
        )


def _normalise(prompt: str) -> str:
    return " ".join(re.sub(r"[*_`]", "", prompt).casefold().split()).rstrip(" ?.:!")


def _duplicate_prompt(source: QuizSource, index: int, seen: dict[str, tuple[QuizSource, int]]) -> Iterator[Diagnostic]:
    question = source.quiz.questions[index]
    folded = _normalise(question.prompt)
    if folded not in seen:
        seen[folded] = (source, index)
        return
    first, first_index = seen[folded]
    line = first.doc.loc(("questions", first_index, "prompt")).line
    yield source.doc.warning(
        ("questions", index, "prompt"),
        Code.QUIZ_DUPLICATE_PROMPT,
        f"question '{question.id}' asks the same as '{first.quiz.id}/{first.quiz.questions[first_index].id}' "
        f"({first.path}:{line}): keep one, or make them test different facts",
    )


def _longest_key(source: QuizSource) -> Iterator[Diagnostic]:
    """Per quiz: is the key the strictly longest option more often than chance allows?

    With k options, chance puts the key strictly longest in at most 1/k of questions. Over the quiz's single-answer
    questions the count expected by chance is sum(1/k) with variance sum(1/k * (1 - 1/k)); it is flagged above
    max(half the questions, expected + 2 SD), so a short quiz is not flagged for one or two long keys.
    """
    singles = [q for q in source.quiz.questions if isinstance(q, SingleChoice) and q.answer in q.choices]
    if not singles:
        return
    longest: list[str] = []
    expected = variance = 0.0
    for question in singles:
        lengths = {key: len(" ".join(choice_text(value).split())) for key, value in question.choices.items()}
        key_length = lengths[question.answer]
        if all(key_length > length for key, length in lengths.items() if key != question.answer):
            longest.append(question.id)
        p = 1 / len(lengths)
        expected += p
        variance += p * (1 - p)
    limit = max(len(singles) / 2, expected + 2 * math.sqrt(variance))
    if len(longest) > limit:
        yield source.doc.warning(
            ("id",),
            Code.QUIZ_LONGEST_KEY,
            f"the answer is the longest option in {len(longest)} of {len(singles)} single-answer questions "
            f"({', '.join(longest)}); chance gives about {expected:.1f}, and more than {limit:.1f} (the larger of "
            "half the questions and chance + 2 SD) teaches students to pick the longest option: shorten keys or "
            "lengthen distractors",
        )
