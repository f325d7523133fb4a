"""The notice as PDF, converted by LibreOffice (soffice) when it is installed."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from govwatch.errors import ServiceUnavailable

# A cold LibreOffice start plus a 20-page notice takes a few seconds; a hung one is stopped.
_TIMEOUT_S = 180


class PdfFailed(ServiceUnavailable):
    """LibreOffice ran but wrote no PDF."""


def soffice() -> str | None:
    """The LibreOffice binary on PATH, if any."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(docx: Path, binary: str) -> Path:
    """Write DOCX's PDF beside it; a private profile lets runs happen side by side and never prompts."""
    with tempfile.TemporaryDirectory(prefix="govwatch-lo-") as profile:
        result = subprocess.run(
            [binary, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", str(docx.parent), str(docx)],
            capture_output=True, text=True, timeout=_TIMEOUT_S, check=False,
        )
    pdf = docx.with_suffix(".pdf")
    if result.returncode != 0 or not pdf.is_file():
        raise PdfFailed(f"LibreOffice 转换 PDF 失败（退出码 {result.returncode}）：{result.stderr.strip()[-500:]}")
    return pdf
