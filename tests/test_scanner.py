"""The scanner's anchors must be exactly those the real renderer produces, or link checks lie; and it must read any
page in linear time, since `check` reads whatever an editor pasted.

(tests/test_scanner_differential.py compares it with Python-Markdown on every site page.)
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import markdown
import pytest
from markdown.extensions.toc import unique

from studykit.sources.scanner import UniqueIds, code_free_lines, scan

TRICKY = """\
## Overview
## Overview
### Risks & complications: what *really* happens
## Cooled RF {#cooled}
## `code` in a [linked](x.md) heading
## Évidence — naïve café
```
## not a heading
```
!!! note "Title"
    ### Inside an admonition
## Key takeaways
"""


def test_scanned_anchors_match_python_markdown_toc() -> None:
    md = markdown.Markdown(extensions=["toc", "attr_list", "admonition", "fenced_code"])
    md.convert(TRICKY)

    def ids(tokens: list[dict[str, object]]) -> list[str]:
        found: list[str] = []
        for token in tokens:
            found.append(str(token["id"]))
            found.extend(ids(token["children"]))  # type: ignore[arg-type]
        return found

    assert [h.anchor for h in scan(TRICKY).headings] == ids(md.toc_tokens)


def test_links_citations_and_code_spans() -> None:
    page = scan("See [a](x.md#y) and `[not](z.md)` [@ref-1; @ref-2]\n[r][lab]\n\n[lab]: other.md\n", 10)
    assert [(link.target, link.line, link.column) for link in page.links] == [("x.md#y", 10, 9)]
    assert [(c.ref_id, c.line) for c in page.citations] == [("ref-1", 10), ("ref-2", 10)]
    assert page.ref_defs["lab"].target == "other.md"
    assert [use.label for use in page.ref_uses] == ["lab"]


def test_positions_are_those_of_the_source() -> None:
    page = scan("Text\n\n    code\n\n- [a](one.md) and\n  [b](two_(x).md)\n\t[c](three.md)\n", 5)
    assert [(link.target, link.line, link.column) for link in page.links] == [
        ("one.md", 9, 7),
        ("two_(x).md", 10, 7),
        ("three.md", 11, 6),
    ]


def test_a_stray_fence_does_not_hide_the_rest_of_the_page() -> None:
    text = "Text.\n\n    ```\n\n[after](a.md)\n\n<script>x</script>\n\n## After\n"
    page = scan(text)
    assert [link.target for link in page.links] == ["a.md"]
    assert code_free_lines(text)[6] == "<script>x</script>"  # still markup, so check's HTML scan sees it
    assert [h.anchor for h in page.headings] == ["after"]


def test_toc_ids_are_made_unique_as_toc_does() -> None:
    """`UniqueIds` is toc's unique() without its quadratic retries: same answers, in the same order."""
    candidates = ["x", "x", "x_1", "x_5", "x", "x", "x", "x_2", "", "", "y_1", "y", "y", "x_5", "x_007", "x_"]
    ids = UniqueIds({"x_3"})
    taken = {"x_3"}
    assert [ids.add(c) for c in candidates] == [unique(c, taken) for c in candidates]


def _completes(work: Callable[[], object], seconds: float = 20.0) -> None:
    """Run `work` in a thread and require that it finishes (a generous bound: this asserts linear, not fast)."""
    errors: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as exc:  # noqa: BLE001 - reported below, in the test's thread
            errors.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"scanning did not finish within {seconds} s: a regex or loop is not linear"
    assert not errors, errors


MEGABYTE = 1_000_000
UNITS = ["<", "[@", "[x](", "`", "``a", "\\`", "*", "[", "](", "{#", "<a on", "> "]


@pytest.mark.parametrize("unit", UNITS)
def test_one_megabyte_of_one_pattern_is_scanned_in_linear_time(unit: str) -> None:
    line = unit * (MEGABYTE // len(unit))
    _completes(lambda: scan(line))
    _completes(lambda: scan("## " + line))  # headings are read further: anchors, attribute lists


PATHOLOGICAL = {
    "underscores inside a heading word": "## a" + "_" * MEGABYTE + "a\n",
    "a table row over a long dashed line": "| a |\n" + "-" * MEGABYTE + "x\n",
    "quotes after a reference target": "[a]: " + 'x"' * (MEGABYTE // 2) + " !\n",
    "lazy lines under a deep list": "".join(" " * 4 * d + "- x\n" for d in range(400)) + "lazy\n" * 200_000,
    "fences and blank lines": "```\n\n" * (MEGABYTE // 5),
    "list items and indentation": "- \n    " * (MEGABYTE // 7),
}


@pytest.mark.parametrize("text", PATHOLOGICAL.values(), ids=list(PATHOLOGICAL))
def test_pathological_pages_are_scanned_in_linear_time(text: str) -> None:
    _completes(lambda: scan(text))


def test_ten_thousand_identical_headings_get_unique_ids_in_linear_time() -> None:
    result: list[list[str]] = []
    _completes(lambda: result.append([h.anchor for h in scan("## Same\n" * 10_000).headings]))
    anchors = result[0]
    assert anchors[:3] == ["same", "same_1", "same_2"] and anchors[-1] == "same_9999"
    assert len(set(anchors)) == 10_000
