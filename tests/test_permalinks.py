"""Permanent links: the lock file, the check that names a URL about to break, redirects and retirements.

The flow an editor follows is tested end to end on the minimal fixture: record the URLs, rename a page and a
heading (check fails naming each URL), add the redirects (check passes), build (the redirect page forwards,
fragment included: tests/browser/test_permalinks.py follows it in Chromium).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from studykit.cli import main
from studykit.diagnostics import Code
from studykit.pipeline import build_project, check_project
from studykit.postprocess.redirects import url_between
from studykit.sources.permalock import LOCK_FILE, load_lock

from .helpers import copy_site


def _codes(project: Path) -> list[tuple[str, str]]:
    return [(d.code.value, d.message) for d in check_project(project).diagnostics]


def _rename(project: Path) -> None:
    """Move topics/alpha.md to topics/beta.md and rename its heading 'Details' to 'Particulars'."""
    old = project / "content" / "topics" / "alpha.md"
    text = old.read_text(encoding="utf-8").replace("## Details", "## Particulars")
    (project / "content" / "topics" / "beta.md").write_text(text, encoding="utf-8")
    old.unlink()
    for rel in ("mkdocs.yml", "quizzes/alpha.yml", "glossary/terms.yml", "content/index.md"):
        file = project / rel
        updated = file.read_text(encoding="utf-8").replace("topics/alpha.md", "topics/beta.md")
        file.write_text(updated.replace("#details", "#particulars"), encoding="utf-8")


@pytest.fixture
def locked(tmp_path: Path) -> Path:
    project = copy_site("minimal", tmp_path)
    assert main(["--root", str(project), "permalinks", "--update"]) == 0
    return project


def test_update_records_every_page_with_its_headings_and_quiz_anchors(locked: Path) -> None:
    lock, problems = load_lock(locked)
    assert problems == [] and lock is not None
    assert sorted(lock.pages) == ["", "topics/alpha/"]
    alpha = lock.pages["topics/alpha/"]
    assert alpha.page_id == "alpha"
    assert alpha.anchors == ("check-your-understanding", "details", "quiz-alpha")
    assert check_project(locked).diagnostics == []


def test_renaming_a_page_and_a_heading_fails_naming_each_url_until_redirects_are_added(locked: Path) -> None:
    _rename(locked)
    problems = _codes(locked)
    broken = [message for code, message in problems if code == Code.PERMALINK_BROKEN.value]
    assert len(broken) == 1
    assert broken[0].startswith("'topics/alpha/' was published but no page is served there any more")
    assert "page 'alpha' is now topics/beta.md" in broken[0]
    assert 'redirects: {"topics/alpha/": topics/beta.md}' in broken[0]

    (locked / "studykit.yml").write_text('redirects:\n  "topics/alpha/": topics/beta.md\n', encoding="utf-8")
    broken = [message for code, message in _codes(locked) if code == Code.PERMALINK_BROKEN.value]
    assert broken == [
        "'topics/alpha/#details' is redirected to 'topics/beta.md', which has no anchor '#details'; add a redirect "
        'in studykit.yml (`redirects: {"topics/alpha/#details": topics/beta.md#<anchor>}`) or retire it with a '
        'reason (`retired: {"topics/alpha/#details": "why it is gone"}`), then run '
        "`python build_site.py permalinks --update`"
    ]

    (locked / "studykit.yml").write_text(
        'redirects:\n  "topics/alpha/": topics/beta.md\n  "topics/alpha/#details": topics/beta.md#particulars\n',
        encoding="utf-8",
    )
    problems = _codes(locked)
    assert [code for code, _ in problems] == [Code.PERMALINK_UNLOCKED.value]  # the new URL: a reminder only
    assert main(["--root", str(locked), "permalinks", "--update"]) == 0
    assert check_project(locked).diagnostics == []


def test_a_renamed_heading_on_a_page_that_stays_needs_its_own_redirect(locked: Path) -> None:
    page = locked / "content" / "topics" / "alpha.md"
    page.write_text(page.read_text(encoding="utf-8").replace("## Details", "## Particulars"), encoding="utf-8")
    for rel in ("quizzes/alpha.yml",):
        file = locked / rel
        file.write_text(file.read_text(encoding="utf-8").replace("#details", "#particulars"), encoding="utf-8")
    broken = [message for code, message in _codes(locked) if code == Code.PERMALINK_BROKEN.value]
    assert len(broken) == 1 and broken[0].startswith(
        "'topics/alpha/#details' was published but 'topics/alpha.md' no longer has the anchor '#details'"
    )
    (locked / "studykit.yml").write_text('retired:\n  "topics/alpha/#details": "Merged."\n', encoding="utf-8")
    assert Code.PERMALINK_BROKEN.value not in [code for code, _ in _codes(locked)]


def test_update_refuses_while_a_published_url_would_break(locked: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (locked / LOCK_FILE).read_text(encoding="utf-8")
    _rename(locked)
    assert main(["--root", str(locked), "permalinks", "--update"]) == 1
    assert (locked / LOCK_FILE).read_text(encoding="utf-8") == before
    assert "not updated" in capsys.readouterr().err


def test_the_build_writes_forwarding_pages_retirements_and_old_anchor_aliases(locked: Path, tmp_path: Path) -> None:
    _rename(locked)
    (locked / "studykit.yml").write_text(
        "redirects:\n"
        '  "topics/alpha/": topics/beta.md\n'
        '  "topics/alpha/#details": topics/beta.md#particulars\n'
        '  "topics/beta/#old-name": topics/beta.md#particulars\n'
        "retired:\n"
        '  "topics/gamma/": "Gamma was merged into the beta topic."\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = build_project(locked, out)
    assert result.built, [d.text() for d in result.diagnostics]
    forward = (out / "topics" / "alpha" / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../beta/">' in forward
    assert '"details": "../beta/#particulars"' in forward
    assert "Content-Security-Policy" in forward  # post-processed like every page
    retired = (out / "topics" / "gamma" / "index.html").read_text(encoding="utf-8")
    assert "Gamma was merged into the beta topic." in retired and 'href="../../"' in retired
    beta = (out / "topics" / "beta" / "index.html").read_text(encoding="utf-8")
    alias = '<span id="old-name" class="sk-anchor-alias" data-sk-moved="./#particulars"></span><h2 id="particulars"'
    assert alias in beta


@pytest.mark.parametrize(
    ("here", "there", "expected"),
    [
        ("topics/alpha/", "topics/beta/", "../beta/"),
        ("topics/alpha/", "topics/beta/#x", "../beta/#x"),
        ("topics/alpha/", "", "../../"),
        ("old/", "topics/beta/", "../topics/beta/"),
        ("topics/beta/", "topics/beta/#x", "./#x"),
        ("a.html", "b/c.html", "b/c.html"),
    ],
)
def test_url_between(here: str, there: str, expected: str) -> None:
    assert url_between(here, there) == expected
