"""Quizzes and the quiz index as HTML: questions -> view objects -> Jinja fragments.

Each question type is one entry in QUESTION_TYPES (a template plus a function that builds its type-specific view),
and one entry in the JavaScript `types` table of quiz.js; adding a type (ordering, matching) touches only those.
The HTML is complete without JavaScript: answers and explanations sit in a <details> under each question.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import string
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from ..catalog import Catalog
from ..render.inline import InlineRenderer
from ..render.urls import relative_url, root_url, source_href
from ..sources.models import Choice, MultipleChoice, Question, Quiz, SingleChoice, TrueFalse
from ..sources.scanner import INLINE_MARKUP
from ..syntax import QUIZ_ANCHOR_PREFIX, TERM_SCHEME, term_anchor

HASH_FIELDS = {"type", "prompt", "choices", "answer"}  # what changes the question; not explanation typos


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("studykit", "quiz/templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


# ---------------------------------------------------------------- context


@dataclass
class PageContext:
    """Where the fragment is rendered: links are written relative to this page."""

    catalog: Catalog
    page: str  # content-relative path of the page being rendered
    directory_urls: bool = True
    source_links: bool = False  # links as page.md#anchor, for an engine that rewrites them (see the extension)
    _dom_ids: set[str] = field(default_factory=set)
    _inline: InlineRenderer | None = None

    def url(self, to_rel: str, anchor: str = "") -> str:
        if self.source_links:
            if to_rel == self.page:
                return f"#{anchor}" if anchor else "./"
            return source_href(f"{to_rel}#{anchor}" if anchor else to_rel, posixpath.dirname(self.page))
        return relative_url(self.page, to_rel, anchor, directory_urls=self.directory_urls)

    def file_url(self, docs_path: str) -> str:
        """Link to a file of the site (`downloads/x.zip`, docs-relative) from this page: relative to the source file
        for an engine that rewrites links (as .md links are), else relative to the page's URL."""
        if self.source_links:
            return posixpath.relpath(docs_path, posixpath.dirname(self.page) or ".")
        return root_url(self.page, directory_urls=self.directory_urls) + docs_path

    def unique_id(self, wanted: str) -> str:
        """An element id not yet used by our fragments on this page (a quiz may be embedded twice)."""
        candidate, number = wanted, 1
        while candidate in self._dom_ids:
            number += 1
            candidate = f"{wanted}-{number}"
        self._dom_ids.add(candidate)
        return candidate

    @property
    def inline(self) -> InlineRenderer:
        if self._inline is None:
            self._inline = InlineRenderer(self.resolve_link)
        return self._inline

    def resolve_link(self, target: str) -> tuple[str, dict[str, str]] | None:
        """A link written in YAML text: content-relative page path (like `source`) or `term:<id>`."""
        parts = urlsplit(target)
        if parts.scheme == TERM_SCHEME:
            source = self.catalog.terms.get(parts.path)
            if source is None or not self.catalog.glossary_page:
                return None
            href = self.url(self.catalog.glossary_page, term_anchor(parts.path))
            # The same attributes as the glossary extension's links, so its tooltips work here too.
            return href, {"class": "sk-term", "data-term": parts.path, "data-short": source.term.short}
        if parts.scheme or parts.netloc or not parts.path:
            return None
        dest = posixpath.normpath(parts.path)
        if dest not in self.catalog.pages:
            return None
        if parts.fragment and parts.fragment not in self.catalog.anchors.get(dest, set()):
            return None
        return self.url(dest, parts.fragment), {}


# ---------------------------------------------------------------- views


@dataclass(frozen=True)
class ChoiceView:
    key: str
    label: str  # what the student sees before the text: a, b, c... by position, or "" for true/false
    html: Markup
    feedback: Markup | None
    correct: bool


@dataclass(frozen=True)
class ReviewLink:
    href: str
    title: str


