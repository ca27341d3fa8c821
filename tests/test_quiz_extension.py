"""Quiz blocks: golden HTML per question type and for the no-JS fallback, escaping, links, the hub, the build.

Golden cases are tests/golden/quiz/<case>.md (Markdown in) beside <case>.html (HTML out), rendered against the
fixture project tests/sites/quiz as the page named in an optional first line `<!-- page: topics/x.md -->`.
After an intended change run `UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_quiz_extension.py`
and review the diff.
"""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import get_args

import markdown
import pytest

from studykit.catalog import build_catalog
from studykit.generate.furniture import page_markdown
from studykit.generate.snapshot import catalog_of_project as catalog_for
from studykit.pipeline import check_project, render_unchecked
from studykit.postprocess.audit import audit_site
from studykit.quiz.extension import QuizExtension
from studykit.quiz.render import QUESTION_TYPES, PageContext, question_hash, render_quiz, review_link
from studykit.render.inline import InlineRenderer
from studykit.render.sanitize import clean_inline_html
from studykit.render.urls import page_url, relative_url
from studykit.sources.loading import TermSource, load_project
from studykit.sources.models import GlossaryTerm, Question, SingleChoice

from .helpers import copy_site

TESTS = Path(__file__).resolve().parent
FIXTURE = TESTS / "sites" / "quiz"
GOLDEN = TESTS / "golden" / "quiz"
ASSETS = TESTS.parent / "studykit" / "assets"
PAGE_LINE = re.compile(r"\A<!-- page: (?P<page>\S+) -->\n")
DEFAULT_PAGE = "topics/types.md"


def render(text: str, page: str = DEFAULT_PAGE, project: Path = FIXTURE) -> str:
    md = markdown.Markdown(
        extensions=["attr_list", "pymdownx.blocks.html", QuizExtension(project_dir=str(project), page_path=page)]
    )
    return md.convert(text)


# ---------------------------------------------------------------- golden


@pytest.mark.parametrize("case", sorted(p.stem for p in GOLDEN.glob("*.md")))
def test_golden(case: str) -> None:
    source = (GOLDEN / f"{case}.md").read_text(encoding="utf-8")
    page = DEFAULT_PAGE
    header = PAGE_LINE.match(source)
    if header:
        page, source = header.group("page"), source[header.end() :]
    html = render(source, page) + "\n"
    expected_file = GOLDEN / f"{case}.html"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        expected_file.write_text(html, encoding="utf-8")
    assert expected_file.is_file(), f"missing {expected_file.name}; run with UPDATE_GOLDEN=1 and review it"
    assert html == expected_file.read_text(encoding="utf-8")


def test_every_question_type_has_a_golden_case() -> None:
    covered = set()
    for file in GOLDEN.glob("*.html"):
        covered |= set(re.findall(r'data-type="([a-z_]+)"', file.read_text(encoding="utf-8")))
    assert covered == set(QUESTION_TYPES)


# ---------------------------------------------------------------- structure of one quiz


class _Quizzes(HTMLParser):
    """data-question elements per quiz root, in document order (questions always follow their own root)."""

    def __init__(self) -> None:
        super().__init__()
        self.counts: list[tuple[str, int]] = []
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.elements.append((tag, values))
        if "data-quiz" in values:
            self.counts.append((str(values["data-quiz"]), 0))
        if "data-question" in values and self.counts:
            quiz_id, count = self.counts[-1]
            self.counts[-1] = (quiz_id, count + 1)


def quiz_counts(html: str) -> _Quizzes:
    parser = _Quizzes()
    parser.feed(html)
    return parser


def test_the_contract_attributes_fieldset_and_labels() -> None:
    parsed = quiz_counts(render("/// quiz | nerves\n///\n", "topics/nerves.md"))
    assert parsed.counts == [("nerves", 3)]
    questions = [attrs for tag, attrs in parsed.elements if "data-question" in attrs]
    assert [q["data-question"] for q in questions] == ["facet-supply", "ganglion-contents", "pulsed-temperature"]
    assert all(re.fullmatch(r"[0-9a-f]{12}", str(q["data-hash"])) for q in questions)
    assert [json.loads(str(q["data-answer"])) for q in questions] == [["b"], ["a", "c"], ["true"]]
    tags = [tag for tag, _ in parsed.elements]
    assert tags.count("fieldset") == tags.count("legend") == 3
    inputs = [attrs for tag, attrs in parsed.elements if tag == "input"]
    labels = {attrs["for"] for tag, attrs in parsed.elements if tag == "label"}
    assert [i["type"] for i in inputs] == ["radio"] * 3 + ["checkbox"] * 4 + ["radio"] * 2
    assert {i["id"] for i in inputs} == labels
    live = [attrs for tag, attrs in parsed.elements if attrs.get("role") == "status"]
    # the storage note, one per question, then the end-of-quiz result: all present before anything changes
    assert [a["class"] for a in live] == ["sk-storage"] + ["sk-question__status"] * 3 + ["sk-quiz__result"]
    assert sum(1 for tag in tags if tag == "details") == 3


