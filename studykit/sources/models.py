"""Typed models of everything editors write: page front matter, glossary terms, quizzes, courses.

Models are strict (no silent type coercion, unknown fields rejected) because a YAML typo should fail the build,
not vanish. Cross-file rules (does this page exist?) live in checks.py; a model only knows its own file.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

import ada_url
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

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
    "dailymed.nlm.nih.gov",
)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


# ---------------------------------------------------------------- pages


def _citation_url(url: str | None) -> str | None:
    """A reference url must be https on a trusted host: it is printed as a link on every page citing it."""
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
    quiz: Slug | None = None
    hide: list[Literal["navigation", "toc", "footer", "path", "tags", "feedback"]] = Field(default_factory=list)


# ---------------------------------------------------------------- references (references/*.yml)

# a reference id is a slug ending in the year of what is cited: `author-YYYY`, with a letter when one author has
# two works that year (`deer-2012a`, `deer-2012-b`); `-nd` (no date, Vancouver's "[date unknown]") when no year
# could be verified
REF_ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*-(?:[0-9]{4}(?:-?[a-z])?|nd)$"
REF_ID_YEAR = re.compile(r"-([0-9]{4}|nd)-?[a-z]?$")
DOI = re.compile(r"^10\.\d{4,9}/\S+$")
RefType = Literal["article", "guideline", "label", "book", "chapter", "web"]


def _number_as_text(value: object) -> object:
    """Volume 318 and issue 5 are numbers to YAML; editors should not have to quote them."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


Numbering = Annotated[Text, BeforeValidator(_number_as_text)]

# field -> why a record of that type needs it (the ref.missing-field message); "locator" is doi, pmid or url
_JOURNAL = "Vancouver cites an article as 'Journal. Year;Volume(Issue):Pages'"
_REVISED = "labels and guidelines change: give the date of the revision you read (revised: YYYY-MM-DD)"
_LOCATOR = "readers need a doi, pmid or url to find the source"
REQUIRED_FIELDS: dict[str, dict[str, str]] = {
    "article": {
        "year": _JOURNAL,
        "authors": "Vancouver lists the authors (or a group author)",
        "journal": _JOURNAL,
        "volume": _JOURNAL + " (a journal numbered by issue only gives 'issue' instead)",
        "pages": _JOURNAL + " (an e-locator such as 'e2325387' counts as pages)",
        "locator": _LOCATOR,
    },
    "guideline": {
        "year": "give the year the guideline was published",
        "authors": "name the organisation that wrote the guideline as its group author",
        "publisher": "Vancouver names the publisher of a guideline",
        "revised": _REVISED,
        "locator": _LOCATOR,
    },
    "label": {
        "year": "give the year of the label's revision",
        "publisher": "name the manufacturer whose label you read",
        "revised": _REVISED,
        "locator": _LOCATOR,
    },
    "book": {"authors": "Vancouver lists the authors (or editors)", "publisher": "name the book's publisher"},
    "chapter": {
        "year": "give the year of the edition cited",
        "authors": "Vancouver lists the chapter's authors",
        "container": "name the book the chapter is in",
        "publisher": "name the book's publisher",
        "locator": _LOCATOR,
    },
    "web": {"publisher": "name the site or organisation that published the page", "locator": _LOCATOR},
}


