"""Never a traceback: mutate the valid files of tests/sites/minimal every way an editor (or a half-finished upload)
could, and require that `check` answers with located diagnostics instead of an exception.

The mutations work on the parsed data (drop keys, retype values, empty lists, unknown fields, huge strings, deep
nesting, random Unicode, impossible dates, broken questions) and then on the text (duplicate lines and keys, tabs,
`---` in odd places, random characters, truncation, even in the middle of a UTF-8 sequence). An independent oracle
(plain PyYAML + the models) says whether the result is invalid; when it is, `check` must report an error located
in the mutated file. Whatever the input, nothing may raise.

Budget: STUDYKIT_HYPOTHESIS_EXAMPLES (default 60) examples per property; derandomized when CI is set.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import io
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, given, note, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from studykit.cli import main
from studykit.diagnostics import Diagnostic, Severity
from studykit.pipeline import BuildResult, build_project, check_project
from studykit.sources.models import GlossaryTerm, PageMeta, Quiz
from studykit.sources.yamlsource import MAX_BYTES, MAX_DEPTH

BASE = Path(__file__).resolve().parent / "sites" / "minimal"
PAGE = "content/topics/alpha.md"
GLOSSARY = "glossary/terms.yml"
QUIZ = "quizzes/alpha.yml"
TARGETS = (PAGE, GLOSSARY, QUIZ)

settings.register_profile(
    "studykit-never-a-traceback",
    max_examples=int(os.environ.get("STUDYKIT_HYPOTHESIS_EXAMPLES", "60")),
    deadline=None,
    derandomize=bool(os.environ.get("CI")),
    database=None if os.environ.get("CI") else settings.default.database,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
PROFILE = settings.get_profile("studykit-never-a-traceback")

YamlPath = tuple[str | int, ...]


# ---------------------------------------------------------------- the valid files, as data


def _split(text: str) -> tuple[str, str]:
    _, front, body = text.split("---\n", 2)
    return front, body


PAGE_FRONT, PAGE_BODY = _split((BASE / PAGE).read_text(encoding="utf-8"))
BASE_DATA: dict[str, Any] = {
    PAGE: yaml.safe_load(PAGE_FRONT),
    GLOSSARY: yaml.safe_load((BASE / GLOSSARY).read_text(encoding="utf-8")),
    QUIZ: yaml.safe_load((BASE / QUIZ).read_text(encoding="utf-8")),
}


@dataclass(frozen=True)
class Raw:
    """YAML text written as is where a value goes (an unquoted impossible date, 10,000 brackets ...)."""

    text: str


class Mutant:
    """One mutated file: its path in the project, its bytes, and what was done to it."""

    def __init__(self, path: str, content: bytes, log: list[str] | None = None) -> None:
        self.path = path
        self.content = content
        self.log = log or []

    @property
    def invalid(self) -> bool:
        return oracle_says_invalid(self.path, self.content)

    def __repr__(self) -> str:
        shown = self.content if len(self.content) <= 600 else self.content[:300] + b" ... " + self.content[-200:]
        return f"Mutant({self.path!r}, {len(self.content)} bytes, log={self.log!r}, content={shown!r})"


# ---------------------------------------------------------------- the oracle: plain PyYAML and the models


_ORACLE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _depth(data: Any) -> int:
    """Nesting levels as the loader counts them (a scalar at the top is level 1), without recursion."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        value, level = stack.pop()
        deepest = max(deepest, level)
        children = list(value.values()) if isinstance(value, dict) else value if isinstance(value, list) else []
        stack.extend((child, level + 1) for child in children)
    return deepest


