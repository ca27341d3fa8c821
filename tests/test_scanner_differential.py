"""The scanner must read a page the way the build will: same headings with the same ids, same link targets.

Every page of the shipped site and of the fixture sites is rendered with Python-Markdown, configured with the
extensions the shipped mkdocs.yml lists (minus studykit's own, which only add glossary links and quizzes), and the
rendered h1-h6 ids and a[href] / img[src] values are compared with what `scan` reports. Small hand-written pages
pin each point where a line scanner is easily fooled: indented code, fences inside containers, a stray indented
fence, code spans, parentheses in URLs.
"""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from studykit.pipeline import check_project
from studykit.sources.loading import split_front_matter
from studykit.sources.scanner import ScannedPage, scan
from studykit.sources.siteconfig import load_site_config

ROOT = Path(__file__).resolve().parent.parent
BASE = Path(__file__).resolve().parent / "sites" / "minimal"
PAGES = sorted(
    [*(ROOT / "content").rglob("*.md"), *(ROOT / "tests" / "sites").glob("*/content/**/*.md")],
    key=lambda path: path.as_posix(),
)
EXTENSIONS = [name for name in load_site_config(ROOT)[0].extensions if not name.startswith("studykit.")]
GENERATED_LINKS = {"footnote-ref", "footnote-backref", "headerlink"}  # links the extensions add themselves


