"""The optional MkDocs plugin: `mkdocs build` and `mkdocs serve` called directly still check and generate."""

from __future__ import annotations

import logging
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from studykit.mkdocs.plugin import STAGE_DIR, StudykitPlugin
from studykit.serve import serve

from .helpers import copy_site


def _mkdocs(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_mkdocs_build_with_the_plugin_renders_the_furniture(tmp_path: Path) -> None:
    project = copy_site("minimal", tmp_path)
    result = _mkdocs(project)
    assert result.returncode == 0, result.stderr
    html = (project / "site" / "topics" / "alpha" / "index.html").read_text(encoding="utf-8")
    assert '<li id="ref-smith-2020">' in html and 'id="check-your-understanding"' in html
    assert "studykit-page" not in html  # the page marker is consumed, never published
    assert (project / STAGE_DIR / "docs" / "assets" / "studykit" / "quiz.js").is_file()


def test_mkdocs_build_reports_problems_with_file_line_and_column(tmp_path: Path) -> None:
    project = copy_site("minimal", tmp_path)
    page = project / "content" / "topics" / "alpha.md"
    page.write_text(page.read_text(encoding="utf-8").replace("(../index.md)", "(../indx.md)"), encoding="utf-8")
    result = _mkdocs(project)
    assert result.returncode == 1  # mkdocs.yml says strict: true
    assert "content/topics/alpha.md:18:65: error: link target '../indx.md' does not exist" in result.stderr


def test_serve_says_no_problems_once_a_fix_clears_them(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    from mkdocs.config import load_config

    project = copy_site("minimal", tmp_path)
    page = project / "content" / "topics" / "alpha.md"
    good = page.read_text(encoding="utf-8")
    plugin = load_config(str(project / "mkdocs.yml")).plugins["studykit"]
    assert isinstance(plugin, StudykitPlugin)
    plugin.on_startup(command="serve", dirty=False)
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.studykit")
    page.write_text(good.replace("[@smith-2020]", "[@smith-2021]"), encoding="utf-8")
    plugin.on_config(load_config(str(project / "mkdocs.yml")))
    assert any("[cite.unknown]" in r.getMessage() for r in caplog.records)
    caplog.clear()
    page.write_text(good, encoding="utf-8")
    config = plugin.on_config(load_config(str(project / "mkdocs.yml")))
    assert [r.getMessage() for r in caplog.records] == ["studykit: no problems"]
    assert Path(config["docs_dir"]) == project / STAGE_DIR / "docs"


def test_serve_reports_a_busy_port_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = copy_site("minimal", tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert serve(project, port=port) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"error: port {port} is already in use; stop the other server or pass --port {port + 1}"
    ]
