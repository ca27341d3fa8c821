"""safety.* : script, frames, handlers and javascript: URLs in any text that reaches HTML."""

from __future__ import annotations

from collections.abc import Iterator

from ..catalog import Catalog
from ..diagnostics import Code, Diagnostic, error
from ..sources.scanner import UNSAFE


def check_safety(catalog: Catalog) -> Iterator[Diagnostic]:
    for page in catalog.project.pages:
        for unsafe in page.scanned.unsafe:
            yield error(
                page.path,
                unsafe.line,
                unsafe.column,
                Code.SAFETY_HTML,
                f"'{unsafe.what}' is not allowed in content: no scripts, frames, event handlers or javascript: URLs",
            )
    for doc in catalog.project.yaml_docs:
        for path, raw in doc.raw.items():
            match = UNSAFE.search(raw)
            if match:
                loc = doc.loc(path)
                what = match.group(0).strip()
                yield error(
                    doc.path,
                    loc.line,
                    loc.column,
                    Code.SAFETY_HTML,
                    f"'{what}' is not allowed in text: no scripts, frames, event handlers or javascript: URLs",
                )
