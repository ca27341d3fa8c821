"""Synthetic study sites for `make bench`, written three ways from one seed so every variant builds the same job.

- `studykit-project/`: a studykit project (pages with front matter, `glossary/*.yml`, `quizzes/*.yml`); studykit links
  each page's term mentions itself and renders each page's quiz from YAML.
- `plain/`: the same page Markdown and nav under plain Material: no studykit extension or plugin, no glossary
  entries, no quizzes. The baseline for what the features cost.
- `peers/`: the same job done by Material with mkdocs-ezglossary-plugin (definitions as a definition list on the
  glossary page, each mention written as `<g:term|text>`, a summary with the pages that use each term, short
  tooltips) and mkdocs-quiz (each question as a `<quiz>` block at the end of its page, explanation included).

Pages are ~1,000 words of seeded filler prose in five `##` sections, with `mentions` distinct glossary terms
(handed out round-robin, so every term is mentioned once the pages have room), a citation, a link to the next
page and a `questions`-question quiz. The theme is the scaffold's, except that the nav is pruned (Material's
`navigation.prune`, without `navigation.sections`): with every page's nav listing all pages, a 1,000-page site is
331 MB of HTML and every engine's cost per page grows with the page count, which is no measure of studykit.
The filler vocabulary shares no word with the made-up term names ('bracel dovfen block'), so only the planned
mentions are terms. Hand-written on purpose: the corpus is the thing measured and must be reproducible byte for
byte from the seed.
"""

from __future__ import annotations

import itertools
import random
import textwrap
from dataclasses import dataclass
from pathlib import Path

SYLLABLES = "bra cel dov fen gri hal jum kes lor mip nav pol quin ros sut tev ulm vax wen yor zid".split()
KINDS = ("syndrome", "block", "nerve", "ablation", "injection")
WORDS = (
    "the a of and to in is that for it as with was on be by this are from at an which or have not were but had "
    "one their all there can more been when what some into other them may these than then would its only two over "
    "such most after first also made many before must through where much should well those each under every "
    "patient clinic method result change study reader section careful common simple early later small large "
    "useful clear usual rare needle image dose level joint back spine pain relief risk benefit trial evidence "
    "review guideline outcome follow report plan choose explain describe measure compare support reduce increase "
    "short long normal local general"
).split()
SECTIONS = ("Overview", "Background", "Technique", "Evidence", "Summary")
QUIZ_KINDS = ("single", "multiple", "true_false")
BENCH_REFERENCE = "bench-2020"  # the one bibliography record every page of the corpus cites
TERMS_PER_FILE = 500
THEME = """\
theme:
  name: material
  language: en
  font: false
  features:
    - navigation.instant
    - navigation.tracking
    - navigation.prune
    - navigation.footer
    - navigation.top
    - navigation.indexes
    - toc.follow
    - search.suggest
    - search.highlight
    - content.tooltips
"""
COMMON_EXTENSIONS = """\
  - toc:
      permalink: true
  - attr_list
  - md_in_html
  - tables
  - admonition
  - footnotes
  - pymdownx.details
  - pymdownx.superfences
"""


@dataclass(frozen=True)
class Spec:
    """One corpus: its size and the knobs every page shares."""

    pages: int
    terms: int
    words: int = 1_000
    mentions: int = 15
    questions: int = 10
    seed: int = 20261129
    per_section: int = 50  # pages per nav section

    @property
    def name(self) -> str:
        return f"{self.pages}p-{self.terms}t"


@dataclass(frozen=True)
class Term:
    key: str
    name: str
    short: str
    definition: str


@dataclass(frozen=True)
class Question:
    kind: str
    prompt: str
    choices: dict[str, str]
    answer: str | list[str] | bool
    explanation: str
    section: str


@dataclass(frozen=True)
class Page:
    rel: str  # content-relative path, e.g. "s01/p0003.md"
    key: str
    title: str
    sections: dict[str, list[str]]  # heading -> paragraphs; mentions appear as "{{term-key}}" placeholders
    next_rel: str
    questions: list[Question]


@dataclass(frozen=True)
class Corpora:
    studykit: Path
    plain: Path
    peers: Path


