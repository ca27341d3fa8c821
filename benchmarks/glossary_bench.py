#!/usr/bin/env python3
"""Glossary linking time for 100, 1,000 and 5,000 terms over the same text.

The matcher folds every term into one trie-shaped pattern, so linking a page must not get slower as the glossary
grows. This prints a table and exits 1 if linking with 5,000 terms takes more than 1.5x the time with 100 terms.
Not part of the test suite: timings depend on the machine (run it with `make bench` or directly).

The text is the shipped content (real English prose, so partial matches are realistic) rendered once into an
element tree, with mentions of 50 synthetic terms woven in. Each term set contains the smaller ones, so every size
links the same mentions and only the number of terms the matcher knows changes. Timed: the linking step
(`TermLinker` over a fresh copy of the tree), best of several runs; building the matcher is shown separately.
"""

from __future__ import annotations

import copy
import itertools
import random
import sys
import time
import xml.etree.ElementTree as etree
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import markdown  # noqa: E402
from markdown.treeprocessors import Treeprocessor  # noqa: E402

from studykit.catalog import build_matcher  # noqa: E402
from studykit.glossary.termlinks import TermLinker  # noqa: E402
from studykit.sources.loading import split_front_matter  # noqa: E402
from studykit.sources.models import GlossaryTerm  # noqa: E402

SIZES = (100, 1_000, 5_000)
MENTIONED = 50  # terms mentioned in the text; all within the smallest set
RATIO_LIMIT = 1.5
REPEAT = 7
SYLLABLES = [
    "bra",
    "cel",
    "dov",
    "fen",
    "gri",
    "hal",
    "jum",
    "kes",
    "lor",
    "mip",
    "nav",
    "pol",
    "quin",
    "ros",
    "sut",
    "tev",
    "ulm",
    "vax",
    "wen",
    "yor",
    "zid",
]


def synthetic_terms(count: int) -> list[GlossaryTerm]:
    """Deterministic pseudo-medical terms ('bracel dovfen syndrome'); every fifth has an abbreviation."""
    words = ["".join(pair) for pair in itertools.product(SYLLABLES, repeat=2)]
    pairs = random.Random(4).sample(list(itertools.product(words, repeat=2)), count)  # spread over the trie
    kinds = ["syndrome", "block", "nerve", "ablation", "injection"]
    terms = []
    for number, (first, second) in enumerate(pairs):
        name = f"{first} {second} {kinds[number % len(kinds)]}"
        abbr = (first[0] + second[0] + str(number)).upper() if number % 5 == 0 else None
        terms.append(GlossaryTerm(term=name, abbr=abbr, short=f"{name}.", definition=f"{name}."))
    return terms


def corpus_markdown(terms: list[GlossaryTerm]) -> str:
    """The shipped pages' bodies (or filler prose), one synthetic mention appended to every paragraph."""
    bodies = [split_front_matter(p.read_text(encoding="utf-8"))[2] for p in sorted((ROOT / "content").rglob("*.md"))]
    text = "\n\n".join(bodies) or "\n\n".join(["A plain paragraph about needles, nerves and pain relief."] * 400)
    paragraphs = text.split("\n\n")
    woven = []
    for index, paragraph in enumerate(paragraphs):
        term = terms[index % MENTIONED]
        mention = term.abbr if term.abbr and index % 2 else term.term
        woven.append(f"{paragraph} Compare {mention}." if paragraph.strip() and paragraph[0].isalpha() else paragraph)
    return "\n\n".join(woven)


class _Capture(Treeprocessor):  # type: ignore[misc]  # Markdown ships no type stubs
    tree: etree.Element | None = None

    def run(self, root: etree.Element) -> None:
        _Capture.tree = copy.deepcopy(root)


def rendered_tree(text: str) -> etree.Element:
    md = markdown.Markdown(
        extensions=[
            "toc",
            "attr_list",
            "md_in_html",
            "tables",
            "admonition",
            "footnotes",
            "pymdownx.details",
            "pymdownx.superfences",
        ]
    )
    md.treeprocessors.register(_Capture(md), "capture", 7)  # where the glossary tree-processor runs
    md.convert(text)
    assert _Capture.tree is not None
    return _Capture.tree


def time_linking(terms: list[GlossaryTerm], tree: etree.Element) -> tuple[float, float, int]:
    """(seconds to build the matcher, best seconds to link one copy of the tree, links made)."""
    started = time.perf_counter()
    matcher = build_matcher(terms)
    build = time.perf_counter() - started
    by_id = {term.key: term for term in terms}
    copies = [copy.deepcopy(tree) for _ in range(REPEAT)]
    best = float("inf")
    links = 0
    for root in copies:
        linker = TermLinker(by_id, matcher, "glossary.md")
        started = time.perf_counter()
        linker.resolve_forced(root)
        linker.auto_link(root)
        best = min(best, time.perf_counter() - started)
        links = len(linker.linked)
    return build, best, links


def main() -> int:
    all_terms = synthetic_terms(max(SIZES))
    tree = rendered_tree(corpus_markdown(all_terms))
    characters = sum(len(el.text or "") + len(el.tail or "") for el in tree.iter())
    rows = []
    for size in SIZES:
        build, best, links = time_linking(all_terms[:size], tree)
        rows.append((size, build, best, links))
    print(f"glossary linking over {characters:,} characters of text ({REPEAT} runs, best shown)")
    print(f"{'terms':>6}  {'build matcher':>13}  {'link page':>10}  {'links':>5}  {'vs 100':>6}")
    base = rows[0][2]
    for size, build, best, links in rows:
        print(f"{size:>6,}  {build * 1000:>10.1f} ms  {best * 1000:>7.1f} ms  {links:>5}  {best / base:>5.2f}x")
    ratio = rows[-1][2] / base
    if ratio > RATIO_LIMIT:
        print(f"FAIL: {SIZES[-1]:,} terms cost {ratio:.2f}x the time of {SIZES[0]} (limit {RATIO_LIMIT}x)")
        return 1
    print(f"ok: {SIZES[-1]:,} terms cost {ratio:.2f}x the time of {SIZES[0]} (limit {RATIO_LIMIT}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