def test_a_page_with_quiz_front_matter_shows_it_under_check_your_understanding() -> None:
    catalog = catalog_for(FIXTURE)
    page = catalog.pages["topics/nerves.md"]
    assert page.meta is not None
    html = render(page_markdown(page.body, page.meta), "topics/nerves.md")
    heading = html.index('<h2 id="check-your-understanding">Check your understanding</h2>')
    assert html.index('data-quiz="nerves"') > heading


def test_review_links_are_relative_to_the_rendering_page_and_titled_from_headings() -> None:
    ctx = PageContext(catalog_for(FIXTURE), "topics/types.md")
    link = review_link("topics/heat.md#pulsed-radiofrequency", ctx)
    assert link is not None and (link.href, link.title) == ("../heat/#pulsed-radiofrequency", "Pulsed radiofrequency")
    same = review_link("topics/types.md#true-or-false", ctx)
    assert same is not None and (same.href, same.title) == ("#true-or-false", "True or false")
    home = PageContext(catalog_for(FIXTURE), "index.md")
    deep = review_link("topics/nerves.md#medial-branches", home)
    assert deep is not None and deep.href == "topics/nerves/#medial-branches"
    generated = review_link("topics/nerves.md#check-your-understanding", ctx)
    assert generated is not None and generated.title == "Nerves"  # no scanned heading: the page title
    assert review_link("topics/missing.md#x", ctx) is None


def test_without_a_page_links_are_written_as_on_the_quizs_own_page() -> None:
    md = markdown.Markdown(extensions=["pymdownx.blocks.html", QuizExtension(project_dir=str(FIXTURE))])
    html = md.convert("/// quiz | true-false\n///\n")
    assert 'href="#true-or-false"' in html and 'href="../heat/#lesion-size"' in html


@pytest.mark.parametrize(
    ("from_rel", "to_rel", "anchor", "expected"),
    [
        ("index.md", "procedures/rfa.md", "technique", "procedures/rfa/#technique"),
        ("procedures/a.md", "procedures/b.md", "", "../b/"),
        ("procedures/a.md", "index.md", "", "../../"),
        ("procedures/a.md", "procedures/a.md", "x", "#x"),
        ("quizzes.md", "foundations/index.md", "", "../foundations/"),
    ],
)
def test_relative_urls_follow_mkdocs_directory_urls(from_rel: str, to_rel: str, anchor: str, expected: str) -> None:
    assert relative_url(from_rel, to_rel, anchor) == expected


def test_page_urls_without_directory_urls() -> None:
    assert page_url("procedures/rfa.md", directory_urls=False) == "procedures/rfa.html"
    assert relative_url("procedures/a.md", "index.md", directory_urls=False) == "../index.html"


def test_an_unknown_quiz_id_renders_a_notice_and_never_raises() -> None:
    html = render("/// quiz | no-such-quiz\n///\n")
    assert 'data-quiz-missing="no-such-quiz"' in html and "data-quiz=" not in html


def test_embedding_a_quiz_twice_keeps_element_ids_unique() -> None:
    parsed = quiz_counts(render("/// quiz | nerves\n///\n\n/// quiz | nerves\n///\n"))
    ids = [str(attrs["id"]) for _, attrs in parsed.elements if "id" in attrs]
    assert len(ids) == len(set(ids))
    assert "quiz-nerves" in ids and "quiz-nerves-2" in ids


def test_content_written_inside_a_quiz_block_is_ignored() -> None:
    html = render("/// quiz | true-false\n*stray text*\n///\n")
    assert "stray text" not in html and 'data-quiz="true-false"' in html


def test_an_unknown_quiz_block_is_a_check_error_with_line_and_column(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    page = site / "content" / "topics" / "alpha.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nMore.\n\n/// quiz | alpah\n///\n", encoding="utf-8")
    lines = page.read_text(encoding="utf-8").split("\n")
    line = lines.index("/// quiz | alpah") + 1
    texts = [d.text() for d in check_project(site).diagnostics]
    assert texts == [
        f"content/topics/alpha.md:{line}:12: error: unknown quiz 'alpah'; did you mean 'alpha'? [quiz.unknown]"
    ]