def make_terms(count: int, rng: random.Random) -> list[Term]:
    words = ["".join(pair) for pair in itertools.product(SYLLABLES, repeat=2)]
    pairs = rng.sample(list(itertools.product(words, repeat=2)), count)
    terms = []
    for number, (first, second) in enumerate(pairs):
        name = f"{first} {second} {KINDS[number % len(KINDS)]}"
        key = name.replace(" ", "-")
        short = f"A made-up {KINDS[number % len(KINDS)]} used to measure glossary cost."
        definition = f"Entry {number} of the benchmark glossary. {sentence(rng, 20)}"
        terms.append(Term(key, name, short, definition))
    return terms


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def make_pages(spec: Spec, terms: list[Term], rng: random.Random) -> list[Page]:
    rels = [f"s{n // spec.per_section + 1:02}/p{n:04}.md" for n in range(spec.pages)]
    per_paragraph = spec.words // (len(SECTIONS) * 2)
    pages = []
    for number, rel in enumerate(rels):
        mentioned = [terms[(number * spec.mentions + j) % len(terms)].key for j in range(spec.mentions)]
        paragraphs = []
        for index in range(len(SECTIONS) * 2):
            parts = [sentence(rng, 12) for _ in range(max(1, per_paragraph // 12))]
            for slot, key in enumerate(mentioned):
                if slot % (len(SECTIONS) * 2) == index:
                    parts.insert(rng.randrange(len(parts) + 1), f"Compare the {{{{{key}}}}} here.")
            paragraphs.append(" ".join(parts))
        sections = {head: paragraphs[2 * i : 2 * i + 2] for i, head in enumerate(SECTIONS)}
        sections[SECTIONS[0]][0] += " See the [next page](NEXT) for more [@ref-1]."
        questions = [make_question(q, rng) for q in range(spec.questions)]
        pages.append(Page(rel, f"page-{number}", f"Page {number}", sections, rels[(number + 1) % len(rels)], questions))
    return pages


def make_question(number: int, rng: random.Random) -> Question:
    kind = QUIZ_KINDS[number % len(QUIZ_KINDS)]
    section = SECTIONS[number % len(SECTIONS)]
    prompt = sentence(rng, 14).rstrip(".") + "?"
    explanation = sentence(rng, 25)
    if kind == "true_false":
        return Question(kind, prompt, {}, number % 2 == 0, explanation, section)
    choices = {letter: sentence(rng, 6) for letter in "abcd"}
    answer: str | list[str] = rng.choice("abcd") if kind == "single" else sorted(rng.sample("abcd", 2))
    return Question(kind, prompt, choices, answer, explanation, section)


def anchor(heading: str) -> str:
    return heading.lower().replace(" ", "-")


def relative(from_rel: str, to_rel: str) -> str:
    """A content-relative link from one page to another (both 'sNN/pNNNN.md')."""
    return to_rel.split("/")[1] if from_rel.split("/")[0] == to_rel.split("/")[0] else f"../{to_rel}"


def body(page: Page, mention: dict[str, str]) -> str:
    """The page's Markdown body with each mention written by `mention` (term key -> Markdown)."""
    out = []
    for head, paragraphs in page.sections.items():
        out.append(f"## {head}")
        for paragraph in paragraphs:
            for key, text in mention.items():
                paragraph = paragraph.replace(f"{{{{{key}}}}}", text)
            out.append(paragraph.replace("(NEXT)", f"({relative(page.rel, page.next_rel)})"))
    return "\n\n".join(out) + "\n"


def mentions_of(page: Page) -> list[str]:
    keys = []
    for paragraphs in page.sections.values():
        for paragraph in paragraphs:
            keys += [part.split("}}")[0] for part in paragraph.split("{{")[1:]]
    return keys


def nav(pages: list[Page], spec: Spec, extra: list[str]) -> str:
    lines = ["nav:", "  - index.md"]
    for section, group in itertools.groupby(pages, key=lambda p: p.rel.split("/")[0]):
        lines.append(f"  - Section {section[1:]}:")
        lines += [f"      - {page.rel}" for page in group]
    lines += [f"  - {item}" for item in extra]
    return "\n".join(lines) + "\n"


def write_studykit(folder: Path, spec: Spec, pages: list[Page], terms: list[Term]) -> None:
    by_key = {term.key: term for term in terms}
    (folder / "glossary").mkdir(parents=True)
    (folder / "quizzes").mkdir()
    content = folder / "content"
    config = (
        "site_name: Bench\ndocs_dir: content\nsite_dir: site\nuse_directory_urls: true\nstrict: true\n"
        + THEME
        + "plugins:\n  - search\n  - studykit\n"
        + "extra_css:\n  - assets/studykit/studykit.bundle.css\n"
        + "extra_javascript:\n  - assets/studykit/studykit.bundle.js\n"
        + "markdown_extensions:\n"
        + COMMON_EXTENSIONS
        + "  - pymdownx.blocks.html\n  - pymdownx.blocks.caption\n  - studykit.glossary\n  - studykit.quiz\n"
        + "  - studykit.figures\n  - studykit.study\n"
        + nav(pages, spec, ["Glossary: glossary.md", "Quizzes: quizzes.md"])
    )
    (folder / "mkdocs.yml").write_text(config)
    write(content / "index.md", front("home", "Bench home", "home") + "A generated site.\n")
    write(content / "glossary.md", front("glossary", "Glossary", "study") + "All terms.\n\n/// glossary\n///\n")
    write(content / "quizzes.md", front("quizzes", "Quizzes", "study") + "All quizzes.\n\n/// quiz-index\n///\n")
    for page in pages:
        meta = front(
            page.key,
            page.title,
            "topic",
            extra=(
                f"objectives:\n  - Read the page.\nreview:\n  status: unreviewed\n  reviewer: null\nquiz: {page.key}\n"
            ),
        )
        mention = {key: by_key[key].name for key in mentions_of(page)}
        write(content / page.rel, meta + body(page, mention).replace("[@ref-1]", f"[@{BENCH_REFERENCE}]"))
        write(folder / "quizzes" / f"{page.key}.yml", quiz_yaml(page))
    (folder / "references").mkdir(exist_ok=True)
    write(
        folder / "references" / "sources.yml",
        f"- id: {BENCH_REFERENCE}\n  type: article\n  authors: [Author A]\n  year: 2020\n"
        "  title: A reference every page cites\n  journal: J Bench\n  volume: 1\n  issue: 1\n  pages: 1-2\n"
        "  doi: 10.1000/bench.2020\n",
    )
    for start in range(0, len(terms), TERMS_PER_FILE):  # one file stays under studykit's size limit
        chunk = terms[start : start + TERMS_PER_FILE]
        text = "".join(f"- term: {t.name}\n  short: {t.short}\n  definition: {t.definition}\n" for t in chunk)
        (folder / "glossary" / f"terms-{start // TERMS_PER_FILE + 1:02}.yml").write_text(text)


def quiz_yaml(page: Page) -> str:
    lines = [f"id: {page.key}", f"title: Quiz on {page.title}", f"page: {page.rel}", "questions:"]
    for number, question in enumerate(page.questions):
        lines += [f"  - id: q{number}", f"    type: {question.kind}", f'    prompt: "{question.prompt}"']
        if question.choices:
            lines.append("    choices:")
            lines += [f'      {letter}: "{text}"' for letter, text in question.choices.items()]
        answer = question.answer
        shown = (
            str(answer).lower()
            if isinstance(answer, bool)
            else f"[{', '.join(answer)}]"
            if isinstance(answer, list)
            else answer
        )
        lines += [
            f"    answer: {shown}",
            f'    explanation: "{question.explanation}"',
            f"    source: {page.rel}#{anchor(question.section)}",
        ]
    return "\n".join(lines) + "\n"


def front(key: str, title: str, template: str | None, *, extra: str = "") -> str:
    lines = f"id: {key}\ntitle: {title}\ndescription: {title} of the benchmark site.\n"
    if template:
        lines += f"template: {template}\n"
    return f"---\n{lines}{extra}---\n\n"


def mkdocs_front(title: str) -> str:
    return f"---\ntitle: {title}\ndescription: {title} of the benchmark site.\n---\n\n"


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def write_plain(folder: Path, spec: Spec, pages: list[Page], terms: list[Term]) -> None:
    by_key = {term.key: term for term in terms}
    config = (
        "site_name: Bench\ndocs_dir: content\nsite_dir: site\nuse_directory_urls: true\n"
        + THEME
        + "plugins:\n  - search\n"
        + "markdown_extensions:\n"
        + COMMON_EXTENSIONS
        + nav(pages, spec, ["Glossary: glossary.md", "Quizzes: quizzes.md"])
    )
    (folder / "mkdocs.yml").parent.mkdir(parents=True, exist_ok=True)
    (folder / "mkdocs.yml").write_text(config)
    content = folder / "content"
    write(content / "index.md", mkdocs_front("Bench home") + "# Bench home\n\nA generated site.\n")
    write(content / "glossary.md", mkdocs_front("Glossary") + "# Glossary\n\nAll terms.\n")
    write(content / "quizzes.md", mkdocs_front("Quizzes") + "# Quizzes\n\nAll quizzes.\n")
    for page in pages:
        mention = {key: by_key[key].name for key in mentions_of(page)}
        text = body(page, mention).replace(" [@ref-1]", "")
        write(content / page.rel, mkdocs_front(page.title) + f"# {page.title}\n\n{text}")


def write_peers(folder: Path, spec: Spec, pages: list[Page], terms: list[Term]) -> None:
    by_key = {term.key: term for term in terms}
    config = (
        "site_name: Bench\ndocs_dir: content\nsite_dir: site\nuse_directory_urls: true\n"
        + THEME
        + "plugins:\n  - search\n  - ezglossary:\n      tooltip: short\n      sections: [g]\n"
        + "  - mkdocs_quiz\n"
        + "markdown_extensions:\n"
        + COMMON_EXTENSIONS
        + "  - def_list\n"
        + nav(pages, spec, ["Glossary: glossary.md", "Quizzes: quizzes.md"])
    )
    (folder / "mkdocs.yml").parent.mkdir(parents=True, exist_ok=True)
    (folder / "mkdocs.yml").write_text(config)
    content = folder / "content"
    write(content / "index.md", mkdocs_front("Bench home") + "# Bench home\n\nA generated site.\n")
    definitions = "\n".join(
        f"g:{term.name}\n:   {term.short}\n\n    {term.definition}\n" for term in sorted(terms, key=lambda t: t.name)
    )
    write(
        content / "glossary.md",
        mkdocs_front("Glossary") + f"# Glossary\n\nAll terms.\n\n{definitions}\n## Index\n\n<glossary::g>\n",
    )
    write(content / "quizzes.md", mkdocs_front("Quizzes") + "# Quizzes\n\nAll quizzes.\n")
    for page in pages:
        mention = {key: f"<g:{by_key[key].name}|{by_key[key].name}>" for key in mentions_of(page)}
        text = body(page, mention).replace(" [@ref-1]", "[^1]") + f"\n[^1]: A reference for {page.title}.\n"
        quizzes = "\n".join(quiz_block(q) for q in page.questions)
        write(
            content / page.rel,
            mkdocs_front(page.title) + f"# {page.title}\n\n{text}\n## Check your understanding\n\n{quizzes}",
        )


def quiz_block(question: Question) -> str:
    if question.kind == "true_false":
        choices = {"t": "True", "f": "False"}
        correct = ["t" if question.answer else "f"]
    else:
        choices = question.choices
        correct = question.answer if isinstance(question.answer, list) else [str(question.answer)]
    lines = [f"- [{'x' if letter in correct else ' '}] {text}" for letter, text in choices.items()]
    see = f"See [{question.section}](#{anchor(question.section)})."
    return textwrap.dedent("<quiz>\n{}\n{}\n\n{} {}\n</quiz>\n").format(
        question.prompt, "\n".join(lines), question.explanation, see
    )


def write_corpora(spec: Spec, folder: Path) -> Corpora:
    """Write the three projects for `spec` under `folder`; the same seed gives the same bytes."""
    rng = random.Random(spec.seed)
    terms = make_terms(spec.terms, rng)
    pages = make_pages(spec, terms, rng)
    corpora = Corpora(folder / "studykit-project", folder / "plain", folder / "peers")
    write_studykit(corpora.studykit, spec, pages, terms)
    write_plain(corpora.plain, spec, pages, terms)
    write_peers(corpora.peers, spec, pages, terms)
    return corpora