class Reference(Strict):
    """One source in the shared bibliography, cited from pages as `[@id]` and rendered in Vancouver style.

    Which fields a type needs is REQUIRED_FIELDS (checked by checks/references.py as ref.missing-field, so one
    incomplete record does not hide the others); where a field truly cannot be found, `incomplete` says why."""

    id: Annotated[str, Field(pattern=REF_ID, description="author-YYYY: a slug ending in the year of the work")]
    type: RefType
    authors: list[Text] = Field(default_factory=list, description="'Surname AB' or a group author, in order")
    et_al: bool = Field(default=False, description="the work has more authors than listed")
    year: int | None = Field(default=None, ge=1800, le=2100, description="year of the work (or its revision)")
    title: Text
    journal: Text | None = Field(default=None, description="NLM abbreviation, e.g. 'Reg Anesth Pain Med'")
    volume: Numbering | None = None
    issue: Numbering | None = None
    pages: Numbering | None = Field(default=None, description="'225-262', or an e-locator such as 'e069722'")
    container: Text | None = Field(default=None, description="chapters: the book's title")
    editors: list[Text] = Field(default_factory=list, description="chapters: the book's editors")
    edition: Text | None = Field(default=None, description="e.g. '2nd'")
    series: Text | None = Field(default=None, description="e.g. 'NICE guideline NG59'")
    publisher: Text | None = Field(default=None, description="organisation, publisher or manufacturer")
    place: Text | None = Field(default=None, description="city of the publisher, e.g. 'London'")
    revised: Annotated[dt.date, Field(strict=False)] | None = Field(
        default=None, description="date of the revision cited (labels, guidelines, updated web pages)"
    )
    doi: Text | None = Field(default=None, description="10.xxxx/yyyy, without https://doi.org/")
    pmid: Annotated[str, BeforeValidator(_number_as_text), Field(pattern=r"^[1-9][0-9]{0,8}$")] | None = None
    url: str | None = Field(default=None, description="https on a trusted host (see CITATION_HOSTS)")
    incomplete: Text | None = Field(default=None, description="why a required field is left out")

    @field_validator("url")
    @classmethod
    def _trusted_host(cls, url: str | None) -> str | None:
        return _citation_url(url)

    def missing_fields(self) -> list[tuple[str, str]]:
        """(field, why it is needed) for each field this record's type needs but it lacks."""
        missing = []
        for name, why in REQUIRED_FIELDS[self.type].items():
            if name == "locator":
                present = bool(self.doi or self.pmid or self.url)
            elif name == "volume":
                present = bool(self.volume or self.issue)
            elif name == "year":
                present = self.year is not None
            else:
                present = bool(getattr(self, name))
            if not present:
                missing.append((name, why))
        return missing


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
    figure: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*\.(svg|png|webp)$")] | None = Field(
        default=None, description="a file in content/figures/ shown on the answer side of the term's flashcard"
    )

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
    shuffle: bool = Field(
        default=True, description="shuffle choices per student and per retry; false keeps the written order"
    )
    vignette: bool = Field(
        default=False,
        description="a clinical vignette (a patient, a situation, a decision) testing application, not recall",
    )


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
    """One step of a course: exactly one of a page (or a section of it), a quiz (or some of its questions) or a
    flashcard deck, with an optional note from the instructor and an optional due date."""

    page: PageLink | None = Field(default=None, description="page to read, relative to content/, optionally #section")
    quiz: Slug | None = Field(default=None, description="a quiz id (quizzes/*.yml)")
    questions: list[Slug] | None = Field(
        default=None, min_length=1, description="only these questions of the quiz (default: all of them)"
    )
    deck: Slug | None = Field(
        default=None, description="a flashcard deck id: glossary, abbreviations or chapter-<page id>"
    )
    note: Text | None = Field(default=None, description="the instructor's note to students (plain text)")
    due: Annotated[dt.date, Field(strict=False)] | None = Field(default=None, description="due date, YYYY-MM-DD")

    @model_validator(mode="after")
    def _one_target(self) -> CourseItem:
        targets = [name for name in ("page", "quiz", "deck") if getattr(self, name) is not None]
        if len(targets) != 1:
            found = ", ".join(targets) if targets else "none"
            raise ValueError(f"an item needs exactly one of page, quiz or deck (found: {found})")
        if self.questions is not None and self.quiz is None:
            raise ValueError("'questions' picks questions of a quiz: give the item a 'quiz'")
        return self


class Course(Strict):
    id: Slug
    title: Text
    description: str | None = None
    audience: Text | None = Field(default=None, description="who the course is for, e.g. 'final-year students'")
    items: list[CourseItem] = Field(min_length=1)


def choice_text(value: str | Choice) -> str:
    return value.text if isinstance(value, Choice) else value


def slugify(text: str) -> str:
    """Slug for ids derived from display text (glossary terms)."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
