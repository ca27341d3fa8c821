"""The scanner's anchors must be exactly those the real renderer produces, or link checks lie."""

from __future__ import annotations

import markdown

from studykit.sources.scanner import scan

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

    assert [h.anchor for h in scan(TRICKY).headings] == ids(md.toc_tokens)  # type: ignore[attr-defined]


def test_links_citations_and_code_spans() -> None:
    page = scan("See [a](x.md#y) and `[not](z.md)` [@ref-1; @ref-2]\n[r][lab]\n\n[lab]: other.md\n", 10)
    assert [(link.target, link.line, link.column) for link in page.links] == [("x.md#y", 10, 9)]
    assert [(c.ref_id, c.line) for c in page.citations] == [("ref-1", 10), ("ref-2", 10)]
    assert page.ref_defs["lab"].target == "other.md"
    assert [use.label for use in page.ref_uses] == ["lab"]
