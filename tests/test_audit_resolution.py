"""How the post-build audit resolves links: against one listing of the output, not a disk lookup per link."""

from __future__ import annotations

from pathlib import Path

from studykit.postprocess.audit import audit_site


def _page(body: str) -> str:
    return f"<!doctype html><html><head><title>t</title></head><body>{body}</body></html>"


def _site(root: Path, pages: dict[str, str]) -> Path:
    for rel, body in pages.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_page(body) if rel.endswith(".html") else body, encoding="utf-8")
    return root


def test_folder_links_with_and_without_slash_resolve_to_their_index(tmp_path: Path) -> None:
    site = _site(
        tmp_path / "site",
        {
            "index.html": '<a href="./">home</a><a href="topics">t</a><a href="topics/#top">t</a>'
            '<a href="topics/deep/page.html#x">p</a><a href="style.css">s</a><a href="%74opics/">quoted</a>',
            "topics/index.html": '<h1 id="top">T</h1><a href="../">up</a><a href="deep">d</a><a href="..">up</a>',
            "topics/deep/index.html": '<a href="../../index.html#">home</a>',
            "topics/deep/page.html": '<p id="x">x</p><a href="./page.html#x">self</a><a href="#x">here</a>',
            "style.css": "body {}",
        },
    )
    assert [d.text() for d in audit_site(site)] == []


def test_each_kind_of_bad_link_is_reported_once_per_link(tmp_path: Path) -> None:
    site = _site(
        tmp_path / "site",
        {
            "index.html": '<a href="missing/">a</a><a href="topics/#nope">b</a><a href="../outside/">c</a>'
            '<a href="topics/index.html/">d</a><a href="javascript:alert(1)">e</a><a href="topics">fine</a>',
            "topics/index.html": '<a href="../missing/">again</a><a href="../index.html#">ok</a>',
        },
    )
    found = sorted((d.path, d.code.value, d.message.split(",")[0]) for d in audit_site(site))
    assert found == [
        ("site/index.html", "audit.broken-anchor", "link 'topics/#nope' points to '#nope'"),
        ("site/index.html", "audit.broken-link", "link '../outside/' leaves the site"),
        ("site/index.html", "audit.broken-link", "link 'javascript:alert(1)' uses an unexpected scheme"),
        ("site/index.html", "audit.broken-link", "link 'missing/' points to 'missing/index.html'"),
        ("site/index.html", "audit.broken-link", "link 'topics/index.html/' points to 'topics/index.html/index.html'"),
        ("site/topics/index.html", "audit.broken-link", "link '../missing/' points to 'missing/index.html'"),
    ]
