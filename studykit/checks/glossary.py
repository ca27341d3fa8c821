"""glossary.* : unique ids and surface forms, see_also, learn_more and figure targets, links in definitions, unused
terms."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..catalog import Catalog
from ..diagnostics import Code, Diagnostic, did_you_mean, error
from ..sources.loading import TermSource
from ..sources.scanner import scan
from ..sources.siteconfig import CONTENT_DIR
from ..sources.yamlsource import YamlPath
from ..syntax import FIGURE_FOLDER
from .links import _yaml_link, check_target
from .markdown import definition_position

# a pymdownx block opener naming the glossary listing or a quiz: inside a definition, a listing would contain itself
DEFINITION_BLOCK = re.compile(r"^[ \t]*/{3,}[ \t]*(?P<name>glossary|quiz)\b")


def check_glossary(catalog: Catalog) -> Iterator[Diagnostic]:
    seen_ci: dict[str, tuple[str, str, int]] = {}  # lowercased form -> (term id, path, line)
    seen_cs: dict[str, tuple[str, str, int]] = {}
    seen_ids: dict[str, tuple[str, int]] = {}
    for source in catalog.project.terms:
        term, doc, index = source.term, source.doc, source.index
        key = term.key
        id_loc = doc.loc((index, "id") if term.id else (index, "term"))
        if key in seen_ids:
            first_path, first_line = seen_ids[key]
            yield error(
                source.path,
                id_loc.line,
                id_loc.column,
                Code.GLOSSARY_DUPLICATE,
                f"duplicate term id '{key}', first defined at {first_path}:{first_line}",
            )
            continue
        seen_ids[key] = (source.path, id_loc.line)
        forms: list[tuple[str, bool, YamlPath]] = [(term.term, False, (index, "term"))]
        forms += [(alias, False, (index, "aliases", i)) for i, alias in enumerate(term.aliases)]
        if term.abbr:
            forms.append((term.abbr, True, (index, "abbr")))
        own: set[str] = set()
        for form, sensitive, ypath in forms:
            folded = form.lower()
            loc = doc.loc(ypath)
            clashes = [seen_ci.get(folded)]
            clashes.append(seen_cs.get(form) if sensitive else None)
            if not sensitive:
                clashes += [v for k, v in seen_cs.items() if k.lower() == folded]
            else:
                clashes.append(seen_ci.get(folded))
            clash = next((c for c in clashes if c is not None and c[0] != key), None)
            if clash:
                yield error(
                    source.path,
                    loc.line,
                    loc.column,
                    Code.GLOSSARY_DUPLICATE,
                    f"'{form}' already names term '{clash[0]}' at {clash[1]}:{clash[2]}",
                )
            own.add(folded)
        for form, sensitive, ypath in forms:
            target = seen_cs if sensitive else seen_ci
            target.setdefault(form if sensitive else form.lower(), (key, source.path, doc.loc(ypath).line))
        for i, other in enumerate(term.see_also):
            if other not in catalog.terms or other == key:
                loc = doc.loc((index, "see_also", i))
                reason = "is the term itself" if other == key else "is not a glossary term"
                yield error(
                    source.path,
                    loc.line,
                    loc.column,
                    Code.GLOSSARY_SEE_ALSO,
                    f"see_also '{other}' {reason}{did_you_mean(other, catalog.terms) if other != key else ''}",
                )
        if term.learn_more:
            yield from _yaml_link(catalog, doc, (index, "learn_more"), term.learn_more)
        if term.figure and f"{FIGURE_FOLDER}/{term.figure}" not in catalog.project.assets:
            loc = doc.loc((index, "figure"))
            yield error(
                source.path,
                loc.line,
                loc.column,
                Code.GLOSSARY_FIGURE,
                f"figure '{term.figure}' is not in {CONTENT_DIR}/{FIGURE_FOLDER}/"
                f"{did_you_mean(term.figure, _figure_names(catalog))}",
            )
        yield from _definition_links(catalog, source)
        yield from _definition_blocks(source)
    yield from _check_term_usage(catalog)


def _figure_names(catalog: Catalog) -> list[str]:
    folder, names = f"{FIGURE_FOLDER}/", []
    for rel in catalog.project.assets:
        if rel.startswith(folder) and "/" not in rel[len(folder) :]:
            names.append(rel[len(folder) :])
    return sorted(names)


def _definition_links(catalog: Catalog, source: TermSource) -> Iterator[Diagnostic]:
    """Links in a definition are written from content/ (like learn_more); the glossary page rebases them."""
    path = (source.index, "definition")
    value, key = source.doc.loc(path), source.doc.loc(path, key=True)
    block = "\n" in source.term.definition.rstrip("\n") or source.term.definition.endswith("\n")
    for link in scan(source.term.definition).links:
        problem = check_target(catalog, "", link.target, yaml_field=True)
        if problem:
            if block:  # `definition: |` - text starts on the next line, indented past the key (usually by 2)
                line, column = value.line + link.line, key.column + 1 + link.column
            else:
                line, column = value.line, value.column + link.column - 1
            yield error(source.path, line, column, problem[0], problem[1])


def _definition_blocks(source: TermSource) -> Iterator[Diagnostic]:
    for offset, text in enumerate(source.term.definition.split("\n")):
        match = DEFINITION_BLOCK.match(text)
        if match:
            line, column = definition_position(source, offset + 1)
            yield error(
                source.path,
                line,
                column + len(text) - len(text.lstrip()),
                Code.GLOSSARY_DEFINITION_BLOCK,
                f"a '/// {match.group('name')}' block cannot be used inside a glossary definition; "
                "link to the page that shows it instead",
            )


def _check_term_usage(catalog: Catalog) -> Iterator[Diagnostic]:
    if not catalog.terms:
        return
    used = set(catalog.term_pages)  # the same mentions the glossary lists under "Used in"
    for term_id, source in catalog.terms.items():
        if term_id not in used:
            yield source.doc.warning(
                (source.index, "term"),
                Code.GLOSSARY_UNUSED,
                f"term '{source.term.term}' is not mentioned on any page",
            )
