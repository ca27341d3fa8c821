"""studykit.yml: the content rules each page template must meet, as configuration instead of code.

The file is optional. Without it the built-in rules apply: the callout types studykit and Material style, and
for procedure pages 2-6 learning objectives and the ordered H2 sections. A project adds its own targets (words,
references, quiz size, required sections and callouts) per template; the shipped study site keeps its own.

When the file has `templates:`, it must list every template, so no kind of page silently gets fewer rules; inside
a template, a rule left out is not checked. Every page has a template: front matter without `template` means
`topic` (the default of `PageMeta.template`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, Field, field_validator

from ..diagnostics import Code, Diagnostic, error
from .model_errors import validate
from .models import PageLink, Slug, Strict, Text
from .yamlsource import YamlDocument, parse_yaml, read_text

RULES_FILE = "studykit.yml"
STUDYKIT_CALLOUTS = ("definition", "example", "didyouknow", "warning")  # styled by studykit.css
# Material for MkDocs' own admonition types: a new site may use them until its studykit.yml narrows the list.
MATERIAL_CALLOUTS = ("note", "abstract", "info", "tip", "success", "question", "failure", "danger", "bug", "quote")
DEFAULT_CALLOUTS = STUDYKIT_CALLOUTS + MATERIAL_CALLOUTS
GENERATED_CALLOUTS = ("objectives",)  # written by studykit from front matter, never by hand
PROCEDURE_SECTIONS = (
    "Overview",
    "Indications",
    "Contraindications",
    "Technique",
    "Risks and complications",
    "Evidence",
    "Key takeaways",
)

Count = Annotated[int, Field(ge=0)]


def _published_url(url: str) -> str:
    path = url.split("#", 1)[0]
    if path.startswith("/") or any(part in (".", "..") for part in path.split("/")):
        raise ValueError(f"'{url}' must be site-relative as the site served it, e.g. 'procedures/old-name/'")
    return url


PublishedUrl = Annotated[
    str,
    Field(
        pattern=r"^[^#\s?]*(#[A-Za-z0-9_:.-]+)?$",
        description="site-relative URL as the site served it, e.g. 'procedures/old-name/' or 'glossary/#term-x'",
    ),
    AfterValidator(_published_url),
]
Range = Annotated[list[Count], Field(min_length=2, max_length=2, description="[minimum, maximum], inclusive")]


class TemplateRules(Strict):
    """What every page of one template must have. A rule left out is not checked."""

    words: Range | None = Field(
        default=None, description="body length in words (whitespace-separated, after the front matter)"
    )
    objectives: Range | None = Field(default=None, description="number of learning objectives in front matter")
    min_references: Count = Field(default=0, description="distinct bibliography records the page cites")
    min_quiz_questions: Count = Field(
        default=0, description="questions in the quizzes the page shows; above 0, the page must show a quiz"
    )
    sections: list[Text] = Field(default_factory=list, description="H2 sections the page needs, in this order")
    required_sections: list[Text] = Field(
        default_factory=list, description="H2 sections the page needs, anywhere in the page"
    )
    required_callouts: list[Slug] = Field(default_factory=list, description="callout types the page must use")

    @field_validator("words", "objectives")
    @classmethod
    def _ordered(cls, value: list[int] | None) -> list[int] | None:
        if value is not None and value[0] > value[1]:
            raise ValueError(f"the minimum ({value[0]}) is larger than the maximum ({value[1]})")
        return value


class Templates(Strict):
    """One entry per page template (the `template` of front matter); all five must be listed."""

    procedure: TemplateRules
    topic: TemplateRules
    study: TemplateRules
    about: TemplateRules
    home: TemplateRules


def builtin_templates() -> Templates:
    return Templates(
        procedure=TemplateRules(objectives=[2, 6], sections=list(PROCEDURE_SECTIONS)),
        topic=TemplateRules(),
        study=TemplateRules(),
        about=TemplateRules(),
        home=TemplateRules(),
    )


class Licence(Strict):
    """The content licence every export carries in its metadata (downloads/, the "For instructors" page)."""

    name: Text = Field(default="CC BY 4.0", description="short name of the content licence")
    url: Text = Field(default="https://creativecommons.org/licenses/by/4.0/", description="the licence's deed")
    work: Text | None = Field(default=None, description="the work's title in the attribution line (default: site_name)")
    creator: Text = Field(default="its contributors", description="who to credit, as in the attribution line")

    def attribution(self, site_name: str) -> str:
        """The line to keep with anything reused, as LICENSE-content words it."""
        return f'"{self.work or site_name}" by {self.creator}, licensed under {self.name} ({self.url}).'


class QuizRules(Strict):
    """Editorial rules for quizzes/ beyond the item-writing lint every project gets (studykit/checks/quizlint.py)."""

    require_feedback: bool = Field(
        default=False,
        description="every wrong option of a single- or multiple-choice question needs `feedback` saying why "
        "(quiz.feedback-missing)",
    )


class Rules(Strict):
    """studykit.yml."""

    licence: Licence = Field(default_factory=Licence, description="content licence, carried by every export")

    callouts: list[Slug] = Field(
        default_factory=lambda: list(DEFAULT_CALLOUTS),
        description="callout types editors may write (`!!! type`); objectives is added by studykit itself",
    )
    templates: Templates = Field(default_factory=builtin_templates, description="rules per page template")
    quizzes: QuizRules = Field(default_factory=QuizRules, description="editorial rules for quizzes")
    redirects: dict[PublishedUrl, PageLink] = Field(
        default_factory=dict,
        description="a URL the site once published (as in permalinks.lock.yml, optionally with #anchor) -> the "
        "page (content-relative, optionally with #anchor) that now teaches it; the build writes a forwarding page",
    )
    retired: dict[PublishedUrl, Text] = Field(
        default_factory=dict, description="a URL the site once published -> why it is gone for good"
    )

    def for_template(self, template: str) -> TemplateRules:
        rules = getattr(self.templates, template, None)
        return rules if isinstance(rules, TemplateRules) else TemplateRules()


def _consistency(rules: Rules, doc: YamlDocument) -> list[Diagnostic]:
    """Rules that contradict each other: a required callout type that is not allowed, a section listed twice."""
    out: list[Diagnostic] = []
    allowed = set(rules.callouts)
    for name in Templates.model_fields:
        template: TemplateRules = getattr(rules.templates, name)
        for index, callout in enumerate(template.required_callouts):
            if callout not in allowed:
                out.append(
                    doc.error(
                        ("templates", name, "required_callouts", index),
                        Code.CONFIG_INVALID,
                        f"required callout '{callout}' is not one of the callout types: {', '.join(rules.callouts)}",
                    )
                )
        for field_name in ("sections", "required_sections"):
            seen: set[str] = set()
            for index, section in enumerate(getattr(template, field_name)):
                if section.strip().lower() in seen:
                    out.append(
                        doc.error(
                            ("templates", name, field_name, index),
                            Code.CONFIG_INVALID,
                            f"section '{section}' is listed twice",
                        )
                    )
                seen.add(section.strip().lower())
    return out


def load_rules(root: Path) -> tuple[Rules, YamlDocument | None, list[Diagnostic]]:
    """The project's studykit.yml; the built-in rules when it is absent, empty or invalid (with diagnostics)."""
    file = root / RULES_FILE
    if not file.is_file():
        return Rules(), None, []
    text, diagnostics = read_text(file, RULES_FILE)
    if text is None:
        return Rules(), None, diagnostics
    doc, yaml_diagnostics = parse_yaml(text, RULES_FILE)
    if doc is None or yaml_diagnostics:
        return Rules(), None, diagnostics + yaml_diagnostics
    if doc.data is None:
        return Rules(), doc, diagnostics
    if not isinstance(doc.data, dict):
        problem = error(RULES_FILE, 1, 1, Code.SCHEMA_INVALID, f"{RULES_FILE} must be a mapping of settings")
        return Rules(), doc, diagnostics + [problem]
    rules, model_diagnostics = validate(doc, Rules, doc.data)
    if rules is None:
        return Rules(), doc, diagnostics + model_diagnostics
    return rules, doc, diagnostics + _consistency(rules, doc)
