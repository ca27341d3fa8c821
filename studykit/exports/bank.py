"""The questions an export holds, as plain text: one shape every quiz format (QTI, Moodle XML, GIFT) writes.

Question text in quizzes/*.yml is inline Markdown whose links point into this site (`term:` links, page paths);
a learning platform has neither, so exports carry the text a student reads, without the link targets. The hash
is the one the site uses (quiz/render.py), so an export's item ids match the site's saved answers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..catalog import Catalog
from ..quiz.render import question_hash
from ..sources.models import Choice, MultipleChoice, Question, SingleChoice, TrueFalse
from ..sources.scanner import INLINE_MARKUP


def plain_text(markdown: str) -> str:
    """Inline Markdown as the words a reader sees: link text without its target, no emphasis marks."""
    return " ".join(INLINE_MARKUP.sub(lambda match: match.group(1) or "", markdown).split())


@dataclass(frozen=True)
class ExportChoice:
    key: str
    text: str
    correct: bool
    feedback: str = ""


@dataclass(frozen=True)
class ExportQuestion:
    quiz: str  # quiz id
    id: str  # question id, unique within its quiz
    type: str  # "single", "multiple" or "true_false"
    prompt: str
    choices: tuple[ExportChoice, ...]  # true/false: ("true", "True") and ("false", "False")
    explanation: str
    hash: str

    @property
    def ident(self) -> str:
        """Unique across the bank: `<quiz>.<question>` (ids are slugs, so the dot cannot be part of either)."""
        return f"{self.quiz}.{self.id}"


@dataclass(frozen=True)
class ExportQuiz:
    id: str
    title: str
    questions: tuple[ExportQuestion, ...]


def export_question(quiz_id: str, question: Question) -> ExportQuestion:
    choices: list[ExportChoice] = []
    if isinstance(question, TrueFalse):
        choices = [ExportChoice("true", "True", question.answer), ExportChoice("false", "False", not question.answer)]
    elif isinstance(question, SingleChoice | MultipleChoice):
        right = {question.answer} if isinstance(question, SingleChoice) else set(question.answer)
        for key, value in question.choices.items():
            text, feedback = (value.text, value.feedback or "") if isinstance(value, Choice) else (value, "")
            choices.append(ExportChoice(key, plain_text(text), key in right, plain_text(feedback)))
    return ExportQuestion(
        quiz=quiz_id,
        id=question.id,
        type=question.type,
        prompt=plain_text(question.prompt),
        choices=tuple(choices),
        explanation=plain_text(question.explanation),
        hash=question_hash(question),
    )


def export_quizzes(
    catalog: Catalog, quiz_ids: Iterable[str], only: dict[str, list[str]] | None = None
) -> list[ExportQuiz]:
    """The quizzes `quiz_ids` (unknown ids skipped: `check` reports them), each limited to the question ids in
    `only[quiz]` when given, in the quiz file's order."""
    quizzes: list[ExportQuiz] = []
    for quiz_id in quiz_ids:
        source = catalog.quizzes.get(quiz_id)
        if source is None:
            continue
        wanted = set(only[quiz_id]) if only and only.get(quiz_id) else None
        questions = tuple(
            export_question(quiz_id, q) for q in source.quiz.questions if wanted is None or q.id in wanted
        )
        if questions:
            quizzes.append(ExportQuiz(quiz_id, plain_text(source.quiz.title), questions))
    return quizzes
