"""The study guide's own standards that are about this guide's content rather than rules any page must meet.

Per-page rules (word counts, references, quiz size, sections, callouts) live in studykit.yml and are enforced by
`check`; test_shipped_site.py asserts the shipped site checks clean.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from studykit.sources.loading import load_project
from studykit.sources.models import PageMeta

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from quiz_stats import MAX_LONGEST_SHARE, MAX_POSITION_SHARE, quiz_stats  # noqa: E402

PROJECT, _ = load_project(ROOT)
TOPIC_PAGES = [p for p in PROJECT.pages if p.meta and p.meta.template in ("procedure", "topic")]
QUIZZES = {q.quiz.id: q.quiz for q in PROJECT.quizzes}

# Each topic of docs/content-guide.md, "What the guide covers", with a phrase that must appear in the guide's text.
SCOPE = {
    "non-invasive care": "physiotherapy",
    "acupuncture": "acupuncture",
    "failure of conservative care": "conservative",
    "less opioid use": "opioid",
    "multidisciplinary care": "multidisciplinary",
    "interlaminar epidural": "interlaminar",
    "transforaminal epidural": "transforaminal",
    "caudal epidural": "caudal",
    "diagnostic and therapeutic blocks": "diagnostic block",
    "sympathetic blocks": "stellate ganglion",
    "medial branch blocks": "medial branch block",
    "sacroiliac joint injection": "sacroiliac",
    "hip injection": "hip",
    "trigger point injections": "trigger point",
    "pulsed radiofrequency": "pulsed radiofrequency",
    "cooled radiofrequency": "cooled radiofrequency",
    "chemical neurolysis": "neurolysis",
    "spinal cord stimulation trial": "trial",
    "dorsal root ganglion stimulation": "dorsal root ganglion",
    "intrathecal ziconotide": "ziconotide",
    "intrathecal baclofen": "baclofen",
    "intrathecal morphine": "morphine",
    "vertebroplasty and kyphoplasty": "kyphoplasty",
    "spinal stenosis": "spinal stenosis",
    "disc herniation": "disc herniation",
    "cancer pain": "cancer pain",
    "complex regional pain syndrome": "complex regional pain syndrome",
    "post-surgical pain": "postsurgical",
    "infection": "infection",
    "bleeding": "haematoma",
    "allergic reaction": "allergic",
    "dural puncture": "dural puncture",
    "anticoagulation": "anticoagulant",
    "fluoroscopy": "fluoroscopy",
    "CT guidance": "computed tomography",
    "ultrasound guidance": "ultrasound",
    "recovery and follow-up": "follow-up",
}


def _body_words(text: str) -> int:
    return len(text.split())


def test_no_page_claims_a_review_it_did_not_have() -> None:
    for page in PROJECT.pages:
        meta: PageMeta | None = page.meta
        if meta and meta.review:
            assert meta.review.status == "unreviewed" and meta.review.reviewer is None, page.rel


def test_the_guide_has_its_24_chapters() -> None:
    sections = [page.rel.split("/")[0] for page in TOPIC_PAGES]
    assert sections.count("foundations") >= 8
    assert len(sections) - sections.count("foundations") >= 16  # procedure and clinical chapters


def test_the_question_bank_is_large_enough_to_practise_with() -> None:
    assert sum(len(q.questions) for q in QUIZZES.values()) >= 320


def test_the_content_rules_ask_for_the_second_edition_s_quizzes() -> None:
    """`check` enforces these (content.quiz-size, quiz.feedback-missing) and test_shipped_site.py asserts it finds
    nothing; this pins the bar itself, so loosening studykit.yml is a visible decision."""
    rules = PROJECT.rules
    assert rules.templates.procedure.min_quiz_questions >= 12
    assert rules.templates.topic.min_quiz_questions >= 12
    assert rules.quizzes.require_feedback


@pytest.mark.parametrize("quiz_id", sorted(QUIZZES))
def test_each_chapter_quiz_has_enough_questions_and_vignettes(quiz_id: str) -> None:
    """The second edition's bar: every chapter at least 12 questions, at least 40% of them clinical vignettes."""
    questions = QUIZZES[quiz_id].questions
    vignettes = sum(q.vignette for q in questions)
    assert len(questions) >= 12
    assert vignettes / len(questions) >= 0.4, f"{vignettes} of {len(questions)} are vignettes"


def test_quiz_keys_give_no_position_or_length_cue() -> None:
    stats = quiz_stats(ROOT)
    assert stats.single > 0
    assert stats.max_position_share <= MAX_POSITION_SHARE, stats.key_positions
    assert stats.longest_share <= MAX_LONGEST_SHARE, stats.key_longest
    assert set(stats.by_type) == {"single", "multiple", "true_false"}
    assert set(stats.by_difficulty) == {"easy", "medium", "hard"}


def test_glossary_has_at_least_120_terms() -> None:
    assert len(PROJECT.terms) >= 120


@pytest.mark.parametrize("topic", sorted(SCOPE))
def test_scope_topic_is_covered(topic: str) -> None:
    phrase = SCOPE[topic].lower()
    assert any(phrase in page.body.lower() for page in TOPIC_PAGES), f"no page covers {topic!r} ({phrase!r})"


def test_navigation_lists_every_page_in_course_order() -> None:
    listed = load_project(ROOT)[0].nav_order
    assert sorted(listed) == sorted(p.rel for p in PROJECT.pages)
    procedures = [rel for rel in listed if rel.startswith("procedures/")]
    assert procedures[0] == "procedures/trigger-point-injections.md"
    assert procedures[-1] == "procedures/intrathecal-drug-delivery.md"
    assert re.match("foundations/", listed[1])