@dataclass(frozen=True)
class QuestionView:
    id: str
    type: str
    number: int
    dom_id: str
    hash: str
    difficulty: str
    prompt: Markup
    explanation: Markup
    review: ReviewLink | None
    answer: list[str]  # keys the JavaScript grader compares with the selection
    shuffle: bool
    template: str
    parts: dict[str, Any]  # type-specific view, read only by the type's template

    @property
    def answer_json(self) -> str:
        return json.dumps(self.answer)


@dataclass(frozen=True)
class QuizView:
    id: str
    dom_id: str
    title: Markup
    questions: list[QuestionView]

    @property
    def count(self) -> int:
        return len(self.questions)


# ---------------------------------------------------------------- question types

PartsBuilder = Callable[[Any, PageContext], tuple[dict[str, Any], list[str]]]


@dataclass(frozen=True)
class QuestionType:
    template: str
    parts: PartsBuilder  # (question, context) -> (type-specific view, answer keys)
    shuffles: bool = True


def _choice_views(question: SingleChoice | MultipleChoice, answer: Iterable[str], ctx: PageContext) -> list[ChoiceView]:
    correct = set(answer)
    views = []
    for position, (key, value) in enumerate(question.choices.items()):
        feedback = value.feedback if isinstance(value, Choice) else None
        text = value.text if isinstance(value, Choice) else value
        views.append(
            ChoiceView(
                key=key,
                label=_letter(position),
                html=ctx.inline.inline(text),
                feedback=ctx.inline.inline(feedback) if feedback else None,
                correct=key in correct,
            )
        )
    return views


def _letter(position: int) -> str:
    letters = string.ascii_lowercase
    return letters[position] if position < len(letters) else str(position + 1)


def _single_parts(question: SingleChoice, ctx: PageContext) -> tuple[dict[str, Any], list[str]]:
    choices = _choice_views(question, [question.answer], ctx)
    return {"input": "radio", "hint": "", "choices": choices}, [question.answer]


def _multiple_parts(question: MultipleChoice, ctx: PageContext) -> tuple[dict[str, Any], list[str]]:
    choices = _choice_views(question, question.answer, ctx)
    return {"input": "checkbox", "hint": "Select all that apply.", "choices": choices}, list(question.answer)


def _true_false_parts(question: TrueFalse, ctx: PageContext) -> tuple[dict[str, Any], list[str]]:
    choices = [
        ChoiceView("true", "", Markup("True"), None, question.answer),
        ChoiceView("false", "", Markup("False"), None, not question.answer),
    ]
    return {"input": "radio", "hint": "", "choices": choices}, ["true" if question.answer else "false"]


QUESTION_TYPES: dict[str, QuestionType] = {
    "single": QuestionType("question_choice.html", _single_parts),
    "multiple": QuestionType("question_choice.html", _multiple_parts),
    "true_false": QuestionType("question_choice.html", _true_false_parts, shuffles=False),
}


def question_hash(question: Question) -> str:
    """Short content hash of what makes an answer right; progress saved under an old hash is not reused."""
    data = question.model_dump(mode="json", include=HASH_FIELDS)
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()[:12]


def plain_text(text: str) -> str:
    return " ".join(INLINE_MARKUP.sub(lambda m: m.group(1) or "", text).split())


def review_link(source: str, ctx: PageContext) -> ReviewLink | None:
    """'Review: <section title>' for a question's `source` (page#anchor), titled from the catalog's headings."""
    path, _, anchor = source.partition("#")
    page = ctx.catalog.pages.get(path)
    if page is None:
        return None  # `check` reports the broken source; the build never gets here with it
    title = next((plain_text(h.text) for h in page.scanned.headings if h.anchor == anchor), None) if anchor else None
    if title is None:
        if anchor and anchor not in ctx.catalog.anchors.get(path, set()):
            anchor = ""
        title = page.meta.title if page.meta else posixpath.splitext(posixpath.basename(path))[0]
    return ReviewLink(ctx.url(path, anchor), title)


