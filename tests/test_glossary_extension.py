"""The glossary extension: linking rules (golden Markdown -> HTML), the listing, the matcher, and the built site.

Golden cases render through plain Python-Markdown with the extensions of tests/sites/glossary/mkdocs.yml, as the
page `topics/golden.md` of that fixture project. Links therefore keep their `.md` form (`../glossary.md#term-x`);
the built-site tests check the URLs MkDocs makes of them. After an intended change, regenerate with
`UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_glossary_extension.py` and review the diff.
"""

from __future__ import annotations

import json
import os
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import markdown
import pytest
import yaml

from studykit.catalog import build_catalog, build_matcher
from studykit.glossary.index import OTHER, group_terms, letter_anchor, letter_of, sort_key
from studykit.glossary.termlinks import glossary_href
from studykit.pipeline import build_project, check_project
from studykit.sources.loading import load_project
from studykit.sources.models import GlossaryTerm

from .helpers import copy_site

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden" / "glossary"
FIXTURE = HERE / "sites" / "glossary"
EXTENSION = "studykit.glossary"
PAGE_FOR_CASE = {"glossary_page": "glossary.md"}  # every other case renders as topics/golden.md


# ---------------------------------------------------------------- rendering helpers


def copy_fixture(dest: Path) -> Path:
    """tests/sites/glossary copied to `dest`, its theme folder (our JS and CSS) pointed at this checkout."""
    return copy_site("glossary", dest)


def fixture_extensions() -> tuple[list[str], dict[str, dict[str, Any]]]:
    """The fixture site's markdown_extensions, as Python-Markdown takes them."""
    config = yaml.safe_load((FIXTURE / "mkdocs.yml").read_text(encoding="utf-8"))
    names: list[str] = []
    configs: dict[str, dict[str, Any]] = {}
    for entry in config["markdown_extensions"]:
        if isinstance(entry, dict):
            ((name, options),) = entry.items()
            names.append(name)
            configs[name] = dict(options or {})
        else:
            names.append(entry)
    return names, configs


def render(text: str, page_path: str | None = "topics/golden.md", project: Path = FIXTURE) -> str:
    names, configs = fixture_extensions()
    assert EXTENSION in names, "the fixture site must list the glossary extension"
    configs[EXTENSION] = {"project_dir": str(project), "page_path": page_path or ""}
    html: str = markdown.Markdown(extensions=names, extension_configs=configs).convert(text)
    return html


# ---------------------------------------------------------------- golden cases


CASES = sorted(GOLDEN.glob("*.md"))


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_golden(case: Path) -> None:
    html = render(case.read_text(encoding="utf-8"), PAGE_FOR_CASE.get(case.stem, "topics/golden.md")) + "\n"
    expected_file = case.with_suffix(".html")
    if os.environ.get("UPDATE_GOLDEN") == "1":
        expected_file.write_text(html, encoding="utf-8")
    assert expected_file.is_file(), f"missing {expected_file.name}; run with UPDATE_GOLDEN=1 and review it"
    assert html == expected_file.read_text(encoding="utf-8")


def test_every_rule_has_a_golden_case() -> None:
    wanted = {
        "first_mention",
        "longest_match",
        "abbreviation_case",
        "case_insensitive",
        "plurals",
        "whole_words",
        "exclude_headings",
        "exclude_code_spans",
        "exclude_fenced_code",
        "exclude_links",
        "exclude_quiz",
        "exclude_admonition_title",
        "glossary_page",
        "forced_link",
        "suppressed",
    }
    assert wanted <= {case.stem for case in CASES}


def _links(html: str) -> list[tuple[str, str, str]]:
    """(data-term, href, text) of every term link."""
    return re.findall(r'<a class="sk-term" data-short="[^"]*" data-term="([^"]+)" href="([^"]+)">([^<]*)</a>', html)