def test_a_broken_link_inside_quiz_text_is_a_check_error(tmp_path: Path) -> None:
    site = copy_site("quiz", tmp_path)
    quiz = site / "quizzes" / "nerves.yml"
    text = quiz.read_text(encoding="utf-8").replace("(topics/nerves.md#medial", "(topics/nerve.md#medial")
    quiz.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.split("\n"), start=1) if "topics/nerve.md" in row)
    found = [d.text() for d in check_project(site).diagnostics if d.path == "quizzes/nerves.yml"]
    assert found == [
        f"quizzes/nerves.yml:{line}:18: error: link target 'topics/nerve.md' does not exist; "
        "did you mean 'topics/nerves.md'? [link.missing-page]"
    ]


# ---------------------------------------------------------------- question types and hashing


def test_the_registry_covers_every_question_model() -> None:
    union = get_args(get_args(Question)[0])
    literals = {get_args(model.model_fields["type"].annotation)[0] for model in union}
    assert literals == set(QUESTION_TYPES)


def _question(**changes: object) -> SingleChoice:
    base: dict[str, object] = {
        "id": "q",
        "type": "single",
        "prompt": "Which?",
        "choices": {"a": "One", "b": "Two"},
        "answer": "a",
        "explanation": "Because.",
        "source": "topics/nerves.md#medial-branches",
    }
    return SingleChoice.model_validate({**base, **changes})


def test_the_hash_changes_when_the_question_changes_but_not_for_an_explanation_fix() -> None:
    original = question_hash(_question())
    assert question_hash(_question()) == original
    assert question_hash(_question(prompt="Which one?")) != original
    assert question_hash(_question(answer="b")) != original
    assert question_hash(_question(choices={"a": "One", "b": "Three"})) != original
    assert question_hash(_question(explanation="Because it is.")) == original


def test_shuffle_is_announced_only_for_types_that_have_choices_to_shuffle() -> None:
    html = render("/// quiz | single-choice\n///\n\n/// quiz | true-false\n///\n")
    assert html.count("data-shuffle") == 1 and 'data-question="shuffled" data-type="single"' in html


# ---------------------------------------------------------------- escaping


