"""RESULTS.md for `make bench`: the machine, one table per measure, and the headline ratios.

Everything here is arithmetic on medians that `run.py` collected; nothing is measured in this module.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

PACKAGES = (
    "mkdocs",
    "mkdocs-material",
    "zensical",
    "mkdocs-ezglossary-plugin",
    "mkdocs-quiz",
    "Markdown",
    "pymdown-extensions",
    "PyYAML",
    "pydantic",
)
LABELS = {
    "plain": "plain Material",
    "peers": "Material + ezglossary + mkdocs-quiz",
    "studykit-mkdocs": "studykit build (MkDocs)",
    "studykit-zensical": "studykit build (Zensical)",
    "check": "studykit check alone",
}
OWN_STEPS = ("check", "generate", "postprocess")
PER_PAGE_TARGET = 1.2


@dataclass
class Cell:
    """Every repeat of one variant on one corpus, plus what its output weighed (from the first repeat)."""

    cpu: list[float] = field(default_factory=list)  # user + system seconds of the child and its children
    wall: list[float] = field(default_factory=list)
    rss: list[int] = field(default_factory=list)  # peak resident set, bytes
    stages: list[dict[str, float]] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)  # BuildResult.seconds (studykit builds)
    failures: list[str] = field(default_factory=list)
    html_per_page: float | None = None
    search_per_page: float | None = None
    site_bytes: int | None = None
    assets_gz: int | None = None

    def median(self, name: str) -> float:
        values = getattr(self, name)
        return statistics.median(values) if values else float("nan")

    def share(self, step: str) -> float:
        """Median share of `step` in the build's own wall time."""
        shares = [s.get(step, 0.0) / total for s, total in zip(self.stages, self.seconds, strict=False) if total]
        return statistics.median(shares) if shares else float("nan")


def machine() -> list[tuple[str, str]]:
    cpu = "unknown"
    memory = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 2**20:.1f} GiB"
                break
    except OSError:
        pass
    versions = []
    for name in PACKAGES:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} (not installed)")
    return [
        ("CPU", cpu),
        ("cores", str(os.cpu_count())),
        ("RAM", memory),
        ("OS", f"{platform.system()} {platform.release()}"),
        ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
        ("packages", ", ".join(versions)),
        ("studykit", git_revision()),
    ]


def git_revision() -> str:
    root = Path(__file__).resolve().parent.parent
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain"], cwd=root, capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{head} (uncommitted changes)" if dirty.strip() else head


