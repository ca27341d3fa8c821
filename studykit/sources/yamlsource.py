"""Safe YAML with source positions.

Editors write YAML by hand, so the loader is strict where YAML is surprising: no anchors or aliases (alias bombs,
action at a distance), no explicit tags (`!!python/object`), no duplicate keys, bounded size and depth, and every
key and value keeps its line and column so later checks can point at it. Unquoted scalars that YAML silently turns
into booleans, numbers or dates are remembered, so a text field holding `No` can say "quote it".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.events import AliasEvent, NodeEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..diagnostics import Code, Diagnostic, error, warning

MAX_BYTES = 1_000_000
MAX_DEPTH = 32
_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}
_IMPLICIT_NAMES = {
    "tag:yaml.org,2002:bool": "a boolean",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:timestamp": "a date",
    "tag:yaml.org,2002:null": "null (empty)",
}

YamlPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Loc:
    line: int
    column: int


@dataclass
class YamlDocument:
    """Plain Python data plus where each part of it came from."""

    path: str
    data: Any
    value_locs: dict[YamlPath, Loc] = field(default_factory=dict)
    key_locs: dict[YamlPath, Loc] = field(default_factory=dict)
    implicit: dict[YamlPath, str] = field(default_factory=dict)  # path -> what YAML turned the plain text into
    raw: dict[YamlPath, str] = field(default_factory=dict)  # path -> scalar text as written

    def error(self, path: YamlPath, code: Code, message: str, *, key: bool = False) -> Diagnostic:
        """An error at the value (or, with `key`, the key) found at `path`."""
        loc = self.loc(path, key=key)
        return error(self.path, loc.line, loc.column, code, message)

    def warning(self, path: YamlPath, code: Code, message: str, *, key: bool = False) -> Diagnostic:
        loc = self.loc(path, key=key)
        return warning(self.path, loc.line, loc.column, code, message)

    def loc(self, path: YamlPath, *, key: bool = False) -> Loc:
        """The nearest known location for `path` (the key itself when `key`, else its value)."""
        probe = tuple(path)
        while True:
            if key and probe in self.key_locs:
                return self.key_locs[probe]
            if probe in self.value_locs:
                return self.value_locs[probe]
            if not probe:
                return Loc(1, 1)
            probe = probe[:-1]
            key = False


class _Rejected(Exception):
    def __init__(self, code: Code, mark: Any, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.mark = mark
        self.message = message


_Parser: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ~10x faster
_RESOLVER = yaml.resolver.Resolver()


class _Composer:
    """Builds nodes from parser events, refusing anchors, aliases, non-standard tags and deep nesting as it goes.

    Our own composer (instead of PyYAML's) lets libyaml do the parsing while we keep every check and position.
    """

    def __init__(self, text: str, allowed_tags: frozenset[str] = frozenset()) -> None:
        self._events = iter(yaml.parse(text, Loader=_Parser))
        self._allowed_tags = allowed_tags

    def _next(self) -> Any:
        return next(self._events)

    def document(self) -> Node | None:
        event = self._next()  # StreamStart
        event = self._next()
        if isinstance(event, yaml.StreamEndEvent):
            return None
        root = self._node(self._next(), 1)
        end = self._next()
        if not isinstance(end, yaml.DocumentEndEvent):  # pragma: no cover - parser guarantees it
            raise _Rejected(Code.YAML_SYNTAX, end.start_mark, "unexpected content")
        following = self._next()
        if isinstance(following, yaml.DocumentStartEvent):
            raise _Rejected(
                Code.YAML_SYNTAX, following.start_mark, "only one YAML document per file ('---' starts another)"
            )
        return root

    def _node(self, event: Any, depth: int) -> Node:
        if isinstance(event, AliasEvent):
            raise _Rejected(
                Code.YAML_ALIAS, event.start_mark, f"alias '*{event.anchor}' is not allowed; write the value out"
            )
        if isinstance(event, NodeEvent) and event.anchor is not None:
            raise _Rejected(
                Code.YAML_ALIAS, event.start_mark, f"anchor '&{event.anchor}' is not allowed; write the value out"
            )
        tag = getattr(event, "tag", None)
        if tag is not None and tag != "!" and tag not in _STANDARD_TAGS and tag not in self._allowed_tags:
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise _Rejected(
                Code.YAML_TAG, event.start_mark, f"tag '{shown}' is not allowed; remove it and write plain values"
            )
        if depth > MAX_DEPTH:
            raise _Rejected(Code.YAML_TOO_DEEP, event.start_mark, f"nesting deeper than {MAX_DEPTH} levels")
        if isinstance(event, yaml.ScalarEvent):
            resolved = (
                tag
                if tag not in (None, "!")
                else _RESOLVER.resolve(  # type: ignore[no-untyped-call]
                    ScalarNode, event.value, event.implicit
                )
            )
            start: Any = event.start_mark
            end: Any = event.end_mark
            return ScalarNode(resolved, event.value, start, end, style=event.style)
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Node] = []
            while not isinstance(nxt := self._next(), yaml.SequenceEndEvent):
                items.append(self._node(nxt, depth + 1))
            seq_marks: tuple[Any, Any] = (event.start_mark, nxt.end_mark)
            return SequenceNode(tag if tag in self._allowed_tags else "tag:yaml.org,2002:seq", items, *seq_marks)
        if isinstance(event, yaml.MappingStartEvent):
            pairs: list[tuple[Node, Node]] = []
            while not isinstance(nxt := self._next(), yaml.MappingEndEvent):
                key = self._node(nxt, depth + 1)
                pairs.append((key, self._node(self._next(), depth + 1)))
            map_marks: tuple[Any, Any] = (event.start_mark, nxt.end_mark)
            return MappingNode("tag:yaml.org,2002:map", pairs, *map_marks)
        raise _Rejected(Code.YAML_SYNTAX, event.start_mark, f"unexpected {type(event).__name__}")  # pragma: no cover


def decode_utf8(raw: bytes, path: str) -> tuple[str | None, list[Diagnostic]]:
    """Decode bytes as UTF-8 (BOM allowed), or say where the first bad byte is."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        return None, [
            error(
                path,
                line,
                column,
                Code.FILE_ENCODING,
                f"file is not UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8",
            )
        ]
    return text.removeprefix("\ufeff"), []


