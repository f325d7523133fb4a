"""The notice rendered by LibreOffice: page count and a title page that is not blank (CI installs soffice)."""

import shutil
import subprocess

import pytest
from PIL import Image

from govwatch.reports.pdf import soffice
from tests.reports.conftest import write_demo_report

pytestmark = pytest.mark.slow


def test_pdf_pages_and_title_page(demo_database, tmp_path):
    assert soffice(), "LibreOffice (soffice) is not installed: CI must install libreoffice-writer-nogui"
    assert shutil.which("pdftoppm"), "pdftoppm is not installed: CI must install poppler-utils"
    files = write_demo_report(demo_database[0], tmp_path, pdf=True)
    assert files.pdf is not None and files.pdf.stat().st_size > 10_000
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(files.pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    # Body (4–6 pages) + 附件1 (~8) + 附件2 (1–2) + 附件3 (landscape, 1–3).
    assert 12 <= len(pages) <= 30, len(pages)
    first = Image.open(pages[0]).convert("L")
    dark = sum(first.histogram()[:128])
    assert dark > 0.005 * first.width * first.height, "page 1 is blank"
    colours = Image.open(pages[0]).convert("RGB").getcolors(maxcolors=1 << 24)
    assert any(r > 200 and g < 80 and b < 80 for _, (r, g, b) in colours), "no red issuing authority on page 1"
