"""Safe YAML loading: positions, and refusal of everything surprising or hostile."""

from __future__ import annotations

from pathlib import Path

from studykit.diagnostics import Code
from studykit.sources.loading import load_project
from studykit.sources.yamlsource import MAX_BYTES, Loc, parse_yaml, read_text


def test_positions_of_keys_and_values_are_recorded() -> None:
    doc, diagnostics = parse_yaml("id: q\nquestions:\n  - id: a\n    answer: b\n", "q.yml")
    assert diagnostics == [] and doc is not None
    assert doc.key_locs[("questions", 0, "answer")] == Loc(4, 5)
    assert doc.value_locs[("questions", 0, "answer")] == Loc(4, 13)
    assert doc.loc(("questions", 0, "missing", "deeper")) == Loc(3, 5)


def test_front_matter_offset_shifts_lines() -> None:
    doc, _ = parse_yaml("title: x\n", "p.md", line_offset=1)
    assert doc is not None and doc.value_locs[("title",)] == Loc(2, 8)


def test_plain_scalars_that_change_type_are_remembered() -> None:
    doc, _ = parse_yaml("a: No\nb: 'No'\nc: 1.10\nd: 2026-01-01\ne: text\n", "f.yml")
    assert doc is not None
    assert doc.implicit == {("a",): "a boolean", ("c",): "a number", ("d",): "a date"}
    assert doc.raw[("c",)] == "1.10"


def test_alias_bomb_is_refused_at_its_first_anchor() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    doc, diagnostics = parse_yaml(bomb, "bomb.yml")
    assert doc is None
    assert [d.code for d in diagnostics] == [Code.YAML_ALIAS]
    assert (diagnostics[0].line, diagnostics[0].column) == (1, 4)


def test_ten_thousand_levels_of_nesting_are_refused() -> None:
    deep = "x: " + "[" * 10_000 + "]" * 10_000 + "\n"
    doc, diagnostics = parse_yaml(deep, "deep.yml")
    assert doc is None
    assert [d.code for d in diagnostics] == [Code.YAML_TOO_DEEP]


def test_oversized_text_is_refused_before_parsing() -> None:
    doc, diagnostics = parse_yaml("a: " + "x" * (MAX_BYTES + 1), "big.yml")
    assert doc is None and [d.code for d in diagnostics] == [Code.FILE_TOO_LARGE]


def test_hostile_files_in_a_project_are_reported_not_raised(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "glossary").mkdir()
    (tmp_path / "quizzes").mkdir()
    with open(tmp_path / "glossary" / "huge.yml", "wb") as handle:  # 20 MB
        handle.write(b"- term: x\n" + b"#" * (20 * 1024 * 1024) + b"\n")
    (tmp_path / "glossary" / "deep.yml").write_text("- " * 10_000 + "x\n")
    (tmp_path / "quizzes" / "bomb.yml").write_text("a: &a [1]\nb: [*a, *a]\n")
    (tmp_path / "quizzes" / "tag.yml").write_text("id: !!python/object/apply:os.system ['true']\n")
    (tmp_path / "content" / "latin1.md").write_bytes("---\nid: x\n---\ncaf\xe9\n".encode("latin-1"))
    _project, diagnostics = load_project(tmp_path)
    codes = sorted((d.path, d.code.value) for d in diagnostics)
    assert codes == [
        ("content/latin1.md", "file.encoding"),
        ("glossary/deep.yml", "yaml.too-deep"),
        ("glossary/huge.yml", "file.too-large"),
        ("quizzes/bomb.yml", "yaml.alias"),
        ("quizzes/tag.yml", "yaml.tag"),
    ]


def test_a_file_that_cannot_be_read_is_reported(tmp_path: Path) -> None:
    text, diagnostics = read_text(tmp_path, "glossary/terms.yml")  # a directory: stat works, reading fails
    assert text is None
    assert [d.text() for d in diagnostics] == [
        "glossary/terms.yml:1:1: error: cannot read file: Is a directory [file.unreadable]"
    ]