def read_text(file: Any, path: str) -> tuple[str | None, list[Diagnostic]]:
    """Read a project file as UTF-8 text within the size limit."""
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:
            return None, [
                error(path, 1, 1, Code.FILE_TOO_LARGE, f"file is {size:,} bytes; the limit is {MAX_BYTES:,} bytes")
            ]
        raw = file.read_bytes()
    except OSError as exc:
        return None, [error(path, 1, 1, Code.FILE_UNREADABLE, f"cannot read file: {exc.strerror}")]
    return decode_utf8(raw, path)


def _mark_loc(mark: yaml.Mark | None, line_offset: int) -> Loc:
    if mark is None:
        return Loc(1 + line_offset, 1)
    return Loc(mark.line + 1 + line_offset, mark.column + 1)


_YAML_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _error_loc(mark: yaml.Mark | None, text: str, line_offset: int) -> Loc:
    """Where a syntax error is, kept inside `text`: at the end of a text without a final line break, libyaml reports
    the line after the last one, which an editor cannot show."""
    loc = _mark_loc(mark, line_offset)
    lines = _YAML_LINE_BREAK.split(text)
    last = len(lines) + line_offset
    if loc.line > last:
        return Loc(last, len(lines[-1]) + 1)
    return loc


ENV_TAG = "!ENV"  # MkDocs' environment-variable tag, allowed in mkdocs.yml only


