#!/usr/bin/env python3
"""Quiz bank statistics: how answer keys are spread, and how often the key gives itself away by length.

Test-wise students learn that the right answer is often 'c' or the longest option; a good bank gives no such cue.
tests/test_content_standards.py asserts the limits printed here.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from studykit.sources.loading import load_project  # noqa: E402
from studykit.sources.models import MultipleChoice, SingleChoice, TrueFalse, choice_text  # noqa: E402

MAX_POSITION_SHARE = 0.35
MAX_LONGEST_SHARE = 0.40


@dataclass
class QuizStats:
    questions: int
    by_type: Counter[str]
    by_difficulty: Counter[str]
    key_positions: Counter[int]  # single choice: 0-based position of the key among the choices
    key_longest: int  # single choice: key is (one of) the longest options
    single: int

    @property
    def max_position_share(self) -> float:
        return max(self.key_positions.values()) / self.single if self.single else 0.0

    @property
    def longest_share(self) -> float:
        return self.key_longest / self.single if self.single else 0.0


def quiz_stats(root: Path = ROOT) -> QuizStats:
    project, _ = load_project(root)
    stats = QuizStats(0, Counter(), Counter(), Counter(), 0, 0)
    for source in project.quizzes:
        for question in source.quiz.questions:
            stats.questions += 1
            stats.by_type[question.type] += 1
            stats.by_difficulty[question.difficulty] += 1
            if isinstance(question, SingleChoice) and question.answer in question.choices:
                stats.single += 1
                keys = list(question.choices)
                stats.key_positions[keys.index(question.answer)] += 1
                lengths = {key: len(choice_text(value)) for key, value in question.choices.items()}
                if lengths[question.answer] >= max(lengths.values()):
                    stats.key_longest += 1
            elif not isinstance(question, MultipleChoice | TrueFalse):  # pragma: no cover - new types
                pass
    return stats


def main() -> int:
    stats = quiz_stats()
    print(f"questions: {stats.questions}  by type: {dict(stats.by_type)}  by difficulty: {dict(stats.by_difficulty)}")
    print(f"single-choice: {stats.single}")
    for position in sorted(stats.key_positions):
        count = stats.key_positions[position]
        print(f"  key at position {chr(97 + position)}: {count} ({count / stats.single:.0%})")
    print(f"  key is the longest option: {stats.key_longest} ({stats.longest_share:.0%})")
    ok = stats.max_position_share <= MAX_POSITION_SHARE and stats.longest_share <= MAX_LONGEST_SHARE
    print("within limits" if ok else "OUTSIDE LIMITS")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