def test_first_mention_only_and_longest_match() -> None:
    html = render("RFA, then radiofrequency ablation, then radiofrequency alone, then RFA again.")
    assert _links(html) == [
        ("radiofrequency-ablation", "../glossary.md#term-radiofrequency-ablation", "RFA"),
        ("radiofrequency", "../glossary.md#term-radiofrequency", "radiofrequency"),
    ]


def test_links_are_relative_to_the_page_at_any_depth() -> None:
    assert glossary_href("glossary.md", "index.md") == "glossary.md"
    assert glossary_href("glossary.md", "topics/deep/nested.md") == "../../glossary.md"
    assert glossary_href("study/glossary.md", "topics/a.md") == "../study/glossary.md"
    assert glossary_href("glossary.md", "glossary.md") == ""
    assert glossary_href("glossary.md", None) == "glossary.md"
    assert _links(render("Ziconotide.", "topics/deep/nested.md"))[0][1] == "../../glossary.md#term-ziconotide"


def test_short_definition_reaches_the_page_as_an_escaped_attribute(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    terms = project / "glossary" / "terms.yml"
    terms.write_text(
        terms.read_text(encoding="utf-8")
        + '\n- term: Quoted thing\n  short: Says "hi" & leaves.\n  definition: Uses <b>bold</b> & raw tags.\n',
        encoding="utf-8",
    )
    page = render("A quoted thing.", project=project)
    assert 'data-short="Says &quot;hi&quot; &amp; leaves."' in page
    assert "title=" not in page  # Material's own tooltips would fight ours
    listing = render("/// glossary\n///\n", "glossary.md", project=project)
    assert "Uses &lt;b&gt;bold&lt;/b&gt; &amp; raw tags." in listing  # definitions never carry raw HTML


# ---------------------------------------------------------------- the matcher


def test_matcher_is_one_trie_shaped_pattern_per_case_rule() -> None:
    terms = [GlossaryTerm(term=f"Common prefix {n:04d}", short="s", definition="d") for n in range(1000)]
    terms += [GlossaryTerm(term=f"Other {n}", abbr=f"AB{n}", short="s", definition="d") for n in range(100)]
    matcher = build_matcher(terms)
    insensitive, sensitive = matcher.patterns
    # shared prefixes are written once: the pattern is a trie, not a list of 1,000 alternatives
    assert insensitive.pattern.count("common") == 1
    assert sensitive.pattern.count("AB") == 1
    assert len(insensitive.pattern) < 1000 * len("common\\s+prefix\\s+0000")
    found = [m.term_id for m in matcher.finditer("see common prefix 0420 and AB7 or ab8 and other 99s")]
    assert found == ["common-prefix-0420", "other-7", "other-99"]


def test_matcher_rules() -> None:
    matcher = build_matcher(
        [
            GlossaryTerm(term="Opioid therapy", short="s", definition="d"),
            GlossaryTerm(term="Medial branch block", abbr="MBB", short="s", definition="d"),
            GlossaryTerm(term="Medial branch", short="s", definition="d"),
        ]
    )
    text = "Opioid THERAPIES, medial\n  branch blocks, MBBs, mbb, medial branch, MBB-guided, premedial branch"
    assert [(m.term_id, m.text) for m in matcher.finditer(text)] == [
        ("opioid-therapy", "Opioid THERAPIES"),
        ("medial-branch-block", "medial\n  branch blocks"),
        ("medial-branch-block", "MBBs"),
        ("medial-branch", "medial branch"),
    ]


# ---------------------------------------------------------------- the listing order


def test_terms_sort_as_a_person_expects() -> None:
    names = ["zeta", "Épidural space", "alpha", "Beta", "epidural needle", "5-HT3 antagonist", "Éclair"]
    terms = [GlossaryTerm(term=name, short="s", definition="d") for name in names]
    groups = group_terms(terms)
    assert [g.letter for g in groups] == [OTHER, "A", "B", "E", "Z"]
    assert [t.term for t in groups[3].terms] == ["Éclair", "epidural needle", "Épidural space"]
    assert sort_key("ÉPIDURAL") == sort_key("epidural")[:1] + ("ÉPIDURAL",)
    assert letter_of(terms[1]) == "E" and letter_anchor("E") == "letter-e" and letter_anchor(OTHER) == "letter-other"


def test_catalog_anchors_match_the_rendered_listing() -> None:
    """`check` accepts links to glossary anchors exactly when the listing really writes them."""
    project, _ = load_project(FIXTURE)
    catalog = build_catalog(project)
    listing = render("/// glossary\n///\n", "glossary.md")
    written = set(re.findall(r'id="((?:term|letter)-[^"]+)"', listing))
    expected = {a for a in catalog.anchors["glossary.md"] if a.startswith(("term-", "letter-"))}
    assert written == expected
    assert {f"term-{term_id}" for term_id in catalog.terms} <= written


# ---------------------------------------------------------------- check


def test_unknown_forced_term_is_a_check_error_with_line_and_column(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    page = project / "content" / "topics" / "ablation.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [the pump](term:intrathecal-pmp).\n", encoding="utf-8")
    line = len(page.read_text(encoding="utf-8").split("\n")) - 1
    problems = [d for d in check_project(project).diagnostics if d.code.value == "glossary.unknown-term"]
    assert [(d.path, d.line, d.column) for d in problems] == [("content/topics/ablation.md", line, 16)]
    assert "unknown glossary term 'intrathecal-pmp'" in problems[0].message


def test_links_in_definitions_are_checked_with_line_and_column(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    terms = project / "glossary" / "terms.yml"
    text = terms.read_text(encoding="utf-8")
    text = text.replace("(topics/ablation.md#technique) and", "(topics/ablaton.md#technique) and")
    text = text.replace("definition: Lidocaine and", "definition: See [x](term:nope) Lidocaine and")
    terms.write_text(text, encoding="utf-8")
    lines = text.split("\n")
    block_line = next(n for n, line in enumerate(lines, 1) if "topics/ablaton.md" in line)
    plain_line = next(n for n, line in enumerate(lines, 1) if "term:nope" in line)
    found = sorted(
        (d.line, d.column, d.code.value) for d in check_project(project).diagnostics if d.path == "glossary/terms.yml"
    )
    assert found == [
        (block_line, lines[block_line - 1].index("topics/ablaton.md") + 1, "link.missing-page"),
        (plain_line, lines[plain_line - 1].index("nope") - len("term:") + 1, "glossary.unknown-term"),
    ]


# ---------------------------------------------------------------- the built site


class _Page(HTMLParser):
    """Element ids, and each term link with the open elements around it."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.term_links: list[tuple[dict[str, str], list[tuple[str, dict[str, str]]]]] = []
        self.in_article = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "data-term" in values:
            self.term_links.append((values, list(self.stack)))
        if tag not in self.VOID:
            self.stack.append((tag, values))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break


EXCLUDED_TAGS = {"a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "summary", "button", "label"}
EXCLUDED_CLASSES = {"admonition-title", "sk-quiz", "no-term"}


def _parse(file: Path) -> _Page:
    parser = _Page()
    parser.feed(file.read_text(encoding="utf-8"))
    return parser


def verify_glossary_site(site: Path, root: Path) -> int:
    """Every term has its entry, every data-term link resolves to it, none sits in an excluded context.
    Returns the number of term links checked."""
    project, _ = load_project(root)
    catalog = build_catalog(project)
    assert catalog.glossary_page is not None
    glossary_html = site / posixpath.splitext(catalog.glossary_page)[0] / "index.html"
    glossary = _parse(glossary_html)
    missing = {f"term-{term_id}" for term_id in catalog.terms} - glossary.ids
    assert not missing, f"terms without an entry: {sorted(missing)}"
    pages = {file: _parse(file) for file in site.rglob("*.html")}
    checked = 0
    for file, page in pages.items():
        for attrs, ancestors in page.term_links:
            term_id, href = attrs["data-term"], attrs["href"]
            where = f"{file.relative_to(site)}: link to {term_id}"
            assert term_id in catalog.terms, where
            assert attrs.get("data-short") == catalog.terms[term_id].term.short, where
            parts = urlsplit(href)
            assert not parts.scheme and not parts.netloc and not href.startswith("/"), f"{where} is not relative"
            target = (file.parent / unquote(parts.path)).resolve()
            target = target / "index.html" if target.is_dir() else target
            assert target == glossary_html.resolve(), f"{where} goes to {href}"
            assert unquote(parts.fragment) == f"term-{term_id}" and f"term-{term_id}" in glossary.ids, where
            for tag, values in ancestors:
                classes = set(values.get("class", "").split())
                bad = tag in EXCLUDED_TAGS or classes & EXCLUDED_CLASSES or "data-quiz" in values
                assert not bad, f"{where} sits inside <{tag} {values}>"
            if file == glossary_html:
                inside_definition = any("sk-glossary-definition" in v.get("class", "") for _, v in ancestors)
                assert inside_definition, f"{where}: the glossary page only links where a definition forces it"
            checked += 1
    return checked


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_fixture(tmp_path_factory.mktemp("glossary-site"))
    result = build_project(root, root / "site")
    assert result.built, "\n".join(d.text() for d in result.diagnostics)  # includes the post-build audit
    return root


def test_built_fixture_site_links_resolve_and_respect_exclusions(fixture_site: Path) -> None:
    assert verify_glossary_site(fixture_site / "site", fixture_site) >= 12


def test_built_fixture_site_links_are_right_at_every_depth(fixture_site: Path) -> None:
    site = fixture_site / "site"
    nested = (site / "topics" / "deep" / "nested" / "index.html").read_text(encoding="utf-8")
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="../../../glossary/#term-post-dural-puncture-headache"' in nested
    assert 'href="glossary/#term-ziconotide"' in home


def test_built_fixture_glossary_page(fixture_site: Path) -> None:
    html = (fixture_site / "site" / "glossary" / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    assert 'data-term="radiofrequency-ablation"' not in article  # the intro's mention is not linked
    jump = re.findall(r'<li><a href="#(letter-[a-z]+)">', article)
    assert jump == ["letter-e", "letter-l", "letter-m", "letter-o", "letter-p", "letter-r", "letter-z"]
    entries = re.findall(r'<h3 id="term-([^"]+)"', article)
    assert entries == [
        "epidural-space",
        "local-anaesthetic",
        "medial-branch-block",
        "opioid-therapy",
        "post-dural-puncture-headache",
        "radiofrequency",
        "radiofrequency-ablation",
        "ziconotide",
    ]
    # the definition's content-relative link and the learn-more link point at the real section
    assert html.count('href="../topics/ablation/#technique"') == 2
    assert "Learn more: Technique (Ablation)" in article
    assert re.search(r"Used in:</span> <a href=\"../topics/deep/nested/\">Nested</a></p>", article)


def test_glossary_terms_are_found_by_site_search(fixture_site: Path) -> None:
    index = json.loads((fixture_site / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    entries = {doc["location"]: doc for doc in index["docs"]}
    project, _ = load_project(fixture_site)
    for term_id, source in build_catalog(project).terms.items():
        entry = entries.get(f"glossary/#term-{term_id}")
        assert entry is not None, f"no search entry for {term_id}"
        assert entry["title"].startswith(source.term.term)
    assert "RF denervation" in entries["glossary/#term-radiofrequency-ablation"]["text"]  # aliases are searchable
    assert not any(loc.startswith("glossary/#letter-") for loc in entries)  # a lone letter is no result


def test_shipped_site_glossary(built_site: Path, project_root: Path) -> None:
    """The real site: every term has its entry, every term link resolves, none in an excluded context."""
    assert verify_glossary_site(built_site, project_root) > 0
