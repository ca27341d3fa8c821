"""Files -> typed models + diagnostics. Each model error is mapped back to the line and column it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError

from .diagnostics import Code, Diagnostic, did_you_mean, error
from .mdscan import ScannedPage, scan
from .models import SLUG, Course, GlossaryTerm, PageMeta, Question, Quiz, QuizHeader
from .yamlsource import Path as YPath
from .yamlsource import YamlDocument, parse_yaml, read_text

CONTENT_DIR = "content"
GLOSSARY_DIR = "glossary"
QUIZ_DIR = "quizzes"
COURSE_DIR = "courses"

M = TypeVar("M", bound=BaseModel)


@dataclass
class PageSource:
    path: str  # project-relative, e.g. content/procedures/rfa.md
    rel: str  # content-relative, e.g. procedures/rfa.md
    text: str
    body_line: int  # file line where the body (after front matter) starts
    body: str
    meta: PageMeta | None
    doc: YamlDocument | None
    scanned: ScannedPage


@dataclass
class TermSource:
    path: str
    index: int
    doc: YamlDocument
    term: GlossaryTerm


@dataclass
class QuizSource:
    path: str
    doc: YamlDocument
    quiz: Quiz


@dataclass
class CourseSource:
    path: str
    doc: YamlDocument
    course: Course


@dataclass
class Project:
    root: Path
    pages: list[PageSource] = field(default_factory=list)
    terms: list[TermSource] = field(default_factory=list)
    quizzes: list[QuizSource] = field(default_factory=list)
    courses: list[CourseSource] = field(default_factory=list)
    assets: set[str] = field(default_factory=set)  # content-relative paths of non-Markdown files
    yaml_docs: list[YamlDocument] = field(default_factory=list)
    broken_quizzes: set[str] = field(default_factory=set)  # ids of quiz files that failed to load
    nav_order: list[str] = field(default_factory=list)  # content-relative pages in the order mkdocs.yml `nav` lists


def _all_fields(model: type[BaseModel], seen: set[type[BaseModel]] | None = None) -> set[str]:
    """Every field name reachable from `model`, for 'did you mean' on unknown fields."""
    seen = seen if seen is not None else set()
    if model in seen:
        return set()
    seen.add(model)
    names = set(model.model_fields)
    for info in model.model_fields.values():
        for sub in _nested_models(info.annotation):
            names |= _all_fields(sub, seen)
    return names


def _nested_models(annotation: Any) -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    for arg in getattr(annotation, "__args__", ()) or ():
        found.extend(_nested_models(arg))
    for meta in getattr(annotation, "__metadata__", ()) or ():
        found.extend(_nested_models(meta))
    origin = getattr(annotation, "__origin__", None)
    if origin is not None and origin is not annotation:
        found.extend(_nested_models(origin) if isinstance(origin, type) and issubclass(origin, BaseModel) else [])
    return found


def _resolve(doc: YamlDocument, loc: tuple[Any, ...], base: YPath) -> tuple[YPath, tuple[Any, ...]]:
    """Walk a pydantic error location through the data; skip union-branch labels pydantic inserts."""
    data: Any = doc.data
    for part in base:
        data = data[part]
    path: list[str | int] = list(base)
    rest: list[Any] = []
    parts = list(loc)
    while parts:
        part = parts.pop(0)
        if isinstance(data, dict) and isinstance(part, str) and part in data:
            data = data[part]
            path.append(part)
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
            path.append(part)
        elif parts:
            continue  # a union branch label such as 'single' or 'str'
        else:
            rest.append(part)
    return tuple(path), tuple(rest)


def model_diagnostics(
    exc: ValidationError, doc: YamlDocument, model: type[BaseModel], base: YPath = ()
) -> list[Diagnostic]:
    fields = _all_fields(model) | {"type"}
    out: list[Diagnostic] = []
    reported: set[YPath] = set()
    for err in exc.errors():
        kind = err["type"]
        path, rest = _resolve(doc, tuple(err["loc"]), base)
        if kind == "extra_forbidden":
            name = str(path[-1]) if path else "?"
            loc = doc.loc(path, key=True)
            if name == "choices":
                out.append(
                    error(
                        doc.path,
                        loc.line,
                        loc.column,
                        Code.SCHEMA_UNKNOWN_FIELD,
                        "a true/false question has no choices; remove 'choices' or change its type",
                    )
                )
                continue
            hint = did_you_mean(name, fields - {name})
            out.append(
                error(doc.path, loc.line, loc.column, Code.SCHEMA_UNKNOWN_FIELD, f"unknown field '{name}'{hint}")
            )
            continue
        if kind in ("missing", "union_tag_not_found"):
            name = str(rest[-1]) if rest else str(err.get("ctx", {}).get("discriminator", "?")).strip("'")
            loc = doc.loc(path)
            where = f" in '{path[-1]}'" if path and isinstance(path[-1], str) else ""
            out.append(
                error(
                    doc.path, loc.line, loc.column, Code.SCHEMA_MISSING_FIELD, f"missing required field '{name}'{where}"
                )
            )
            continue
        if path in reported:
            continue  # one message per value: unions report every branch
        reported.add(path)
        loc = doc.loc(path)
        field_name = next((str(p) for p in reversed(path) if isinstance(p, str)), "value")
        if path in doc.implicit and kind in ("string_type", "literal_error", "string_pattern_mismatch"):
            raw = doc.raw.get(path, "")
            out.append(
                error(
                    doc.path,
                    loc.line,
                    loc.column,
                    Code.YAML_IMPLICIT_TYPE,
                    f"'{field_name}': YAML reads {raw} as {doc.implicit[path]}; "
                    f'put it in quotes ("{raw}") to keep it as text',
                )
            )
            continue
        if kind == "union_tag_invalid":
            tag = str(err.get("ctx", {}).get("tag", "?"))
            expected = str(err.get("ctx", {}).get("expected_tags", ""))
            options = [t.strip(" '") for t in expected.split(",")]
            hint = did_you_mean(tag, options)
            loc = doc.loc(path + ("type",))
            out.append(
                error(
                    doc.path,
                    loc.line,
                    loc.column,
                    Code.SCHEMA_INVALID,
                    f"'{tag}' is not a question type; expected {expected}{hint}",
                )
            )
            continue
        message = err["msg"].removeprefix("Value error, ")
        if kind == "string_too_short" and err.get("ctx", {}).get("min_length") == 1:
            message = "must not be empty"
        if kind == "too_short" and err.get("ctx", {}).get("min_length") == 1:
            message = "needs at least one entry"
        if kind == "bool_type":
            message = f"expected true or false, not {err.get('input')!r}"
        if kind == "string_pattern_mismatch":
            got = err.get("input")
            if str(err.get("ctx", {}).get("pattern")) == SLUG:
                message = f"'{got}' is not a valid id: use lowercase letters, digits and hyphens (e.g. 'my-id')"
            else:
                message = f"'{got}' must be a page path ending in .md, optionally with #anchor"
        if kind == "literal_error":
            expected = str(err.get("ctx", {}).get("expected", ""))
            got = err.get("input")
            options = [t.strip(" '") for t in expected.replace(" or ", ",").split(",")]
            message = f"'{got}' is not allowed; expected {expected}{did_you_mean(str(got), options)}"
        out.append(error(doc.path, loc.line, loc.column, Code.SCHEMA_INVALID, f"'{field_name}': {message}"))
    return out


def validate(doc: YamlDocument, model: type[M], data: Any, base: YPath = ()) -> tuple[M | None, list[Diagnostic]]:
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, model_diagnostics(exc, doc, model, base)


def split_front_matter(text: str) -> tuple[str | None, int, str, int]:
    """(front matter YAML or None, line of its first YAML line, body, line where the body starts)."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None, 1, text, 1
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return "\n".join(lines[1:index]), 2, "\n".join(lines[index + 1 :]), index + 2
    return None, 1, text, 1


