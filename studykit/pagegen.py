"""Markdown that a page's front matter adds around its body: objectives, review status, references, quiz.

One module so the renderer (MkDocs hook) and the validator (catalog anchors) agree on what each page will contain.
"""

from __future__ import annotations

import re
from html import escape

from .models import PageMeta

REFERENCES_ANCHOR = "references"
QUIZ_ANCHOR = "check-your-understanding"
CITATION = re.compile(r"\[@([^\]]+)\]")


def reference_anchor(ref_id: str) -> str:
    return f"ref-{ref_id}"


def generated_anchors(meta: PageMeta) -> set[str]:
    anchors = {reference_anchor(ref.id) for ref in meta.references}
    if meta.references:
        anchors.add(REFERENCES_ANCHOR)
    if meta.quiz:
        anchors.add(QUIZ_ANCHOR)
    return anchors


def _cite(match: re.Match[str], numbers: dict[str, int]) -> str:
    ids = [part.strip().lstrip("@") for part in re.split(r"[;,]", match.group(1))]
    links = []
    for ref_id in ids:
        if ref_id in numbers:
            links.append(
                f'[{numbers[ref_id]}](#{reference_anchor(ref_id)}){{ .sk-cite title="Reference {numbers[ref_id]}" }}'
            )
        else:
            links.append(ref_id)
    return "<sup>" + ", ".join(links) + "</sup>" if links else match.group(0)


def _escape_markdown(text: str) -> str:
    return text.replace("<", "&lt;").replace(">", "&gt;")


def page_markdown(body: str, meta: PageMeta) -> str:
    """The body with citations numbered and the front-matter furniture added."""
    numbers = {ref.id: index for index, ref in enumerate(meta.references, start=1)}
    body = CITATION.sub(lambda m: _cite(m, numbers), body)
    top: list[str] = []
    if meta.objectives:
        top.append('!!! objectives "Learning objectives"\n')
        top.extend(f"    - {_escape_markdown(objective)}" for objective in meta.objectives)
        top.append("")
    if meta.review is not None:
        if meta.review.status == "reviewed" and meta.review.reviewer:
            status = f"Clinically reviewed by {_escape_markdown(meta.review.reviewer)}"
        else:
            status = "Not yet reviewed by a named clinician"
        date = f"; content last revised {meta.review.date.isoformat()}" if meta.review.date else ""
        top.append(f"{status}{date}. Educational material, not medical advice.\n{{ .sk-review }}\n")
    bottom: list[str] = []
    if meta.quiz:
        bottom += [f"## Check your understanding {{#{QUIZ_ANCHOR}}}", "", f"/// quiz | {meta.quiz}", "///", ""]
    if meta.references:
        bottom += [f"## References {{#{REFERENCES_ANCHOR}}}", "", '<ol class="sk-references">']
        for ref in meta.references:
            link = f' <a href="{escape(ref.url)}">{escape(ref.url)}</a>' if ref.url else ""
            bottom.append(f'<li id="{reference_anchor(ref.id)}">{escape(ref.text)}{link}</li>')
        bottom += ["</ol>", ""]
    return "\n".join(top) + "\n" + body.rstrip() + "\n\n" + "\n".join(bottom)
