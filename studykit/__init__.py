"""studykit: validate and build a static study site from Markdown pages, glossary YAML and quiz YAML."""

from __future__ import annotations

__version__ = "0.1.0"