def load_page(file: Path, root: Path) -> tuple[PageSource | None, list[Diagnostic]]:
    path = file.relative_to(root).as_posix()
    rel = file.relative_to(root / CONTENT_DIR).as_posix()
    text, diagnostics = read_text(file, path)
    if text is None:
        return None, diagnostics
    front, front_line, body, body_line = split_front_matter(text)
    meta: PageMeta | None = None
    doc: YamlDocument | None = None
    if front is None:
        diagnostics.append(
            error(
                path,
                1,
                1,
                Code.FRONT_MATTER_MISSING,
                "page has no front matter; start it with a '---' block (see CONTRIBUTING.md)",
            )
        )
    else:
        doc, yaml_diags = parse_yaml(front, path, line_offset=front_line - 1)
        diagnostics += yaml_diags
        if doc is not None and not yaml_diags:
            if not isinstance(doc.data, dict):
                diagnostics.append(
                    error(path, front_line, 1, Code.SCHEMA_INVALID, "front matter must be a mapping of fields")
                )
            else:
                meta, model_diags = validate(doc, PageMeta, doc.data)
                diagnostics += model_diags
    page = PageSource(path, rel, text, body_line, body, meta, doc, scan(body, body_line))
    return page, diagnostics


def _load_yaml_file(file: Path, root: Path) -> tuple[YamlDocument | None, list[Diagnostic]]:
    path = file.relative_to(root).as_posix()
    text, diagnostics = read_text(file, path)
    if text is None:
        return None, diagnostics
    doc, yaml_diags = parse_yaml(text, path)
    return (doc if not yaml_diags else None), diagnostics + yaml_diags


def load_glossary_file(file: Path, root: Path) -> tuple[list[TermSource], YamlDocument | None, list[Diagnostic]]:
    doc, diagnostics = _load_yaml_file(file, root)
    if doc is None:
        return [], None, diagnostics
    if doc.data is None:
        return [], doc, diagnostics
    if not isinstance(doc.data, list):
        return (
            [],
            doc,
            diagnostics
            + [error(doc.path, 1, 1, Code.SCHEMA_INVALID, "a glossary file is a list of terms ('- term: ...')")],
        )
    terms: list[TermSource] = []
    for index, item in enumerate(doc.data):
        term, term_diags = validate(doc, GlossaryTerm, item, (index,))
        diagnostics += term_diags
        if term is not None:
            terms.append(TermSource(doc.path, index, doc, term))
    return terms, doc, diagnostics


