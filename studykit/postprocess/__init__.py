"""Post-process: work over the whole rendered output: the link audit, then each page's Content-Security-Policy
(after the audit, which reads the pages as the engine wrote them; later search-index checks and the service-worker
manifest)."""

from __future__ import annotations

from pathlib import Path

from ..catalog import Catalog
from ..diagnostics import Diagnostic
from .audit import audit_site, parse_site
from .csp import add_csp


def postprocess(site: Path, catalog: Catalog) -> list[Diagnostic]:
    parsed = parse_site(site)  # once: the audit and the policy both read every page
    diagnostics = audit_site(site, catalog, parsed)
    return diagnostics + add_csp(site, parsed)
