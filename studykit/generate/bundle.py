"""studykit's browser code as the site ships it: every file minified, and the code every page needs joined into one
script and one stylesheet.

DESIGN's page-weight bar: studykit's own JS and CSS on a page at most 15 KB gzipped. The sources in
studykit/assets stay readable (commented, one file per tool); what the build publishes is minified by rjsmin and
rcssmin (well-kept, pure-Python minifiers: the build stays Python-only), and joined, which lets gzip share one
dictionary across files. The bundle holds only what every page runs (storage, permalinks, the offline worker's
registration and the loader); each tool's own code (study bar and home, glossary tooltips, quizzes, figures,
practice, flashcards, progress and courses) is fetched by load.js on the pages that show that tool. Vendored
libraries are published as they are.
"""

from __future__ import annotations

import rcssmin
import rjsmin

BUNDLE_JS = "studykit.bundle.js"  # what mkdocs.yml lists: `assets/studykit/studykit.bundle.js`
BUNDLE_CSS = "studykit.bundle.css"
CORE_JS = ("store.js", "permalinks.js", "offline.js", "load.js")  # every page; the rest via load.js
CORE_CSS = ("studykit.css", "glossary.css", "a11y.css", "quiz.css", "figures.css", "study.css", "courses.css")


def minified(name: str, data: bytes) -> bytes:
    text = data.decode("utf-8")
    if name.endswith(".js"):
        return str(rjsmin.jsmin(text, keep_bang_comments=True)).encode("utf-8")
    if name.endswith(".css"):
        return str(rcssmin.cssmin(text, keep_bang_comments=True)).encode("utf-8")
    return data


def shipped(sources: dict[str, bytes]) -> dict[str, bytes]:
    """File name -> published bytes: each source minified, plus the two bundles (a core file that is missing is
    skipped, so a package built without one still ships the rest)."""
    files = {name: minified(name, data) for name, data in sources.items()}
    for bundle, parts, joiner in ((BUNDLE_JS, CORE_JS, b";\n"), (BUNDLE_CSS, CORE_CSS, b"\n")):
        files[bundle] = joiner.join(files[name] for name in parts if name in files)
    return files