def parse_yaml(
    text: str, path: str, *, line_offset: int = 0, allowed_tags: frozenset[str] = frozenset()
) -> tuple[YamlDocument | None, list[Diagnostic]]:
    """Parse one YAML document. Returns (document or None, diagnostics).

    `allowed_tags` admits extra tags; the only one understood is ENV_TAG (`!ENV NAME` or `!ENV [NAME, ..., default]`),
    resolved from the environment as MkDocs does."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        return None, [error(path, 1 + line_offset, 1, Code.FILE_TOO_LARGE, f"YAML is larger than {MAX_BYTES:,} bytes")]
    try:
        root = _Composer(text, allowed_tags).document()
    except _Rejected as exc:
        loc = _mark_loc(exc.mark, line_offset)
        return None, [error(path, loc.line, loc.column, exc.code, exc.message)]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        loc = _error_loc(mark, text, line_offset)
        if "nesting depth" in str(exc.problem):  # libyaml's own limit, hit while scanning ahead
            return None, [
                error(path, loc.line, loc.column, Code.YAML_TOO_DEEP, f"nesting deeper than {MAX_DEPTH} levels")
            ]
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.problem:
            problem = f"{exc.problem} ({exc.context})"
        if "mapping values are not allowed" in problem:
            problem += "; if the text contains ': ', put the whole value in quotes"
        return None, [error(path, loc.line, loc.column, Code.YAML_SYNTAX, f"YAML syntax error: {problem}")]
    except yaml.reader.ReaderError as exc:  # control characters and other unprintable input
        line = text.count("\n", 0, exc.position) + 1 + line_offset
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        char = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
        return None, [
            error(path, line, column, Code.YAML_SYNTAX, f"control character U+{char:04X} is not allowed; delete it")
        ]
    document = YamlDocument(path=path, data=None)
    if root is None:
        return document, []
    diagnostics: list[Diagnostic] = []
    document.data = _convert(root, (), document, yaml.SafeLoader(""), line_offset, diagnostics)
    return document, diagnostics


def _convert(
    node: Node, path: YamlPath, doc: YamlDocument, loader: yaml.SafeLoader, offset: int, out: list[Diagnostic]
) -> Any:
    doc.value_locs[path] = _mark_loc(node.start_mark, offset)
    if node.tag == ENV_TAG:
        return _environment_value(node)
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        first_seen: dict[str, Loc] = {}
        for key_node, value_node in node.value:
            key_loc = _mark_loc(key_node.start_mark, offset)
            if not isinstance(key_node, ScalarNode):
                out.append(
                    error(doc.path, key_loc.line, key_loc.column, Code.YAML_SYNTAX, "mapping keys must be plain text")
                )
                continue
            key = str(key_node.value)
            if key in first_seen:
                first = first_seen[key]
                out.append(
                    error(
                        doc.path,
                        key_loc.line,
                        key_loc.column,
                        Code.YAML_DUPLICATE_KEY,
                        f"duplicate key '{key}', first defined at line {first.line}",
                    )
                )
                continue
            first_seen[key] = key_loc
            doc.key_locs[path + (key,)] = key_loc
            result[key] = _convert(value_node, path + (key,), doc, loader, offset, out)
        return result
    if isinstance(node, SequenceNode):
        return [_convert(item, path + (index,), doc, loader, offset, out) for index, item in enumerate(node.value)]
    assert isinstance(node, ScalarNode)
    doc.raw[path] = node.value
    if not node.style and node.tag in _IMPLICIT_NAMES and node.value != "":
        doc.implicit[path] = _IMPLICIT_NAMES[node.tag]
    try:
        return loader.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, OverflowError) as exc:  # e.g. 2026-02-30, or a 5,000-digit number
        loc = _mark_loc(node.start_mark, offset)
        out.append(_unreadable_scalar(doc.path, loc, path, node, exc))
        return node.value


def _unreadable_scalar(file: str, loc: Loc, path: YamlPath, node: ScalarNode, exc: Exception) -> Diagnostic:
    """A plain scalar that YAML resolves to a date or number it cannot build, as an editor would put it."""
    field_name = next((str(part) for part in reversed(path) if isinstance(part, str)), "value")
    shown = node.value if len(node.value) <= 40 else node.value[:37] + "..."
    if node.tag == "tag:yaml.org,2002:timestamp":
        reason = str(exc) if isinstance(exc, ValueError) else "not a calendar date"
        return error(
            file,
            loc.line,
            loc.column,
            Code.SCHEMA_INVALID,
            f"'{field_name}': {shown} is not a valid date ({reason}); write a real date as YYYY-MM-DD, "
            f"or put text in quotes",
        )
    if node.tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
        return error(
            file,
            loc.line,
            loc.column,
            Code.YAML_IMPLICIT_TYPE,
            f"'{field_name}': YAML reads {shown} as a number too large to use; put it in quotes to keep it as text",
        )
    return error(file, loc.line, loc.column, Code.YAML_SYNTAX, f"cannot read value {shown!r}: {exc}")


def _environment_value(node: Node) -> Any:
    """`!ENV NAME` or `!ENV [NAME, OTHER, default]`: the first variable that is set, else the default (or None)."""
    import os

    if isinstance(node, ScalarNode):
        return os.environ.get(str(node.value))
    items = (
        [item.value for item in node.value if isinstance(item, ScalarNode)] if isinstance(node, SequenceNode) else []
    )
    names, default = (items[:-1], items[-1]) if len(items) > 1 else (items, None)
    return next((os.environ[name] for name in names if name in os.environ), default)
