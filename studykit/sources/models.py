"""Typed models of everything editors write: page front matter, glossary terms, quizzes, courses.

Models are strict (no silent type coercion, unknown fields rejected) because a YAML typo should fail the build,
not vanish. Cross-file rules (does this page exist?) live in checks.py; a model only knows its own file.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

import ada_url
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Slug = Annotated[str, Field(pattern=SLUG, description="lowercase words joined by hyphens")]
Text = Annotated[str, Field(min_length=1)]
PageLink = Annotated[
    str,
    Field(
        pattern=r"^[^#\s]+\.md(#[A-Za-z0-9_:.-]+)?$",
        description="page path relative to content/, optionally with #anchor",
    ),
]

CITATION_HOSTS = (
    "doi.org",
    "pubmed.ncbi.nlm.nih.gov",
    "www.ncbi.nlm.nih.gov",
    "pmc.ncbi.nlm.nih.gov",
    "www.nice.org.uk",
    "www.fda.gov",
    "www.cochranelibrary.com",
)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


# ---------------------------------------------------------------- pages


class Reference(Strict):
    id: Slug
    text: Text = Field(description="full citation in Vancouver style")
    url: str | None = Field(default=None, description="doi.org, PubMed, NCBI Bookshelf, NICE or FDA address")

    @field_validator("url")
    @classmethod
    def _trusted_host(cls, url: str | None) -> str | None:
        if url is None:
            return url
        # parsed as browsers do (WHATWG URL Standard), never with urllib: `https://evil.invalid\\@doi.org/` is
        # evil.invalid to a browser (a backslash ends the host), but doi.org to urllib.parse
        try:
            parsed = ada_url.URL(url)
        except ValueError:
            parsed = None
        if parsed is not None and (parsed.username or parsed.password):
            raise ValueError("reference url must not hold a user name or password (the part before '@')")
        if parsed is None or parsed.protocol != "https:" or parsed.port or parsed.hostname not in CITATION_HOSTS:
            raise ValueError(f"reference url must be https on one of: {', '.join(CITATION_HOSTS)}")
        return url


class Review(Strict):
    status: Literal["unreviewed", "reviewed"]
    reviewer: str | None = Field(default=None, description="a real, named clinical reviewer; never invented")
    date: Annotated[dt.date, Field(strict=False)] | None = Field(default=None, description="last content review")


class PageMeta(Strict):
    id: Slug = Field(description="permanent page id; never reused")
    title: Text
    description: str = Field(description="one sentence, at most 160 characters")
    template: Literal["procedure", "topic", "study", "about", "home"] = "topic"
    objectives: list[Text] = Field(default_factory=list, max_length=6)
    review: Review | None = None
    references: list[Reference] = Field(default_factory=list)
    quiz: Slug | None = None
    hide: list[Literal["navigation", "toc", "footer", "path", "tags", "feedback"]] = Field(default_factory=list)


# ---------------------------------------------------------------- glossary


MAX_FORM = 100  # characters in a term, alias or abbreviation: a name, not a sentence


def _short_form(form: str) -> str:
    """Terms, aliases and abbreviations are matched in every page; they are names, so keep them short."""
    if len(form) > MAX_FORM:
        raise ValueError(
            f"at most {MAX_FORM} characters (this one has {len(form):,}); a term is a name: "
            "put the explanation in 'short' and 'definition'"
        )
    return form


Form = Annotated[Text, AfterValidator(_short_form)]


class GlossaryTerm(Strict):
    term: Form = Field(description="display form")
    id: Slug | None = Field(default=None, description="default: slug of term")
    abbr: Annotated[str, AfterValidator(_short_form)] | None = Field(
        default=None, min_length=1, description="matched case-sensitively"
    )
    aliases: list[Form] = Field(default_factory=list, description="matched case-insensitively")
    short: Annotated[str, Field(min_length=1, max_length=200)] = Field(description="plain-text tooltip")
    definition: Text = Field(description="Markdown")
    see_also: list[Slug] = Field(default_factory=list)
    learn_more: PageLink | None = None

    @field_validator("short")
    @classmethod
    def _plain_text(cls, short: str) -> str:
        if re.search(r"[<>*_`\[\]]", short):
            raise ValueError("short must be plain text: no Markdown or HTML")
        return short

    @property
    def key(self) -> str:
        return self.id or slugify(self.term)


# ---------------------------------------------------------------- quizzes


class Choice(Strict):
    text: Text
    feedback: str | None = None


ChoiceValue = Text | Choice
Difficulty = Literal["easy", "medium", "hard"]


class QuestionBase(Strict):
    id: Slug
    prompt: Text
    explanation: Text
    source: PageLink = Field(description="page#anchor where the answer is taught")
    difficulty: Difficulty = "medium"
    shuffle: bool = Field(default=False, description="shuffle choices per student")


class SingleChoice(QuestionBase):
    type: Literal["single"]
    choices: dict[str, ChoiceValue] = Field(min_length=2)
    answer: str


class MultipleChoice(QuestionBase):
    type: Literal["multiple"]
    choices: dict[str, ChoiceValue] = Field(min_length=2)
    answer: list[str] = Field(min_length=1)


class TrueFalse(QuestionBase):
    type: Literal["true_false"]
    answer: bool


Question = Annotated[SingleChoice | MultipleChoice | TrueFalse, Field(discriminator="type")]


class Quiz(Strict):
    id: Slug
    title: Text
    page: PageLink | None = None
    questions: list[Question] = Field(min_length=1)


class QuizHeader(Quiz):
    """A quiz whose questions are validated one by one (see loading.load_quiz_file)."""

    questions: list[object] = Field(min_length=1)  # type: ignore[assignment]


# ---------------------------------------------------------------- courses


class CourseItem(Strict):
    page: PageLink
    note: str | None = None


class Course(Strict):
    id: Slug
    title: Text
    description: str | None = None
    items: list[CourseItem] = Field(min_length=1)


def choice_text(value: str | Choice) -> str:
    return value.text if isinstance(value, Choice) else value


def slugify(text: str) -> str:
    """Slug for ids derived from display text (glossary terms)."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
