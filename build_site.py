#!/usr/bin/env python3
"""Validate and build this study site: the thin entry point the README documents.

    python build_site.py                 # = build: check, render into site/ atomically, audit
    python build_site.py check [--format text|json|github] [--strict]
    python build_site.py serve [--port 8000]
    python build_site.py build --engine zensical
    python build_site.py codes           # every diagnostic code and what it means
    python build_site.py schemas         # regenerate schemas/ after changing the models

The same commands are available as `studykit ...` once the package is installed.
Exit codes: 0 clean, 1 content errors (or warnings with --strict), 2 usage or environment errors.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent

if __name__ == "__main__":
    from studykit.cli import main

    sys.exit(main(prog="build_site.py", default_root=ROOT))