def question_view(question: Question, number: int, quiz_dom_id: str, ctx: PageContext) -> QuestionView:
    kind = QUESTION_TYPES[question.type]
    parts, answer = kind.parts(question, ctx)
    return QuestionView(
        id=question.id,
        type=question.type,
        number=number,
        dom_id=f"{quiz_dom_id}--{question.id}",
        hash=question_hash(question),
        difficulty=question.difficulty,
        prompt=ctx.inline.inline(question.prompt),
        explanation=ctx.inline.paragraphs(question.explanation),
        review=review_link(question.source, ctx),
        answer=answer,
        shuffle=question.shuffle and kind.shuffles,
        template=kind.template,
        parts=parts,
    )


def quiz_view(quiz: Quiz, ctx: PageContext) -> QuizView:
    dom_id = ctx.unique_id(QUIZ_ANCHOR_PREFIX + quiz.id)
    questions = [question_view(q, n, dom_id, ctx) for n, q in enumerate(quiz.questions, start=1)]
    return QuizView(quiz.id, dom_id, ctx.inline.inline(quiz.title), questions)


def render_quiz(quiz_id: str, ctx: PageContext) -> str:
    source = ctx.catalog.quizzes.get(quiz_id)
    if source is None:
        # `check` reports the unknown id with its line; here the page still renders, with a visible notice.
        return environment().get_template("quiz_missing.html").render(quiz_id=quiz_id)
    if not ctx.page and source.quiz.page:
        ctx = replace(ctx, page=source.quiz.page.partition("#")[0])  # no page given: render as on its own page
    return environment().get_template("quiz.html").render(quiz=quiz_view(source.quiz, ctx))


# ---------------------------------------------------------------- quiz index


@dataclass(frozen=True)
class IndexRow:
    id: str
    title: Markup
    count: int
    quiz_href: str | None
    page_title: str | None
    page_href: str | None
    page_rel: str = ""
    keys: tuple[str, ...] = ()  # "<question id>/<hash>" of each question: the hub counts saved answers by them

    @property
    def keys_json(self) -> str:
        return json.dumps(list(self.keys))


def quiz_hosts(catalog: Catalog, quiz: Quiz) -> list[str]:
    """Pages that show the quiz (front matter `quiz:` or a quiz block), the quiz's own `page` first."""
    hosts = [
        rel
        for rel, page in catalog.pages.items()
        if (page.meta is not None and page.meta.quiz == quiz.id)
        or any(block[0] == quiz.id for block in page.scanned.quiz_blocks)
    ]
    own = quiz.page.partition("#")[0] if quiz.page else None
    return sorted(hosts, key=lambda rel: (rel != own, rel))


def index_rows(ctx: PageContext) -> list[IndexRow]:
    rows = []
    for quiz_id, source in ctx.catalog.quizzes.items():
        quiz = source.quiz
        hosts = quiz_hosts(ctx.catalog, quiz)
        page_rel = hosts[0] if hosts else (quiz.page.partition("#")[0] if quiz.page else "")
        page = ctx.catalog.pages.get(page_rel)
        title = ctx.inline.inline(quiz.title)
        keys = tuple(f"{q.id}/{question_hash(q)}" for q in quiz.questions)
        if page is None:  # `check` reports a quiz whose page does not exist
            rows.append(IndexRow(quiz_id, title, len(quiz.questions), None, None, None, keys=keys))
            continue
        rows.append(
            IndexRow(
                id=quiz_id,
                title=title,
                count=len(quiz.questions),
                quiz_href=ctx.url(page_rel, QUIZ_ANCHOR_PREFIX + quiz_id) if hosts else None,
                page_title=page.meta.title if page.meta else page_rel,
                page_href=ctx.url(page_rel),
                page_rel=page_rel,
                keys=keys,
            )
        )
    order = {rel: index for index, rel in enumerate(ctx.catalog.project.nav_order)}
    return sorted(
        rows, key=lambda row: (order.get(row.page_rel, len(order)), (row.page_title or "").casefold(), row.id)
    )


def render_quiz_index(ctx: PageContext) -> str:
    return environment().get_template("quiz_index.html").render(rows=index_rows(ctx))
