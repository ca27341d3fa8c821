"""Pydantic validation errors as located diagnostics: each error's location is walked through the YAML data to the
line and column it came from, and the message is rewritten in editors' words ("did you mean", "quote it")."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..diagnostics import Code, Diagnostic, did_you_mean, error
from .models import REF_ID, SLUG, PageMeta
from .yamlsource import YamlDocument, YamlPath

M = TypeVar("M", bound=BaseModel)


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


def _resolve(doc: YamlDocument, loc: tuple[Any, ...], base: YamlPath) -> tuple[YamlPath, tuple[Any, ...]]:
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
    exc: ValidationError, doc: YamlDocument, model: type[BaseModel], base: YamlPath = ()
) -> list[Diagnostic]:
    fields = _all_fields(model) | {"type"}
    out: list[Diagnostic] = []
    reported: set[YamlPath] = set()
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
            if name == "references" and model is PageMeta and len(path) == 1:
                out.append(
                    error(
                        doc.path,
                        loc.line,
                        loc.column,
                        Code.SCHEMA_UNKNOWN_FIELD,
                        "references no longer live in front matter: move these records to a file in references/ "
                        "(one shared bibliography) and cite them by id in the text as [@id]",
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
            pattern = str(err.get("ctx", {}).get("pattern"))
            if pattern == SLUG:
                message = f"'{got}' is not a valid id: use lowercase letters, digits and hyphens (e.g. 'my-id')"
            elif pattern == REF_ID:
                message = (
                    f"'{got}' is not a valid reference id: lowercase words joined by hyphens, ending in the year "
                    "of the work ('author-YYYY', or 'author-YYYY-b' for a second work that year)"
                )
            elif field_name == "pmid":
                message = f"'{got}' is not a PubMed id: write its digits only (e.g. 12345678)"
            else:
                message = f"'{got}' must be a page path ending in .md, optionally with #anchor"
        if kind == "literal_error":
            expected = str(err.get("ctx", {}).get("expected", ""))
            got = err.get("input")
            options = [t.strip(" '") for t in expected.replace(" or ", ",").split(",")]
            message = f"'{got}' is not allowed; expected {expected}{did_you_mean(str(got), options)}"
        out.append(error(doc.path, loc.line, loc.column, Code.SCHEMA_INVALID, f"'{field_name}': {message}"))
    return out


def validate(doc: YamlDocument, model: type[M], data: Any, base: YamlPath = ()) -> tuple[M | None, list[Diagnostic]]:
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, model_diagnostics(exc, doc, model, base)
