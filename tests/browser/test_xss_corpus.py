"""An XSS corpus (tests/xss_payloads.txt) in every text field that reaches HTML, rendered and loaded in Chromium.

One fixture site holds every payload in every field. Payload pages carry six payloads each: as learning
objectives (one each), joined into the title, description and reviewer (escaped text, so one field can hold
several), and in the body, each after a marker paragraph; a payload that hides what follows it (an unclosed
<script>) gets a body of its own, and the browser checks every marker is still there, so no payload goes
untested behind another. The glossary has a term named by each payload, one whose `short` is it and one whose
definition is it; one quiz has a question whose prompt, choice, feedback and explanation are it. The site is
rendered without `check` (`render_unchecked`), as `serve` would, so payloads `check` rejects are proven inert too.

Every page is loaded in Chromium with alert/prompt/confirm replaced by recorders, every request to another
origin recorded (and aborted) and every navigation away recorded; collapsible blocks are opened, glossary links
focused and the site search is run, so script reached that way would run too. Handlers that need a click or a
hover are found by reading the DOM: no on* attribute, script URL or script-capable element may be left in the
content. A control page proves the probe sees all of these.

Separately, `check` must reject, with a located error, each payload that plain Python-Markdown (no allowlist)
would have rendered into something dangerous in the page body.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml

from studykit.pipeline import check_project, render_unchecked

from .conftest import Server, serve_directory

pytestmark = pytest.mark.browser

PAYLOADS = Path(__file__).resolve().parent.parent / "xss_payloads.txt"
MARKER = "zebrafield"  # before each payload in a page body (and the search word)
END = "zebrafield-end"  # after the last payload of a page body
PER_PAGE = 6  # payloads per page: a page has at most six learning objectives
EXTENSIONS = [
    "toc",
    "attr_list",
    "md_in_html",
    "tables",
    "admonition",
    "footnotes",
    "abbr",
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.blocks.html",
    "pymdownx.blocks.details",
]

# Runs first in every frame; `__xssRecord` is a binding to Python, so a record survives the page navigating away.
PROBE = """
(() => {
  const record = (kind) => (...args) => { window.__xssRecord(kind + "(" + args.map(String).join(",") + ")"); };
  window.alert = record("alert");
  window.prompt = record("prompt");
  window.confirm = record("confirm");
  window.print = record("print");
})();
"""

# What may not be left in a page's content, whatever ran: handlers, script URLs, script-capable elements.
AUDIT = """
() => {
  const problems = [];
  const scriptUrl = /^(javascript|vbscript|data|livescript):/;
  // as the URL parser reads a URL: C0 controls and spaces trimmed, tabs and newlines removed anywhere
  const clean = (value) => value.replace(/^[\\u0000-\\u0020]+|[\\u0000-\\u0020]+$/g, "")
    .replace(/[\\t\\n\\r]/g, "").toLowerCase();
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith("on")) problems.push(`${el.tagName} ${name}`);
      if (/(^|:)(href|src|action|formaction|data|poster|background|to|values|from|by)$/.test(name)
          && scriptUrl.test(clean(attr.value))) problems.push(`${el.tagName} ${name}=${attr.value}`);
    }
  }
  for (const el of document.querySelectorAll("iframe, frame, frameset, object, embed, base, area, meta[http-equiv], "
      + "body link, article form, article script, article style, article svg, article math, [autofocus]")) {
    problems.push(`element ${el.tagName}`);
  }
  for (const el of document.querySelectorAll("article [style]")) {
    const style = el.getAttribute("style");
    if (/url\\s*\\(|expression\\s*\\(/i.test(style)) problems.push(`style ${style}`);
  }
  for (const el of document.querySelectorAll("article [id^='__']")) {
    if (!/^__(codelineno-|span-|tabbed_|code_)/.test(el.id)) problems.push(`theme id ${el.id}`);
  }
  if (document.querySelectorAll("#__config").length > 1) problems.push("second #__config");
  return problems;
}
"""

# What a student does on a page: open collapsible blocks (quiz answers), focus glossary links (tooltips).
INTERACT = """
() => {
  document.querySelectorAll("details").forEach((d) => { d.open = true; });
  document.querySelectorAll("a.sk-term").forEach((a) => { a.focus(); a.blur(); });
}
"""


def load_payloads() -> list[str]:
    payloads = []
    for line in PAYLOADS.read_text(encoding="utf-8").split("\n"):
        if not line.strip() or line.startswith("# "):
            continue
        payloads.append(line.replace("\\n", "\n").replace("\\t", "\t"))
    return payloads


def swallows(payload: str) -> bool:
    """Whether the rendered payload hides what follows it on the page (an unclosed <script> or <style>): such a
    payload gets a page of its own, so the payloads after it are still tested."""
    md = markdown.Markdown(extensions=[*EXTENSIONS, "studykit.render.safehtml"])
    return END not in md.convert(f"{payload}\n\n{END}")


def _front_matter(data: dict[str, Any]) -> str:
    return "---\n" + _dump(data) + "---\n\n"


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1_000_000)


@dataclass
class Corpus:
    root: Path
    site: Path
    payloads: list[str]
    pages: dict[str, list[int]] = field(default_factory=dict)  # payload page -> numbers of the payloads in its body
    alone: set[str] = field(default_factory=set)  # pages of one payload that hides what follows it


def marker(number: int) -> str:
    return f"{MARKER}-{number}"


def write_fixture(root: Path, payloads: list[str]) -> Corpus:
    """The corpus site under `root`. Payloads are numbered from 1, in file order."""
    corpus = Corpus(root, root / "site", payloads)
    content = root / "content"
    (content / "p").mkdir(parents=True)
    numbers = list(range(1, len(payloads) + 1))
    alone = {n for n in numbers if swallows(payloads[n - 1])}
    for start in range(0, len(numbers), PER_PAGE):
        group = numbers[start : start + PER_PAGE]
        texts = [payloads[n - 1] for n in group]
        joined = " ¦ ".join(texts)  # front matter text is escaped whole: one field can carry several payloads
        meta = {
            "id": f"p-{group[0]:03d}",
            "title": joined,
            "description": joined,
            "template": "topic",
            "objectives": texts,  # one list item each: an attribute list applies to its own item
            "review": {"status": "reviewed", "reviewer": joined, "date": "2026-01-01"},
        }
        body = [n for n in group if n not in alone]
        rel = f"p/{group[0]:03d}.md"
        text = "".join(f"{marker(n)}\n\n{payloads[n - 1]}\n\n" for n in body) + f"{END}\n"
        (content / rel).write_text(_front_matter(meta) + text, encoding="utf-8")
        corpus.pages[rel] = body
    for n in sorted(alone):
        rel = f"p/alone-{n:03d}.md"
        meta = {"id": f"alone-{n:03d}", "title": f"Alone {n}", "description": "One payload.", "template": "topic"}
        text = f"{marker(n)}\n\n{payloads[n - 1]}\n\n{END}\n"
        (content / rel).write_text(_front_matter(meta) + text, encoding="utf-8")
        corpus.pages[rel] = [n]
        corpus.alone.add(rel)
    home = {"id": "home", "title": "Home", "description": "The corpus home.", "template": "home"}
    (content / "index.md").write_text(_front_matter(home) + f"Every payload, in every field. {END}\n", encoding="utf-8")
    glossary = {"id": "glossary", "title": "Glossary", "description": "Every term.", "template": "study"}
    (content / "glossary.md").write_text(_front_matter(glossary) + "/// glossary\n///\n", encoding="utf-8")
    mentions = {"id": "terms", "title": "Terms", "description": "Links to every term.", "template": "topic"}
    body_text = "\n\n".join(f"Bterm {n:03d} and Cterm {n:03d}." for n in numbers)
    (content / "terms.md").write_text(_front_matter(mentions) + body_text + "\n", encoding="utf-8")
    quiz_page = {"id": "quiz", "title": "Quiz", "description": "The quiz.", "template": "study", "quiz": "xss"}
    (content / "quiz.md").write_text(_front_matter(quiz_page) + "The corpus as a quiz.\n", encoding="utf-8")
    terms: list[dict[str, Any]] = []
    questions: list[dict[str, Any]] = []
    for number, payload in enumerate(payloads, start=1):
        k = f"{number:03d}"
        terms.append({"term": payload, "id": f"a-{k}", "short": f"Short {k}.", "definition": f"Definition {k}."})
        terms.append({"term": f"Bterm {k}", "id": f"b-{k}", "short": payload, "definition": f"Definition {k}."})
        terms.append({"term": f"Cterm {k}", "id": f"c-{k}", "short": f"Short {k}.", "definition": payload})
        questions.append(
            {
                "id": f"q-{k}",
                "type": "single",
                "prompt": payload,
                "choices": {"a": {"text": payload, "feedback": payload}, "b": f"Safe answer {k}"},
                "answer": "b",
                "explanation": payload,
                "source": "quiz.md",
            }
        )
    (root / "glossary").mkdir()
    (root / "glossary" / "terms.yml").write_text(_dump(terms), encoding="utf-8")
    (root / "quizzes").mkdir()
    quiz = {"id": "xss", "title": "Corpus", "page": "quiz.md", "questions": questions}
    (root / "quizzes" / "xss.yml").write_text(_dump(quiz), encoding="utf-8")
    config = {
        "site_name": "XSS corpus",
        "docs_dir": "content",
        "use_directory_urls": True,
        "theme": {"name": "material", "font": False, "features": ["search.suggest", "navigation.footer"]},
        "plugins": ["search", "studykit"],
        "validation": {
            key: "info" for key in ("omitted_files", "absolute_links", "unrecognized_links", "anchors", "not_found")
        },
        "markdown_extensions": [{"toc": {"permalink": True}}, *EXTENSIONS[1:], "studykit.glossary", "studykit.quiz"],
        "nav": ["index.md", "glossary.md", "terms.md", "quiz.md", {"Payloads": list(corpus.pages)}],
    }
    (root / "mkdocs.yml").write_text(_dump(config), encoding="utf-8")
    return corpus


def _url(rel: str) -> str:
    return "" if rel == "index.md" else rel.removesuffix(".md") + "/"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    root = tmp_path_factory.mktemp("xss-corpus")
    corpus = write_fixture(root, load_payloads())
    render_unchecked(root, corpus.site)  # MkDocs' own warnings about payload links do not matter here
    missing = [rel for rel in corpus.pages if not (corpus.site / _url(rel) / "index.html").is_file()]
    assert not missing, f"pages not rendered: {missing[:5]}"
    return corpus


@dataclass
class Findings:
    executions: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    away: list[str] = field(default_factory=list)
    latent: list[str] = field(default_factory=list)
    hidden: list[str] = field(default_factory=list)


class Probe:
    """One browser page that records executions, foreign requests and navigations across many loads."""

    def __init__(self, browser: Any, server: Server) -> None:
        self.origin = server.url.rstrip("/")
        self.search = False  # the search index is only loaded where the search is run: it costs each page time
        self.context = browser.new_context()
        self.context.expose_binding("__xssRecord", self._record)
        self.context.add_init_script(PROBE)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.findings = Findings()
        self.expected = ""
        self.page.on("request", self._request)
        self.page.on("framenavigated", self._navigated)
        self.page.on("dialog", self._dialog)

    def _foreign(self, url: str) -> bool:
        return not (url.startswith(self.origin) or url.startswith(("data:image/", "blob:", "about:")))

    def _route(self, route: Any) -> None:
        url = route.request.url
        if self._foreign(url) or (not self.search and ("/search/" in url or "/workers/search" in url)):
            route.abort()
        else:
            route.continue_()

    def _request(self, request: Any) -> None:
        if self._foreign(request.url):
            self.findings.foreign.append(f"{self.expected}: {request.url}")

    def _navigated(self, frame: Any) -> None:
        if frame == self.page.main_frame and frame.url.split("#")[0] != self.expected:
            self.findings.away.append(f"{self.expected} -> {frame.url}")

    def _record(self, source: Any, call: str) -> None:
        self.findings.executions.append(f"{self.expected}: {call}")

    def _dialog(self, dialog: Any) -> None:
        self.findings.executions.append(f"{self.expected}: dialog {dialog.message}")
        dialog.dismiss()

    def visit(self, path: str, markers: list[str] | None = None) -> None:
        self.expected = f"{self.origin}/{path}"
        self.page.goto(self.expected, wait_until="load")
        self.page.evaluate(INTERACT)
        text = self.page.evaluate("document.querySelector('article')?.textContent || ''")
        for wanted in markers or []:
            if not re.search(rf"{re.escape(wanted)}\b", text):
                self.findings.hidden.append(f"{path}: {wanted}")
        self.collect(path)

    def collect(self, where: str) -> None:
        self.page.wait_for_timeout(20)  # let handlers queued by the load (autofocus, onload) run and report
        for problem in self.page.evaluate(AUDIT):
            self.findings.latent.append(f"{where}: {problem}")

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def corpus_server(corpus: Corpus) -> Iterator[Server]:
    server = serve_directory(corpus.site)
    yield server
    server._httpd.shutdown()


def test_the_corpus_covers_the_filter_evasion_classes() -> None:
    payloads = load_payloads()
    assert len(payloads) >= 150
    assert len(set(payloads)) == len(payloads), "each payload once"


def test_the_probe_sees_an_execution_a_foreign_request_and_a_latent_handler(browser: Any, corpus: Corpus) -> None:
    control = corpus.site / "control" / "index.html"
    control.parent.mkdir(exist_ok=True)
    control.write_text(
        '<!doctype html><title>control</title><article><img src="x" onerror="alert(1)">'
        '<img src="https://evil.example/x.png"><a onclick="alert(2)">x</a><svg></svg></article>',
        encoding="utf-8",
    )
    server = serve_directory(corpus.site)
    probe = Probe(browser, server)
    try:
        probe.visit("control/", [END])
    finally:
        probe.close()
        server._httpd.shutdown()
        control.unlink()
    found = probe.findings
    assert any("alert(1)" in hit for hit in found.executions)
    assert any("evil.example" in url for url in found.foreign)
    assert any("A onclick" in problem for problem in found.latent)
    assert any("element svg" in problem.lower() for problem in found.latent)
    assert found.hidden == [f"control/: {END}"]


def test_every_payload_in_every_field_is_inert_in_chromium(browser: Any, corpus: Corpus, corpus_server: Server) -> None:
    probe = Probe(browser, corpus_server)
    search_failure = shown = None
    try:
        for rel in ["glossary.md", "terms.md", "quiz.md"]:
            probe.visit(_url(rel))
        for rel, body in corpus.pages.items():
            probe.visit(_url(rel), [*map(marker, body)] + ([] if rel in corpus.alone else [END]))
        # The search lists the payload pages with their titles (Material renders results as HTML).
        probe.search = True
        probe.visit("", [END])
        try:
            probe.page.locator(".md-search__input").first.click(timeout=10_000)
            probe.page.keyboard.type(MARKER)  # Material searches on key events, not on a filled value
            probe.page.wait_for_selector(".md-search-result__item", timeout=15_000)
            for _ in range(5):
                probe.page.evaluate("document.querySelector('.md-search__scrollwrap')?.scrollBy(0, 100000)")
                probe.page.wait_for_timeout(50)
            shown = probe.page.locator(".md-search-result__item").count()
        except Exception as exc:  # noqa: BLE001 - reported below, after what the pages did
            search_failure = str(exc).splitlines()[0]
        probe.collect("search results")
    finally:
        probe.close()
    found = probe.findings
    assert found.executions == [], f"script ran: {found.executions[:10]}"
    assert found.foreign == [], f"requests left the site: {found.foreign[:10]}"
    assert found.away == [], f"pages navigated away: {found.away[:10]}"
    assert found.latent == [], f"dangerous markup left in pages: {found.latent[:10]}"
    assert found.hidden == [], f"a payload hid the ones after it, which were then not tested: {found.hidden[:10]}"
    assert search_failure is None, f"the site search did not work: {search_failure}"
    assert shown is not None and shown >= 3, "the search showed the payload pages"


# ---------------------------------------------------------------- check


class _Dangerous(HTMLParser):
    """Whether HTML holds a handler, a script URL or a script-capable element (as plain Markdown would emit)."""

    TAGS = frozenset({"script", "iframe", "object", "embed", "base", "form", "svg", "math", "meta", "link", "style"})
    SCRIPT_URL = re.compile(r"^(javascript|vbscript|data):", re.IGNORECASE)

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.TAGS:
            self.found = True
        for name, value in attrs:
            cleaned = re.sub(r"[\x00-\x20]", "", value or "")
            if name.startswith("on") or name in {"autofocus", "style"} or self.SCRIPT_URL.match(cleaned):
                self.found = True


def dangerous_without_allowlist(payload: str) -> bool:
    parser = _Dangerous()
    parser.feed(markdown.markdown(payload, extensions=EXTENSIONS))
    parser.close()
    return parser.found


def test_check_locates_every_payload_plain_markdown_would_render_dangerously(corpus: Corpus) -> None:
    diagnostics = check_project(corpus.root).diagnostics
    for diagnostic in diagnostics:
        assert (corpus.root / diagnostic.path).is_file() and diagnostic.line >= 1, diagnostic.text()
    located: dict[str, list[int]] = {}
    for diagnostic in diagnostics:
        if diagnostic.code.value.startswith(("safety.", "link.")):
            located.setdefault(diagnostic.path, []).append(diagnostic.line)
    missed = []
    for rel, body in corpus.pages.items():
        lines = (corpus.root / "content" / rel).read_text(encoding="utf-8").split("\n")
        bounds = [lines.index(marker(n)) + 1 for n in body] + [lines.index(END) + 1]  # 1-based line numbers
        for index, number in enumerate(body):
            payload = corpus.payloads[number - 1]
            if dangerous_without_allowlist(payload):
                first, last = bounds[index], bounds[index + 1]
                if not any(first < line < last for line in located.get(f"content/{rel}", [])):
                    missed.append(payload)
    assert missed == [], f"check let these through without a located error: {missed}"
