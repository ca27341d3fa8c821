"""The offline post-process step (postprocess/offline.py): what the service worker precaches, how a new deploy
changes it, and the manifest every page links. The worker's behaviour in a browser: tests/browser/test_offline.py."""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from pathlib import Path

from studykit.postprocess.offline import MANIFEST, WORKER, link_page, precache, web_manifest, worker

FILES_RE = re.compile(r"var FILES = (\{.*?\});", re.DOTALL)
VERSION_RE = re.compile(r'var VERSION = "([0-9a-f]+)";')


def listed(sw: str) -> dict[str, str]:
    match = FILES_RE.search(sw)
    assert match is not None
    return dict(json.loads(match.group(1)))


def make_site(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def test_precache_lists_what_a_browser_needs_and_not_maps_the_worker_or_other_languages(tmp_path: Path) -> None:
    site = make_site(
        tmp_path,
        {
            "index.html": "home",
            "a/index.html": "page",
            "assets/app.js": "js",
            "assets/app.js.map": "map",
            "sitemap.xml.gz": "gz",
            "sw.js": "old worker",
            "assets/javascripts/lunr/min/lunr.de.min.js": "de",
            "search/search_index.json": json.dumps({"config": {"lang": ["en"]}, "docs": []}),
        },
    )
    assert sorted(precache(site)) == ["a/index.html", "assets/app.js", "index.html", "search/search_index.json"]
    (site / "search" / "search_index.json").write_text(json.dumps({"config": {"lang": ["en", "de"]}}))
    assert "assets/javascripts/lunr/min/lunr.de.min.js" in precache(site)


def test_a_changed_file_changes_its_revision_and_the_worker_and_nothing_else(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"index.html": "home", "a/index.html": "page one"})
    first = worker(precache(site))
    assert worker(precache(site)) == first, "the same files give the same worker, byte for byte"
    (site / "a" / "index.html").write_text("page one, corrected", encoding="utf-8")
    second = worker(precache(site))
    before, after = listed(first), listed(second)
    assert before["index.html"] == after["index.html"]
    assert before["a/index.html"] != after["a/index.html"]
    assert VERSION_RE.findall(first) != VERSION_RE.findall(second)


def test_the_manifest_link_is_relative_to_each_page_and_follows_the_policy() -> None:
    html = '<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'self\'"><title>t</title>'
    linked = link_page(html, "procedures/facet/index.html")
    assert linked.index('<link rel="manifest"') == html.index("<title>"), "right after the policy"
    assert '<link rel="manifest" href="../../manifest.webmanifest">' in linked
    assert '<link rel="manifest" href="manifest.webmanifest">' in link_page("<head><title>t</title>", "index.html")


def test_the_manifest_stays_inside_the_site_wherever_it_is_served() -> None:
    manifest = web_manifest("Interventional Pain Management", "A guide.")
    assert manifest["start_url"] == manifest["scope"] == "./"
    assert manifest["display"] == "standalone"
    assert len(str(manifest["short_name"])) < len(str(manifest["name"]))
    for icon in manifest["icons"]:  # type: ignore[attr-defined]
        assert not icon["src"].startswith(("/", "http")), icon


def test_the_built_site_precaches_every_page_and_asset_with_its_final_bytes(built_site: Path) -> None:
    files = listed((built_site / WORKER).read_text(encoding="utf-8"))
    pages = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")}
    assert pages <= set(files)
    assert {"search/search_index.json", MANIFEST, "assets/studykit/icon-192.png"} <= set(files)
    assert any(name.startswith("assets/studykit/") and name.endswith(".js") for name in files)
    for name, rev in files.items():
        assert hashlib.sha256((built_site / name).read_bytes()).hexdigest()[:12] == rev, name
    for page in sorted(pages - {"404.html"}):
        href = re.search(r'<link rel="manifest" href="([^"]+)">', (built_site / page).read_text(encoding="utf-8"))
        assert href is not None, page
        assert posixpath.normpath(posixpath.join(posixpath.dirname(page), href.group(1))) == MANIFEST
