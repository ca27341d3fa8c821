"""The output folder: one build at a time, leftovers of killed builds removed, OS errors as diagnostics, the
user's umask kept, and the swap itself (atomic exchange, or two renames where the system has no exchange)."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import studykit.pipeline
import studykit.swap
from studykit.pipeline import build_project
from studykit.swap import BuildLocked, build_lock, swap

from .helpers import ROOT, copy_site, run_cli, unavailable


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith((".site-new-", ".site-old-")))


def test_leftovers_of_killed_builds_are_removed_and_others_kept(tmp_path: Path) -> None:
    project = copy_site("minimal", tmp_path)
    for name in (".site-new-site-abc123", ".site-old-site-1700000000", ".site-new-other-xyz"):
        (project / name / "site").mkdir(parents=True)
        (project / name / "site" / "index.html").write_text("stale", encoding="utf-8")
    result = build_project(project)
    assert result.built, [d.text() for d in result.diagnostics]
    assert _leftovers(project) == [".site-new-other-xyz"]  # another output folder's build: not ours to remove


def test_a_second_build_of_the_same_output_stops_with_one_line(tmp_path: Path) -> None:
    project = copy_site("minimal", tmp_path)
    site = project / "site"
    with build_lock(site):
        with pytest.raises(BuildLocked, match="another build is running"):
            build_project(project, site)
        completed = run_cli("--root", str(project), "build")
    assert completed.returncode == 2
    assert completed.stdout == ""
    assert len(completed.stderr.splitlines()) == 1
    assert completed.stderr.startswith("error: another build is running")
    assert not site.exists()
    assert build_project(project, site).built  # the lock is released with its holder


def test_a_build_killed_midway_leaves_leftovers_the_next_build_removes(tmp_path: Path) -> None:
    project = copy_site("minimal", tmp_path)
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "build_site.py"), "--root", str(project), "build"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=tmp_path,
    )
    try:
        deadline = time.monotonic() + 120
        while not _leftovers(project) and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        assert _leftovers(project), "the build never created its staging folder"
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL
    assert _leftovers(project)
    assert not (project / "site").exists()
    result = build_project(project)
    assert result.built, [d.text() for d in result.diagnostics]
    assert _leftovers(project) == []
    assert (project / "site" / "index.html").is_file()


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EBUSY, errno.EACCES])
def test_an_os_error_while_rendering_is_a_diagnostic_and_keeps_the_old_site(
    code: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mkdocs.utils

    project = copy_site("minimal", tmp_path)
    assert build_project(project).built
    before = (project / "site" / "index.html").read_bytes()

    def failing(data: bytes, path: str) -> None:
        raise OSError(code, os.strerror(code), path)

    monkeypatch.setattr(mkdocs.utils, "write_file", failing)
    result = build_project(project)
    assert not result.built
    texts = [d.text() for d in result.diagnostics]
    assert [d.code.value for d in result.diagnostics] == ["build.output"], texts
    assert texts[0].startswith(f"site:1:1: error: cannot write the site: {os.strerror(code)}")
    assert (project / "site" / "index.html").read_bytes() == before
    assert _leftovers(project) == []


def test_an_os_error_while_swapping_is_a_diagnostic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_site("minimal", tmp_path)

    def busy(new: Path, site: Path) -> None:
        raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(site))

    monkeypatch.setattr(studykit.pipeline, "swap", busy)
    result = build_project(project)
    assert not result.built
    assert [d.code.value for d in result.diagnostics] == ["build.output"]
    assert _leftovers(project) == []


@pytest.fixture
def umask_027() -> Iterator[None]:
    previous = os.umask(0o027)
    try:
        yield
    finally:
        os.umask(previous)


@pytest.mark.usefixtures("umask_027")
def test_the_output_keeps_the_users_umask_throughout(tmp_path: Path) -> None:
    project = copy_site("minimal", tmp_path)
    assert build_project(project).built
    site = project / "site"
    modes = {stat.S_IMODE(p.stat().st_mode) for p in [site, *site.rglob("*")] if p.is_dir()}
    assert modes == {0o750}
    modes = {stat.S_IMODE(p.stat().st_mode) for p in site.rglob("*") if p.is_file()}
    assert modes == {0o640}


def _tree(path: Path) -> dict[str, str]:
    return {p.relative_to(path).as_posix(): p.read_text() for p in path.rglob("*") if p.is_file()}


@pytest.mark.parametrize("exchange", [True, False], ids=["exchange", "two-renames"])
def test_swap_puts_the_new_tree_in_place_and_deletes_the_old(
    exchange: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exchanged: list[bool] = []
    real_exchange = studykit.swap._exchange

    def recording(first: Path, second: Path) -> bool:
        exchanged.append(real_exchange(first, second) if exchange else False)
        return exchanged[-1]

    monkeypatch.setattr(studykit.swap, "_exchange", recording)
    site, new = tmp_path / "site", tmp_path / "work" / "site"
    (site / "old").mkdir(parents=True)
    (site / "old" / "page.html").write_text("old")
    (new / "new").mkdir(parents=True)
    (new / "new" / "page.html").write_text("new")
    swap(new, site)
    if exchange and exchanged != [True]:
        unavailable("this system or file system has no renameat2(RENAME_EXCHANGE); the fallback is tested")
    assert _tree(site) == {"new/page.html": "new"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "work"]
    assert list((tmp_path / "work").iterdir()) == []
