"""The Content Security Policy on every built page (studykit/postprocess/csp.py), read back the way a browser reads
it: one policy, first in `<head>`, whose script-src lists exactly the hashes of the inline scripts that would run,
and nothing else inline (event-handler attributes, `javascript:` URLs) that the policy would silently break.

Checked on the shipped site (MkDocs) and on the glossary fixture built with Zensical, whose theme differs.
"""

from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from studykit.diagnostics import Code
from studykit.pipeline import build_project
from studykit.postprocess.csp import add_csp, add_policy

from .helpers import copy_site

EXPECTED = {
    "default-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'none'"],
    "frame-src": ["'none'"],
}
EXECUTABLE_TYPES = {None, "", "text/javascript", "module"}


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


class PageScripts(HTMLParser):
    """What Chromium would run inline on a page, collected from the standard parser's text events (not the
    offsets csp.py uses), plus the first element of `<head>` and every policy meta tag."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.in_head = False
        self.first_in_head: tuple[str, dict[str, str | None]] | None = None
        self.policies: list[str] = []
        self.executable: list[str] = []
        self.data_types: list[str | None] = []
        self.inline_handlers: list[str] = []
        self._script: tuple[str | None, list[str]] | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "head":
            self.in_head = True
            return
        if self.in_head and self.first_in_head is None:
            self.first_in_head = (tag, values)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "content-security-policy":
            self.policies.append(values.get("content") or "")
        for name, value in attrs:
            if name.startswith("on"):
                self.inline_handlers.append(f"<{tag} {name}>")
            elif value and value.strip().lower().startswith("javascript:"):
                self.inline_handlers.append(f"<{tag} {name}={value}>")
        if tag == "script" and "src" not in values:
            self._script = (values.get("type"), [])

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            kind, parts = self._script
            if kind in EXECUTABLE_TYPES:
                self.executable.append("".join(parts))
            else:
                self.data_types.append(kind)
            self._script = None


def directives(policy: str) -> dict[str, list[str]]:
    parsed: dict[str, list[str]] = {}
    for part in policy.split(";"):
        name, *values = part.split()
        assert name not in parsed, f"directive {name} given twice"
        parsed[name] = values
    return parsed


def build_zensical_fixture(dest: Path) -> Path:
    """The glossary fixture (theme overrides, palette, instant navigation) built with Zensical; returns the site."""
    project = copy_site("glossary", dest)
    result = build_project(project, dest / "site", engine="zensical")
    assert result.built, "\n".join(d.text() for d in result.diagnostics)
    return dest / "site"


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_zensical_fixture(tmp_path_factory.mktemp("csp-zensical"))


@pytest.mark.parametrize("site_fixture", ["built_site", "zensical_site"])
def test_every_page_has_one_policy_first_in_head_listing_exactly_its_inline_scripts(
    site_fixture: str, request: pytest.FixtureRequest
) -> None:
    site: Path = request.getfixturevalue(site_fixture)
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 5
    hashed = 0
    for file in pages:
        raw = file.read_bytes()
        page = PageScripts(raw.decode("utf-8"))
        where = file.relative_to(site).as_posix()
        assert len(page.policies) == 1, where
        assert page.first_in_head == ("meta", {"http-equiv": "Content-Security-Policy", "content": page.policies[0]})
        assert b"<meta charset" in raw[:1024], f"{where}: the charset declaration left the first 1024 bytes"
        policy = directives(page.policies[0])
        script_src = policy.pop("script-src")
        assert policy == EXPECTED, where
        assert script_src[0] == "'self'", where
        assert sorted(script_src[1:]) == sorted({sha256(text) for text in page.executable}), where
        assert set(page.data_types) <= {"application/json"}, f"{where}: unexpected inline script types"
        assert page.inline_handlers == [], f"{where}: inline JavaScript the policy would block"
        hashed += len(script_src) - 1
    assert hashed >= 2 * len(pages), "the theme's inline scripts were not found: the comparison proved nothing"


def test_data_blocks_are_not_hashed_and_scripts_are_hashed_as_the_browser_reads_them() -> None:
    html = (
        "<!doctype html><html><head>\n"
        '<script type="application/json" id="__config">{"base": "."}</script>\n'
        '<script type="module">start()</script>\n'
        "<script>\r\nfirst();\r\n</script>\n"
        '<script src="bundle.js"></script>\n'
        "</head><body><script>start()</script></body></html>"
    )
    updated = add_policy(html)
    assert updated is not None
    page = PageScripts(updated)
    script_src = directives(page.policies[0])["script-src"]
    # CR LF reaches the script as LF (HTML's input-stream preprocessing): the hash must be of that text
    assert script_src == ["'self'", sha256("start()"), sha256("\nfirst();\n")]  # start() twice, listed once


def test_a_page_without_a_head_before_its_scripts_is_reported_and_left_alone(tmp_path: Path) -> None:
    pages = {
        "good/index.html": "<!doctype html><html><head><title>t</title></head><body><script>a()</script></body>",
        "headless/index.html": "<!doctype html><script>a()</script><p>no head</p>",
        "late-head/index.html": "<!doctype html><html><script>a()</script><head></head></html>",
    }
    for rel, text in pages.items():
        (tmp_path / rel).parent.mkdir(parents=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    (tmp_path / "latin1.html").write_bytes(b"<html><head></head><body>caf\xe9</body></html>")
    diagnostics = add_csp(tmp_path)
    assert [(d.path, d.code) for d in diagnostics] == [
        ("site/headless/index.html", Code.AUDIT_CSP),
        ("site/late-head/index.html", Code.AUDIT_CSP),
        ("site/latin1.html", Code.AUDIT_CSP),
    ]
    assert all(d.text().endswith("[audit.csp]") for d in diagnostics)
    for rel in ("headless/index.html", "late-head/index.html"):
        assert (tmp_path / rel).read_text(encoding="utf-8") == pages[rel]
    good = PageScripts((tmp_path / "good/index.html").read_text(encoding="utf-8"))
    assert directives(good.policies[0])["script-src"] == ["'self'", sha256("a()")]
