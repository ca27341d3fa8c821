"""Thin MkDocs glue: add each page's front-matter furniture (objectives, review status, references, quiz).

Everything here calls studykit.pagegen; another Python-Markdown engine can call the same function.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from studykit.models import PageMeta
from studykit.pagegen import page_markdown


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any, **kwargs: Any) -> str:
    # Our `template:` (procedure, topic...) is a page kind, not a Jinja template name as MkDocs would read it.
    if "template" in page.meta:
        page.meta["page_kind"] = page.meta.pop("template")
    fields = {key: value for key, value in page.meta.items() if key != "page_kind"}
    fields["template"] = page.meta.get("page_kind", "topic")
    try:
        meta = PageMeta.model_validate(fields, strict=False)
    except ValidationError:
        return markdown  # `check` reports it with file and line; the build never gets here with errors
    return page_markdown(markdown, meta)


def on_pre_build(config: Any, **kwargs: Any) -> None:
    """During `serve`, re-check the whole project on each rebuild and print problems (not fatal)."""
    import os
    import sys
    from pathlib import Path

    if os.environ.get("STUDYKIT_LIVE_CHECK") != "1":
        return
    from studykit.diagnostics import format_diagnostics
    from studykit.validate import check_project

    result = check_project(Path(config["config_file_path"]).parent)
    if result.diagnostics:
        print(format_diagnostics(result.diagnostics, "text", {}), file=sys.stderr)
