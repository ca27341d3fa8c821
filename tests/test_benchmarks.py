"""`make bench` on a tiny corpus: the harness builds every variant and reports each one. No timing is asserted."""

from __future__ import annotations

import filecmp
import subprocess
import sys
from pathlib import Path

from studykit.pipeline import build_project

from .helpers import ROOT, copy_site

BENCH = ROOT / "benchmarks"
sys.path.insert(0, str(BENCH))

from corpus import Spec, write_corpora  # noqa: E402
from report import LABELS, Cell, Report  # noqa: E402


def test_tiny_benchmark_builds_every_variant_and_reports_each(tmp_path: Path) -> None:
    out = tmp_path / "RESULTS.md"
    command = [sys.executable, str(BENCH / "run.py"), "--pages", "3", "--terms", "30", "--big-terms", "0"]
    done = subprocess.run(
        [*command, "--repeat", "1", "--skip-extras", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    report = out.read_text(encoding="utf-8")
    rows = [line for line in report.splitlines() if line.startswith("| 3p-30t |")]
    for label in LABELS.values():
        row = next((r for r in rows if r.startswith(f"| 3p-30t | {label} |")), None)
        assert row is not None, f"no row for {label}"
        assert row.endswith("| ok |"), row
    assert "| cores | " in report and "mkdocs-quiz 1.7.1" in report
    assert "studykit's own steps in a studykit build (MkDocs), 3p-30t" in report


def test_corpora_are_the_same_bytes_from_the_same_seed_and_share_their_pages(tmp_path: Path) -> None:
    spec = Spec(pages=4, terms=12, words=200, mentions=3, questions=2)
    first, second = write_corpora(spec, tmp_path / "a"), write_corpora(spec, tmp_path / "b")
    compared = filecmp.dircmp(first.studykit, second.studykit)
    assert not compared.diff_files and not compared.left_only and not compared.right_only
    plain = (first.plain / "content" / "s01" / "p0002.md").read_text(encoding="utf-8")
    peers = (first.peers / "content" / "s01" / "p0002.md").read_text(encoding="utf-8")
    ours = (first.studykit / "content" / "s01" / "p0002.md").read_text(encoding="utf-8")
    assert peers.count("<quiz>") == 2 and peers.count("<g:") == 3  # the same job, in the peers' syntax
    assert "<g:" not in plain and "<quiz>" not in plain
    heading = ours.index("## Overview")
    assert plain[plain.index("## Overview") :] == ours[heading:].replace(" [@bench-2020]", "")


def test_headline_compares_per_page_cost_and_flags_a_missed_target() -> None:
    cells = {
        ("10p", "plain"): Cell(cpu=[1.0, 3.0, 2.0]),
        ("100p", "plain"): Cell(cpu=[20.0]),
        ("10p", "studykit-mkdocs"): Cell(cpu=[4.0]),
        ("100p", "studykit-mkdocs"): Cell(cpu=[60.0]),
    }
    report = Report([("10p", 10, 5), ("100p", 100, 5)], ["plain", "studykit-mkdocs"], cells, 3, "now", 1.0, ("0", "0"))
    rows = dict(report.headline())
    assert rows["studykit build (MkDocs) / plain Material, 100p"] == "3.00x"
    assert rows["CPU per page, plain Material: 100p / 10p"] == "1.00x"  # median of 1, 3, 2 is 2 s for 10 pages
    assert rows["CPU per page, studykit build (MkDocs): 100p / 10p"] == "1.50x (target <= 1.2x: missed)"


def test_a_build_times_each_of_its_steps(tmp_path: Path) -> None:
    result = build_project(copy_site("minimal", tmp_path), tmp_path / "out")
    assert result.built, [d.text() for d in result.diagnostics]
    assert list(result.stages) == ["check", "generate", "render", "postprocess", "swap"]
    assert all(seconds >= 0 for seconds in result.stages.values())
    assert sum(result.stages.values()) <= result.seconds
