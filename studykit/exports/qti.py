"""The quiz bank as an IMS QTI 1.2 package: a zip with `imsmanifest.xml` and one assessment, as Canvas imports
("Import existing content" > "QTI .zip file") and as Blackboard and Brightspace read it too.

Written with ElementTree (the standard library's XML writer, which escapes every text), in the dialect Canvas
exports: `question_type` metadata (multiple_choice_question, multiple_answers_question, true_false_question),
one `response_lid`, a score of 100 for the right response set, the explanation as general feedback
(`itemfeedback ident="general_fb"`, shown after any answer) and a choice's own feedback as `<key>_fb`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from .bank import ExportQuestion, ExportQuiz
from .meta import ExportMeta, zip_bytes

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CP_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
MD_NS = "http://www.imsglobal.org/xsd/imsmd_v1p2"
RESPONSE = "response1"
GENERAL_FEEDBACK = "general_fb"
CANVAS_TYPES = {
    "single": "multiple_choice_question",
    "multiple": "multiple_answers_question",
    "true_false": "true_false_question",
}


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def _material(parent: ET.Element, text: str) -> None:
    _sub(_sub(parent, "material"), "mattext", text, texttype="text/plain")


def _metadata(parent: ET.Element, fields: dict[str, str]) -> None:
    block = _sub(parent, "qtimetadata")
    for label, entry in fields.items():
        field = _sub(block, "qtimetadatafield")
        _sub(field, "fieldlabel", label)
        _sub(field, "fieldentry", entry)


def _condition(question: ExportQuestion) -> ET.Element:
    """The response set that scores: the right key (single), or every right key and no wrong one (multiple)."""
    condition = ET.Element("conditionvar")
    if question.type != "multiple":
        right = next(choice.key for choice in question.choices if choice.correct)
        _sub(condition, "varequal", right, respident=RESPONSE)
        return condition
    both = _sub(condition, "and")
    for choice in question.choices:
        if choice.correct:
            _sub(both, "varequal", choice.key, respident=RESPONSE)
        else:
            _sub(_sub(both, "not"), "varequal", choice.key, respident=RESPONSE)
    return condition


def _item(section: ET.Element, question: ExportQuestion) -> None:
    item = _sub(section, "item", ident=question.ident, title=question.id)
    _metadata(
        _sub(item, "itemmetadata"),
        {
            "question_type": CANVAS_TYPES[question.type],
            "points_possible": "1.0",
            "original_answer_ids": ",".join(choice.key for choice in question.choices),
        },
    )
    presentation = _sub(item, "presentation")
    _material(presentation, question.prompt)
    cardinality = "Multiple" if question.type == "multiple" else "Single"
    response = _sub(presentation, "response_lid", ident=RESPONSE, rcardinality=cardinality)
    render = _sub(response, "render_choice")
    for choice in question.choices:
        _material(_sub(render, "response_label", ident=choice.key), choice.text)
    processing = _sub(item, "resprocessing")
    _sub(_sub(processing, "outcomes"), "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    general = _sub(processing, "respcondition", **{"continue": "Yes"})
    _sub(_sub(general, "conditionvar"), "other")
    _sub(general, "displayfeedback", feedbacktype="Response", linkrefid=GENERAL_FEEDBACK)
    for choice in question.choices:
        if choice.feedback:
            own = _sub(processing, "respcondition", **{"continue": "Yes"})
            _sub(_sub(own, "conditionvar"), "varequal", choice.key, respident=RESPONSE)
            _sub(own, "displayfeedback", feedbacktype="Response", linkrefid=f"{choice.key}_fb")
    scoring = _sub(processing, "respcondition", **{"continue": "No"})
    scoring.append(_condition(question))
    _sub(scoring, "setvar", "100", action="Set", varname="SCORE")
    _material(_sub(_sub(item, "itemfeedback", ident=GENERAL_FEEDBACK), "flow_mat"), question.explanation)
    for choice in question.choices:
        if choice.feedback:
            _material(_sub(_sub(item, "itemfeedback", ident=f"{choice.key}_fb"), "flow_mat"), choice.feedback)


def _xml(root: ET.Element) -> bytes:
    ET.indent(root)
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True)) + b"\n"


def assessment_xml(ident: str, quizzes: list[ExportQuiz], meta: ExportMeta) -> bytes:
    root = ET.Element("questestinterop", xmlns=QTI_NS)
    _sub(root, "qticomment", meta.notice)
    assessment = _sub(root, "assessment", ident=ident, title=meta.title)
    _metadata(assessment, {"cc_maxattempts": "1", "license": meta.licence_url, "attribution": meta.attribution})
    root_section = _sub(assessment, "section", ident="root_section")
    for quiz in quizzes:
        section = _sub(root_section, "section", ident=f"section-{quiz.id}", title=quiz.title)
        for question in quiz.questions:
            _item(section, question)
    return _xml(root)


def manifest_xml(ident: str, meta: ExportMeta) -> bytes:
    ET.register_namespace("imsmd", MD_NS)
    root = ET.Element("manifest", identifier=f"{ident}-manifest", xmlns=CP_NS)
    metadata = _sub(root, "metadata")
    _sub(metadata, "schema", "IMS Content")
    _sub(metadata, "schemaversion", "1.1.3")
    lom = _sub(metadata, f"{{{MD_NS}}}lom")
    _sub(_sub(_sub(lom, f"{{{MD_NS}}}general"), f"{{{MD_NS}}}title"), f"{{{MD_NS}}}string", meta.title)
    rights = _sub(lom, f"{{{MD_NS}}}rights")
    _sub(_sub(rights, f"{{{MD_NS}}}copyrightAndOtherRestrictions"), f"{{{MD_NS}}}value", "yes")
    _sub(
        _sub(rights, f"{{{MD_NS}}}description"),
        f"{{{MD_NS}}}string",
        f"{meta.licence} ({meta.licence_url}). {meta.attribution}",
    )
    _sub(root, "organizations")
    resources = _sub(root, "resources")
    resource = _sub(resources, "resource", identifier=ident, type="imsqti_xmlv1p2")
    _sub(resource, "file", href=f"{ident}/{ident}.xml")
    return _xml(root)


def qti_package(ident: str, quizzes: list[ExportQuiz], meta: ExportMeta) -> bytes:
    """The zip Canvas imports: the manifest, then the assessment in a folder named by its ident."""
    return zip_bytes(
        {"imsmanifest.xml": manifest_xml(ident, meta), f"{ident}/{ident}.xml": assessment_xml(ident, quizzes, meta)}
    )
