"""The notice rendered by LibreOffice (CI installs soffice, poppler-utils and the fonts of .ci/run): the
faces embedded, the page count, the red masthead, the 版记's last rule on the 版心's lower edge."""

import re
import shutil
import subprocess

import pytest
from PIL import Image

from govwatch.reports.pdf import soffice
from tests.reports.conftest import write_demo_report

pytestmark = pytest.mark.slow

# The .docx's font names as fontconfig maps them (reports/templates/fonts.conf): body, headings, title,
# page numbers are four different faces, not one fallback.
FACES = {"仿宋_GB2312": "UMingCN", "黑体": "NotoSansCJK", "方正小标宋简体": "NotoSerifCJK", "宋体": "NotoSerifCJK"}


@pytest.fixture(scope="module")
def rendered(demo_database, tmp_path_factory):
    assert soffice(), "LibreOffice (soffice) is not installed: CI must install libreoffice-writer-nogui"
    assert shutil.which("pdftoppm") and shutil.which("pdffonts"), "CI must install poppler-utils"
    out = tmp_path_factory.mktemp("pdf")
    files = write_demo_report(demo_database[0], out, pdf=True)
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(files.pdf), str(out / "page")], check=True)
    return files, sorted(out.glob("page-*.png"))


def test_real_faces_are_embedded(rendered):
    files, _ = rendered
    listing = subprocess.run(["pdffonts", str(files.pdf)], capture_output=True, text=True, check=True).stdout
    names = {re.sub(r"^[A-Z]{6}\+", "", line.split()[0]) for line in listing.splitlines()[2:]}
    for face in set(FACES.values()):
        assert any(face in name for name in names), (face, names)
    assert any("Bold" in name and "Serif" in name for name in names), names  # 小标宋: a heavy Song
    assert not any("DejaVu" in name for name in names), names  # nothing fell back to the default face


def test_page_count_and_pages(rendered):
    _, pages = rendered
    # Body 5 pages, 附件1 ≤ 6, 附件2 1, 附件3 landscape 2, the 版记 on the last even page.
    assert 12 <= len(pages) <= 18, len(pages)
    assert len(pages) % 2 == 0  # the 版记 stands on an even page: the last
    first = Image.open(pages[0]).convert("RGB")
    colours = first.getcolors(maxcolors=1 << 24)
    assert any(r > 200 and g < 80 and b < 80 for _, (r, g, b) in colours), "no red masthead on page 1"
    landscape = [p for p in pages if Image.open(p).width > Image.open(p).height]
    assert 1 <= len(landscape) <= 3


def test_imprint_rule_on_the_text_blocks_lower_edge(rendered):
    _, pages = rendered
    last = Image.open(pages[-1]).convert("L")
    width, height = last.size
    rules = [y for y in range(height)
             if sum(1 for x in range(0, width, 2) if last.getpixel((x, y)) < 110) > width * 0.25]
    assert rules, "no 版记 rules on the last page"
    bottom_mm = rules[-1] / height * 297
    assert abs(bottom_mm - (37 + 225)) < 1.5, bottom_mm  # 天头 37 mm + 版心 225 mm


def test_subheadings_get_the_kai_face(tmp_path):
    """二级标题 (楷体_GB2312) is a face of its own too; the demo's wording has none, so a notice is built here."""
    from datetime import date

    from govwatch.reports.notice_docx import write_notice
    from govwatch.reports.notice_text import parse_blocks
    from govwatch.reports.pdf import convert_to_pdf

    text = "# 眉县人民政府办公室\n## 关于测试的通报\n### 一、总体情况\n#### （一）网站情况\n正文。\n@署名 眉县人民政府办公室\n@成文日期 2023年7月16日\n"
    docx = write_notice(tmp_path / "通报.docx", parse_blocks(text), {}, date(2023, 7, 16), "Asia/Shanghai")
    listing = subprocess.run(["pdffonts", str(convert_to_pdf(docx, soffice()))], capture_output=True, text=True,
                             check=True).stdout
    assert "UKaiCN" in listing and "UMingCN" in listing, listing


def page_texts(pdf):
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return pages.split("\f")


def test_22_lines_of_28_characters_and_compact_annexes(rendered):
    files, _ = rendered
    texts = page_texts(files.pdf)
    # A full body page (page 2): 22 text lines and the page number; a line of plain text holds 28 characters.
    lines = [line.strip() for line in texts[1].splitlines() if line.strip()]
    assert len(lines) == 23 and re.fullmatch(r"—\s*2\s*—", lines[-1]), lines
    # Lines of full-width characters only (digits and Latin letters are narrower) that fill the line hold 28.
    full = [line.replace(" ", "") for line in lines[:-1] if all(ord(ch) > 0x7F for ch in line.replace(" ", ""))]
    assert [len(line) for line in full if len(line) > 20] and all(len(line) == 28 for line in full if len(line) > 20), full
    starts = {name: next(i for i, t in enumerate(texts) if t.lstrip().startswith(name)) for name in ("附件 1", "附件 2", "附件 3")}
    assert starts["附件 2"] - starts["附件 1"] <= 6  # 附件1 ran 10 pages with tall rows
    assert starts["附件 3"] - starts["附件 2"] == 1  # 附件2 on one page, in two halves
