"""The audit holds the built site to the repository and to its own origin: every output file has a known source,
and no page makes the browser fetch from another site (a link the reader clicks may go anywhere)."""

from __future__ import annotations

from pathlib import Path

from studykit.pipeline import build_project, check_project
from studykit.postprocess.audit import audit_site

from .helpers import copy_site

FOREIGN = (
    '<script src="https://evil.invalid/x.js"></script>\n'
    '<link rel="stylesheet" href="//cdn.invalid/x.css">\n'
    '<img alt="" srcset="local.png 1x, https://evil.invalid/b.png 2x">\n'
    '<meta http-equiv="refresh" content="0; url=https://evil.invalid/">\n'
    '<iframe src="http://evil.invalid/frame"></iframe>\n'
    '<p style="background: url(https://evil.invalid/bg.png)">x</p>\n'
    '<a href="https://doi.org/10.1000/x">a reference</a>\n'
    '<link rel="canonical" href="https://example.invalid/">\n'
    '<img alt="" src="data:image/png;base64,AAAA">\n'
)


def _built(tmp_path: Path) -> tuple[Path, Path]:
    project = copy_site("minimal", tmp_path)
    out = tmp_path / "out"
    result = build_project(project, out)
    assert result.built, [d.text() for d in result.diagnostics]
    return project, out


def test_foreign_requests_are_each_located(tmp_path: Path) -> None:
    project, out = _built(tmp_path)
    catalog = check_project(project).catalog
    assert audit_site(out, catalog) == []
    page = out / "topics" / "alpha" / "index.html"
    html = page.read_text(encoding="utf-8")
    line = html[: html.index("</article>")].count("\n") + 1
    page.write_text(html.replace("</article>", "\n" + FOREIGN + "</article>", 1), encoding="utf-8")
    found = [(d.path, d.line - line, d.code.value, d.message.split(" from ")[0]) for d in audit_site(out, catalog)]
    where, code = "site/topics/alpha/index.html", "audit.external-request"
    assert found == [
        (where, 1, code, "<script> loads 'https://evil.invalid/x.js'"),
        (where, 2, code, "<link> loads '//cdn.invalid/x.css'"),
        (where, 3, code, "<img> loads 'https://evil.invalid/b.png'"),
        (where, 4, code, "<meta> loads 'https://evil.invalid/'"),
        (where, 5, code, "<iframe> loads 'http://evil.invalid/frame'"),
        (where, 6, code, "<p> loads 'https://evil.invalid/bg.png'"),
    ]


def test_a_file_from_no_known_source_is_reported(tmp_path: Path) -> None:
    project, out = _built(tmp_path)
    catalog = check_project(project).catalog
    (out / "assets" / "extra.js").write_text("alert(1)", encoding="utf-8")
    (out / "topics" / "stray").mkdir()
    (out / "topics" / "stray" / "index.html").write_text("<p>not a page</p>", encoding="utf-8")
    problems = [(d.path, d.code.value) for d in audit_site(out, catalog)]
    assert problems == [
        ("site/assets/extra.js", "audit.unknown-file"),
        ("site/topics/stray/index.html", "audit.unknown-file"),
    ]


def test_content_files_and_the_projects_theme_folder_are_known_sources(tmp_path: Path) -> None:
    project = copy_site("minimal", tmp_path)
    (project / "content" / "notes.txt").write_text("notes\n", encoding="utf-8")
    (project / "theme_overrides" / "assets").mkdir(parents=True)
    (project / "theme_overrides" / "assets" / "logo.txt").write_text("logo\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  name: material\n", "  name: material\n  custom_dir: theme_overrides\n"
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = build_project(project, out)
    assert result.built, [d.text() for d in result.diagnostics]
    assert (out / "notes.txt").is_file() and (out / "assets" / "logo.txt").is_file()
