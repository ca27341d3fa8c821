"""Post-process: work over the whole rendered output: redirect pages for moved URLs, the link audit, each page's
Content-Security-Policy (after the audit, which reads the pages as the engine wrote them), then the offline
worker's precache list over the final bytes."""

from __future__ import annotations

from pathlib import Path

from ..catalog import Catalog
from ..diagnostics import Diagnostic
from .audit import audit_site, parse_site
from .csp import add_csp
from .offline import add_offline
from .redirects import write_redirects


def postprocess(site: Path, catalog: Catalog) -> list[Diagnostic]:
    diagnostics = write_redirects(site, catalog)  # first, so the audit and the policy cover those pages too
    parsed = parse_site(site)  # once: the audit and the policy both read every page
    diagnostics += audit_site(site, catalog, parsed)
    diagnostics += add_csp(site, parsed)
    add_offline(site, catalog)  # last: its precache list hashes the final bytes of every file
    return diagnostics
