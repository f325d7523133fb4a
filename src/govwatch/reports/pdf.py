"""The notice as PDF, converted by LibreOffice (soffice) when it is installed.

The .docx names the fonts a county office has (仿宋_GB2312, 方正小标宋简体 …); LibreOffice finds faces
through fontconfig, so the conversion runs with govwatch's fonts.conf (FONTCONFIG_FILE), which maps
each of those names to a Debian face of the same style and includes the system's configuration.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from importlib import resources
from pathlib import Path

from govwatch.errors import ServiceUnavailable

# A cold LibreOffice start plus a 20-page notice takes a few seconds; a hung one is stopped.
_TIMEOUT_S = 180
FONTS_CONF = "fonts.conf"
# Keep the blank page LibreOffice inserts before a section that starts on an even page (the 版记's): the
# PDF is printed on both sides, and page numbers must match the sheets.
_PDF_FILTER = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}'


class PdfFailed(ServiceUnavailable):
    """LibreOffice ran but wrote no PDF."""


def soffice() -> str | None:
    """The LibreOffice binary on PATH, if any."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(docx: Path, binary: str) -> Path:
    """Write DOCX's PDF beside it; a private profile lets runs happen side by side and never prompts."""
    with tempfile.TemporaryDirectory(prefix="govwatch-lo-") as profile, \
            resources.as_file(resources.files("govwatch.reports") / "templates" / FONTS_CONF) as fonts:
        env = {**os.environ, "FONTCONFIG_FILE": str(fonts)}
        result = subprocess.run(
            [binary, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
             "--convert-to", _PDF_FILTER, "--outdir", str(docx.parent), str(docx)],
            capture_output=True, text=True, timeout=_TIMEOUT_S, check=False, env=env,
        )
    pdf = docx.with_suffix(".pdf")
    if result.returncode != 0 or not pdf.is_file():
        raise PdfFailed(f"LibreOffice 转换 PDF 失败（退出码 {result.returncode}）：{result.stderr.strip()[-500:]}")
    return pdf
