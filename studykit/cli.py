"""The `studykit` command (and `build_site.py`, which calls `main` with its own folder as the project).

    studykit build  [--engine mkdocs|zensical] [--format text|json|github] [--strict] [--site-dir DIR]
    studykit check  [--format text|json|github] [--strict]
    studykit serve  [--port 8000]
    studykit new DIR --title "Renal physiology"
    studykit codes | schemas

Exit codes: 0 clean, 1 content errors (or warnings under --strict), 2 usage or environment errors. A content
problem never shows a traceback; an unexpected failure prints one line and asks for a bug report.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from .diagnostics import Diagnostic, count, format_diagnostics

FORMATS = ("text", "json", "github")


def _parser(prog: str, default_root: Path | None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description="Validate and build a study site.")
    parser.add_argument(
        "--root",
        type=Path,
        default=default_root,
        help="project directory (default: " + ("this file's directory" if default_root else "the current one") + ")",
    )
    sub = parser.add_subparsers(dest="command")
    build = sub.add_parser("build", help="check, then build into site/ (the default)")
    build.add_argument("--engine", choices=("mkdocs", "zensical"), default="mkdocs", help="renderer (default mkdocs)")
    build.add_argument("--format", choices=FORMATS, default="text", help="how problems are printed")
    build.add_argument("--strict", action="store_true", help="fail on warnings too")
    build.add_argument("--site-dir", type=Path, default=None, help="output directory (default: <root>/site)")
    check = sub.add_parser("check", help="validate everything; write no HTML")
    check.add_argument("--format", choices=FORMATS, default="text", help="how problems are printed")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    serve = sub.add_parser("serve", help="live preview; rebuilds on edits to Markdown and YAML")
    serve.add_argument("--port", type=int, default=8000)
    new = sub.add_parser("new", help="create a new study site in DIR")
    new.add_argument("directory", type=Path)
    new.add_argument("--title", required=True, help="the site's title, e.g. 'Renal physiology'")
    permalinks = sub.add_parser("permalinks", help="compare the site's URLs with permalinks.lock.yml")
    permalinks.add_argument("--update", action="store_true", help="record the current URLs in the lock file")
    sub.add_parser("codes", help="list diagnostic codes")
    sub.add_parser("schemas", help="regenerate the JSON Schemas in schemas/ from the models")
    return parser


def _exit_code(diagnostics: list[Diagnostic], strict: bool) -> int:
    errors, warnings = count(diagnostics)
    return 1 if errors or (strict and warnings) else 0


def summary_line(verb: str, counts: dict[str, int], diagnostics: list[Diagnostic], seconds: float) -> str:
    errors, warnings = count(diagnostics)
    return (
        f"{verb}: {counts.get('pages', 0)} pages, {counts.get('terms', 0)} terms, {counts.get('quizzes', 0)} quizzes, "
        f"{counts.get('questions', 0)} questions; {errors} errors, {warnings} warnings; {seconds:.2f} s"
    )


def _report(diagnostics: list[Diagnostic], fmt: str, counts: dict[str, int], seconds: float, verb: str) -> None:
    errors, warnings = count(diagnostics)
    summary = {**counts, "errors": errors, "warnings": warnings, "seconds": round(seconds, 3)}
    output = format_diagnostics(diagnostics, fmt, summary)
    if output:
        print(output)
    if fmt != "json":
        print(summary_line(verb, counts, diagnostics, seconds), file=sys.stderr)


def check(root: Path, *, fmt: str = "text", strict: bool = False) -> int:
    from .pipeline import check_project

    started = time.perf_counter()
    result = check_project(root)
    _report(result.diagnostics, fmt, result.counts, time.perf_counter() - started, "check")
    return _exit_code(result.diagnostics, strict)


def build(
    root: Path, *, strict: bool = False, site_dir: Path | None = None, engine: str = "mkdocs", fmt: str = "text"
) -> int:
    from .pipeline import build_project
    from .swap import BuildLocked

    site = site_dir or root / "site"
    try:
        result = build_project(root, site, engine=engine)
    except BuildLocked as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    verb = f"built {site}" if result.built else "build failed, site/ left unchanged"
    _report(result.diagnostics, fmt, result.counts, result.seconds, verb)
    code = _exit_code(result.diagnostics, strict)
    return code if result.built or code else 1


def permalinks(root: Path, *, update: bool) -> int:
    """Without --update: the permalink check alone. With it: record the URLs the site publishes now, refused while
    the project has errors (a URL that would break needs its redirect or retirement first, so the lock never
    forgets a published URL by accident)."""
    from .checks.permalinks import check_permalinks, live_urls
    from .diagnostics import Severity
    from .pipeline import check_project
    from .sources.permalock import LOCK_FILE, write_lock

    checked = check_project(root)
    if not update:
        problems = list(check_permalinks(checked.catalog))
        for diagnostic in problems:
            print(diagnostic.text())
        return 1 if any(d.severity is Severity.ERROR for d in problems) else 0
    errors = [d for d in checked.diagnostics if d.severity is Severity.ERROR]
    if errors:
        for diagnostic in errors:
            print(diagnostic.text())
        print(f"{LOCK_FILE} not updated: fix the errors above first", file=sys.stderr)
        return 1
    published = live_urls(checked.catalog)
    path = write_lock(root, published)
    print(f"wrote {path.relative_to(root)} ({len(published)} pages)")
    return 0


def _run(args: argparse.Namespace) -> int:
    command = args.command or "build"
    root: Path = (args.root or Path.cwd()).resolve()
    if command == "codes":
        from .diagnostics import Code

        for code in Code:
            print(f"{code.value:28} {code.doc}")  # type: ignore[attr-defined]
        return 0
    if command == "schemas":
        from .schemas import write_schemas

        for path in write_schemas(root):
            print(f"wrote {path.relative_to(root)}")
        return 0
    if command == "new":
        from .scaffold import new_site

        return new_site(args.directory, args.title)
    if not (root / "mkdocs.yml").is_file():
        print(f"error: no mkdocs.yml in {root}; run from the project or pass --root", file=sys.stderr)
        return 2
    if command == "check":
        return check(root, fmt=args.format, strict=args.strict)
    if command == "permalinks":
        return permalinks(root, update=args.update)
    if command == "serve":
        from .serve import serve

        return serve(root, port=args.port)
    return build(
        root,
        strict=getattr(args, "strict", False),
        site_dir=getattr(args, "site_dir", None),
        engine=getattr(args, "engine", "mkdocs"),
        fmt=getattr(args, "format", "text"),
    )


def main(argv: Sequence[str] | None = None, *, prog: str = "studykit", default_root: Path | None = None) -> int:
    parser = _parser(prog, default_root)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    try:
        return _run(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, never a traceback
        print(f"error: studykit failed unexpectedly ({type(exc).__name__}: {exc}); please report this", file=sys.stderr)
        return 2
