#!/usr/bin/env python3
"""Validate and build the study site.

    python build_site.py                 # = build: check, render into site/ atomically, audit
    python build_site.py check [--format text|json|github] [--strict]
    python build_site.py serve [--port 8000]
    python build_site.py codes           # every diagnostic code and what it means
    python build_site.py schemas         # regenerate schemas/ after changing studykit/models.py

Exit codes: 0 clean, 1 content errors (or warnings with --strict), 2 usage or environment errors.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="build_site.py", description="Validate and build the study site.")
    parser.add_argument("--root", type=Path, default=ROOT, help="project directory (default: this file's directory)")
    sub = parser.add_subparsers(dest="command")
    build = sub.add_parser("build", help="check, then build into site/ (the default)")
    build.add_argument("--strict", action="store_true", help="fail on warnings too")
    build.add_argument("--site-dir", type=Path, default=None, help="output directory (default: <root>/site)")
    check = sub.add_parser("check", help="validate everything; write no HTML")
    check.add_argument("--format", choices=("text", "json", "github"), default="text")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    serve = sub.add_parser("serve", help="live preview; rebuilds on edits to Markdown and YAML")
    serve.add_argument("--port", type=int, default=8000)
    sub.add_parser("codes", help="list diagnostic codes")
    sub.add_parser("schemas", help="regenerate the JSON Schemas in schemas/ from the models")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    root: Path = args.root.resolve()
    command = args.command or "build"
    if command == "codes":
        from studykit.diagnostics import Code

        for code in Code:
            print(f"{code.value:28} {code.doc}")  # type: ignore[attr-defined]
        return 0
    if command == "schemas":
        from studykit.schemas import write_schemas

        for path in write_schemas(root):
            print(f"wrote {path.relative_to(root)}")
        return 0
    if not (root / "mkdocs.yml").is_file():
        print(f"error: no mkdocs.yml in {root}; run from the project or pass --root", file=sys.stderr)
        return 2
    from studykit import cli

    if command == "check":
        return cli.check(root, fmt=args.format, strict=args.strict)
    if command == "serve":
        return cli.serve(root, port=args.port)
    return cli.build(root, strict=getattr(args, "strict", False), site_dir=getattr(args, "site_dir", None))


if __name__ == "__main__":
    sys.exit(main())
