"""The quiz bank as Moodle XML (Question bank > Import > "Moodle XML format"), written with ElementTree.

One category per quiz (`$course$/<site>/<quiz title>`, its info holding the licence), then its questions:
`multichoice` (single: one answer at 100 %; multiple: the right answers share 100 %, each wrong one takes an
equal share off) or `truefalse`. The explanation is the general feedback; a choice's own feedback stays with
that answer. `idnumber` is `<quiz>/<question>`, the id the site's saved results use.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from .bank import ExportChoice, ExportQuestion, ExportQuiz
from .meta import ExportMeta

PENALTY = "0.3333333"  # Moodle's default penalty for each wrong try in interactive mode


def fraction(share: float) -> str:
    """A grade fraction as Moodle writes it (five decimals, no trailing zeros): 100, 50, 33.33333, -25."""
    text = f"{share:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    ET.SubElement(element, "text").text = text
    return element


def _answer(question: ET.Element, choice: ExportChoice, share: float) -> None:
    answer = _text(question, "answer", choice.text, fraction=fraction(share), format="plain_text")
    _text(answer, "feedback", choice.feedback, format="plain_text")


def _question(bank: ET.Element, question: ExportQuestion) -> None:
    kind = "truefalse" if question.type == "true_false" else "multichoice"
    element = ET.SubElement(bank, "question", type=kind)
    _text(element, "name", question.id)
    _text(element, "questiontext", question.prompt, format="plain_text")
    _text(element, "generalfeedback", question.explanation, format="plain_text")
    ET.SubElement(element, "defaultgrade").text = "1"
    ET.SubElement(element, "penalty").text = "1" if kind == "truefalse" else PENALTY
    ET.SubElement(element, "hidden").text = "0"
    ET.SubElement(element, "idnumber").text = f"{question.quiz}/{question.id}"
    if kind == "truefalse":
        for choice in question.choices:  # Moodle matches the answers by their text: "true" and "false"
            answer = _text(
                element, "answer", choice.key, fraction="100" if choice.correct else "0", format="moodle_auto_format"
            )
            _text(answer, "feedback", choice.feedback, format="plain_text")
        return
    ET.SubElement(element, "single").text = "true" if question.type == "single" else "false"
    ET.SubElement(element, "shuffleanswers").text = "true"
    ET.SubElement(element, "answernumbering").text = "abc"
    right = [choice for choice in question.choices if choice.correct]
    wrong = [choice for choice in question.choices if not choice.correct]
    for choice in question.choices:
        if question.type == "single":
            share = 100.0 if choice.correct else 0.0
        else:
            share = 100.0 / len(right) if choice.correct else -100.0 / len(wrong)
        _answer(element, choice, share)


def moodle_xml(quizzes: list[ExportQuiz], meta: ExportMeta, site: str) -> bytes:
    root = ET.Element("quiz")
    root.append(ET.Comment(f" {meta.notice} "))
    for quiz in quizzes:
        category = ET.SubElement(root, "question", type="category")
        _text(category, "category", f"$course$/{site}/{quiz.title}".replace("//", "/"))
        _text(
            category,
            "info",
            f"{quiz.title}. {meta.licence} ({meta.licence_url}). {meta.attribution}",
            format="plain_text",
        )
        ET.SubElement(category, "idnumber").text = quiz.id
        for question in quiz.questions:
            _question(root, question)
    ET.indent(root)
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True)) + b"\n"
