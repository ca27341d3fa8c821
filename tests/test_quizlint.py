"""The item-writing lint stays quiet where a cue is no cue: the borders of each rule, one question each.

The bad-input cases (tests/bad_inputs/quiz-*) show each warning firing; these show the cases it must not fire on,
which a lint that over-reports would break (editors learn to ignore a noisy check).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from studykit.pipeline import check_project

from .helpers import copy_site

HEADER = "id: alpha\ntitle: Alpha\npage: topics/alpha.md\nquestions:\n"


def _single(qid: str, prompt: str, choices: dict[str, str], answer: str) -> str:
    lines = [f"  - id: {qid}", "    type: single", f'    prompt: "{prompt}"', "    choices:"]
    lines += [f'      {key}: "{text}"' for key, text in choices.items()]
    lines += [f"    answer: {answer}", "    explanation: Because.", "    source: topics/alpha.md#details", ""]
    return "\n".join(lines)


def _lint(tmp_path: Path, questions: str) -> list[str]:
    project = copy_site("minimal", tmp_path)
    (project / "quizzes" / "alpha.yml").write_text(HEADER + questions, encoding="utf-8")
    return [d.text() for d in check_project(project).diagnostics]


@pytest.mark.parametrize(
    ("prompt", "choices", "answer"),
    [
        # the key itself is absolute, so the word is no cue
        ("Which is true?", {"a": "It always heals", "b": "It never heals"}, "a"),
        # 'not' in the vignette before the question is no negative stem; an emphasised one is fine
        ("She has not improved. Which letter comes first?", {"a": "Alpha", "b": "Beta"}, "a"),
        ("Which letter is __NOT__ Greek?", {"a": "Aleph", "b": "Beta"}, "a"),
        # ascending once the units are converted (6 weeks < 3 months), and ranges by their lower end
        ("How long?", {"a": "6 weeks", "b": "3 months", "c": "1 year"}, "b"),
        ("How hot?", {"a": "37-40 °C", "b": "42 °C or less", "c": "80–90 °C"}, "c"),
        # options in units that do not convert are not compared
        ("Which dose?", {"a": "5 mg", "b": "2 ml"}, "a"),
    ],
)
def test_no_cue_no_warning(tmp_path: Path, prompt: str, choices: dict[str, str], answer: str) -> None:
    assert _lint(tmp_path, _single("q", prompt, choices, answer)) == []


def test_a_long_key_half_the_time_is_chance_but_every_time_is_not(tmp_path: Path) -> None:
    long_key = {"a": "Alpha, the long one", "b": "Beta", "c": "Gamma", "d": "Delta"}
    short_key = {"a": "Alpha", "b": "Beta, the long one", "c": "Gamma", "d": "Delta"}
    half = "".join(_single(f"q{i}", f"Question {i}?", long_key if i < 2 else short_key, "a") for i in range(4))
    assert _lint(tmp_path / "half", half) == []
    every = "".join(_single(f"q{i}", f"Question {i}?", long_key, "a") for i in range(4))
    (warning,) = _lint(tmp_path / "every", every)
    assert "[quiz.longest-key]" in warning and "4 of 4" in warning


def test_feedback_is_only_required_where_studykit_yml_asks(tmp_path: Path) -> None:
    question = _single("q", "Which letter comes first?", {"a": "Alpha", "b": "Beta"}, "a")
    assert _lint(tmp_path / "off", question) == []
    project = copy_site("minimal", tmp_path / "on")
    (project / "quizzes" / "alpha.yml").write_text(HEADER + question, encoding="utf-8")
    (project / "studykit.yml").write_text("quizzes:\n  require_feedback: true\n", encoding="utf-8")
    found = [d.text() for d in check_project(project).diagnostics]
    assert len(found) == 1 and "wrong choice 'b' has no feedback" in found[0]
