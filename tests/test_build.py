"""Building a tiny fixture project end to end, and the post-build audit."""

from __future__ import annotations

from pathlib import Path

from studykit.pipeline import build_project
from studykit.postprocess.audit import audit_site, output_path

from .helpers import copy_site


def test_fixture_site_builds_with_page_furniture(tmp_path: Path) -> None:
    project = copy_site("minimal", tmp_path)
    out = tmp_path / "out"
    result = build_project(project, out)
    assert result.built, [d.text() for d in result.diagnostics]
    html = (out / "topics" / "alpha" / "index.html").read_text(encoding="utf-8")
    assert '<li id="ref-smith-2020">Smith A. A book about letters. Oxford: Letter Press; 2020.</li>' in html
    assert 'href="#ref-smith-2020"' in html
    assert "Learning objectives" in html and "<li>Spell alpha.</li>" in html
    assert "Not yet reviewed by a named clinician; content last revised 2026-11-29." in html
    assert 'id="check-your-understanding"' in html
    assert result.counts == {"pages": 2, "terms": 1, "quizzes": 1, "questions": 2}


def test_audit_finds_broken_links_and_fragments_in_rendered_html(tmp_path: Path) -> None:
    project = copy_site("minimal", tmp_path)
    out = tmp_path / "out"
    assert build_project(project, out).built
    assert audit_site(out) == []
    page = out / "topics" / "alpha" / "index.html"
    html = page.read_text(encoding="utf-8")
    html = html.replace("</article>", '<a href="../../nowhere/">x</a><a href="#no-such-id">y</a></article>', 1)
    page.write_text(html, encoding="utf-8")
    problems = sorted(d.code.value for d in audit_site(out))
    assert problems == ["audit.broken-anchor", "audit.broken-link"]


def test_output_paths_follow_directory_urls() -> None:
    assert output_path("index.md") == "index.html"
    assert output_path("procedures/rfa.md") == "procedures/rfa/index.html"
    assert output_path("procedures/index.md") == "procedures/index.html"
