"""Post-process: work over the whole rendered output (the link audit; later search-index checks, CSP hashes and
the service-worker manifest)."""

from __future__ import annotations

from pathlib import Path

from ..catalog import Catalog
from ..diagnostics import Diagnostic
from .audit import audit_site


def postprocess(site: Path, catalog: Catalog) -> list[Diagnostic]:
    return audit_site(site, catalog)