def _load_mapping(file: Path, root: Path, what: str) -> tuple[YamlDocument | None, bool, list[Diagnostic]]:
    """A YAML file whose top level must be a mapping: (document, whether it is one, diagnostics)."""
    doc, diagnostics = _load_yaml_file(file, root)
    if doc is None:
        return None, False, diagnostics
    if not isinstance(doc.data, dict):
        problem = error(doc.path, 1, 1, Code.SCHEMA_INVALID, f"a {what} file is a mapping ('id: ...')")
        return doc, False, diagnostics + [problem]
    return doc, True, diagnostics


def _load_mapping_model(
    file: Path, root: Path, model: type[M], what: str
) -> tuple[M | None, YamlDocument | None, list[Diagnostic]]:
    doc, is_mapping, diagnostics = _load_mapping(file, root, what)
    if doc is None or not is_mapping:
        return None, doc, diagnostics
    value, model_diags = validate(doc, model, doc.data)
    return value, doc, diagnostics + model_diags


_QUESTION = TypeAdapter(Question)


def _declared_id(doc: YamlDocument | None) -> str | None:
    if doc is not None and isinstance(doc.data, dict) and isinstance(doc.data.get("id"), str):
        return str(doc.data["id"])
    return None


def load_quiz_file(file: Path, root: Path) -> tuple[Quiz | None, YamlDocument | None, list[Diagnostic]]:
    """Validate the quiz header, then each question on its own, so one bad question hides nothing else."""
    doc, is_mapping, diagnostics = _load_mapping(file, root, "quiz")
    if doc is None or not is_mapping:
        return None, doc, diagnostics
    header, header_diags = validate(doc, QuizHeader, doc.data)
    diagnostics += header_diags
    questions = []
    raw_questions = doc.data.get("questions")
    for index, item in enumerate(raw_questions if isinstance(raw_questions, list) else []):
        try:
            questions.append(_QUESTION.validate_python(item))
        except ValidationError as exc:
            diagnostics += model_diagnostics(exc, doc, Quiz, ("questions", index))
    if header is None:
        return None, doc, diagnostics
    return Quiz(id=header.id, title=header.title, page=header.page, questions=questions), doc, diagnostics


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for its `nav` only; MkDocs' own tags (!ENV, !!python/name) are read as nothing."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_nav_order(root: Path) -> list[str]:
    """Pages in course order, as the site's navigation lists them (empty when there is no usable nav)."""
    try:
        config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)  # noqa: S506
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return []
    order: list[str] = []

    def walk(item: Any) -> None:
        if isinstance(item, str) and item.endswith(".md"):
            order.append(item)
        elif isinstance(item, list):
            for child in item:
                walk(child)
        elif isinstance(item, dict):
            for child in item.values():
                walk(child)

    walk(config.get("nav") if isinstance(config, dict) else None)
    return order


def load_project(root: Path) -> tuple[Project, list[Diagnostic]]:
    """Read every page, glossary file, quiz and course under `root`. Never raises for bad content."""
    project = Project(root=root, nav_order=read_nav_order(root))
    diagnostics: list[Diagnostic] = []
    content = root / CONTENT_DIR
    if content.is_dir():
        for file in sorted(content.rglob("*")):
            if not file.is_file() or any(part.startswith(".") for part in file.relative_to(content).parts):
                continue
            if file.suffix == ".md":
                page, page_diags = load_page(file, root)
                diagnostics += page_diags
                if page is not None:
                    project.pages.append(page)
                    if page.doc is not None:
                        project.yaml_docs.append(page.doc)
            else:
                project.assets.add(file.relative_to(content).as_posix())
    for file in sorted((root / GLOSSARY_DIR).glob("*.y*ml")):
        terms, doc, term_diags = load_glossary_file(file, root)
        project.terms += terms
        diagnostics += term_diags
        if doc is not None:
            project.yaml_docs.append(doc)
    for file in sorted((root / QUIZ_DIR).glob("*.y*ml")):
        quiz, doc, quiz_diags = load_quiz_file(file, root)
        diagnostics += quiz_diags
        if doc is not None:
            project.yaml_docs.append(doc)
        if quiz is not None and doc is not None:
            project.quizzes.append(QuizSource(doc.path, doc, quiz))
        else:
            project.broken_quizzes.add(_declared_id(doc) or file.stem)
    for file in sorted((root / COURSE_DIR).glob("*.y*ml")):
        course, doc, course_diags = _load_mapping_model(file, root, Course, "course")
        diagnostics += course_diags
        if doc is not None:
            project.yaml_docs.append(doc)
        if course is not None and doc is not None:
            project.courses.append(CourseSource(doc.path, doc, course))
    return project, diagnostics