def _str_keys(data: Any) -> Any:
    """Mapping keys as text, as studykit's loader keeps them (`1: x` is the key '1')."""
    if isinstance(data, dict):
        return {key if isinstance(key, str) else str(key): _str_keys(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_str_keys(item) for item in data]
    return data


def _rejects(model: type[BaseModel], data: Any) -> bool:
    try:
        model.model_validate(data)
    except ValidationError:
        return True
    return False


def oracle_says_invalid(path: str, content: bytes) -> bool:
    """Whether `content` at `path` is certainly invalid, judged without studykit's loader."""
    if len(content) > MAX_BYTES:
        return True
    try:
        text = content.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return True
    if path.endswith(".md"):
        lines = text.split("\n")
        if lines[0].rstrip() != "---":
            return True  # no front matter
        end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
        if end is None:
            return True
        text = "\n".join(lines[1:end])
    try:
        data = _str_keys(yaml.load(text, Loader=_ORACLE_LOADER))
    except Exception:  # noqa: BLE001 - syntax, impossible dates, 5,000-digit numbers, recursion ...
        return True
    if _depth(data) > MAX_DEPTH:
        return True
    if path.endswith(".md"):
        return not isinstance(data, dict) or _rejects(PageMeta, data)
    if path == GLOSSARY:
        if data is None:
            return False  # an empty glossary file is allowed
        return not isinstance(data, list) or any(_rejects(GlossaryTerm, item) for item in data)
    return not isinstance(data, dict) or _rejects(Quiz, data)


# ---------------------------------------------------------------- data mutations

Draw = Callable[[st.SearchStrategy[Any]], Any]

SCALARS = st.one_of(st.text(max_size=12), st.integers(-1000, 1000), st.booleans(), st.none())
KINDS: dict[str, st.SearchStrategy[Any]] = {
    "str": st.text(max_size=30),
    "int": st.one_of(st.integers(-(10**6), 10**6), st.just(10**40)),
    "list": st.lists(SCALARS, max_size=3),
    "dict": st.dictionaries(st.text(min_size=1, max_size=8), SCALARS, max_size=3),
    "bool": st.booleans(),
    "null": st.none(),
}
IMPOSSIBLE_DATES = (
    "2026-02-30",
    "2025-02-29",
    "2026-04-31",
    "2026-13-01",
    "2026-00-10",
    "2026-01-00",
    "2026-01-01 25:00:00",
    "2026-01-01T10:61:00Z",
    "2026-01-01 10:00:00 +99:00",
)
IMPLICIT = ("No", "yes", "off", "1.10", "~", "0o17", "1_000", "1:20", ".nan", "-.inf", "2026-01-01", "0x1F")
TYPOS = ("titel", "descripton", "objective", "questons", "explanation ", "defintion", "see-also", "Type", "id2")
QUESTION_TYPES = ("singel", "essay", "true-false", "TRUE_FALSE", "", "multiple_choice", "single ")


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if value is None:
        return "null"
    return {str: "str", list: "list", dict: "dict"}.get(type(value), "other")


def _walk(data: Any, prefix: YamlPath = ()) -> Iterator[tuple[YamlPath, Any]]:
    yield prefix, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _walk(value, prefix + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _walk(value, prefix + (index,))


def _set(data: Any, path: YamlPath, value: Any) -> Any:
    if not path:
        return value
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = value
    return data


def _pick(draw: Draw, data: Any, want: Callable[[YamlPath, Any], bool]) -> YamlPath | None:
    paths = [path for path, value in _walk(data) if want(path, value)]
    return draw(st.sampled_from(paths)) if paths else None


def drop_key(draw: Draw, data: Any) -> tuple[Any, str]:
    path = _pick(draw, data, lambda p, v: isinstance(v, dict) and bool(v))
    if path is None:
        return data, "drop_key: nothing to drop"
    container = data
    for part in path:
        container = container[part]
    key = draw(st.sampled_from(sorted(container, key=str)))
    del container[key]
    return data, f"drop_key {path + (key,)}"


def retype(draw: Draw, data: Any) -> tuple[Any, str]:
    path = _pick(draw, data, lambda p, v: True)
    assert path is not None
    current = data
    for part in path:
        current = current[part]
    kind = draw(st.sampled_from(sorted(set(KINDS) - {_kind(current)})))
    value = draw(KINDS[kind])
    return _set(data, path, value), f"retype {path} -> {kind} {value!r:.60}"


def empty_container(draw: Draw, data: Any) -> tuple[Any, str]:
    path = _pick(draw, data, lambda p, v: isinstance(v, list | dict))
    if path is None:
        return data, "empty: no list or mapping"
    return _set(data, path, [] if draw(st.booleans()) else {}), f"empty {path}"


def unknown_field(draw: Draw, data: Any) -> tuple[Any, str]:
    path = _pick(draw, data, lambda p, v: isinstance(v, dict))
    if path is None:
        return data, "unknown_field: no mapping"
    name = draw(st.one_of(st.sampled_from(TYPOS), st.text(min_size=1, max_size=10)))
    target = data
    for part in path:
        target = target[part]
    target[name] = draw(SCALARS)
    return data, f"unknown_field {path + (name,)}"


def _leaf(draw: Draw, data: Any) -> YamlPath:
    path = _pick(draw, data, lambda p, v: bool(p) and not isinstance(v, list | dict))
    return path if path is not None else ()


def huge_string(draw: Draw, data: Any) -> tuple[Any, str]:
    path = _leaf(draw, data)
    size = draw(st.sampled_from([161, 201, 5_000, 200_000, MAX_BYTES + 10]))
    letter = draw(st.sampled_from(["x", "é", "語", "🙂"]))
    value: Any = letter * size if size <= 5_000 else Raw(letter * size)
    return _set(data, path, value), f"huge_string {path} {size} x {letter!r}"


def unicode_string(draw: Draw, data: Any) -> tuple[Any, str]:
    path = _leaf(draw, data)
    value = draw(st.text(min_size=0, max_size=40))
    return _set(data, path, value), f"unicode {path} {value!r}"


def deep_nesting(draw: Draw, data: Any) -> tuple[Any, str]:
    path = _pick(draw, data, lambda p, v: bool(p)) or ()
    depth = draw(st.sampled_from([2, MAX_DEPTH - 2, MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1, 300, 10_000]))
    style = draw(st.sampled_from(["flow-list", "flow-map", "block"]))
    value: Any
    if style == "block" and depth <= 300:
        value = "bottom"
        for level in range(depth):
            value = {"k": value} if level % 2 else [value]
    elif style == "flow-map":
        value = Raw("{a: " * depth + "x" + "}" * depth)
    else:
        value = Raw("[" * depth + "]" * depth)
    return _set(data, path, value), f"deep_nesting {path} {style} {depth}"


def impossible_date(draw: Draw, data: Any) -> tuple[Any, str]:
    date_paths = [p for p, v in _walk(data) if p and p[-1] == "date"]
    path = draw(st.sampled_from(date_paths)) if date_paths and draw(st.booleans()) else _leaf(draw, data)
    text = draw(st.sampled_from(IMPOSSIBLE_DATES))
    return _set(data, path, Raw(text)), f"impossible_date {path} {text}"


def implicit_scalar(draw: Draw, data: Any) -> tuple[Any, str]:
    path = _leaf(draw, data)
    text = draw(st.sampled_from(IMPLICIT))
    return _set(data, path, Raw(text)), f"implicit {path} {text}"


def long_number(draw: Draw, data: Any) -> tuple[Any, str]:
    path = _leaf(draw, data)
    digits = draw(st.sampled_from([25, 4_300, 4_301, 20_000]))
    text = draw(st.sampled_from(["9", "1", "-1"])) + "0" * (digits - 1)
    return _set(data, path, Raw(text)), f"long_number {path} {digits} digits"


LINKS = (
    "topics/alpha.md",
    "topics/alpha.md#nope",
    "topics/alpha.md#details#again",
    "index.md#",
    "../outside.md",
    "/absolute.md",
    "term:letter",
    "term:nope",
    "mailto:someone@example.org",
    "https://doi.org/10.1000/x",
    "http://doi.org/10.1000/x",
    "https://evil.example/x.md",
    "%zz.md",
    "a%2Fb.md",
    "..md",
    ".md",
    "topics/./alpha.md",
    "topics//alpha.md",
    "C:\\x.md",
    "x.md?query=1",
    "#details",
    "",
)
PLAUSIBLE: dict[str, tuple[Any, ...]] = {
    "id": ("alpha", "home", "letter", "Alpha", "a--b", "-a", "é", "1", "first-letter"),
    "quiz": ("alpha", "beta", "home"),
    "template": ("procedure", "study", "about", "home", "Topic"),
    "status": ("reviewed", "unreviewed", "Reviewed"),
    "reviewer": ("Dr A. Reviewer", "", " "),
    "hide": (["toc"], ["toc", "toc"], ["nav"], ["navigation", "footer", "path", "tags", "feedback"]),
    "type": ("single", "multiple", "true_false"),
    "answer": ("a", "b", "c", ["a"], ["a", "a"], ["a", "b"], [], True, False),
    "choices": ({"a": "Beta", "b": "Beta"}, {"a": "x", "b": {"text": "y", "feedback": "z"}}, {"a": " ", "b": "y"}),
    "see_also": (["letter"], ["nope"], ["Letter"], []),
    "aliases": (["letter"], ["Letters"], [" "], ["a  b"], ["(", "["], ["\\"]),
    "abbr": ("L", "l", "LETTER", "(", "*", " "),
    "term": ("Letter", "letter", "Letters", "(x", "a.b", "Î", "🙂", "x y  z"),
    "short": ("plain", "<b>bold</b>", "*x*", "a" * 201),
    "description": ("", " ", "d" * 161, "ok"),
    "objectives": (["one"], ["one"] * 7, [" "], []),
    "url": LINKS,
    "source": LINKS,
    "page": LINKS,
    "learn_more": LINKS,
    "text": tuple(f"see [here]({link})" for link in LINKS[:8]),
    "prompt": tuple(f"see [here]({link})" for link in LINKS[:8]),
    "definition": tuple(f"see [here]({link})" for link in LINKS[:8]) + ("line\n\n[a](nope.md)\n",),
}


def plausible_value(draw: Draw, data: Any) -> tuple[Any, str]:
    """A value an editor might really write in that field, right or wrong."""
    path = _pick(draw, data, lambda p, v: bool(p) and isinstance(p[-1], str) and p[-1] in PLAUSIBLE)
    if path is None:
        return data, "plausible: no such field"
    value = copy.deepcopy(draw(st.sampled_from(PLAUSIBLE[str(path[-1])])))
    return _set(data, path, value), f"plausible {path} = {value!r:.60}"


def _break_question(draw: Draw, question: Any) -> str:
    if not isinstance(question, dict):
        return "already not a mapping"
    how = draw(st.sampled_from(["drop", "type", "answer", "choices", "prompt", "source", "unknown"]))
    if how == "drop" and question:
        key = draw(st.sampled_from(sorted(k for k in question if k in {"id", "type", "prompt", "answer", "source"})))
        del question[key]
        return f"drop {key}"
    if how == "type":
        question["type"] = draw(st.one_of(st.sampled_from(QUESTION_TYPES), st.integers(), st.none()))
    elif how == "answer":
        question["answer"] = draw(st.one_of(st.dictionaries(st.text(max_size=3), SCALARS, max_size=2), st.none()))
    elif how == "choices":
        question["choices"] = draw(st.sampled_from([{}, [], "a, b", {"a": None}]))
        question["type"] = "single"
    elif how == "prompt":
        question["prompt"] = ""
    elif how == "source":
        question["source"] = draw(st.sampled_from(["", "topics/alpha", "no spaces allowed.md", 7]))
    else:
        question[draw(st.sampled_from(TYPOS))] = "?"
    return how


def every_question_invalid(draw: Draw, data: Any) -> tuple[Any, str]:
    questions = data.get("questions") if isinstance(data, dict) else None
    if not isinstance(questions, list):
        return data, "every_question_invalid: no questions"
    hows = [_break_question(draw, question) for question in questions]
    return data, f"every_question_invalid {hows}"


def unknown_question_type(draw: Draw, data: Any) -> tuple[Any, str]:
    questions = data.get("questions") if isinstance(data, dict) else None
    if not isinstance(questions, list) or not questions or not isinstance(questions[0], dict):
        return data, "unknown_question_type: no questions"
    index = draw(st.integers(0, len(questions) - 1))
    if not isinstance(questions[index], dict):
        return data, "unknown_question_type: not a mapping"
    kind = draw(st.one_of(st.sampled_from(QUESTION_TYPES), st.text(max_size=12)))
    questions[index]["type"] = kind
    return data, f"unknown_question_type {index} {kind!r}"


DataMutation = Callable[[Draw, Any], tuple[Any, str]]
COMMON: list[DataMutation] = [
    drop_key,
    retype,
    empty_container,
    unknown_field,
    huge_string,
    unicode_string,
    deep_nesting,
    impossible_date,
    implicit_scalar,
    long_number,
    plausible_value,
    plausible_value,
]
DATA_MUTATIONS: dict[str, list[DataMutation]] = {
    PAGE: COMMON,
    GLOSSARY: COMMON,
    QUIZ: [*COMMON, every_question_invalid, unknown_question_type],
}


# ---------------------------------------------------------------- text mutations


def _lines(text: str) -> list[str]:
    return text.split("\n")


def duplicate_line(draw: Draw, text: str) -> tuple[str, str]:
    lines = _lines(text)
    index = draw(st.integers(0, len(lines) - 1))
    lines.insert(index, lines[index])
    return "\n".join(lines), f"duplicate_line {index + 1}"


def delete_line(draw: Draw, text: str) -> tuple[str, str]:
    lines = _lines(text)
    index = draw(st.integers(0, len(lines) - 1))
    del lines[index]
    return "\n".join(lines), f"delete_line {index + 1}"


def insert_tabs(draw: Draw, text: str) -> tuple[str, str]:
    lines = _lines(text)
    index = draw(st.integers(0, len(lines) - 1))
    line = lines[index]
    if draw(st.booleans()):
        stripped = line.lstrip(" ")
        lines[index] = "\t" * max(1, (len(line) - len(stripped)) // 2) + stripped
    else:
        at = draw(st.integers(0, len(line)))
        lines[index] = line[:at] + "\t" + line[at:]
    return "\n".join(lines), f"tab in line {index + 1}"


def stray_separator(draw: Draw, text: str) -> tuple[str, str]:
    lines = _lines(text)
    index = draw(st.integers(0, len(lines)))
    marker = draw(st.sampled_from(["---", "...", "--- ", "---x", "  ---", "--- # c", "----"]))
    if draw(st.booleans()) or index == len(lines):
        lines.insert(index, marker)
    else:
        lines[index] = lines[index] + " " + marker
    return "\n".join(lines), f"separator {marker!r} at line {index + 1}"


def random_characters(draw: Draw, text: str) -> tuple[str, str]:
    at = draw(st.integers(0, len(text)))
    chunk = draw(
        st.one_of(
            st.text(min_size=1, max_size=6),
            st.sampled_from(["\x00", "\x1b", "\ufeff", "\u2028", "\r", "\x85", ": ", "- ", "&a ", "*a", "!!str ", "#"]),
        )
    )
    return text[:at] + chunk + text[at:], f"insert {chunk!r} at {at}"


def crlf(draw: Draw, text: str) -> tuple[str, str]:
    return text.replace("\n", "\r\n"), "crlf"


def markdown_body(draw: Draw, text: str) -> tuple[str, str]:
    """Markdown an editor may write under the front matter: links, citations, quiz blocks, headings."""
    anything = st.one_of(st.text(max_size=15), st.sampled_from(LINKS))
    fragment = draw(
        st.one_of(
            st.builds("[x]({})".format, anything),
            st.builds("[@{}]".format, anything),
            st.builds("/// quiz | {}\n///".format, anything),
            st.builds("## {}\n".format, anything),
            st.builds("[a][{}]\n\n[{}]: {}".format, anything, anything, anything),
            st.builds("```\n{}".format, anything),
            st.builds("<!-- studykit: ignore {} -->".format, anything),
            st.builds("<a href='{}' onclick=x>".format, anything),
        )
    )
    return text + "\n" + fragment + "\n", f"markdown {fragment!r}"


TextMutation = Callable[[Draw, str], tuple[str, str]]
TEXT_MUTATIONS: list[TextMutation] = [
    duplicate_line,
    delete_line,
    insert_tabs,
    stray_separator,
    random_characters,
    crlf,
]


# ---------------------------------------------------------------- rendering a mutant


def _dump(data: Any) -> str:
    """YAML for `data`, with each Raw value written out as is."""
    raws: dict[str, str] = {}

    def swap(value: Any) -> Any:
        if isinstance(value, Raw):
            token = f"rawfragment{len(raws)}xq"
            raws[token] = value.text
            return token
        if isinstance(value, dict):
            return {key: swap(item) for key, item in value.items()}
        if isinstance(value, list):
            return [swap(item) for item in value]
        return value

    text = yaml.safe_dump(swap(data), sort_keys=False, allow_unicode=True, default_flow_style=False)
    for token, raw in raws.items():
        text = text.replace(token, raw)
    return text


@st.composite
def mutants(draw: Draw, path: str, *, at_least: int = 0) -> Mutant:
    data = copy.deepcopy(BASE_DATA[path])
    log: list[str] = []
    for mutation in draw(st.lists(st.sampled_from(DATA_MUTATIONS[path]), min_size=at_least, max_size=3)):
        data, what = mutation(draw, data)
        log.append(what)
    text = _dump(data)
    if path == PAGE:
        text = "---\n" + text + "---\n" + PAGE_BODY
        if draw(st.booleans()):
            text, what = markdown_body(draw, text)
            log.append(what)
    for text_mutation in draw(st.lists(st.sampled_from(TEXT_MUTATIONS), max_size=2)):
        text, what = text_mutation(draw, text)
        log.append(what)
    content = text.encode("utf-8")
    if draw(st.integers(0, 9)) == 7:
        cut = draw(st.integers(0, len(content)))
        content = content[:cut]
        log.append(f"truncate at byte {cut}")
    return Mutant(path, content, log)


@contextlib.contextmanager
def project_with(*changed: Mutant) -> Iterator[Path]:
    """A copy of the minimal site with `changed` written over it, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="studykit-never-") as folder:
        root = Path(folder) / "project"
        shutil.copytree(BASE, root, ignore=shutil.ignore_patterns("site", ".site-*"))
        for mutant in changed:
            (root / mutant.path).write_bytes(mutant.content)
        yield root


def _assert_located(root: Path, diagnostics: list[Diagnostic], mutant: Mutant) -> None:
    for diagnostic in diagnostics:
        assert diagnostic.line >= 1 and diagnostic.column >= 1, diagnostic.text()
        assert (root / diagnostic.path).is_file(), f"diagnostic for a file that does not exist: {diagnostic.text()}"
    text = mutant.content.decode("utf-8", "replace")
    lines = max(text.count("\n"), len(re.findall("\r\n|[\r\n\x85\u2028\u2029]", text))) + 1  # Markdown's, YAML's
    for diagnostic in diagnostics:
        if diagnostic.path == mutant.path:
            assert diagnostic.line <= lines, f"line beyond the end of the file ({lines} lines): {diagnostic.text()}"
    if mutant.invalid:
        located = [d for d in diagnostics if d.path == mutant.path and d.severity is Severity.ERROR]
        shown = "\n".join(d.text() for d in diagnostics) or "(none)"
        assert located, f"{mutant.path} is invalid, but no error points into it; diagnostics:\n{shown}"


# ---------------------------------------------------------------- properties


@PROFILE
@pytest.mark.parametrize("target", TARGETS)
@given(data=st.data())
def test_check_never_raises_and_locates_the_problem(target: str, data: st.DataObject) -> None:
    mutant = data.draw(mutants(target), label="mutant")
    note("\n".join(mutant.log))
    event("invalid" if mutant.invalid else "valid")
    for what in mutant.log:
        event(what.split(" ")[0])
    with project_with(mutant) as root:
        result = check_project(root)
        _assert_located(root, result.diagnostics, mutant)


@PROFILE
@given(
    changed=st.lists(st.sampled_from(TARGETS), min_size=1, max_size=3, unique=True).flatmap(
        lambda paths: st.tuples(*(mutants(path, at_least=1) for path in paths))
    ),
    fmt=st.sampled_from(["text", "json", "github"]),
    strict=st.booleans(),
)
def test_the_cli_answers_0_or_1_for_any_content(changed: tuple[Mutant, ...], fmt: str, strict: bool) -> None:
    for mutant in changed:
        note(f"{mutant.path}: " + "; ".join(mutant.log))
    with project_with(*changed) as root:
        out, err = io.StringIO(), io.StringIO()
        args = ["--root", str(root), "check", "--format", fmt] + (["--strict"] if strict else [])
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(args)
    assert code in (0, 1), f"exit {code}; stderr:\n{err.getvalue()}"
    assert "Traceback" not in err.getvalue() and "unexpectedly" not in err.getvalue()
    if any(mutant.invalid for mutant in changed):
        assert code == 1


def _valid_looking(draw: Draw) -> Mutant:
    """Text fields filled with random Unicode: content the models accept, to reach generate and render."""
    path = draw(st.sampled_from(TARGETS))
    data = copy.deepcopy(BASE_DATA[path])
    text_fields = {"title", "text", "prompt", "explanation", "definition", "term", "a", "b"}
    paths = [p for p, v in _walk(data) if p and p[-1] in text_fields and isinstance(v, str)]
    chosen = draw(st.lists(st.sampled_from(paths), min_size=1, max_size=3, unique=True))
    log = []
    for p in chosen:
        value = draw(st.text(min_size=1, max_size=30).filter(lambda s: s.strip() != ""))
        data = _set(data, p, value)
        log.append(f"{p} = {value!r}")
    text = _dump(data)
    if path == PAGE:
        text = "---\n" + text + "---\n" + PAGE_BODY
    return Mutant(path, text.encode("utf-8"), log)


@settings(PROFILE, max_examples=int(os.environ.get("STUDYKIT_HYPOTHESIS_BUILD_EXAMPLES", "5")))
@given(
    changed=st.one_of(
        st.composite(_valid_looking)().map(lambda m: (m,)),
        st.sampled_from(TARGETS).flatmap(lambda path: mutants(path, at_least=1)).map(lambda m: (m,)),
    )
)
def test_build_returns_a_result_and_never_raises(changed: tuple[Mutant, ...]) -> None:
    for mutant in changed:
        note(f"{mutant.path}: " + "; ".join(mutant.log))
    with project_with(*changed) as root:
        result = build_project(root, root / "site")
        assert isinstance(result, BuildResult)
        event("built" if result.built else "refused")
        assert result.built or result.errors, "a build that did not happen must say why"
        if result.built:
            assert (root / "site" / "index.html").is_file()
        if any(mutant.invalid for mutant in changed):
            assert not result.built


# ---------------------------------------------------------------- regressions: crashes this suite found


def _check_with(path: str, text: str) -> list[str]:
    with project_with(Mutant(path, text.encode("utf-8"))) as root:
        return [d.text() for d in check_project(root).diagnostics]


def test_an_impossible_date_in_front_matter_is_a_located_error() -> None:
    text = (BASE / PAGE).read_text(encoding="utf-8").replace("date: 2026-11-29", "date: 2026-02-30")
    assert _check_with(PAGE, text) == [
        "content/topics/alpha.md:12:9: error: 'date': 2026-02-30 is not a valid date (day is out of range for "
        "month); write a real date as YYYY-MM-DD, or put text in quotes [schema.invalid]"
    ]


def test_a_quiz_whose_only_question_is_invalid_reports_the_question() -> None:
    text = "id: alpha\ntitle: Alpha\npage: topics/alpha.md\nquestions:\n  - id: first-letter\n    type: essay\n"
    assert _check_with(QUIZ, text) == [
        "quizzes/alpha.yml:6:11: error: 'essay' is not a question type; expected 'single', 'multiple', "
        "'true_false' [schema.invalid]"
    ]


def test_a_number_too_long_for_python_is_a_located_error() -> None:
    text = (BASE / QUIZ).read_text(encoding="utf-8").replace("title: Alpha", "title: " + "9" * 5000)
    (diagnostic,) = _check_with(QUIZ, text)
    assert diagnostic.startswith("quizzes/alpha.yml:3:8: error: 'title': YAML reads 999")
    assert diagnostic.endswith("as a number too large to use; put it in quotes to keep it as text [yaml.implicit-type]")


def test_the_oracle_accepts_the_unmutated_files() -> None:
    for path in TARGETS:
        assert not oracle_says_invalid(path, (BASE / path).read_bytes()), path
    page = ("---\n" + _dump(BASE_DATA[PAGE]) + "---\n" + PAGE_BODY).encode("utf-8")
    assert not oracle_says_invalid(PAGE, page)
    assert _check_with(PAGE, page.decode("utf-8")) == []
    assert isinstance(BASE_DATA[PAGE]["review"]["date"], dt.date)
