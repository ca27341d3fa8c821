"""Figures: golden HTML (Markdown in, HTML out), the inline SVG allowlist, the size budget and both engines.

Golden cases are tests/golden/figures/<case>.md beside <case>.html, rendered against the fixture project
tests/sites/figures as the page named in the first line `<!-- page: topics/x.md -->`, with `[@id]` citations
numbered as the generate step numbers them. After an intended change run
`UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_figures.py` and review the diff.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import markdown
import pytest

from studykit.figures.extension import FiguresExtension
from studykit.figures.svg import inline_svg
from studykit.generate.furniture import number_citations
from studykit.pipeline import check_project
from studykit.sources.scanner import scan

TESTS = Path(__file__).resolve().parent
FIXTURE = TESTS / "sites" / "figures"
GOLDEN = TESTS / "golden" / "figures"
PAGE_LINE = re.compile(r"\A<!-- page: (?P<page>\S+) -->\n")


def render(text: str, page: str = "topics/spine.md", project: Path = FIXTURE) -> str:
    md = markdown.Markdown(
        extensions=[
            "attr_list",
            "pymdownx.blocks.caption",
            FiguresExtension(project_dir=str(project), page_path=page),
        ]
    )
    return str(md.convert(text))


@pytest.mark.parametrize("case", sorted(p.stem for p in GOLDEN.glob("*.md")))
def test_golden(case: str) -> None:
    source = (GOLDEN / f"{case}.md").read_text(encoding="utf-8")
    header = PAGE_LINE.match(source)
    assert header, "a golden figure case names its page on the first line"
    page, source = header.group("page"), source[header.end() :]
    source = number_citations(source, 1, scan(source).citation_spans, {"smith-2020": 1})
    html = render(source, page) + "\n"
    expected_file = GOLDEN / f"{case}.html"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        expected_file.write_text(html, encoding="utf-8")
    assert expected_file.is_file(), f"missing {expected_file.name}; run with UPDATE_GOLDEN=1 and review it"
    assert html == expected_file.read_text(encoding="utf-8")


def test_figures_are_numbered_in_page_order_and_references_show_the_number() -> None:
    html = render((GOLDEN / "two_figures.md").read_text(encoding="utf-8").split("\n", 1)[1])
    assert re.findall(r'<figure class="sk-figure" id="(fig-[a-z]+)"', html) == ["fig-routes", "fig-levels"]
    assert re.findall(r'sk-figure__number">(Figure \d)\.', html) == ["Figure 1", "Figure 2"]
    assert '<a class="sk-figref" href="#fig-levels">Figure 2</a>' in html
    assert "the figure below" not in html  # the link text is replaced, whatever was written
    assert 'id="fig-routes"' in html and "<img" not in html  # SVG figures are inlined, ids on the figure


def test_a_link_from_another_page_shows_the_number_on_the_target_page() -> None:
    html = render("See [Figure](topics/spine.md#fig-levels).", page="index.md")
    assert '<a class="sk-figref" href="topics/spine.md#fig-levels">Figure 2</a>' in html


# ---------------------------------------------------------------- the inline SVG allowlist

HOSTILE = b"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"
  width="10" height="10" onload="alert(1)" aria-labelledby="t">
<title id="t">T</title>
<style>.fig-ink{fill:red} body{display:none} .x{background:url(https://evil.invalid/a.png)} #t{fill:red}</style>
<script>alert(2)</script>
<defs><marker id="d0"><path d="M0,0"/></marker></defs>
<path d="M0,0 L1,1" marker-end="url(#d0)" fill="url(https://evil.invalid/p.svg#p)" onclick="alert(3)"/>
<use xlink:href="#d0"/><use href="https://evil.invalid/x.svg#a"/>
<a href="https://evil.invalid/"><text>link</text></a>
<foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.invalid/"/></foreignObject>
<text class="fig-label">&lt;b&gt;label&lt;/b&gt;</text>
</svg>"""


