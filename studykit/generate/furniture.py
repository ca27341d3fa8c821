"""Markdown that a page's front matter adds around its body: objectives, review status, numbered citations,
the quiz section and the reference list (the bibliography records the page cites, numbered in order of first
citation, as Vancouver style asks).

The generate step writes this into the staged page, so every engine renders the same thing; the catalog asks
`generated_anchors` which ids it will produce, so checks and rendering agree. Citations are rewritten where the
scanner found them (never inside code), the same places `check` validates.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping
from html import escape

from ..render.references import format_reference
from ..sources.models import PageMeta, Reference
from ..sources.scanner import CitationSpan
from ..syntax import QUIZ_SECTION_ANCHOR, REFERENCES_ANCHOR, reference_anchor


def cited_ids(spans: Iterable[CitationSpan], known: Container[str]) -> list[str]:
    """Ids of the known records a page cites, in order of first citation: its reference numbers."""
    cited: dict[str, None] = {}
    for span in sorted(spans, key=lambda s: (s.line, s.start)):
        for ref_id in span.ids:
            if ref_id in known:
                cited.setdefault(ref_id)
    return list(cited)


def generated_anchors(meta: PageMeta, cited: Iterable[str] = ()) -> set[str]:
    anchors = {reference_anchor(ref_id) for ref_id in cited}
    if anchors:
        anchors.add(REFERENCES_ANCHOR)
    if meta.quiz:
        anchors.add(QUIZ_SECTION_ANCHOR)
    return anchors


def _citation(ids: tuple[str, ...], numbers: dict[str, int], written: str) -> str:
    links = []
    for ref_id in ids:
        if ref_id in numbers:
            number = numbers[ref_id]
            links.append(f'[{number}](#{reference_anchor(ref_id)}){{ .sk-cite title="Reference {number}" }}')
        else:
            links.append(escape(ref_id))  # `check` reports it; `serve` still renders
    return "<sup>" + ", ".join(links) + "</sup>" if links else written


def number_citations(body: str, first_line: int, spans: list[CitationSpan], numbers: dict[str, int]) -> str:
    """`body` (whose first line is file line `first_line`) with each scanned citation replaced by its numbers."""
    lines = body.split("\n")
    for span in sorted(spans, key=lambda s: (s.line, s.start), reverse=True):
        index = span.line - first_line
        if 0 <= index < len(lines):
            text = lines[index]
            lines[index] = (
                text[: span.start] + _citation(span.ids, numbers, text[span.start : span.end]) + text[span.end :]
            )
    return "\n".join(lines)


def _escape_markdown(text: str) -> str:
    return text.replace("<", "&lt;").replace(">", "&gt;")


def page_markdown(
    body: str,
    meta: PageMeta,
    *,
    first_line: int = 1,
    spans: list[CitationSpan] | None = None,
    records: Mapping[str, Reference] | None = None,
) -> str:
    """The body with citations numbered and the front-matter furniture added; `records` is the bibliography."""
    records = records or {}
    cited = [records[ref_id] for ref_id in cited_ids(spans or [], records)]
    numbers = {record.id: index for index, record in enumerate(cited, start=1)}
    body = number_citations(body, first_line, spans or [], numbers)
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
        bottom += [f"## Check your understanding {{#{QUIZ_SECTION_ANCHOR}}}", "", f"/// quiz | {meta.quiz}", "///", ""]
    if cited:
        bottom += [f"## References {{#{REFERENCES_ANCHOR}}}", "", '<ol class="sk-references">']
        for record in cited:
            bottom.append(f'<li id="{reference_anchor(record.id)}">{format_reference(record)}</li>')
        bottom += ["</ol>", ""]
    return "\n".join(top) + "\n" + body.rstrip() + "\n\n" + "\n".join(bottom)
