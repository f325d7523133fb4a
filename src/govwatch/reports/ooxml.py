"""Byte-stable Office files: python-docx and openpyxl stamp each zip member with the time of saving."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

# The earliest time a zip entry can carry; the same for every member of every file we write.
_EPOCH = (1980, 1, 1, 0, 0, 0)


def write_reproducible(path: Path, package: bytes) -> Path:
    """Rewrite the zip `package` to `path` with fixed member times, so the same content gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            target.writestr(info, source.read(item.filename))
    path.write_bytes(out.getvalue())
    return path