def test_the_inline_svg_keeps_the_drawing_and_nothing_that_runs_or_fetches() -> None:
    result = inline_svg(HOSTILE, "fig-x")
    markup = result.markup
    for banned in ("<script", "onload", "onclick", "evil.invalid", "<a", "<foreignObject", "<iframe", "alert"):
        assert banned not in markup, banned
    assert 'marker-end="url(#fig-x--d0)"' in markup  # references follow the prefixed ids
    assert '<use href="#fig-x--d0"/>' in markup
    assert 'id="fig-x--d0"' in markup and 'id="d0"' not in markup
    assert "aria-labelledby" not in markup.split(">", 1)[0]  # the page names the drawing (its alt text)
    assert "width=" not in markup.split(">", 1)[0]  # the page sizes it
    assert "#fig-x .fig-ink{fill:red}" in markup  # the drawing's own rules, scoped to its figure
    assert "#fig-x body{display:none}" in markup  # a type selector only ever reaches inside the figure
    assert "background" not in markup and "#t{" not in markup
    assert "&lt;b&gt;label&lt;/b&gt;" in markup  # text stays text


def test_check_names_what_the_inline_allowlist_drops_but_not_what_file_svg_reports() -> None:
    messages = [message for _line, _column, message in inline_svg(HOSTILE, "fig").problems]
    assert any("<foreignObject>" in m for m in messages)
    assert any("<a>" in m for m in messages)
    assert any("refers outside the drawing" in m for m in messages)  # fill="url(https://...)": file.svg misses it
    assert any("the selector '#t'" in m for m in messages)
    assert not any("script" in m or "onload" in m for m in messages)  # file.svg's job, said once


def test_a_hostile_figure_renders_inert_in_a_page(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    (project / "content" / "figures" / "routes.svg").write_bytes(HOSTILE)
    html = render("See [Figure](#fig-routes).\n\n![A drawing.](../figures/routes.svg){#fig-routes}\n", project=project)
    assert "<svg" in html and "alert" not in html and "evil.invalid" not in html


# ---------------------------------------------------------------- the size budget


def test_a_figure_over_the_size_budget_is_reported(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    path = project / "content" / "figures" / "levels.svg"
    drawing = path.read_text(encoding="utf-8")
    padding = '<path d="M0,0 L720,420" class="fig-ink"/>\n' * 4000  # ~160 KB of real drawing
    path.write_text(drawing.replace("</svg>", padding + "</svg>"), encoding="utf-8")
    found = [d.text() for d in check_project(project).diagnostics]
    assert len(found) == 1 and found[0].startswith("content/figures/levels.svg:1:1: error: figure is 1"), found
    assert found[0].endswith(
        "over the 150 KB budget: simplify the drawing (fewer points, no embedded fonts or images) [figure.size]"
    )


# ---------------------------------------------------------------- both engines

FIGURE_BLOCK = re.compile(r'<figure class="sk-figure".*?</figure>', re.DOTALL)
FIGURE_REF = re.compile(r'<a[^>]*class="sk-figref"[^>]*>[^<]*</a>')


def test_both_engines_render_the_same_figures(tmp_path: Path) -> None:
    from studykit.pipeline import build_project

    rendered = {}
    for engine in ("mkdocs", "zensical"):
        result = build_project(FIXTURE, tmp_path / engine, engine=engine)
        assert result.built, "\n".join(d.text() for d in result.diagnostics)
        page = (tmp_path / engine / "topics" / "spine" / "index.html").read_text(encoding="utf-8")
        home = (tmp_path / engine / "index.html").read_text(encoding="utf-8")
        rendered[engine] = (FIGURE_BLOCK.findall(page), FIGURE_REF.findall(page), FIGURE_REF.findall(home))
    figures, refs, home_refs = rendered["mkdocs"]
    assert len(figures) == 2 and all("<svg" in figure for figure in figures)
    texts = [ref.rsplit(">", 2)[-2].removesuffix("</a") for ref in refs]
    assert texts == ["Figure 1", "Figure 2", "Figure 2", "Figure 1", "Figure 2"]  # text, then the figure list
    assert len(home_refs) == 1 and "Figure 2<" in home_refs[0]
    assert rendered["zensical"] == rendered["mkdocs"]
