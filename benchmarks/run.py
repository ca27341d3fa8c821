#!/usr/bin/env python3
"""`make bench`: how long checking and building take, and what hostile input costs.

Numbers go to stdout as a table; record notable ones in benchmarks/README.md. Nothing here is asserted by the
test suite: timings depend on the machine.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from studykit.pipeline import build_project, check_project, render_unchecked  # noqa: E402
from studykit.sources.yamlsource import parse_yaml  # noqa: E402


def timed(action: Callable[[], object], repeat: int = 3) -> tuple[float, float]:
    """(best seconds over `repeat` untraced runs, peak MiB of Python allocations in one traced run)."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - started)
    tracemalloc.start()
    action()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return best, peak / 2**20


def synthetic_corpus(folder: Path, pages: int) -> Path:
    """A project of `pages` pages with links, citations and headings, plus a glossary and quizzes."""
    (folder / "content").mkdir(parents=True)
    (folder / "glossary").mkdir()
    (folder / "quizzes").mkdir()
    (folder / "mkdocs.yml").write_text("site_name: bench\n")
    for number in range(pages):
        nxt = (number + 1) % pages
        body = "\n\n".join(
            f"## Section {s}\n\nSome text about topic {number} with a "
            f"[link](page-{nxt}.md#section-{s}) [@ref-{number}]."
            for s in range(8)
        )
        (folder / "content" / f"page-{number}.md").write_text(
            f"---\nid: page-{number}\ntitle: Page {number}\ndescription: Page {number}.\n"
            f"references:\n  - id: ref-{number}\n    text: A reference.\n---\n\n{body}\n"
        )
    terms = "".join(f"- term: Topic {n}\n  short: Topic {n}.\n  definition: Topic {n}.\n" for n in range(200))
    (folder / "glossary" / "terms.yml").write_text(terms)
    return folder


def plain_material_copy(folder: Path) -> Path:
    """The same Markdown and theme without studykit's extensions and hook: the baseline for its rendering cost."""
    shutil.copytree(ROOT, folder, ignore=shutil.ignore_patterns(".venv", "site", ".git", "tests", ".site-*"))
    lines = (folder / "mkdocs.yml").read_text(encoding="utf-8").split("\n")
    kept = [line for line in lines if line.strip() not in ("- studykit.glossary", "- studykit.quiz", "- studykit")]
    (folder / "mkdocs.yml").write_text("\n".join(kept), encoding="utf-8")
    for page in (folder / "content").rglob("*.md"):  # without our hook MkDocs would read `template:` as a file
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r"(?m)^template: .*\n", "", text, count=1), encoding="utf-8")
    return folder


def main() -> int:
    rows: list[tuple[str, str, str]] = []
    seconds, mib = timed(lambda: check_project(ROOT))
    rows.append(("check, shipped site", f"{seconds:.2f} s", f"{mib:.0f} MiB"))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "site"
        started = time.perf_counter()
        result = build_project(ROOT, out)
        build_seconds = time.perf_counter() - started
        rows.append(("full build, shipped site", f"{build_seconds:.2f} s", "ok" if result.built else "FAILED"))
        rows.append(("check / build", f"{seconds / build_seconds:.0%}", ""))
        plain = plain_material_copy(Path(tmp) / "plain")
        for project in (ROOT, plain):
            problems = render_unchecked(project, Path(tmp) / "probe")
            assert not problems, [d.text() for d in problems]  # a failed build is no baseline
        ours, _ = timed(lambda: render_unchecked(ROOT, Path(tmp) / "ours"), repeat=3)
        theirs, _ = timed(lambda: render_unchecked(plain, Path(tmp) / "theirs"), repeat=3)
        rows.append(("MkDocs render, with studykit", f"{ours:.2f} s", ""))
        rows.append(("MkDocs render, plain Material", f"{theirs:.2f} s", ""))
        rows.append(("studykit's share of rendering", f"{ours / theirs - 1:+.0%}", ""))
        corpus = synthetic_corpus(Path(tmp) / "corpus", 1000)
        seconds, mib = timed(lambda: check_project(corpus), repeat=1)
        rows.append(("check, 1,000 synthetic pages", f"{seconds:.2f} s", f"{mib:.0f} MiB"))
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    hostile = {
        "alias bomb": bomb,
        "10,000-deep nesting": "x: " + "[" * 10_000 + "]" * 10_000,
        "20 MB text": "a: " + "x" * 20_000_000,
    }
    for name, text in hostile.items():
        seconds, mib = timed(lambda text=text: parse_yaml(text, "hostile.yml"))
        rows.append((f"reject {name}", f"{seconds * 1000:.1f} ms", f"{mib:.1f} MiB"))
    width = max(len(r[0]) for r in rows)
    print(f"{'benchmark':{width}}  {'time':>10}  {'memory/status':>13}")
    for name, value, extra in rows:
        print(f"{name:{width}}  {value:>10}  {extra:>13}")
    glossary = ROOT / "benchmarks" / "glossary_bench.py"
    if glossary.is_file():
        print()
        return subprocess.call([sys.executable, str(glossary)])
    shutil.rmtree(ROOT / "benchmarks" / "__pycache__", ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
