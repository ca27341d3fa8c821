"""Thin MkDocs glue: add each page's front-matter furniture (objectives, review status, references, quiz).

Everything here calls studykit.pagegen; another Python-Markdown engine can call the same function.
"""

from __future__ import annotations

import os
from typing import Any

from pydantic import ValidationError

from studykit.models import PageMeta
from studykit.pagegen import page_markdown

QUIZ_EXTENSION = "studykit.markdown.quiz"
PAGE_AWARE_EXTENSIONS = ("studykit.markdown.glossary", QUIZ_EXTENSION)


def _tell_extensions_the_page(page: Any, config: Any) -> None:
    """Our extensions write links relative to the page, and Python-Markdown alone cannot tell them which page it
    is. MkDocs builds each page's Markdown instance from `mdx_configs` right after this event, so these settings
    reach exactly this page."""
    for name in PAGE_AWARE_EXTENSIONS:
        if name not in config["markdown_extensions"]:
            continue
        options = config["mdx_configs"].setdefault(name, {})
        options["page_path"] = page.file.src_uri
        options.setdefault("project_dir", os.path.dirname(config["config_file_path"]))
        if name == QUIZ_EXTENSION:
            options["directory_urls"] = bool(config["use_directory_urls"])


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any, **kwargs: Any) -> str:
    _tell_extensions_the_page(page, config)
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
    import sys
    from pathlib import Path

    if os.environ.get("STUDYKIT_LIVE_CHECK") != "1":
        return
    from studykit.diagnostics import format_diagnostics
    from studykit.validate import check_project

    result = check_project(Path(config["config_file_path"]).parent)
    if result.diagnostics:
        print(format_diagnostics(result.diagnostics, "text", {}), file=sys.stderr)
