"""The two engines: the shipped site built with MkDocs and with Zensical carries the same studykit output."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from studykit.engine.zensical_build import stage_config
from studykit.generate.step import Stage
from studykit.pipeline import build_project

from .helpers import copy_site

ROOT = Path(__file__).resolve().parent.parent


class _StudykitMarkup(HTMLParser):
    """Glossary links (text, term, target) and quiz markup of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.term_links: list[tuple[str, str, str]] = []
        self.quiz_attrs: list[tuple[str, tuple[tuple[str, str | None], ...]]] = []
        self._term: dict[str, str | None] | None = None
        self._text = ""
        self._quiz_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("data-term"):
            self._term, self._text = values, ""
        if tag == "section" and "sk-quiz" in (values.get("class") or "").split():
            self._quiz_depth = 1
        elif self._quiz_depth:
            self._quiz_depth += tag not in ("input", "br", "img", "hr")
        if self._quiz_depth:
            kept = [pair for pair in attrs if pair[0] != "data-search-exclude"]  # Zensical consumes it for search
            self.quiz_attrs.append((tag, tuple(sorted(kept, key=lambda pair: pair[0]))))

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._term is not None:
            self.term_links.append((self._text, str(self._term["data-term"]), str(self._term.get("href"))))
            self._term = None
        if self._quiz_depth:
            self._quiz_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._term is not None:
            self._text += data


Pages = dict[str, _StudykitMarkup]


def _markup(site: Path) -> Pages:
    pages = {}
    for file in sorted(site.rglob("index.html")):
        parser = _StudykitMarkup()
        parser.feed(file.read_text(encoding="utf-8"))
        pages[file.relative_to(site).as_posix()] = parser
    return pages


@pytest.fixture(scope="module")
def both_sites(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[dict[str, _StudykitMarkup], dict[str, _StudykitMarkup]]:
    out = tmp_path_factory.mktemp("engines")
    for engine in ("mkdocs", "zensical"):
        result = build_project(ROOT, out / engine, engine=engine)
        assert result.built, "\n".join(map(str, result.diagnostics))
    return _markup(out / "mkdocs"), _markup(out / "zensical")


def test_both_engines_build_every_page(both_sites: tuple[Pages, ...]) -> None:
    mkdocs, zensical = both_sites
    assert set(mkdocs) == set(zensical)
    assert len(mkdocs) >= 22


def test_glossary_links_are_the_same_under_both_engines(both_sites: tuple[Pages, ...]) -> None:
    mkdocs, zensical = both_sites
    total = 0
    for page, parsed in mkdocs.items():
        assert zensical[page].term_links == parsed.term_links, page
        total += len(parsed.term_links)
    assert total > 300  # the shipped pages link hundreds of terms: an empty comparison would prove nothing


def test_quiz_markup_is_the_same_under_both_engines(both_sites: tuple[Pages, ...]) -> None:
    mkdocs, zensical = both_sites
    quizzed = 0
    for page, parsed in mkdocs.items():
        assert zensical[page].quiz_attrs == parsed.quiz_attrs, page
        quizzed += bool(parsed.quiz_attrs)
    assert quizzed >= 18


def test_the_zensical_config_keeps_the_editors_settings_and_points_into_the_stage(tmp_path: Path) -> None:
    config = stage_config(ROOT, Stage(tmp_path))
    assert config["docs_dir"] == "docs"
    assert "plugins" not in config and "hooks" not in config
    overlay = Path(config["theme"]["custom_dir"])
    assert overlay.is_absolute() and (overlay / "main.html").is_file()
    assert not (overlay / "partials" / "search.html").exists()  # Material's search form breaks Zensical's search
    assert config["nav"][0] == "index.md"
    extensions = {next(iter(e)) if isinstance(e, dict) else e: e for e in config["markdown_extensions"]}
    snapshot = str(tmp_path / "catalog.pickle")
    assert extensions["studykit.quiz"] == {"studykit.quiz": {"catalog": snapshot, "source_links": True}}
    assert extensions["studykit.glossary"] == {"studykit.glossary": {"catalog": snapshot}}


def test_a_problem_only_zensical_finds_is_a_diagnostic(tmp_path: Path) -> None:
    project = copy_site("minimal", tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("material", "no-such-theme"), encoding="utf-8")
    result = build_project(project, tmp_path / "out", engine="zensical")
    assert not result.built and not (tmp_path / "out").exists()
    assert [(d.path, d.code.value) for d in result.diagnostics] == [("mkdocs.yml", "build.zensical")]
    assert "no-such-theme" in result.diagnostics[0].message
