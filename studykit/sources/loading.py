"""Files -> typed models + diagnostics. Each model error is mapped back to the line and column it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from ..diagnostics import Code, Diagnostic, error
from .model_errors import M, model_diagnostics, validate
from .models import Course, GlossaryTerm, PageMeta, Question, Quiz, QuizHeader, Reference
from .permalock import PermaLock, load_lock
from .rules import Rules, load_rules
from .scanner import ScannedPage, scan
from .siteconfig import CONTENT_DIR, SiteConfig, load_site_config
from .walk import survey_project, theme_folder
from .yamlsource import MAX_BYTES, YamlDocument, parse_yaml, read_text

GLOSSARY_DIR = "glossary"
QUIZ_DIR = "quizzes"
COURSE_DIR = "courses"
REFERENCE_DIR = "references"


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
class ReferenceSource:
    path: str
    index: int
    doc: YamlDocument
    record: Reference


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
    references: list[ReferenceSource] = field(default_factory=list)  # the shared bibliography, references/*.yml
    assets: set[str] = field(default_factory=set)  # content-relative paths of non-Markdown files
    page_files: set[str] = field(default_factory=set)  # content-relative paths of Markdown files, even unreadable
    svgs: dict[str, bytes] = field(default_factory=dict)  # content-relative path -> bytes, for checks/files.py
    yaml_docs: list[YamlDocument] = field(default_factory=list)
    broken_quizzes: set[str] = field(default_factory=set)  # ids of quiz files that failed to load
    broken_references: set[str] = field(default_factory=set)  # ids of reference records that failed to load
    config: SiteConfig = field(default_factory=SiteConfig)
    rules: Rules = field(default_factory=Rules)  # studykit.yml, or the built-in rules
    permalock: PermaLock | None = None  # permalinks.lock.yml, when the project keeps one

    @property
    def nav_order(self) -> list[str]:
        """Content-relative pages in the order mkdocs.yml `nav` lists them."""
        return self.config.nav_order


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


def load_reference_file(file: Path, root: Path) -> tuple[list[ReferenceSource], YamlDocument | None, list[Diagnostic]]:
    """A references file is a list of records; each is validated on its own so one bad record hides no other."""
    doc, diagnostics = _load_yaml_file(file, root)
    if doc is None or doc.data is None:
        return [], doc, diagnostics
    if not isinstance(doc.data, list):
        problem = error(doc.path, 1, 1, Code.SCHEMA_INVALID, "a references file is a list of records ('- id: ...')")
        return [], doc, diagnostics + [problem]
    records: list[ReferenceSource] = []
    for index, item in enumerate(doc.data):
        record, record_diags = validate(doc, Reference, item, (index,))
        diagnostics += record_diags
        if record is not None:
            records.append(ReferenceSource(doc.path, index, doc, record))
    return records, doc, diagnostics


def broken_reference_ids(doc: YamlDocument | None, loaded: list[ReferenceSource]) -> set[str]:
    """Ids of the records of `doc` that failed validation: citing them is no second error (cite.unknown)."""
    if doc is None or not isinstance(doc.data, list):
        return set()
    ok = {source.index for source in loaded}
    return {
        item["id"]
        for index, item in enumerate(doc.data)
        if index not in ok and isinstance(item, dict) and isinstance(item.get("id"), str)
    }


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
    if header is None or not questions:  # every question was invalid: each is reported above
        return None, doc, diagnostics
    return Quiz(id=header.id, title=header.title, page=header.page, questions=questions), doc, diagnostics


def _read_svg(file: Path, root: Path, project: Project) -> list[Diagnostic]:
    """Keep an SVG's bytes for the file check (checks read the project, never the disk)."""
    path = file.relative_to(root).as_posix()
    try:
        if file.stat().st_size > MAX_BYTES:
            return [error(path, 1, 1, Code.FILE_TOO_LARGE, f"file is larger than {MAX_BYTES:,} bytes")]
        project.svgs[file.relative_to(root / CONTENT_DIR).as_posix()] = file.read_bytes()
    except OSError as exc:
        return [error(path, 1, 1, Code.FILE_UNREADABLE, f"cannot read file: {exc.strerror}")]
    return []


def load_project(root: Path) -> tuple[Project, list[Diagnostic]]:
    """Read every page, glossary file, reference file, quiz and course under `root`. Never raises for bad content."""
    config, diagnostics = load_site_config(root)
    project = Project(root=root, config=config)
    if config.doc is not None:
        project.yaml_docs.append(config.doc)
    project.rules, rules_doc, rules_diagnostics = load_rules(root)
    diagnostics += rules_diagnostics
    if rules_doc is not None:
        project.yaml_docs.append(rules_doc)
    project.permalock, lock_diagnostics = load_lock(root)
    diagnostics += lock_diagnostics
    if project.permalock is not None:
        project.yaml_docs.append(project.permalock.doc)
    survey = survey_project(root, theme_folder(config.doc.data if config.doc else None))  # links out: never read
    diagnostics += survey.diagnostics
    content = root / CONTENT_DIR
    if content.is_dir() and survey.allows(content):
        for file in survey.filter(sorted(content.rglob("*"))):
            if not file.is_file() or any(part.startswith(".") for part in file.relative_to(content).parts):
                continue
            if file.suffix == ".md":
                project.page_files.add(file.relative_to(content).as_posix())
                page, page_diags = load_page(file, root)
                diagnostics += page_diags
                if page is not None:
                    project.pages.append(page)
                    if page.doc is not None:
                        project.yaml_docs.append(page.doc)
            else:
                project.assets.add(file.relative_to(content).as_posix())
                if file.suffix.lower() == ".svg":
                    diagnostics += _read_svg(file, root, project)
    for file in survey.filter(sorted((root / GLOSSARY_DIR).glob("*.y*ml"))):
        terms, doc, term_diags = load_glossary_file(file, root)
        project.terms += terms
        diagnostics += term_diags
        if doc is not None:
            project.yaml_docs.append(doc)
    for file in survey.filter(sorted((root / REFERENCE_DIR).glob("*.y*ml"))):
        records, doc, record_diags = load_reference_file(file, root)
        project.references += records
        project.broken_references |= broken_reference_ids(doc, records)
        diagnostics += record_diags
        if doc is not None:
            project.yaml_docs.append(doc)
    for file in survey.filter(sorted((root / QUIZ_DIR).glob("*.y*ml"))):
        quiz, doc, quiz_diags = load_quiz_file(file, root)
        diagnostics += quiz_diags
        if doc is not None:
            project.yaml_docs.append(doc)
        if quiz is not None and doc is not None:
            project.quizzes.append(QuizSource(doc.path, doc, quiz))
        else:
            project.broken_quizzes.add(_declared_id(doc) or file.stem)
    for file in survey.filter(sorted((root / COURSE_DIR).glob("*.y*ml"))):
        course, doc, course_diags = _load_mapping_model(file, root, Course, "course")
        diagnostics += course_diags
        if doc is not None:
            project.yaml_docs.append(doc)
        if course is not None and doc is not None:
            project.courses.append(CourseSource(doc.path, doc, course))
    return project, diagnostics
