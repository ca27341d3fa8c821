"""Safe YAML with source positions.

Editors write YAML by hand, so the loader is strict where YAML is surprising: no anchors or aliases (alias bombs,
action at a distance), no explicit tags (`!!python/object`), no duplicate keys, bounded size and depth, and every
key and value keeps its line and column so later checks can point at it. Unquoted scalars that YAML silently turns
into booleans, numbers or dates are remembered, so a text field holding `No` can say "quote it".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.events import AliasEvent, NodeEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .diagnostics import Code, Diagnostic, error

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

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Loc:
    line: int
    column: int


@dataclass
class YamlDocument:
    """Plain Python data plus where each part of it came from."""

    path: str
    data: Any
    value_locs: dict[Path, Loc] = field(default_factory=dict)
    key_locs: dict[Path, Loc] = field(default_factory=dict)
    implicit: dict[Path, str] = field(default_factory=dict)  # path -> what YAML turned the plain text into
    raw: dict[Path, str] = field(default_factory=dict)  # path -> scalar text as written

    def loc(self, path: Path, *, key: bool = False) -> Loc:
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
    def __init__(self, code: Code, mark: yaml.Mark | None, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.mark = mark
        self.message = message


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors, aliases, non-standard tags and deep nesting while composing."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise _Rejected(Code.YAML_ALIAS, event.start_mark, f"alias '*{event.anchor}' is not allowed; write the value out")
        if isinstance(event, NodeEvent) and event.anchor is not None:
            raise _Rejected(Code.YAML_ALIAS, event.start_mark, f"anchor '&{event.anchor}' is not allowed; write the value out")
        tag = getattr(event, "tag", None)
        if tag is not None and tag != "!" and tag not in _STANDARD_TAGS:
            raise _Rejected(Code.YAML_TAG, event.start_mark, f"tag '{tag.replace('tag:yaml.org,2002:', '!!')}' is not allowed; remove it and write plain values")
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _Rejected(Code.YAML_TOO_DEEP, event.start_mark, f"nesting deeper than {MAX_DEPTH} levels")
        try:
            return super().compose_node(parent, index)  # type: ignore[no-any-return]
        finally:
            self._depth -= 1


def decode_utf8(raw: bytes, path: str) -> tuple[str | None, list[Diagnostic]]:
    """Decode bytes as UTF-8 (BOM allowed), or say where the first bad byte is."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        return None, [
            error(path, line, column, Code.FILE_ENCODING, f"file is not UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8")
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


def parse_yaml(text: str, path: str, *, line_offset: int = 0) -> tuple[YamlDocument | None, list[Diagnostic]]:
    """Parse one YAML document. Returns (document or None, diagnostics)."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        return None, [error(path, 1 + line_offset, 1, Code.FILE_TOO_LARGE, f"YAML is larger than {MAX_BYTES:,} bytes")]
    loader: _StrictLoader | None = None
    try:
        loader = _StrictLoader(text)
        root = loader.get_single_node()
    except _Rejected as exc:
        loc = _mark_loc(exc.mark, line_offset)
        return None, [error(path, loc.line, loc.column, exc.code, exc.message)]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        loc = _mark_loc(mark, line_offset)
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.problem:
            problem = f"{exc.problem} ({exc.context})"
        return None, [error(path, loc.line, loc.column, Code.YAML_SYNTAX, f"YAML syntax error: {problem}")]
    except yaml.reader.ReaderError as exc:  # control characters and other unprintable input
        line = text.count("\n", 0, exc.position) + 1 + line_offset
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        char = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
        return None, [error(path, line, column, Code.YAML_SYNTAX, f"control character U+{char:04X} is not allowed; delete it")]
    finally:
        if loader is not None:
            loader.dispose()
    document = YamlDocument(path=path, data=None)
    if root is None:
        return document, []
    diagnostics: list[Diagnostic] = []
    document.data = _convert(root, (), document, loader, line_offset, diagnostics)
    return document, diagnostics


def _convert(
    node: Node, path: Path, doc: YamlDocument, loader: _StrictLoader, offset: int, out: list[Diagnostic]
) -> Any:
    doc.value_locs[path] = _mark_loc(node.start_mark, offset)
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        first_seen: dict[str, Loc] = {}
        for key_node, value_node in node.value:
            key_loc = _mark_loc(key_node.start_mark, offset)
            if not isinstance(key_node, ScalarNode):
                out.append(error(doc.path, key_loc.line, key_loc.column, Code.YAML_SYNTAX, "mapping keys must be plain text"))
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
    if node.style is None and node.tag in _IMPLICIT_NAMES and node.value != "":
        doc.implicit[path] = _IMPLICIT_NAMES[node.tag]
    try:
        return loader.construct_object(node, deep=True)
    except yaml.YAMLError as exc:
        loc = _mark_loc(node.start_mark, offset)
        out.append(error(doc.path, loc.line, loc.column, Code.YAML_SYNTAX, f"cannot read value {node.value!r}: {exc}"))
        return node.value
