#!/usr/bin/env python3
"""`make bench`: what studykit costs next to plain Material and next to peer plugins doing the same job.

One run generates the corpora (corpus.py) into a temporary folder, then builds every variant on every corpus in
a child process (variant.py), round-robin and `--repeat` times, and writes benchmarks/RESULTS.md (report.py):
medians of CPU time, wall time and peak memory per build, page and search-index sizes, the feature assets'
gzipped size, studykit's per-step times, and the headline ratios. It also prints the headline table.

CPU time and peak memory come from `os.wait4` on each child: the same counters as a RUSAGE_CHILDREN delta, but for
that child alone (RUSAGE_CHILDREN's ru_maxrss is the largest of all children so far, not this build's), and they
include the child's own children (Zensical runs in one). Timings depend on the machine: nothing here is asserted
by the test suite, which only runs a tiny corpus to show the harness works (tests/test_benchmarks.py).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import Spec, write_corpora  # noqa: E402
from report import Cell, Report  # noqa: E402
from variant import VARIANTS  # noqa: E402

SOURCE = {  # which of the three written projects each variant builds
    "plain": "plain",
    "peers": "peers",
    "studykit-mkdocs": "studykit",
    "studykit-zensical": "studykit",
    "check": "studykit",
}
BIG_GLOSSARY_VARIANTS = ("peers", "studykit-mkdocs", "check")
"""Built on the large-glossary corpus: plain Material has no glossary, and Zensical renders the same pages as
MkDocs there, so their large-glossary builds would repeat the usual-glossary ones at the cost of minutes."""


def arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--pages", default="100,400,1000", help="comma-separated corpus sizes (default %(default)s)")
    parser.add_argument("--terms", type=int, default=500, help="glossary size of every corpus (default %(default)s)")
    parser.add_argument(
        "--big-terms", type=int, default=5000, help="a second glossary size, at the middle page count (0: none)"
    )
    parser.add_argument("--repeat", type=int, default=2, help="runs of each build; medians are reported")
    parser.add_argument("--variants", default=",".join(VARIANTS), help="comma-separated subset of the variants")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md", help="where to write the report")
    parser.add_argument("--skip-extras", action="store_true", help="skip the YAML and glossary-linking extras")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds one build may take")
    return parser.parse_args(argv)


def load_average() -> str:
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except OSError:
        return "n/a"


def run_child(variant: str, project: Path, out: Path, log: Path, timeout: float) -> tuple[dict[str, Any], float]:
    """Build once in a child process; returns (its JSON plus cpu/rss/status, wall seconds)."""
    report = out.with_suffix(".json")
    command = [sys.executable, str(HERE / "variant.py"), variant, str(project), str(out), str(report)]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    started = time.perf_counter()
    with log.open("ab") as sink:
        child = subprocess.Popen(
            command, cwd=project.parent, stdout=sink, stderr=sink, stdin=subprocess.DEVNULL, env=env
        )
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                child.kill()
                pid, status, usage = os.wait4(child.pid, 0)
                break
            time.sleep(0.02)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, so Popen must not wait for it again
    try:
        data: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {"built": False, "errors": [f"no report (exit status {child.returncode}; see the log)"]}
    data["cpu"] = usage.ru_utime + usage.ru_stime
    data["rss"] = usage.ru_maxrss * 1024  # kilobytes on Linux
    data["status"] = child.returncode
    return data, wall


def weigh(cell: Cell, out: Path, pages: list[str]) -> None:
    """Output sizes, from one build: topic-page HTML, search index, whole site."""
    if not out.is_dir():
        return
    sizes = [(out / rel).stat().st_size for rel in pages if (out / rel).is_file()]
    cell.html_per_page = sum(sizes) / len(sizes) if sizes else None
    pages_built = sum(1 for _ in out.rglob("index.html"))
    index = next((p for p in (out / "search" / "search_index.json", out / "search.json") if p.is_file()), None)
    cell.search_per_page = index.stat().st_size / pages_built if index and pages_built else None
    cell.site_bytes = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())


def topic_pages(project: Path) -> list[str]:
    """Output paths of the generated topic pages (directory URLs), the same in every variant."""
    return sorted(
        p.relative_to(project / "content").with_suffix("").as_posix() + "/index.html"
        for p in (project / "content").glob("s*/p*.md")
    )


def hostile_yaml_rows() -> list[str]:
    """Time to refuse hostile YAML (an alias bomb, deep nesting, a huge text): should stay in milliseconds."""
    sys.path.insert(0, str(ROOT))
    from studykit.sources.yamlsource import parse_yaml

    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    hostile = {
        "alias bomb": bomb,
        "10,000-deep nesting": "x: " + "[" * 10_000 + "]" * 10_000,
        "20 MB text": "a: " + "x" * 20_000_000,
    }
    rows = ["| hostile YAML | best of 3 |", "|---|---|"]
    for name, text in hostile.items():
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            parse_yaml(text, "hostile.yml")
            best = min(best, time.perf_counter() - started)
        rows.append(f"| reject {name} | {best * 1000:.1f} ms |")
    return rows


def glossary_bench() -> tuple[int, list[str]]:
    done = subprocess.run([sys.executable, str(HERE / "glossary_bench.py")], capture_output=True, text=True)
    return done.returncode, ["Glossary linking (`glossary_bench.py`):", "", "```", done.stdout.strip(), "```"]


def main(argv: list[str]) -> int:
    args = arguments(argv)
    sizes = [int(part) for part in args.pages.split(",") if part.strip()]
    variants = [v for v in args.variants.split(",") if v]
    unknown = set(variants) - set(VARIANTS)
    if unknown or not sizes or args.repeat < 1:
        print(f"bad arguments: unknown variants {sorted(unknown)}" if unknown else "bad arguments", file=sys.stderr)
        return 2
    specs = [Spec(pages, args.terms) for pages in sizes]
    if args.big_terms:
        specs.append(Spec(sorted(sizes)[len(sizes) // 2], args.big_terms))
    started_at = time.strftime("%Y-%m-%d %H:%M")
    started = time.perf_counter()
    load_before = load_average()
    cells: dict[tuple[str, str], Cell] = {}
    failed = False
    extras: list[str] = []
    if not args.skip_extras:
        extras += hostile_yaml_rows() + [""]
        code, lines = glossary_bench()
        extras += lines
        failed = code != 0

    def report(rounds: int) -> Report:
        """The report so far: written after every round, so an interrupted run still leaves its medians."""
        result = Report(
            corpora=[(spec.name, spec.pages, spec.terms) for spec in specs],
            variants=variants,
            cells=cells,
            repeat=rounds,
            started=started_at,
            minutes=(time.perf_counter() - started) / 60,
            load=(load_before, load_average()),
            extras=extras,
        )
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(result.markdown(), encoding="utf-8")
        return result

    with tempfile.TemporaryDirectory(prefix="studykit-bench-") as tmp:
        folder = Path(tmp)
        log = folder / "builds.log"
        corpora = {}
        for spec in specs:
            corpora[spec.name] = write_corpora(spec, folder / spec.name)
            print(f"wrote corpus {spec.name}", flush=True)
        for round_number in range(args.repeat):
            for spec in specs:
                projects = corpora[spec.name]
                pages = topic_pages(projects.plain)
                big = spec.terms != args.terms
                for variant in variants:
                    if big and variant not in BIG_GLOSSARY_VARIANTS:
                        continue
                    project = getattr(projects, SOURCE[variant])
                    out = folder / spec.name / f"out-{variant}"
                    data, wall = run_child(variant, project, out, log, args.timeout)
                    failed = record(cells.setdefault((spec.name, variant), Cell()), data, wall, out, pages) or failed
                    shutil.rmtree(out, ignore_errors=True)
                    print(
                        f"round {round_number + 1}/{args.repeat} {spec.name:>12} {variant:<18} "
                        f"cpu {data['cpu']:7.2f} s  wall {wall:7.2f} s  "
                        f"rss {data['rss'] / 2**20:5.0f} MiB  {'ok' if data.get('built') else 'FAILED'}",
                        flush=True,
                    )
            final = report(round_number + 1)
        if failed:
            tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
            print(f"some builds failed; the end of the build log:\n{tail}", file=sys.stderr)
    width = max(len(row[0]) for row in final.headline())
    print()
    for name, value in final.headline():
        print(f"{name:<{width}}  {value}")
    print(f"\nwrote {args.out}")
    return 1 if failed else 0


def record(cell: Cell, data: dict[str, Any], wall: float, out: Path, pages: list[str]) -> bool:
    """Add one build to its cell (sizes from its first successful build); True if it failed."""
    if not data.get("built"):
        errors = data.get("errors") or [f"exit status {data.get('status')}"]
        cell.failures.append(f"FAILED: {errors[0]}")
        return True
    first = not cell.cpu
    cell.cpu.append(float(data["cpu"]))
    cell.wall.append(wall)
    cell.rss.append(int(data["rss"]))
    if isinstance(data.get("stages"), dict) and "seconds" in data:
        cell.stages.append({k: float(v) for k, v in data["stages"].items()})
        cell.seconds.append(float(data["seconds"]))
    if first and "assets_gz" in data:
        cell.assets_gz = int(data["assets_gz"])
        weigh(cell, out, pages)
    return False


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
