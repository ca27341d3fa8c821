"""build_site.py: exit codes, output formats and the atomic build, driven as an editor would drive it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .helpers import copy_site, run_cli, run_cli_subprocess, tree_digest


def test_check_on_a_clean_project_exits_0(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    result = run_cli("--root", str(site), "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert "0 errors, 0 warnings" in result.stderr


def test_check_reports_a_broken_link_with_file_line_and_column(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    page = site / "content" / "topics" / "alpha.md"
    page.write_text(page.read_text().replace("(../index.md)", "(../indx.md)"))
    result = run_cli("--root", str(site), "check")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "content/topics/alpha.md:18:65: error: link target '../indx.md' does not exist; "
        "did you mean '../index.md'? [link.missing-page]"
    ]


def test_warnings_fail_only_under_strict(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    page = site / "content" / "topics" / "alpha.md"
    page.write_text(page.read_text().replace("[@smith-2020]", ""))
    assert run_cli("--root", str(site), "check").returncode == 0
    strict = run_cli("--root", str(site), "check", "--strict")
    assert strict.returncode == 1
    assert "[ref.unused]" in strict.stdout


def test_json_and_github_formats(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    page = site / "content" / "topics" / "alpha.md"
    page.write_text(page.read_text().replace("[@smith-2020]", "[@smith-2021]"))
    as_json = json.loads(run_cli("--root", str(site), "check", "--format", "json").stdout)
    assert as_json["summary"]["errors"] == 1
    (diagnostic,) = [d for d in as_json["diagnostics"] if d["severity"] == "error"]
    assert diagnostic == {
        "path": "content/topics/alpha.md",
        "line": 18,
        "column": 21,
        "severity": "error",
        "code": "cite.unknown",
        "message": "citation '@smith-2021' names no record in references/; add one there or fix the id; "
        "did you mean 'smith-2020'?",
    }
    github = run_cli("--root", str(site), "check", "--format", "github").stdout.splitlines()
    assert github == [
        "::error file=content/topics/alpha.md,line=18,col=21,title=cite.unknown::"
        "citation '@smith-2021' names no record in references/; add one there or fix the id; "
        "did you mean 'smith-2020'? [cite.unknown]",
        "::warning file=references/books.yml,line=1,col=7,title=ref.unused::"
        "reference 'smith-2020' is cited by no page; cite it as [@smith-2020] or delete the record [ref.unused]",
    ]


def test_usage_and_environment_errors_exit_2(tmp_path: Path) -> None:
    assert run_cli("frobnicate").returncode == 2
    empty = run_cli("--root", str(tmp_path), "check")
    assert empty.returncode == 2
    assert "no mkdocs.yml" in empty.stderr
    assert "Traceback" not in empty.stderr


def test_build_writes_the_site_and_a_failed_build_leaves_it_untouched(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    first = run_cli("--root", str(site), "build")
    assert first.returncode == 0, first.stdout + first.stderr
    assert (site / "site" / "index.html").is_file()
    assert (site / "site" / "topics" / "alpha" / "index.html").is_file()
    assert "built" in first.stderr and "2 pages" in first.stderr
    before = tree_digest(site / "site")

    page = site / "content" / "topics" / "alpha.md"
    page.write_text(page.read_text().replace("(../index.md)", "(../missing.md)"))
    failed = run_cli("--root", str(site), "build")
    assert failed.returncode == 1
    assert "[link.missing-page]" in failed.stdout
    assert "site/ left unchanged" in failed.stderr
    assert tree_digest(site / "site") == before
    assert not list(site.glob(".site-*")), "a staging directory was left behind"


def test_a_renderer_failure_is_a_diagnostic_not_a_traceback(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    config = site / "mkdocs.yml"
    config.write_text(config.read_text().replace("name: material", "name: no-such-theme"))
    result = run_cli("--root", str(site), "build")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "mkdocs.yml:1:1: error:" in result.stdout and "[build.mkdocs]" in result.stdout


def test_the_entry_point_runs_in_a_fresh_interpreter(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    result = run_cli_subprocess("--root", str(site), "check", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["summary"]["pages"] == 2
    broken = run_cli_subprocess("--root", str(tmp_path / "nowhere"), "check")
    assert broken.returncode == 2 and "Traceback" not in broken.stderr


def test_build_reports_in_the_github_format_too(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    page = site / "content" / "topics" / "alpha.md"
    page.write_text(page.read_text().replace("(../index.md)", "(../indx.md)"))
    result = run_cli("--root", str(site), "build", "--format", "github")
    assert result.returncode == 1
    assert result.stdout.startswith("::error file=content/topics/alpha.md,line=18,col=65,title=link.missing-page::")


def test_an_unexpected_failure_is_one_line_not_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import studykit.pipeline

    def explode(root: Path) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(studykit.pipeline, "check_project", explode)
    result = run_cli("--root", str(copy_site("minimal", tmp_path)), "check")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "error: studykit failed unexpectedly (RuntimeError: disk on fire); please report this"
    ]