def table(head: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return out


def fmt(value: float | None, spec: str, unit: str = "") -> str:
    if value is None or value != value:  # NaN: not measured
        return "n/a"
    return f"{value:{spec}}{unit}"


def ratio(a: float, b: float) -> float:
    return a / b if b and a == a and b == b else float("nan")


@dataclass
class Report:
    corpora: list[tuple[str, int, int]]  # (name, pages, terms), in run order
    variants: list[str]
    cells: dict[tuple[str, str], Cell]
    repeat: int
    started: str
    minutes: float
    load: tuple[str, str]  # load average before and after
    extras: list[str] = field(default_factory=list)

    def cell(self, corpus: str, variant: str) -> Cell:
        return self.cells.get((corpus, variant), Cell())

    def pages(self, corpus: str) -> int:
        return next(p for name, p, _ in self.corpora if name == corpus)

    def main_corpora(self) -> list[str]:
        """The corpora with the usual glossary size, smallest first: the cost-per-page comparison."""
        usual = self.corpora[0][2]
        return sorted((name for name, _, terms in self.corpora if terms == usual), key=self.pages)

    def headline(self) -> list[list[str]]:
        sizes = self.main_corpora()
        small, large = sizes[0], sizes[-1]
        rows: list[list[str]] = []

        def cpu(corpus: str, variant: str) -> float:
            return self.cell(corpus, variant).median("cpu")

        for engine in ("studykit-mkdocs", "studykit-zensical"):
            label = LABELS[engine]
            rows.append(
                [f"{label} / plain Material, {large}", fmt(ratio(cpu(large, engine), cpu(large, "plain")), ".2f", "x")]
            )
            rows.append(
                [f"{label} / peer plugins, {large}", fmt(ratio(cpu(large, engine), cpu(large, "peers")), ".2f", "x")]
            )
        for engine in ("studykit-mkdocs", "studykit-zensical"):
            cell = self.cell(large, engine)
            shares = [cell.share(step) for step in OWN_STEPS]
            parts = ", ".join(f"{step} {fmt(share, '.0%')}" for step, share in zip(OWN_STEPS, shares, strict=True))
            total = sum(shares)
            rows.append([f"studykit's own steps in a {LABELS[engine]}, {large}", f"{fmt(total, '.0%')} ({parts})"])
        if small != large:
            for variant in self.variants:
                per_large = ratio(cpu(large, variant), self.pages(large))
                per_small = ratio(cpu(small, variant), self.pages(small))
                growth = ratio(per_large, per_small)
                verdict = ""
                if variant.startswith("studykit"):
                    verdict = " (target <= 1.2x: " + ("met)" if growth <= PER_PAGE_TARGET else "missed)")
                rows.append(
                    [
                        f"CPU per page, {LABELS[variant]}: {large} / {small}",
                        f"{fmt(growth, '.2f', 'x')}{verdict}",
                    ]
                )
        if small != large:
            for step in OWN_STEPS:
                cells = self.cell(large, "studykit-mkdocs"), self.cell(small, "studykit-mkdocs")
                per = [
                    statistics.median(s.get(step, 0.0) for s in c.stages) if c.stages else float("nan") for c in cells
                ]
                growth = ratio(per[0] / self.pages(large), per[1] / self.pages(small))
                rows.append([f"{step} step per page (MkDocs build): {large} / {small}", fmt(growth, ".2f", "x")])
        big = [name for name, _, terms in self.corpora if terms != self.corpora[0][2]]
        for name in big:
            same = next((n for n in sizes if self.pages(n) == self.pages(name)), None)
            if same is None:
                continue
            for variant in ("studykit-mkdocs", "peers", "check"):
                if variant in self.variants:
                    rows.append(
                        [
                            f"{LABELS[variant]}: {name} / {same}",
                            fmt(ratio(cpu(name, variant), cpu(same, variant)), ".2f", "x"),
                        ]
                    )
        return rows

    def markdown(self) -> str:
        lines = ["# Benchmark results", ""]
        lines += [
            f"Written by `make bench` (`benchmarks/run.py`) on {self.started}, in {self.minutes:.1f} minutes. "
            "benchmarks/README.md says what is measured and how to read it.",
            "",
            "## Machine",
            "",
        ]
        lines += table(["", ""], [[k, v] for k, v in self.machine_rows()])
        lines += [
            "",
            f"Load average (1 min) before / after the run: {self.load[0]} / {self.load[1]}. Other work on the "
            "machine inflates wall time more than CPU time; compare CPU.",
            "",
            "## Headline",
            "",
        ]
        lines += table(["measure", "result"], self.headline())
        lines += ["", f"## Every build (medians of {self.repeat} interleaved runs)", ""]
        rows = []
        for name, pages, _terms in self.corpora:
            for variant in self.variants:
                if (name, variant) not in self.cells:
                    continue  # not built on this corpus
                cell = self.cell(name, variant)
                cpu = cell.median("cpu")
                rows.append(
                    [
                        name,
                        LABELS[variant],
                        fmt(cpu, ".2f", " s"),
                        fmt(cell.median("wall"), ".2f", " s"),
                        fmt(cpu / pages * 1000, ".1f", " ms"),
                        fmt(cell.median("rss") / 2**20, ".0f", " MiB"),
                        fmt(None if cell.html_per_page is None else cell.html_per_page / 1000, ".1f", " kB"),
                        fmt(None if cell.search_per_page is None else cell.search_per_page / 1000, ".2f", " kB"),
                        fmt(None if cell.assets_gz is None else cell.assets_gz / 1000, ".1f", " kB"),
                        "; ".join(sorted(set(cell.failures))) or "ok",
                    ]
                )
        lines += table(
            [
                "corpus",
                "variant",
                "CPU",
                "wall",
                "CPU / page",
                "peak RSS",
                "HTML / page",
                "search index / page",
                "feature JS+CSS (gzip)",
                "status",
            ],
            rows,
        )
        lines += ["", "## studykit's steps (median wall seconds inside the build, and share of it)", ""]
        rows = []
        for name, _pages, _terms in self.corpora:
            for variant in ("studykit-mkdocs", "studykit-zensical"):
                cell = self.cell(name, variant)
                if not cell.stages:
                    continue
                steps = ("check", "generate", "render", "postprocess", "swap")
                rows.append(
                    [name, LABELS[variant]]
                    + [
                        f"{fmt(statistics.median(s.get(step, 0.0) for s in cell.stages), '.2f')} s "
                        f"({fmt(cell.share(step), '.0%')})"
                        for step in steps
                    ]
                )
        lines += table(["corpus", "variant", "check", "generate", "render", "postprocess", "swap"], rows)
        if self.extras:
            lines += ["", "## Other measurements", ""] + self.extras
        return "\n".join(lines) + "\n"

    def machine_rows(self) -> list[tuple[str, str]]:
        return machine()
