"""Diagnostics: every problem an editor can cause, with a location, a stable code and a message.

Codes are stable: tests, CI annotations and editors' muscle memory rely on them. Each code's docstring-like
description lives in `Code.doc` and is printed by `build_site.py codes`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Code(StrEnum):
    """Documented diagnostic codes. The value is what users see in brackets."""

    def __new__(cls, value: str, doc: str) -> Code:
        member = str.__new__(cls, value)
        member._value_ = value
        member.doc = doc  # type: ignore[attr-defined]
        return member

    # files and YAML
    FILE_ENCODING = ("file.encoding", "A file is not valid UTF-8.")
    FILE_TOO_LARGE = ("file.too-large", "A file is larger than the size limit.")
    FILE_UNREADABLE = ("file.unreadable", "A file could not be read.")
    FILE_SYMLINK_OUTSIDE = ("file.symlink-outside", "A symbolic link whose target is outside the repository.")
    FILE_SYMLINK_LOOP = ("file.symlink-loop", "A symbolic link that loops or points to nothing.")
    FILE_TYPE = ("file.type", "A content file the browser would run as a page or script (.html, .js).")
    FILE_SVG = ("file.svg", "An SVG with a script, an on* handler or a reference to another file or site.")
    FILE_SHADOWS_ASSET = ("file.shadows-asset", "A content file at a path the theme's or studykit's own assets use.")
    MARKDOWN_TOO_DEEP = ("markdown.too-deep", "Lists, quotes or indentation nested deeper than the renderer can go.")
    YAML_SYNTAX = ("yaml.syntax", "YAML that does not parse.")
    YAML_DUPLICATE_KEY = ("yaml.duplicate-key", "The same key appears twice in one mapping.")
    YAML_ALIAS = ("yaml.alias", "YAML anchors (&) and aliases (*) are not allowed: write values out.")
    YAML_TAG = ("yaml.tag", "Explicit YAML tags (!!python/..., !custom) are not allowed.")
    YAML_TOO_DEEP = ("yaml.too-deep", "Nesting deeper than the limit.")
    YAML_IMPLICIT_TYPE = ("yaml.implicit-type", "Unquoted text that YAML reads as a boolean, number or date.")
    # configuration
    CONFIG_INVALID = ("config.invalid", "mkdocs.yml or studykit.yml has a setting studykit cannot work with.")
    NAV_MISSING_PAGE = ("nav.missing-page", "A nav entry in mkdocs.yml names a page that does not exist.")
    NAV_OMITTED = ("nav.omitted", "A page that the nav in mkdocs.yml does not list (students cannot reach it).")
    PERMALINK_BROKEN = (
        "permalink.broken",
        "A published URL (in permalinks.lock.yml) would stop working: no redirect and no retirement covers it.",
    )
    PERMALINK_UNLOCKED = (
        "permalink.unlocked",
        "A page publishes URLs that permalinks.lock.yml does not record yet (run `permalinks --update`).",
    )
    PERMALINK_REDIRECT = (
        "permalink.redirect",
        "A redirect or retirement in studykit.yml is wrong: its target does not exist or its URL is still live.",
    )
    PERMALINK_LOCK = ("permalink.lock", "permalinks.lock.yml is not in the format `permalinks --update` writes.")
    # models
    SCHEMA_UNKNOWN_FIELD = ("schema.unknown-field", "A field the model does not know (often a misspelling).")
    SCHEMA_MISSING_FIELD = ("schema.missing-field", "A required field is missing.")
    SCHEMA_INVALID = ("schema.invalid", "A value of the wrong type or outside its allowed range.")
    # front matter
    FRONT_MATTER_MISSING = ("front-matter.missing", "A page has no YAML front matter block.")
    PAGE_DUPLICATE_ID = ("page.duplicate-id", "Two pages share one id.")
    PAGE_SECTION_ORDER = ("page.section-order", "A procedure page lacks a required H2 section or has it out of order.")
    PAGE_REVIEW = ("page.review", "Review metadata is inconsistent (a reviewed page needs reviewer and date).")
    PAGE_DESCRIPTION = ("page.description", "A description that is empty or longer than 160 characters.")
    PAGE_H1 = ("page.h1", "An H1 heading in the body: the title is generated from front matter.")
    PAGE_REFERENCES_SECTION = (
        "page.references-section",
        "A hand-written References section: the reference list is generated from front matter.",
    )
    PAGE_CALLOUT_TYPE = ("page.callout-type", "A callout type that studykit.yml does not define.")
    PAGE_IMAGE_ALT = ("page.image-alt", "An image without alternative text.")
    # content rules (studykit.yml, per template)
    CONTENT_WORDS = ("content.words", "A page shorter or longer than its template's word range.")
    CONTENT_REFERENCES = ("content.references", "A page with fewer references than its template needs.")
    CONTENT_QUIZ_SIZE = ("content.quiz-size", "A page without a quiz, or with fewer questions than its template needs.")
    CONTENT_SECTIONS = ("content.sections", "A page without an H2 section its template requires.")
    CONTENT_CALLOUTS = ("content.callouts", "A page without a callout type its template requires.")
    # links
    LINK_MISSING_PAGE = ("link.missing-page", "A link to a page or file that does not exist.")
    LINK_MISSING_ANCHOR = ("link.missing-anchor", "A link to an anchor that the target page does not produce.")
    LINK_UNDEFINED_REF = ("link.undefined-reference", "A reference-style link whose label is never defined.")
    LINK_ABSOLUTE = ("link.absolute", "An absolute site path ('/x') that breaks when the site is not at the root.")
    # figures (content/figures/, placed as ![alt](../figures/x.svg){#fig-x} with a /// caption)
    FIGURE_UNKNOWN = ("figure.unknown", "A link to a figure (#fig-...) that the target page does not have.")
    FIGURE_DUPLICATE_ID = ("figure.duplicate-id", "Two figures (or a figure and a heading) of one page share an id.")
    FIGURE_UNUSED = ("figure.unused", "A file in content/figures/ that no page shows.")
    FIGURE_SIZE = ("figure.size", "A figure file over the size budget (150 KB).")
    FIGURE_SVG = (
        "figure.svg",
        "A figure SVG that cannot be shown inline as drawn: no viewBox, or an element, attribute or style rule "
        "the inline SVG allowlist drops.",
    )
    FIGURE_ID = ("figure.id", "An image from content/figures/ placed without a {#fig-...} id, so it is no figure.")
    FIGURE_CAPTION = ("figure.caption", "A figure without a /// caption block after it.")
    FIGURE_UNREFERENCED = ("figure.unreferenced", "A figure that its page's text never refers to ([Figure](#fig-...)).")
    # glossary
    GLOSSARY_DUPLICATE = ("glossary.duplicate", "Two glossary entries share an id, term, alias or abbreviation.")
    GLOSSARY_SEE_ALSO = ("glossary.see-also", "A see_also entry names a term that does not exist.")
    GLOSSARY_UNUSED = ("glossary.unused", "A term that no page mentions.")
    GLOSSARY_UNKNOWN_TERM = ("glossary.unknown-term", "A forced term link names a term that does not exist.")
    GLOSSARY_FIGURE = ("glossary.figure", "A term's flashcard figure names no file in content/figures/.")
    GLOSSARY_DEFINITION_BLOCK = (
        "glossary.definition-block",
        "A /// glossary listing or /// quiz block inside a glossary definition.",
    )
    # quizzes
    QUIZ_DUPLICATE_ID = ("quiz.duplicate-id", "Two quizzes share an id.")
    QUIZ_DUPLICATE_QUESTION = ("quiz.duplicate-question", "Two questions in one quiz share an id.")
    QUIZ_ANSWER_KEY = ("quiz.answer-key", "An answer key that breaks the rules for its question type.")
    QUIZ_CHOICES = ("quiz.choices", "Choices that are empty or repeated.")
    QUIZ_UNKNOWN = ("quiz.unknown", "A page or quiz block names a quiz that does not exist.")
    QUIZ_FILE_NAME = ("quiz.file-name", "A quiz id that differs from its file name.")
    QUIZ_ORPHAN = ("quiz.orphan", "A quiz that no page shows (front matter `quiz:` or a quiz block).")
    # quiz item-writing lint (studykit/checks/quizlint.py): cues that give the answer away
    QUIZ_ABSOLUTE_CUE = ("quiz.absolute-cue", "A wrong option says always/never/only/all/... and the key does not.")
    QUIZ_ALL_NONE = ("quiz.all-none-of-above", "An option 'all of the above' or 'none of the above'.")
    QUIZ_LONGEST_KEY = ("quiz.longest-key", "In one quiz the key is the longest option more often than chance.")
    QUIZ_DUPLICATE_PROMPT = ("quiz.duplicate-prompt", "Two questions, in any quizzes, ask the same prompt.")
    QUIZ_NEGATIVE_STEM = ("quiz.negative-stem", "A question asked with NOT/EXCEPT/LEAST, not emphasised (**NOT**).")
    QUIZ_NUMERIC_ORDER = ("quiz.numeric-order", "Options that all start with a number, not in ascending order.")
    QUIZ_FEEDBACK_MISSING = (
        "quiz.feedback-missing",
        "A wrong option without `feedback` (only when studykit.yml sets quizzes: {require_feedback: true}).",
    )
    # courses (courses/*.yml, shown by a /// course block)
    COURSE_UNKNOWN_QUIZ = ("course.unknown-quiz", "A course item names a quiz that does not exist.")
    COURSE_UNKNOWN_QUESTION = ("course.unknown-question", "A course item picks a question its quiz does not have.")
    COURSE_UNKNOWN_DECK = ("course.unknown-deck", "A course item names a flashcard deck that does not exist.")
    COURSE_UNKNOWN = ("course.unknown", "A page's course block names a course that does not exist.")
    COURSE_DUPLICATE_ID = ("course.duplicate-id", "Two courses share an id.")
    # citations
    CITE_UNKNOWN = ("cite.unknown", "A citation [@id] that names no record in references/.")
    # the bibliography (references/*.yml)
    REF_UNUSED = ("ref.unused", "A reference record that no page cites.")
    REF_MISSING_FIELD = ("ref.missing-field", "A reference record without a field its type needs (and no reason).")
    REF_DOI = ("ref.doi", "A malformed DOI: it must look like 10.1234/abc, without https://doi.org/.")
    REF_DUPLICATE_DOI = ("ref.duplicate-doi", "Two reference records with the same DOI (one work, two ids).")
    REF_DUPLICATE_ID = ("ref.duplicate-id", "Two reference records share an id.")
    REF_ID_YEAR = ("ref.id-year", "A reference id whose year differs from the record's year.")
    # safety
    SAFETY_HTML = (
        "safety.html",
        "An element, attribute or URL that the HTML allowlist removes (<script>, <iframe>, <form>, <base>, on* "
        "handlers, javascript: links, images from another site...).",
    )
    SAFETY_ATTR_LIST = (
        "safety.attr-list",
        "An attribute list { ... } that sets an event handler, style, autofocus, href or src, or an attribute "
        "the HTML allowlist removes.",
    )
    SAFETY_FRONT_MATTER = (
        "safety.front-matter",
        'A page title or description with <, >, " or a character reference: the theme prints them as HTML.',
    )
    # build
    BUILD_MKDOCS = ("build.mkdocs", "MkDocs reported a problem while building.")
    BUILD_ZENSICAL = ("build.zensical", "Zensical reported a problem while building (with --engine zensical).")
    BUILD_OUTPUT = ("build.output", "The output directory could not be written or swapped into place.")
    BUILD_QUIZ_GRADER = ("build.quiz-grader", "A question type has no grader in the quiz script.")
    AUDIT_BROKEN_LINK = ("audit.broken-link", "A link in the rendered site points to a file that was not built.")
    AUDIT_BROKEN_ANCHOR = ("audit.broken-anchor", "A link in the rendered site points to a missing element id.")
    AUDIT_UNKNOWN_FILE = (
        "audit.unknown-file",
        "A file in the built site that came from no source, theme, package asset or page render.",
    )
    AUDIT_EXTERNAL_REQUEST = (
        "audit.external-request",
        "A page that loads a script, stylesheet, image, frame or redirect from another origin.",
    )
    AUDIT_CSP = ("audit.csp", "A built page cannot carry its Content-Security-Policy (no <head> before scripts).")


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    column: int
    severity: Severity
    code: Code
    message: str

    def text(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity.value}: {self.message} [{self.code.value}]"

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": self.severity.value,
            "code": self.code.value,
            "message": self.message,
        }


def error(path: str, line: int, column: int, code: Code, message: str) -> Diagnostic:
    return Diagnostic(path, max(line, 1), max(column, 1), Severity.ERROR, code, message)


def warning(path: str, line: int, column: int, code: Code, message: str) -> Diagnostic:
    return Diagnostic(path, max(line, 1), max(column, 1), Severity.WARNING, code, message)


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return sorted(set(diagnostics), key=lambda d: (d.path, d.line, d.column, d.code.value, d.message))


def count(diagnostics: Iterable[Diagnostic]) -> tuple[int, int]:
    """Return (errors, warnings)."""
    errors = warnings = 0
    for diagnostic in diagnostics:
        if diagnostic.severity is Severity.ERROR:
            errors += 1
        else:
            warnings += 1
    return errors, warnings


def _escape_github(value: str, *, property_value: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_diagnostics(diagnostics: list[Diagnostic], fmt: str, summary: Mapping[str, object]) -> str:
    """Render diagnostics as `text`, `json` or `github` (workflow commands that become PR annotations)."""
    if fmt == "json":
        return json.dumps({"diagnostics": [d.as_dict() for d in diagnostics], "summary": summary}, indent=2)
    if fmt == "github":
        lines = []
        for d in diagnostics:
            kind = "error" if d.severity is Severity.ERROR else "warning"
            props = ",".join(
                [
                    f"file={_escape_github(d.path, property_value=True)}",
                    f"line={d.line}",
                    f"col={d.column}",
                    f"title={_escape_github(d.code.value, property_value=True)}",
                ]
            )
            lines.append(f"::{kind} {props}::{_escape_github(d.message)} [{d.code.value}]")
        return "\n".join(lines)
    return "\n".join(d.text() for d in diagnostics)


def did_you_mean(wrong: str, candidates: Iterable[str]) -> str:
    """A '; did you mean X?' suffix for the closest candidate, or ''."""
    import difflib

    matches = difflib.get_close_matches(wrong, list(candidates), n=1, cutoff=0.6)
    return f"; did you mean '{matches[0]}'?" if matches else ""
