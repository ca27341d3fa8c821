"""`studykit new`: the scaffold writes a site that checks clean and builds at once, for any title."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
import yaml

from studykit.cli import main
from studykit.scaffold import curly_quotes, markdown_text, render_site, topic_slug

from .helpers import unavailable

ROOT = Path(__file__).resolve().parent.parent
EXPECTED_FILES = {
    ".github/workflows/site.yml",
    ".gitignore",
    "Makefile",
    "README.md",
    "content/flashcards.md",
    "content/glossary.md",
    "content/index.md",
    "content/practice.md",
    "content/progress.md",
    "content/quizzes.md",
    "content/topics/renal-physiology.md",
    "glossary/terms.yml",
    "mkdocs.yml",
    "quizzes/renal-physiology.yml",
    "references/sources.yml",
}


def _files(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}


def test_new_site_checks_clean_and_builds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "renal-physiology"
    assert main(["new", str(site), "--title", "Renal physiology"]) == 0
    assert _files(site) == EXPECTED_FILES
    capsys.readouterr()
    assert main(["--root", str(site), "check", "--strict"]) == 0
    checked = capsys.readouterr()
    assert checked.out == ""  # no diagnostics at all, not even warnings
    assert "7 pages, 2 terms, 1 quizzes, 3 questions; 0 errors, 0 warnings" in checked.err
    assert main(["--root", str(site), "build"]) == 0
    home = (site / "site" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Renal physiology</h1>" in home
    assert "<title>Renal physiology" in home
    topic = (site / "site" / "topics" / "renal-physiology" / "index.html").read_text(encoding="utf-8")
    assert 'data-term="example-term"' in topic and 'data-term="sample-concept"' in topic
    assert '<li id="ref-example-2024">Author A, Author B. EXAMPLE ONLY' in topic and 'href="#ref-example-2024"' in topic
    config = yaml.safe_load((site / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    assert config["site_name"] == "Renal physiology"
    assert config["plugins"] == ["search", "studykit"]
    shipped = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    for key in ("markdown_extensions", "extra_css", "extra_javascript", "validation"):
        assert config[key] == shipped[key], key


def test_an_awkward_title_is_escaped_everywhere(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    title = 'No: "pH" & #1 *bold* _x_ {{ y }} {#z} [a](b) `c` ~~d~~ \\ it\'s'
    site = tmp_path / "site"
    assert main(["new", str(site), "--title", title]) == 0
    assert main(["--root", str(site), "check", "--strict"]) == 0, capsys.readouterr().out
    config = yaml.safe_load((site / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    assert config["site_name"] == title
    assert (site / "README.md").read_text(encoding="utf-8").startswith(f"# {markdown_text(title)}\n")


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Renal physiology", "renal-physiology"),
        ("Glossary", "glossary-topic"),  # never the id of another scaffold page
        ("日本語", "introduction"),  # nothing left to slug
        ("2026", "2026"),
        ("word " * 30, "-".join(["word"] * 12)),  # at most 60 characters, cut at a word boundary
    ],
)
def test_topic_slug(title: str, slug: str) -> None:
    assert topic_slug(title) == slug


def test_the_same_title_and_date_give_the_same_files() -> None:
    day = dt.date(2026, 1, 2)
    first = render_site("Renal physiology", today=day)
    assert first == render_site("Renal physiology", today=day)
    assert b"date: 2026-01-02" in first["content/topics/renal-physiology.md"]


def test_no_template_file_is_a_dotfile() -> None:
    """Wheel builds skip dotfiles in package data: templates spell a leading dot as `dot-`."""
    template = resources.files("studykit.scaffold") / "template"
    names = [path.name for path in Path(str(template)).rglob("*")]
    assert names and not [name for name in names if name.startswith(".")]


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("", "the title is empty"),
        ("   ", "the title is empty"),
        ("two\nlines", "one line"),
        ("<b>Bold</b>", "'<' or '>'"),
        ("Tom &amp; Jerry", "character references"),
    ],
)
def test_a_bad_title_is_refused(title: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", str(tmp_path / "site"), "--title", title]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and err.startswith("error: ") and message in err.lower()
    assert not (tmp_path / "site").exists()


def test_a_non_empty_directory_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["new", str(tmp_path), "--title", "Renal physiology"]) == 2
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [f"error: {tmp_path} is not empty; choose a new or empty directory"]
    assert _files(tmp_path) == {"notes.txt"}
    assert main(["new", str(tmp_path / "notes.txt"), "--title", "Renal physiology"]) == 2
    assert "is not a directory" in capsys.readouterr().err


def test_an_empty_directory_is_used(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", str(tmp_path), "--title", "Renal physiology"]) == 0
    assert _files(tmp_path) == EXPECTED_FILES


def test_an_editor_creates_and_builds_a_site_with_make(tmp_path: Path) -> None:
    """What an editor types, in a fresh process. VENV points the Makefile at this test run's environment, which
    already has studykit, so nothing is installed (fast and offline)."""
    venv = Path(sys.executable).parent.parent  # this interpreter's environment (not resolved: it may be a link)
    studykit = venv / "bin" / "studykit"
    if shutil.which("make") is None:
        unavailable("needs make")
    if not (studykit.is_file() and (venv / "bin" / "python").exists()):
        unavailable("not running in a virtual environment with the studykit console script")
    new = subprocess.run(
        [str(studykit), "new", "renal-physiology", "--title", "Renal physiology"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert new.returncode == 0, new.stderr
    site = tmp_path / "renal-physiology"
    for target in ("site", "check"):
        made = subprocess.run(
            ["make", target, f"STUDYKIT={ROOT}", f"VENV={venv}"],
            cwd=site,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert made.returncode == 0, made.stdout + made.stderr
        assert "0 errors, 0 warnings" in made.stderr
        assert "pip" not in made.stdout + made.stderr  # the environment already had studykit
    assert "<h1>Renal physiology</h1>" in (site / "site" / "index.html").read_text(encoding="utf-8")
    assert not (site / ".venv").exists()


@pytest.mark.parametrize(
    ("title", "page_title"),
    [('The "gate" theory', "The “gate” theory"), ('one " left', "one “ left"), ("none", "none")],
)
def test_straight_double_quotes_become_typographic_in_page_titles(title: str, page_title: str) -> None:
    assert curly_quotes(title) == page_title


def test_a_title_that_only_looks_like_code_is_plain_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    assert main(["new", str(site), "--title", "JavaScript: basics & onload=tips"]) == 0
    assert main(["--root", str(site), "check", "--strict"]) == 0, capsys.readouterr().out
