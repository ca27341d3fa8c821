"""mkdocs.yml as studykit reads it: with the same strict YAML loader as every other file (no aliases, no tags but
MkDocs' `!ENV`), keeping line numbers so nav problems point at the config line.

Only what studykit needs is read here; the engine reads the rest itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..diagnostics import Code, Diagnostic, error
from .yamlsource import ENV_TAG, YamlDocument, YamlPath, parse_yaml, read_text

CONFIG_FILE = "mkdocs.yml"
CONTENT_DIR = "content"


@dataclass(frozen=True)
class NavEntry:
    """A page the navigation lists, with where in mkdocs.yml it is listed."""

    rel: str  # as written: content-relative
    line: int
    column: int
    section: tuple[str, ...] = ()  # titles of the nav sections it is listed under, outermost first


@dataclass
class SiteConfig:
    doc: YamlDocument | None = None
    site_name: str = ""
    docs_dir: str = CONTENT_DIR
    use_directory_urls: bool = True
    nav: list[NavEntry] | None = None  # None: no nav (MkDocs then lists every page itself)
    omitted_files: str = "info"  # validation.nav.omitted_files: "warn" makes MkDocs (built strict) fail
    extensions: list[str] = field(default_factory=list)
    plugins: list[str] = field(default_factory=list)

    @property
    def nav_order(self) -> list[str]:
        return [entry.rel for entry in self.nav or []]


def _names(items: Any) -> list[str]:
    """Names of a `plugins:` or `markdown_extensions:` list (`- name` or `- name: {options}`)."""
    names: list[str] = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, dict) and len(item) == 1:
            names.append(str(next(iter(item))))
    return names


def _nav_entries(
    doc: YamlDocument, value: Any, path: YamlPath, out: list[NavEntry], section: tuple[str, ...] = ()
) -> None:
    if isinstance(value, str):
        if "://" not in value and not value.startswith(("/", "#")):
            loc = doc.loc(path)
            out.append(NavEntry(value, loc.line, loc.column, section))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            _nav_entries(doc, child, path + (index,), out, section)
    elif isinstance(value, dict):
        for key, child in value.items():  # `Title: page.md` names a page; `Title: [...]` is a section
            _nav_entries(doc, child, path + (key,), out, section if isinstance(child, str) else (*section, str(key)))


def _omitted_files(validation: Any) -> str:
    """MkDocs' level for pages the nav leaves out: `validation: {omitted_files: ...}` or `{nav: {...}}`."""
    if not isinstance(validation, dict):
        return "info"
    nav = validation.get("nav")
    level = nav.get("omitted_files") if isinstance(nav, dict) else validation.get("omitted_files")
    return str(level) if isinstance(level, str) else "info"


def load_site_config(root: Path) -> tuple[SiteConfig, list[Diagnostic]]:
    """The project's mkdocs.yml; a missing or broken file gives diagnostics and the defaults."""
    file = root / CONFIG_FILE
    if not file.is_file():
        return SiteConfig(), []  # the command line says so (exit 2); a library caller gets the defaults
    text, diagnostics = read_text(file, CONFIG_FILE)
    if text is None:
        return SiteConfig(), diagnostics
    doc, yaml_diagnostics = parse_yaml(text, CONFIG_FILE, allowed_tags=frozenset({ENV_TAG}))
    diagnostics += yaml_diagnostics
    if doc is None or not isinstance(doc.data, dict):
        if doc is not None:
            diagnostics.append(
                error(CONFIG_FILE, 1, 1, Code.SCHEMA_INVALID, "mkdocs.yml must be a mapping of settings")
            )
        return SiteConfig(doc=doc), diagnostics
    data = doc.data
    config = SiteConfig(
        doc=doc,
        site_name=str(data.get("site_name") or ""),
        docs_dir=str(data.get("docs_dir") or "docs"),
        use_directory_urls=data.get("use_directory_urls", True) is not False,
        extensions=_names(data.get("markdown_extensions")),
        plugins=_names(data.get("plugins")),
        omitted_files=_omitted_files(data.get("validation")),
    )
    if config.docs_dir.rstrip("/") != CONTENT_DIR:
        diagnostics.append(
            doc.error(
                ("docs_dir",),
                Code.CONFIG_INVALID,
                f"docs_dir must be '{CONTENT_DIR}': studykit reads pages from {CONTENT_DIR}/",
            )
        )
    if "nav" in data:
        entries: list[NavEntry] = []
        _nav_entries(doc, data["nav"], ("nav",), entries)
        config.nav = entries
    return config, diagnostics
