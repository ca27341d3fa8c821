"""The HTML allowlist (studykit/render/sanitize.py): what it keeps, what it removes, what `check` says it removes,
and front matter text as the themes print it under both engines."""

from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from studykit.pipeline import check_project, render_unchecked
from studykit.render.sanitize import clean_page_html, is_local_url, removals, theme_text

from .helpers import SITES

# ---------------------------------------------------------------- helpers


class _Tags(HTMLParser):
    """Every start tag as (tag, sorted attributes), and the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple[tuple[str, str], ...]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, tuple(sorted((name, value or "") for name, value in attrs))))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def tags(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser


# studykit's own markup, as the extensions and templates write it: all of it must survive the cleaner.
STUDYKIT_MARKUP = """
<div class="admonition objectives"><p class="admonition-title">Learning objectives</p><ul><li>One</li></ul></div>
<details class="note" open><summary>More</summary><p>Text</p></details>
<p>A <a class="sk-term" data-short="Heat lesioning." data-term="rfa" href="../glossary/#term-rfa">RFA</a> and
<span class="no-term">plain</span>, cited<sup><a class="sk-cite" href="#ref-a" title="Reference 1">1</a></sup>,
a footnote<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup> and <abbr title="Local">LA</abbr>.</p>
<h2 id="risks">Risks<a class="headerlink" href="#risks" title="Link to this section">¶</a></h2>
<table><thead><tr><th style="text-align: left;">Drug</th><th scope="col">Dose</th></tr></thead>
<tbody><tr><td style="text-align: right;">Lidocaine</td><td colspan="2">1%</td></tr></tbody></table>
<figure><img alt="A needle" src="../img/needle.png" title="Needle" width="200" height="100" loading="lazy">
<figcaption>A needle</figcaption></figure>
<div class="language-python highlight"><pre><span></span><code><span class="n">x</span></code></pre></div>
<section class="sk-quiz" id="quiz-rfa" data-quiz="rfa" data-search-exclude="" aria-labelledby="quiz-rfa-title">
<div class="sk-question" id="quiz-rfa--q" data-question="q" data-type="single" data-hash="abc"
data-answer="[&quot;b&quot;]">
<fieldset class="sk-question__fieldset"><legend class="sk-question__legend">Q</legend>
<div class="sk-choice" data-choice="a"><input class="sk-choice__input" type="radio" name="quiz-rfa--q"
id="quiz-rfa--q-1" value="a"><label class="sk-choice__label" for="quiz-rfa--q-1">
<span class="sk-choice__key" data-label-for="a">a</span>
</label></div></fieldset>
<p class="sk-question__actions" hidden=""><button type="button" class="sk-question__check">Check</button></p>
<p class="sk-question__status" role="status"></p>
<ul class="sk-answer__feedback"><li data-feedback-for="a">a</li></ul></div></section>
<div class="footnote"><hr><ol><li id="fn:1"><p>Note.<a class="footnote-backref" href="#fnref:1" title="Back">↩</a></p>
</li></ol></div>
<ol class="sk-references"><li id="ref-a">A. <a href="https://doi.org/10.1/x">https://doi.org/10.1/x</a></li></ol>
<p><a href="mailto:editor@example.org">mail</a> <a href="other/page/">page</a></p>
"""


def _comparable(parsed: _Tags) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    """Tags with `style` values written without spaces (the cleaner normalises them); tbody is implied anyway."""
    return [
        (tag, tuple((name, value.replace(" ", "").rstrip(";") if name == "style" else value) for name, value in attrs))
        for tag, attrs in parsed.tags
        if tag != "tbody"
    ]


def test_the_cleaner_keeps_all_of_studykits_own_markup() -> None:
    before, after = tags(STUDYKIT_MARKUP), tags(clean_page_html(STUDYKIT_MARKUP))
    assert _comparable(after) == _comparable(before)
    assert "".join(after.text).split() == "".join(before.text).split()


@pytest.mark.parametrize(
    "html",
    [
        '<base href="https://evil.example/">',
        '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
        '<link rel="stylesheet" href="https://evil.example/x.css">',
        "<style>body{background:url(https://evil.example/x.png)}</style>",
        '<form action="https://evil.example/"><input type="submit"></form>',
        '<object data="x.swf"></object>',
        '<embed src="x.swf">',
        '<iframe src="https://evil.example/"></iframe>',
        '<map><area href="https://evil.example/"></map>',
        "<script>alert(1)</script>",
        "<svg><set attributeName=onmouseover to=alert(1)></set></svg>",
        "<svg><animate attributeName=href values=javascript:alert(1)></animate></svg>",
        "<math><maction>x</maction></math>",
    ],
)
def test_the_cleaner_removes_what_is_never_allowed(html: str) -> None:
    written = {tag for tag, _attrs in tags(html).tags}
    left = {tag for tag, _attrs in tags(clean_page_html(html)).tags}
    assert not (left & written - {"input"}), clean_page_html(html)


@pytest.mark.parametrize(
    ("html", "gone"),
    [
        ('<p onclick="alert(1)">x</p>', "onclick"),
        ('<img src="x.png" alt="x" onerror="alert(1)">', "onerror"),
        ('<a href="jav&#x09;ascript:alert(1)">x</a>', "href"),
        ('<a href=" JavaScript:alert(1)">x</a>', "href"),
        ('<a href="data:text/html,x">x</a>', "href"),
        ('<button type="submit" formaction="javascript:alert(1)">x</button>', "formaction"),
        ('<input type="image" src="x.png">', "src"),
        ('<p style="background:url(https://evil.example/x.png)">x</p>', "style"),
        ('<p id="__config">x</p>', "id"),
        ('<img src="https://tracker.example/x.png" alt="x">', "src"),
        ("<p autofocus>x</p>", "autofocus"),
    ],
)
def test_the_cleaner_removes_handlers_script_urls_and_theme_ids(html: str, gone: str) -> None:
    left = tags(clean_page_html(html)).tags
    assert left and all(gone not in dict(attrs) for _tag, attrs in left), clean_page_html(html)


def test_images_come_only_from_this_site() -> None:
    assert is_local_url("../img/a.png") and is_local_url("a.png#x")
    for url in ["https://x.example/a.png", "//x.example/a.png", "\\\\x.example/a.png", "\t//x.example/a.png"]:
        assert not is_local_url(url), url


def test_removals_say_what_the_cleaner_removes_and_nothing_else() -> None:
    assert removals("td", [("style", "text-align: left;"), ("colspan", "2")]) == []
    assert removals("div", [("class", "admonition note")]) == []
    found = removals("img", [("src", "x.png"), ("alt", "x"), ("onerror", "alert(1)")])
    assert [(r.attribute, "event handler" in r.message()) for r in found] == [("onerror", True)]
    assert [r.attribute for r in removals("iframe", [("src", "x")])] == [None]
    styled = removals("td", [("style", "text-align:left; background:url(x)")])
    assert [(r.attribute, r.kept) for r in styled] == [("style", "text-align:left")]
    assert [r.attribute for r in removals("a", [("href", "vbscript:x")])] == ["href"]


def test_theme_text_escapes_markup_but_not_a_lone_ampersand() -> None:
    assert theme_text("Risks & complications") == "Risks & complications"
    assert theme_text('x"><svg/onload=alert(1)>') == "x&quot;&gt;&lt;svg/onload=alert(1)&gt;"
    assert theme_text("&lt;b&gt; &#60; &amp") == "&amp;lt;b&amp;gt; &amp;#60; &amp"


# ---------------------------------------------------------------- front matter and bodies under both engines

HOSTILE_TITLE = 'Beta <svg/onload=alert(1)> "quoted"'
HOSTILE_DESCRIPTION = '0;url=https://evil.example/" http-equiv="refresh'
NORMAL_TITLE = "Risks & complications"
NORMAL_DESCRIPTION = "Bleeding & infection: what to watch for."


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.title = ""
        self.h1 = ""
        self.description: str | None = None
        self.links: list[tuple[str, str]] = []
        self.handlers: list[str] = []
        self.refresh = False
        self._link: list[Any] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.handlers += [f"{tag} {name}" for name, _value in attrs if name.startswith("on")]
        if tag == "meta" and values.get("name") == "description":
            self.description = values.get("content")
        if tag == "meta" and "http-equiv" in values:
            self.refresh = True
        if tag == "a":
            self._link = [values.get("href") or "", ""]
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._link is not None:
            self.links.append((self._link[0], " ".join(self._link[1].split())))
            self._link = None
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        if "title" in self.stack:
            self.title += data
        if "h1" in self.stack:
            self.h1 += data
        if self._link is not None:
            self._link[1] += data


def read_page(path: Path) -> _Page:
    parser = _Page()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def _search_titles(site: Path) -> dict[str, str]:
    """location -> title, from MkDocs' search/search_index.json or Zensical's search.json."""
    index = site / "search" / "search_index.json"
    data = json.loads((index if index.is_file() else site / "search.json").read_text(encoding="utf-8"))
    found: dict[str, str] = {}

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("location"), str) and isinstance(node.get("title"), str):
                found.setdefault(node["location"], node["title"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(data)
    return found


def _site_with_titles(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(SITES / "minimal", root, ignore=shutil.ignore_patterns("site"))
    alpha = root / "content" / "topics" / "alpha.md"
    text = alpha.read_text(encoding="utf-8")
    alpha.write_text(
        text.replace("title: Alpha", f"title: {NORMAL_TITLE}").replace(
            "description: The alpha topic.", f"description: '{NORMAL_DESCRIPTION}'"
        ),
        encoding="utf-8",
    )
    hostile = (
        text.replace("id: alpha", "id: beta")
        .replace("title: Alpha", f"title: '{HOSTILE_TITLE}'")
        .replace("description: The alpha topic.", f"description: '{HOSTILE_DESCRIPTION}'")
        .replace("quiz: alpha\n", "")
    )
    hostile += '\nBody <img src="x" alt="x" onerror="alert(2)"> and *this*{ onclick="alert(3)" }.\n'
    (root / "content" / "topics" / "beta.md").write_text(hostile, encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("  - topics/alpha.md", "  - topics/alpha.md\n  - topics/beta.md"),
        encoding="utf-8",
    )
    return root


def test_check_accepts_a_plain_ampersand_and_rejects_markup_in_front_matter(tmp_path: Path) -> None:
    root = _site_with_titles(tmp_path)
    found = {(d.path, d.code.value) for d in check_project(root).diagnostics}
    assert ("content/topics/beta.md", "safety.front-matter") in found
    assert not any(path == "content/topics/alpha.md" for path, _code in found)


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_front_matter_and_bodies_reach_the_page_as_text_under_both_engines(tmp_path: Path, engine: str) -> None:
    root = _site_with_titles(tmp_path)
    site = root / "site"
    render_unchecked(root, site, engine=engine)
    normal, hostile = read_page(site / "topics/alpha/index.html"), read_page(site / "topics/beta/index.html")
    assert normal.title.startswith(f"{NORMAL_TITLE} - ")
    assert normal.h1.strip() == NORMAL_TITLE
    assert normal.description == NORMAL_DESCRIPTION
    assert NORMAL_TITLE in {text for _href, text in hostile.links}  # the nav, as text
    assert HOSTILE_TITLE in {text for _href, text in normal.links}
    assert hostile.title.startswith(f"{HOSTILE_TITLE} - ")
    assert hostile.h1.strip() == HOSTILE_TITLE
    assert hostile.description == HOSTILE_DESCRIPTION
    assert hostile.handlers == [] and not hostile.refresh
    shown = {location: "".join(tags(title).text) for location, title in _search_titles(site).items()}  # as HTML
    assert shown["topics/alpha/"] == NORMAL_TITLE
    assert shown["topics/beta/"] == HOSTILE_TITLE
