"""What every export says about itself: its title, the content licence and the attribution line (studykit.yml
`licence`, LICENSE-content), and a deterministic zip writer, so a rebuild of unchanged content gives the same bytes."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from ..catalog import Catalog

ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip can hold: no build time inside the archive


@dataclass(frozen=True)
class ExportMeta:
    title: str  # e.g. "Interventional Pain Management: quiz bank"
    licence: str  # "CC BY 4.0"
    licence_url: str
    attribution: str  # the line to keep with anything reused

    @property
    def notice(self) -> str:
        return f"{self.title}. Licence: {self.licence} ({self.licence_url}). Attribution: {self.attribution}"


def export_meta(catalog: Catalog, what: str) -> ExportMeta:
    """Metadata for one export; `what` names its content ("quiz bank", "chapter: Facet joint injections")."""
    licence = catalog.project.rules.licence
    site = catalog.project.config.site_name or "Study guide"
    return ExportMeta(f"{site}: {what}", licence.name, licence.url, licence.attribution(site))


def zip_bytes(files: dict[str, bytes]) -> bytes:
    """A zip of `files` (in the given order) with fixed timestamps and permissions."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()
