"""Tables sit in a focusable, named scroll region (render/tables.py), added after the HTML allowlist cleaner so that
content can never forge one."""

from __future__ import annotations

import re

import markdown

from studykit.render.tables import wrap_tables

TABLE = "| Drug | Stop |\n| --- | --- |\n| Warfarin | 5 days |\n"


def render(text: str) -> str:
    md = markdown.Markdown(
        extensions=["tables", "md_in_html", "toc", "studykit.render.safehtml"],
        extension_configs={"toc": {"permalink": True}},
    )
    return str(md.convert(text))


def regions(html: str) -> list[str]:
    return re.findall(r'<div class="sk-table" role="region" tabindex="0" aria-label="([^"]*)">\s*<table', html)


def test_a_table_is_named_after_its_section_heading_without_the_permalink_sign() -> None:
    html = render("## Stopping & restarting\n\n" + TABLE)
    assert regions(html) == ["Stopping &amp; restarting, table"]
    assert html.count("<table") == 1 and html.rstrip().endswith("</table></div>")


def test_a_caption_names_its_table_and_tables_sharing_a_heading_are_numbered() -> None:
    captioned = "<table><caption>Stop times</caption><tr><td>x</td></tr></table>"
    html = render(f"## Drugs\n\n{TABLE}\n{TABLE}\n{captioned}\n")
    assert regions(html) == ["Drugs, table 1", "Drugs, table 2", "Stop times"]


def test_without_a_heading_a_table_is_still_named() -> None:
    assert regions(render(TABLE)) == ["Table"]


def test_content_cannot_forge_a_focusable_region() -> None:
    html = render('<div role="region" tabindex="0" aria-label="Fake">text</div>\n')
    assert "tabindex" not in html  # the cleaner removes it; only the table step adds one, after it


def test_only_outermost_tables_are_wrapped_and_markup_in_attributes_is_text() -> None:
    nested = '<table><tr><td><table><tr><td>in</td></tr></table></td></tr></table><p title="&lt;table&gt;">x</p>'
    html = wrap_tables(nested)
    assert html.count('class="sk-table"') == 1
    assert html.endswith('</table></div><p title="&lt;table&gt;">x</p>')
    assert wrap_tables('<p title="<table>">x</p>') == '<p title="<table>">x</p>'
