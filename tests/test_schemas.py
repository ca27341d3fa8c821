"""The checked-in JSON Schemas match the models, and every YAML file points editors at its schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studykit.schemas import SCHEMA_LINES, generated_schemas

ROOT = Path(__file__).resolve().parent.parent


def test_checked_in_schemas_are_up_to_date() -> None:
    for name, text in generated_schemas().items():
        path = ROOT / "schemas" / name
        assert path.is_file(), f"{path} is missing: run `python build_site.py schemas`"
        assert path.read_text(encoding="utf-8") == text, f"{name} is stale: run `python build_site.py schemas`"


def test_quiz_schema_describes_question_types() -> None:
    schema = json.loads(generated_schemas()["quiz.schema.json"])
    types = {
        variant["properties"]["type"]["const"]
        for variant in schema["$defs"].values()
        if "type" in variant.get("properties", {})
    }
    assert types == {"single", "multiple", "true_false"}
    assert schema["additionalProperties"] is False


@pytest.mark.parametrize("folder", sorted(SCHEMA_LINES))
def test_every_yaml_file_names_its_schema(folder: str) -> None:
    for path in sorted((ROOT / folder).glob("*.yml")):
        first_line = path.read_text(encoding="utf-8").split("\n", 1)[0]
        assert first_line == SCHEMA_LINES[folder], f"{path.relative_to(ROOT)} must start with: {SCHEMA_LINES[folder]}"
