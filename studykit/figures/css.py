"""A figure SVG's own `<style>`, scoped to its figure so it styles that drawing and nothing else on the page.

Why keep the SVG's style at all: which classes set a fill and which a stroke is decided once, where the figures are
drawn (figures/style.py), and the SVG must look right opened on its own. Its rules read colours as
`var(--sk-fig-ink, #hex)`: inline in a page, the site's figures.css supplies those variables for the light and the
dark palette; alone, the fallbacks apply. So the inlined figure keeps exactly the drawing's rules, under
`#<figure id>`, and only what a drawing needs gets through: type and class selectors, presentation properties,
values without `url()`. tinycss2 does the parsing (a CSS tokenizer by hand would be the one place a `\\` escape or
a comment could smuggle something past the rules).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import tinycss2

PROPERTIES = frozenset(
    """fill fill-opacity fill-rule stroke stroke-width stroke-opacity stroke-linecap stroke-linejoin
    stroke-dasharray stroke-dashoffset stroke-miterlimit opacity color font font-family font-size font-weight
    font-style font-variant font-stretch letter-spacing word-spacing text-anchor dominant-baseline
    alignment-baseline baseline-shift text-decoration paint-order vector-effect visibility display
    shape-rendering text-rendering marker marker-start marker-mid marker-end""".split()
)
FUNCTIONS = frozenset({"var", "rgb", "rgba", "hsl", "hsla", "calc"})
COMPOUND = re.compile(r"(?:\*|[a-zA-Z][\w-]*)?(?:\.[A-Za-z_][\w-]*)*")


def _value_problem(tokens: Iterable[Any]) -> str | None:
    """Why a declaration's value is refused (a URL, an unknown function), or None."""
    for token in tokens:
        if token.type == "url" or (token.type == "function" and token.lower_name == "url"):
            return "a url() value"
        if token.type == "function":
            if token.lower_name not in FUNCTIONS:
                return f"the function {token.name}()"
            problem = _value_problem(token.arguments)
            if problem:
                return problem
        elif token.type in ("() block", "[] block", "{} block"):
            problem = _value_problem(token.content)
            if problem:
                return problem
        elif token.type in ("at-keyword", "error"):
            return "a malformed value"
    return None


def clean_declarations(text: str | list[Any]) -> tuple[str, list[str]]:
    """(the declarations a drawing may use, joined as `a:b;c:d`, problems with the ones dropped)."""
    kept: list[str] = []
    problems: list[str] = []
    for item in tinycss2.parse_declaration_list(text, skip_whitespace=True, skip_comments=True):
        if item.type != "declaration":
            problems.append("a malformed declaration")
            continue
        if item.lower_name not in PROPERTIES:
            problems.append(f"the property '{item.name}'")
            continue
        problem = _value_problem(item.value)
        if problem:
            problems.append(f"'{item.name}' with {problem}")
            continue
        value = tinycss2.serialize(item.value).strip()
        important = " !important" if item.important else ""
        kept.append(f"{item.lower_name}:{value}{important}")
    return ";".join(kept), problems


def _selector(text: str, scope: str) -> str | None:
    """`text` (one selector) under `scope`, or None if it is more than type and class selectors."""
    parts = text.replace(">", " > ").split()
    if not parts or parts[0] == ">" or parts[-1] == ">":
        return None
    for part in parts:
        if part != ">" and not (part and COMPOUND.fullmatch(part)):
            return None
    return f"{scope} {' '.join(parts)}"


def scope_style(css: str, scope: str) -> tuple[str, list[str]]:
    """(the rules of `css` under the selector `scope`, problems with what was dropped)."""
    rules: list[str] = []
    problems: list[str] = []
    for rule in tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True):
        if rule.type == "at-rule":
            # @media: a dark palette for the file alone, which the site's variables give inline; @import: file.svg
            if rule.lower_at_keyword not in ("media", "import"):
                problems.append(f"the rule @{rule.at_keyword}")
            continue
        if rule.type != "qualified-rule":
            problems.append("a malformed rule")
            continue
        prelude = tinycss2.serialize(rule.prelude).strip()
        selectors = [_selector(text, scope) for text in prelude.split(",")]
        if not selectors or any(selector is None for selector in selectors):
            problems.append(f"the selector '{prelude}' (only type and class selectors)")
            continue
        declarations, dropped = clean_declarations(rule.content)
        problems += dropped
        if declarations:
            rules.append(f"{','.join(s for s in selectors if s)}{{{declarations}}}")
    return "".join(rules), problems
