"""Reproducible builds: two builds of the same sources, in two checkouts, by two interpreters with different hash
seeds, give byte-identical trees once SOURCE_DATE_EPOCH is fixed; without it only the files that must hold a time
(TIME_FILES, listed in docs/architecture.md) may differ.

Builds run as `build_site.py` subprocesses, side by side, so set and dict ordering under different
PYTHONHASHSEED values is covered too.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import ROOT, copy_project, copy_site, tree_digest

TIME_FILES = ("sitemap.xml", "sitemap.xml.gz")  # MkDocs: <lastmod> dates, and the gzip header's mtime
SITE_URL = "https://example.invalid/guide/"  # with a site URL, the sitemap lists pages with their dates


def _build_all(builds: list[tuple[Path, Path, str, str]], engine: str) -> list[dict[str, str]]:
    """Run each (project, output, hash seed, SOURCE_DATE_EPOCH) build at once; the digest of each output."""
    processes = []
    for project, out, seed, epoch in builds:
        env = dict(os.environ, PYTHONHASHSEED=seed, SOURCE_DATE_EPOCH=epoch, SITE_URL=SITE_URL)
        command = [sys.executable, str(ROOT / "build_site.py"), "--root", str(project), "build", "--engine", engine]
        command += ["--site-dir", str(out)]
        processes.append(subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT))
    for process in processes:
        output, _ = process.communicate(timeout=600)
        assert process.returncode == 0, output.decode(errors="replace")
    return [tree_digest(out) for _project, out, _seed, _epoch in builds]


def test_the_shipped_site_builds_byte_identical_with_a_fixed_source_date(tmp_path: Path) -> None:
    """Two checkouts, two hash seeds, one SOURCE_DATE_EPOCH: every file identical, sitemap dates included."""
    first, second = copy_project(tmp_path / "a"), copy_project(tmp_path / "b")
    builds = [
        (first, tmp_path / "out-a" / "site", "1", "1700000000"),
        (second, tmp_path / "out-b" / "site", "2", "1700000000"),
    ]
    one, two = _build_all(builds, "mkdocs")
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []
    assert "sitemap.xml" in one and "search/search_index.json" in one


def _fixture_with_site_url(tmp_path: Path) -> Path:
    project = copy_site("glossary", tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(f"site_url: {SITE_URL}\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    return project


@pytest.mark.parametrize(("engine", "follows_the_date"), [("mkdocs", TIME_FILES), ("zensical", ())])
def test_only_the_files_that_hold_a_time_follow_the_source_date(
    engine: str, follows_the_date: tuple[str, ...], tmp_path: Path
) -> None:
    """Two checkouts, two seeds, two dates: only the sitemap differs (Zensical's carries no dates)."""
    first, second = _fixture_with_site_url(tmp_path / "a"), _fixture_with_site_url(tmp_path / "b")
    builds = [
        (first, tmp_path / "out-a" / "site", "3", "1700000000"),
        (second, tmp_path / "out-b" / "site", "4", "1800000000"),
    ]
    one, two = _build_all(builds, engine)
    assert sorted(one) == sorted(two)
    assert sorted(name for name in one if one[name] != two[name]) == sorted(follows_the_date)