HOSTILE = [
    '<img src=x onerror="window.__xss=1">',
    "<script>window.__xss=1</script>",
    "[x](javascript:window.__xss=1)",
    "[x](JaVaScRiPt:alert(1))",
    "[x](data:text/html,hi)",
    "[x](//evil.example/)",
    "![x](javascript:alert(1))",
    "<a href='javascript:alert(1)'>x</a>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "\x02wzxhzdk:0\x03",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_never_becomes_markup(text: str) -> None:
    renderer = InlineRenderer(lambda target: None)
    for html in (str(renderer.inline(text)), str(renderer.paragraphs(text))):
        parsed = quiz_counts(html)
        assert all(tag in {"p", "em", "strong", "code", "a", "br"} for tag, _ in parsed.elements), html
        assert not any(name.startswith("on") for _, attrs in parsed.elements for name in attrs), html
        assert not any("href" in attrs or "src" in attrs for _, attrs in parsed.elements), html
        assert "\x02" not in html and "\x03" not in html


def test_inline_markdown_and_safe_links_survive() -> None:
    ctx = PageContext(catalog_for(FIXTURE), "topics/types.md")
    html = str(ctx.inline.inline("**Bold**, `<code>`, [heat](topics/heat.md#lesion-size), [web](https://example.org)"))
    assert html == (
        '<strong>Bold</strong>, <code>&lt;code&gt;</code>, <a href="../heat/#lesion-size">heat</a>, '
        '<a href="https://example.org">web</a>'
    )
    assert str(ctx.inline.inline("[gone](topics/missing.md) [bad](topics/heat.md#nope)")) == "gone bad"
    assert str(ctx.inline.inline("1. not a list")) == "1. not a list"


def test_term_links_in_quiz_text_point_at_the_glossary_entry() -> None:
    catalog = build_catalog(load_project(FIXTURE)[0])
    catalog.glossary_page = "index.md"
    term = GlossaryTerm(term="Radiofrequency ablation", id="rfa", short="Heat lesioning of a nerve.", definition="x")
    catalog.terms["rfa"] = TermSource("glossary/terms.yml", 0, None, term)  # type: ignore[arg-type]
    ctx = PageContext(catalog, "topics/heat.md")
    assert str(ctx.inline.inline("[RFA](term:rfa)")) == (
        '<a class="sk-term" data-short="Heat lesioning of a nerve." data-term="rfa" href="../../#term-rfa">RFA</a>'
    )
    assert str(ctx.inline.inline("[X](term:unknown)")) == "X"


def test_inline_cleaner_keeps_only_allowed_tags_and_attributes() -> None:
    assert clean_inline_html('<em onclick="x">a</em><svg onload="x"><b>b</b></svg>') == "<em>a</em>b"
    assert clean_inline_html('<a href="javascript:alert(1)" class="sk-term">x</a>') == '<a class="sk-term">x</a>'


# ---------------------------------------------------------------- the fixture site and the real site


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The quiz fixture rendered and audited. It is built without `check` on purpose: its XSS quiz is rejected
    by `check`, and the renderer must be safe even then (as during `serve`)."""
    out = tmp_path_factory.mktemp("quiz-site") / "site"
    problems = render_unchecked(FIXTURE, out)
    problems += audit_site(out, build_catalog(load_project(FIXTURE)[0]))
    assert [d.text() for d in problems] == []
    return out


def test_check_rejects_the_hostile_quiz_and_nothing_else() -> None:
    diagnostics = check_project(FIXTURE).diagnostics
    assert diagnostics and {(d.path, d.code.value) for d in diagnostics} == {("quizzes/xss.yml", "safety.html")}


def _assert_counts_match(site: Path, project: Path) -> None:
    catalog = catalog_for(project)
    rendered: dict[str, int] = {}
    for file in sorted(site.rglob("*.html")):
        for quiz_id, count in quiz_counts(file.read_text(encoding="utf-8")).counts:
            expected = len(catalog.quizzes[quiz_id].quiz.questions)
            assert count == expected, f"{file.relative_to(site)}: quiz '{quiz_id}' shows {count} of {expected}"
            rendered[quiz_id] = rendered.get(quiz_id, 0) + 1
    assert set(rendered) == set(catalog.quizzes), "every quiz is shown on some page"


def test_fixture_site_shows_every_question_of_every_quiz(fixture_site: Path) -> None:
    _assert_counts_match(fixture_site, FIXTURE)


def test_shipped_site_shows_every_question_of_every_quiz(built_site: Path, project_root: Path) -> None:
    _assert_counts_match(built_site, project_root)
    hub = quiz_counts((built_site / "quizzes" / "index.html").read_text(encoding="utf-8"))
    listed = {str(a["data-quiz-best"]) for _, a in hub.elements if "data-quiz-best" in a}
    assert listed == set(catalog_for(project_root).quizzes)


def test_hostile_quiz_is_text_in_the_built_page(fixture_site: Path) -> None:
    html = (fixture_site / "topics" / "safety" / "index.html").read_text(encoding="utf-8")
    start = html.index('<section class="sk-quiz"')
    quiz = html[start : html.index("</section>", start)]
    parsed = quiz_counts(quiz)
    assert not [tag for tag, _ in parsed.elements if tag in {"script", "img", "iframe", "object", "svg"}]
    assert not [n for _, attrs in parsed.elements for n in attrs if n.startswith("on") or n == "style"]
    assert "&lt;img src=x onerror=" in quiz and "&lt;script&gt;window.__xss=1&lt;/script&gt;" in quiz


def test_quiz_pages_have_no_inline_script_and_load_quiz_assets(fixture_site: Path) -> None:
    html = (fixture_site / "topics" / "nerves" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<script src="[./]*assets/studykit/quiz\.js"', html)
    assert re.search(r'href="[./]*assets/studykit/quiz\.css"', html)
    start = html.index('<section class="sk-quiz"')
    parsed = quiz_counts(html[start : html.index("</section>", start)])
    assert parsed.counts == [("nerves", 3)]
    assert not [tag for tag, _ in parsed.elements if tag == "script"]
    assert not [name for _, attrs in parsed.elements for name in attrs if name.startswith("on") or name == "style"]


# ---------------------------------------------------------------- browser code


@pytest.mark.parametrize("name", ["quiz.js", "practice.js"])
def test_quiz_scripts_never_write_html_from_strings(name: str) -> None:
    script = re.sub(r"/\*.*?\*/|//[^\n]*", "", (ASSETS / name).read_text(encoding="utf-8"), flags=re.S)
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in script, sink


def test_the_quiz_css_shows_state_by_text_and_icon_not_colour_alone() -> None:
    css = (ASSETS / "quiz.css").read_text(encoding="utf-8")
    script = (ASSETS / "quiz.js").read_text(encoding="utf-8")
    for state in ("right", "wrong", "partial"):
        assert f'.sk-question__status[data-state="{state}"]::before' in css
    for words in ("Correct.", "Incorrect.", "Partly correct", "Your answer: correct", "Your answer: incorrect"):
        assert words in script


def test_render_quiz_uses_the_registry_template_for_each_type() -> None:
    ctx = PageContext(catalog_for(FIXTURE), "topics/types.md")
    html = render_quiz("nerves", ctx)
    assert [t for t in re.findall(r'data-type="([a-z_]+)"', html)] == ["single", "multiple", "true_false"]
