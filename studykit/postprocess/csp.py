"""Content Security Policy: every built page gets a `<meta http-equiv="Content-Security-Policy">` as the first
element of its `<head>`, before any script. Scripts may come only from the site itself, plus the theme's own inline
scripts, each allowed by the sha256 hash of its exact text. A script slipped into a page (by content, or into the
HTML after the build) does not run, and nothing is fetched from another origin.

Why a meta tag: the site is static and is often hosted where no response headers can be set (GitHub Pages). A
meta policy cannot carry `frame-ancestors` (nor report-uri or sandbox); hosts that can send headers add that
(docs/architecture.md, "Deploying"). The inline scripts differ by page (the theme writes each page's relative base
URL into them), so the hashes are computed per page.

Hand-written on the standard library's HTMLParser, like audit.py: the job needs the source offsets of `<head>` and
of each inline script's text, which the parser reports; a tree-building library would normalise them away.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from ..diagnostics import Code, Diagnostic, error

POLICY: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),  # the page's inline-script hashes are appended
    ("style-src", "'self' 'unsafe-inline'"),  # the theme and its bundle set inline styles
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),  # the offline service worker and the search worker (postprocess/offline.py)
    ("manifest-src", "'self'"),  # the web app manifest
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'none'"),
    ("frame-src", "'none'"),
)

_NEWLINE = re.compile("\n")
_JS_TYPES = {
    "",
    "module",
    "text/javascript",
    "application/javascript",
    "application/ecmascript",
    "application/x-ecmascript",
    "application/x-javascript",
    "text/ecmascript",
    "text/jscript",
    "text/livescript",
    "text/x-ecmascript",
    "text/x-javascript",
}
"""Script `type` values a browser executes (HTML standard's JavaScript MIME type essence matches, and `module`);
any other type, such as the theme's `application/json` config block, is data and needs no hash."""


def is_executable(attrs: dict[str, str | None]) -> bool:
    return (attrs.get("type") or "").split(";")[0].strip().lower() in _JS_TYPES


def script_hash(text: str) -> str:
    """The CSP source expression for an inline script, hashed as the browser hashes it: the UTF-8 bytes of the
    text after the HTML parser's newline normalisation."""
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(normalised.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def policy(hashes: list[str]) -> str:
    """The policy text for a page whose inline scripts have these hashes (each listed once)."""
    parts = []
    for name, value in POLICY:
        if name == "script-src" and hashes:
            value = " ".join([value, *dict.fromkeys(hashes)])
        parts.append(f"{name} {value}")
    return "; ".join(parts)


@dataclass
class InlineScript:
    text: str
    executable: bool


class HeadParser(HTMLParser):
    """Finds where `<head>`'s start tag ends, where the first script starts, and every inline script's exact
    source text (offsets into `source`)."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.head_end: int | None = None
        self.first_script: int | None = None
        self.scripts: list[InlineScript] = []
        self._open: tuple[int, bool] | None = None
        self._lines = [0] + [match.end() for match in _NEWLINE.finditer(source)]

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._lines[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        end = start + len(self.get_starttag_text() or "")
        if tag == "head" and self.head_end is None:
            self.head_end = end
        elif tag == "script":
            values = dict(attrs)
            if self.first_script is None:
                self.first_script = start
            if "src" not in values:
                self._open = (end, is_executable(values))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._open is not None:
            begin, executable = self._open
            self.scripts.append(InlineScript(self.source[begin : self._offset()], executable))
            self._open = None


def parse_page(html: str) -> HeadParser:
    parser = HeadParser(html)
    parser.feed(html)
    parser.close()
    return parser


def meta_tag(hashes: list[str]) -> str:
    return f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">'


def add_policy(html: str, parsed: HeadParser | None = None) -> str | None:
    """The page with its policy inserted first in `<head>`, or None when it has no `<head>` before its first
    script (a policy placed after a script does not cover it). `parsed`: the page already parsed (by the audit)."""
    parsed = parsed or parse_page(html)
    if parsed.head_end is None or (parsed.first_script is not None and parsed.first_script < parsed.head_end):
        return None
    hashes = [script_hash(script.text) for script in parsed.scripts if script.executable]
    return html[: parsed.head_end] + meta_tag(hashes) + html[parsed.head_end :]


def add_csp(site: Path, parsed: Mapping[str, HeadParser] | None = None) -> list[Diagnostic]:
    """Give every HTML page under `site` its policy. Inserted on the `<head>` line, so line numbers the audit
    reported stay true. `parsed`: site-relative path -> the page as the audit parsed it, so each page is parsed
    once per build (parsing is most of the post-process cost)."""
    diagnostics: list[Diagnostic] = []
    for file in sorted(site.rglob("*.html")):
        rel = file.relative_to(site).as_posix()
        where = f"site/{rel}"
        try:
            html = file.read_bytes().decode("utf-8")
        except UnicodeDecodeError as exc:
            diagnostics.append(error(where, 1, 1, Code.AUDIT_CSP, f"page is not UTF-8, so no policy was added: {exc}"))
            continue
        known = (parsed or {}).get(rel)
        updated = add_policy(html, known if known is not None and known.source == html else None)
        if updated is None:
            message = "page has no <head> before its first script, so no Content-Security-Policy can cover it"
            diagnostics.append(error(where, 1, 1, Code.AUDIT_CSP, message))
            continue
        file.write_bytes(updated.encode("utf-8"))
    return diagnostics
