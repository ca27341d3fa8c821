"""CONTRIBUTING.md is enough to add a page: an eleventh procedure page written from its templates checks clean.

The page's front matter and its quiz are built from the YAML templates in CONTRIBUTING.md (so a stale template
fails here), with the body and ids of a new page; the body is an existing procedure page's, which meets
studykit.yml's word, section and callout rules and cites records of the shared bibliography (references/).
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import yaml

from studykit.pipeline import check_project
from studykit.sources.loading import load_project

from .helpers import ROOT, copy_project, run_cli

NEW_ID = "example-procedure"
NEW_PAGE = f"procedures/{NEW_ID}.md"
YAML_BLOCK = re.compile(r"^```yaml\n(?P<body>.*?)^```", re.MULTILINE | re.DOTALL)
SECTIONS = ("overview", "indications", "contraindications", "technique", "risks-and-complications", "evidence")


def _contributing_templates() -> tuple[dict[str, Any], dict[str, Any]]:
    """(page front matter, quiz file) as CONTRIBUTING.md shows them."""
    blocks = [m.group("body") for m in YAML_BLOCK.finditer((ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8"))]
    page = next(b for b in blocks if b.startswith("---\n"))
    quiz = next(b for b in blocks if "\nquestions:" in b)
    return yaml.safe_load(page.strip().strip("-")), yaml.safe_load(quiz)


def _front_matter_and_body(text: str) -> tuple[dict[str, Any], str]:
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def _add_eleventh_procedure(project: Path) -> int:
    """Add the page, its quiz and its nav entry; return how many pages the project now has."""
    page_template, quiz_template = _contributing_templates()
    loaded, _ = load_project(project)
    model = next(p for p in sorted(loaded.pages, key=lambda p: p.rel) if p.meta and p.meta.template == "procedure")
    _, body = _front_matter_and_body(model.text)
    meta = dict(page_template, id=NEW_ID, title="Example procedure", quiz=NEW_ID)
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
    (project / "content" / NEW_PAGE).write_text(f"---\n{front}---\n{body}", encoding="utf-8")

    question = quiz_template["questions"][0]
    questions = [
        dict(
            copy.deepcopy(question),  # shared objects would be written as YAML aliases, which studykit refuses
            id=f"example-{number}",
            prompt=f"{question['prompt']} (variant {number})",
            source=f"{NEW_PAGE}#{SECTIONS[number % len(SECTIONS)]}",
        )
        for number in range(1, loaded.rules.templates.procedure.min_quiz_questions + 1)  # studykit.yml's minimum
    ]
    quiz = dict(quiz_template, id=NEW_ID, title="Example procedure", page=NEW_PAGE, questions=questions)
    (project / "quizzes" / f"{NEW_ID}.yml").write_text(
        "# yaml-language-server: $schema=../schemas/quiz.schema.json\n"
        + yaml.safe_dump(quiz, sort_keys=False, allow_unicode=True, width=1000),
        encoding="utf-8",
    )

    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").split("\n")
    last = max(i for i, line in enumerate(lines) if line.strip().startswith("- procedures/"))
    indent = lines[last][: len(lines[last]) - len(lines[last].lstrip())]
    lines.insert(last + 1, f"{indent}- {NEW_PAGE}")
    config.write_text("\n".join(lines), encoding="utf-8")
    return len(loaded.pages) + 1


def test_an_eleventh_procedure_page_written_per_contributing_checks_clean(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    pages = _add_eleventh_procedure(project)
    result = run_cli("--root", str(project), "check", "--strict")
    assert result.returncode == 1 and "[permalink.unlocked]" in result.stdout  # a new URL: CONTRIBUTING's last step
    assert run_cli("--root", str(project), "permalinks", "--update").returncode == 0
    result = run_cli("--root", str(project), "check", "--strict")
    assert (result.returncode, result.stdout) == (0, "")
    assert f"{pages} pages" in result.stderr and "0 errors, 0 warnings" in result.stderr


def test_the_eleventh_page_without_its_quiz_is_warned_about(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    _add_eleventh_procedure(project)
    page = project / "content" / NEW_PAGE
    page.write_text(page.read_text(encoding="utf-8").replace(f"quiz: {NEW_ID}\n", ""), encoding="utf-8")
    (project / "quizzes" / f"{NEW_ID}.yml").unlink()
    found = [(d.path, d.severity.value, d.code.value) for d in check_project(project).diagnostics]
    assert found == [
        (f"content/{NEW_PAGE}", "warning", "permalink.unlocked"),
        (f"content/{NEW_PAGE}", "warning", "content.quiz-size"),
    ]
