"""The progress export file (what "Export progress" downloads and "Import progress" accepts), as a model.

The model is the one definition: schemas/progress.schema.json is generated from it (`build_site.py schemas`), and
study.js checks an imported file with a small hand-written function that follows the same rules (the site ships
no JSON Schema validator). A key is one localStorage entry of the site (all start with `studykit:`); the keys
studykit knows are checked field by field, any other `studykit:` key (a newer tool's) is carried as it is.

Records that other tools own (results, exams, cards, quiz answers and best scores) are checked only for what
progress and merging read (`v`, times, scores, `due`); other fields are theirs to add, so they are allowed.
docs/architecture.md ("Study data") describes every key.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel, model_validator
from pydantic.json_schema import JsonSchemaValue

FORMAT = "studykit-progress"
VERSION = 1
KEY_PREFIX = "studykit:"

Millis = Annotated[int, Field(ge=0, description="milliseconds since 1970 (JavaScript Date.now())")]
Day = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$", description="a local date, YYYY-MM-DD")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class Open(BaseModel):
    """A record whose other fields belong to the tool that writes it."""

    model_config = ConfigDict(extra="allow", strict=True)


class LastPage(Strict):
    id: str
    url: str
    title: str
    at: Millis


class StudyRecord(Strict):
    """studykit:study: pages read and saved (page id -> when), the last chapter opened, days with study."""

    v: Literal[1]
    read: dict[str, Millis]
    saved: dict[str, Millis]
    last: LastPage | None = None
    days: list[Day] = Field(max_length=400)


class Result(Open):
    ok: bool
    at: Millis
    h: str


class Results(Open):
    """studykit:results: the last outcome of every question answered, by "<quiz>/<question>"."""

    v: Literal[1]
    q: dict[str, Result]


class Attempt(Open):
    at: Millis


class Exams(Open):
    """studykit:exams: practice-exam attempts."""

    v: Literal[1]
    attempts: list[Attempt]


class Card(Open):
    h: str
    due: Millis


class Cards(Open):
    """studykit:cards: flashcard scheduling state by "<deck>/<card>"."""

    v: Literal[1]
    cards: dict[str, Card]


class QuizBest(Open):
    """studykit:quiz-best:<quiz>: best completed score, s right of t."""

    s: Annotated[int, Field(ge=0)]
    t: Annotated[int, Field(ge=1)]


class QuizAnswer(Open):
    """studykit:quiz:<quiz>/<question>/<hash>: the choices a student checked on a topic page."""

    s: list[str]


KEYS: dict[str, type[BaseModel]] = {
    "studykit:study": StudyRecord,
    "studykit:results": Results,
    "studykit:exams": Exams,
    "studykit:cards": Cards,
}
PREFIXES: dict[str, type[BaseModel]] = {"studykit:quiz-best:": QuizBest, "studykit:quiz:": QuizAnswer}


def _pattern(prefix: str) -> str:
    return "^" + prefix.replace(".", r"\.")


class ProgressData(RootModel[dict[str, Any]]):
    """Every saved key; known keys must match their record, others need only the studykit: prefix."""

    @model_validator(mode="after")
    def _records(self) -> ProgressData:
        for key, value in self.root.items():
            if not key.startswith(KEY_PREFIX):
                raise ValueError(f"key {key!r} is not a studykit key")
            if key == "studykit:seed":
                if type(value) is not int:
                    raise ValueError("studykit:seed must be a whole number")
                continue
            model = KEYS.get(key) or next((m for p, m in PREFIXES.items() if key.startswith(p)), None)
            if model is not None:
                model.model_validate(value)
        return self

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> JsonSchemaValue:
        def ref(model: type[BaseModel]) -> JsonSchemaValue:
            schema: JsonSchemaValue = handler(model.__pydantic_core_schema__)
            return schema

        return {
            "type": "object",
            "propertyNames": {"pattern": _pattern(KEY_PREFIX)},
            "properties": {
                **{key: ref(model) for key, model in KEYS.items()},
                "studykit:seed": {"type": "integer"},
            },
            "patternProperties": {_pattern(prefix): ref(model) for prefix, model in PREFIXES.items()},
            "description": cls.__doc__,
        }


class ProgressExport(Strict):
    """A progress export: every studykit key this browser held for one site."""

    format: Literal["studykit-progress"]
    v: Literal[1] = Field(description="format version; a newer version is refused by an older site")
    site: str = Field(description="site_name of the site that exported it; import refuses another site's file")
    exported: str = Field(description="when, ISO 8601 (JavaScript toISOString())")
    data: ProgressData
