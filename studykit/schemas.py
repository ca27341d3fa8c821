"""JSON Schemas generated from the models, checked in under schemas/ so editors get completion and errors in
VS Code (the `# yaml-language-server: $schema=...` line at the top of each YAML file points at them)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from .sources.models import Course, GlossaryTerm, PageMeta, Quiz, Reference
from .study.export import ProgressExport

SCHEMA_DIR = "schemas"
SCHEMA_LINES = {
    "glossary": "# yaml-language-server: $schema=../schemas/glossary.schema.json",
    "quizzes": "# yaml-language-server: $schema=../schemas/quiz.schema.json",
    "courses": "# yaml-language-server: $schema=../schemas/course.schema.json",
    "references": "# yaml-language-server: $schema=../schemas/references.schema.json",
}


def _schema(title: str, adapter: TypeAdapter[Any]) -> dict[str, Any]:
    schema = adapter.json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, **schema}


def generated_schemas() -> dict[str, str]:
    """File name -> JSON text."""
    schemas = {
        "glossary.schema.json": _schema("Glossary terms", TypeAdapter(list[GlossaryTerm])),
        "quiz.schema.json": _schema("Quiz", TypeAdapter(Quiz)),
        "page.schema.json": _schema("Page front matter", TypeAdapter(PageMeta)),
        "course.schema.json": _schema("Course", TypeAdapter(Course)),
        "references.schema.json": _schema("Reference records", TypeAdapter(list[Reference])),
        "progress.schema.json": _schema("Progress export", TypeAdapter(ProgressExport)),
    }
    return {name: json.dumps(schema, indent=2, sort_keys=True) + "\n" for name, schema in schemas.items()}


def write_schemas(root: Path) -> list[Path]:
    folder = root / SCHEMA_DIR
    folder.mkdir(exist_ok=True)
    written = []
    for name, text in generated_schemas().items():
        target = folder / name
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            written.append(target)
    return written