class _Rendered(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.headings: list[tuple[int, str]] = []
        self.hrefs: list[str] = []
        self.srcs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self.headings.append((int(tag[1]), values.get("id") or ""))
        elif tag == "a" and values.get("href") is not None:
            if not GENERATED_LINKS & set((values.get("class") or "").split()):
                self.hrefs.append(values["href"] or "")
        elif tag == "img" and values.get("src") is not None:
            self.srcs.append(values["src"] or "")


def rendered(body: str) -> _Rendered:
    parser = _Rendered()
    parser.feed(markdown.Markdown(extensions=EXTENSIONS).convert(body))
    return parser


def scanned(body: str) -> tuple[list[tuple[int, str]], list[str], list[str]]:
    """(headings, a[href] values, img[src] values) the scanner predicts for `body`."""
    page: ScannedPage = scan(body)
    hrefs = [link.target for link in page.links if not link.image]
    hrefs += [page.ref_defs[use.label].target for use in page.ref_uses if use.label in page.ref_defs]
    srcs = [link.target for link in page.links if link.image]
    return [(h.level, h.anchor) for h in page.headings], sorted(hrefs), sorted(srcs)


def assert_agrees(body: str) -> None:
    html = rendered(body)
    headings, hrefs, srcs = scanned(body)
    assert headings == html.headings
    assert hrefs == sorted(html.hrefs)
    assert srcs == sorted(html.srcs)


def test_the_renderer_is_configured_like_the_site() -> None:
    for name in ("toc", "attr_list", "md_in_html", "admonition", "pymdownx.details", "pymdownx.superfences"):
        assert name in EXTENSIONS


def test_every_site_page_is_compared() -> None:
    assert len([p for p in PAGES if p.is_relative_to(ROOT / "content")]) >= 20
    assert {p.relative_to(ROOT / "tests" / "sites").parts[0] for p in PAGES if "sites" in p.parts} >= {
        "minimal",
        "glossary",
        "quiz",
    }


def test_the_pages_have_headings_and_links_to_compare() -> None:
    bodies = [split_front_matter(path.read_text(encoding="utf-8"))[2] for path in PAGES]
    assert sum(len(rendered(body).headings) for body in bodies) >= 100
    assert sum(len(rendered(body).hrefs) for body in bodies) >= 50


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_scanner_agrees_with_python_markdown(path: Path) -> None:
    assert_agrees(split_front_matter(path.read_text(encoding="utf-8"))[2])


CASES = {
    "indented code after a paragraph": "Text.\n\n    [in code](nowhere.md)\n    ## not a heading\n\n## After\n",
    "tab-indented code": "Text.\n\n\t[in code](nowhere.md)\n\n[out](a.md)\n",
    "indented lines continuing a paragraph": "Text\n    [still text](a.md)\n    ## not a heading\n",
    "list item content is not code": "- item\n\n    [in the item](a.md)\n\n    ## In the item\n",
    "code inside a list item": "- item\n\n        [code](nowhere.md)\n\n- [next](b.md)\n",
    "admonition content is not code": '!!! note "Title"\n    [inside](a.md)\n\n    ## Inside\n\n[after](b.md)\n',
    "code inside an admonition": "!!! note\n    Text.\n\n        [code](nowhere.md)\n\n## After\n",
    "details content": "??? tip\n    ### Tip heading\n    [x](a.md)\n",
    "admonition ends at an unindented line": "!!! note\n    text\n## Out\n\n    [code](nowhere.md)\n",
    "backtick fence": "```python\n[no](nowhere.md)\n## no\n```\n\n[yes](a.md)\n",
    "tilde fence": "~~~\n[no](nowhere.md)\n~~~\n[yes](a.md)\n",
    "longer fence needs its exact closer": "````\n```\n[no](nowhere.md)\n````\n## Yes\n",
    "fence inside an admonition": "!!! note\n    ```\n    [no](nowhere.md)\n    ```\n    [yes](a.md)\n",
    "fence inside a list item": "- item\n\n    ```\n    ## no\n    ```\n\n    ## Yes\n",
    "unclosed fence is text": "```\n[yes](a.md)\n## Yes\n",
    "fence abandoned by an unindented line": "  ```\n  [a](a.md)\n[b](b.md)\n  ```\n## Yes\n",
    "fence with an unknown option is text": "```python foo\n[yes](a.md)\n```\n",
    "indented fence after a blank line is indented code": "Text.\n\n    ```\n\n[yes](a.md)\n\n## Yes\n",
    "indented fence pair is code": "Text.\n\n    ```\n    [no](nowhere.md)\n    ```\n\n[yes](a.md)\n",
    "code spans": "`[no](nowhere.md)` ``a ` [no](x.md) `` [yes](a.md) `unclosed [yes](b.md)\n",
    "code span across lines": "Text `[no](x.md)\n[no](y.md)` and [yes](a.md)\n",
    "code span with a shorter closer": "``a` [no](x.md) ` [yes](a.md)\n",
    "escaped backtick": "\\`[yes](a.md)` and \\\\`[no](x.md)`\n",
    "parentheses in URLs": '[w](https://en.wikipedia.org/wiki/Pain_(journal)) [t](a.md "Title (x)") [s](<b c.md>)\n',
    "unbalanced parenthesis": "[a](b.md (c) and [d](e.md)\n",
    "escaped brackets": "\\[not](x.md) [yes\\]](a.md)\n",
    "nested brackets": "[a [b] c](a.md) [a [b](c.md) d](e.md)\n",
    "images": "![alt](img.png) [![inner](i.png)](a.md)\n",
    "reference links": '[a][one] and [b][] and [c][missing]\n\n[one]: one.md\n[b]: <b.md> "B"\n',
    "links in headings": "## See [this](a.md) `code`\n",
    "duplicate headings": "## A\n## A\n## A_1\n## A {#a_2}\n### a\n",
    "explicit ids are taken first": "## Over\n## Other {#over}\n## B {: #b .c }\n## C {.x}\n## D{#d}\n",
    "heading markup": "## *Emph* and __strong__ and snake_case `_code_` [link](a.md) ![img](i.png) &amp; \\*\n",
    "closing hashes": "## Title ##\n### C# ###\n#### Trailing # \n",
    "hash without a space": "#Heading\n##\n",
    "list then paragraph then code": "- a\n\nPara.\n\n    [code](nowhere.md)\n",
    "nested lists": "- a\n    - b\n\n        [in b](a.md)\n\n            [code](nowhere.md)\n",
    "horizontal rule": "Text\n\n* * *\n    [text](a.md)\n",
}


@pytest.mark.parametrize("body", CASES.values(), ids=list(CASES))
def test_scanner_agrees_on_tricky_markdown(body: str) -> None:
    assert_agrees(body)


def test_a_stray_indented_fence_does_not_hide_a_later_script(tmp_path: Path) -> None:
    """The desync: one line indented four spaces starting with ``` is indented code, not an opening fence."""
    project = tmp_path / "project"
    shutil.copytree(BASE, project, ignore=shutil.ignore_patterns("site"))
    page = project / "content" / "topics" / "alpha.md"
    text = page.read_text(encoding="utf-8")
    body = "Code:\n\n    ```\n\nText after the code.\n\n<script>alert(1)</script>\n"
    page.write_text(text + "\n" + body, encoding="utf-8")
    line = (text + "\n" + body).split("\n").index("<script>alert(1)</script>") + 1
    assert "<script>" in markdown.Markdown(extensions=EXTENSIONS).convert(body)  # the build would ship it
    found = [(d.path, d.line, d.code.value) for d in check_project(project).diagnostics]
    assert ("content/topics/alpha.md", line, "safety.html") in found
