"""The attachment reader on real files of each type, and on hostile ones: it reads or says why not."""

from __future__ import annotations

import io
import shutil
import time
import zipfile

import pytest
from pypdf import PdfWriter

from govwatch.collect.attachments import (
    ATTACHMENT_SUFFIXES,
    AttachmentLimits,
    Unreadable,
    attachment_name,
    is_attachment,
    read_attachment,
    run_converter,
)
from govwatch.proofread.privacy import PrivacyLayer
from tests.collect.attachment_files import dibao_rows, docx_bytes, id_number, pdf_bytes, xls_bytes, xlsx_bytes

URL = "http://www.example.gov.cn/uploads/2023/06/"


def _ids(text: str) -> int:
    return sum(hit.rule == "privacy:id-card" for hit in PrivacyLayer().scan(text))


def test_id_numbers_of_the_fixture_are_valid_and_found() -> None:
    assert _ids(id_number()) == 1
    assert _ids(id_number()[:-1] + ("0" if id_number()[-1] != "0" else "1")) == 0


@pytest.mark.parametrize(("name", "build"), [
    ("低保名单.xlsx", lambda rows: xlsx_bytes(rows)),
    ("低保名单.xls", lambda rows: xls_bytes(rows)),
    ("低保名单.docx", lambda rows: docx_bytes(["眉县2023年6月城乡低保发放名单"], [("序号", "姓名", "身份证号码"), *rows])),
])
def test_each_office_type_reads_rows_as_tab_separated_lines(name: str, build) -> None:
    rows = dibao_rows(3)
    got = read_attachment(URL + "x", build(rows), filename=name)
    assert got.unreadable is None and got.truncated is None
    assert got.filename == name
    assert _ids(got.text) == 3
    assert "张建国" in got.text
    line = next(line for line in got.text.splitlines() if "李秀英" in line)
    assert line.split("\t")[:3] == ["2", "李秀英", rows[1][2]]  # whole numbers without ".0"


def test_masked_lists_read_but_hold_no_id_number() -> None:
    got = read_attachment(URL + "list.xlsx", xlsx_bytes(dibao_rows(5, mask=True)))
    assert got.unreadable is None and "********" in got.text
    assert _ids(got.text) == 0


def test_pdf_text_is_read_page_by_page() -> None:
    number = id_number()
    got = read_attachment(URL + "gs.pdf", pdf_bytes([["Page one", f"Zhang {number}"], ["Page two"]]))
    assert got.unreadable is None
    assert number in got.text and "Page two" in got.text


def test_csv_in_gb18030_utf8_and_utf16_is_decoded() -> None:
    text = "姓名,身份证号码\n张建国," + id_number() + "\n"
    for encoded in (text.encode("gb18030"), text.encode("utf-8"), text.encode("utf-16")):
        got = read_attachment(URL + "名单.csv", encoded)
        assert got.unreadable is None
        assert "张建国" in got.text and _ids(got.text) == 1


def test_the_content_decides_the_type_not_the_name() -> None:
    got = read_attachment("http://x.gov.cn/download.jsp?id=3", xlsx_bytes(dibao_rows(1)), filename="名单.xls")
    assert got.unreadable is None and _ids(got.text) == 1
    nameless = read_attachment("http://x.gov.cn/download.jsp?id=4", docx_bytes(["公示", id_number()]))
    assert nameless.unreadable is None and _ids(nameless.text) == 1


def test_names_come_from_the_link_or_the_url() -> None:
    assert attachment_name("http://x.gov.cn/a/%E5%90%8D%E5%8D%95.xlsx?v=1") == "名单.xlsx"
    assert attachment_name("http://x.gov.cn/a/b.xlsx", "低保.xlsx") == "低保.xlsx"
    assert is_attachment("http://x.gov.cn/a/B.XLSX?x=1") and not is_attachment("http://x.gov.cn/a/b.html")
    assert {".xlsx", ".xls", ".docx", ".doc", ".pdf", ".csv"} == ATTACHMENT_SUFFIXES


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("a.xlsx", b"PK\x03\x04" + b"\x00" * 200, "损坏"),
    ("a.xlsx", xlsx_bytes(dibao_rows(2))[:900], "损坏"),
    ("a.docx", b"not a document at all", "不是.docx"),
    ("a.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF", ""),
    ("a.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "损坏"),
    ("a.txt", b"hello", "不支持"),
    ("a.exe", b"MZ\x90\x00", "不支持"),
])
def test_corrupt_and_unknown_files_are_unreadable_with_a_reason(name: str, data: bytes, reason: str) -> None:
    got = read_attachment(URL + name, data)
    assert got.unreadable is not None and reason in got.unreadable
    assert got.text == ""


def test_zip_bombs_are_refused_before_inflating() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("xl/workbook.xml", "<workbook/>")
        bomb.writestr("xl/worksheets/sheet1.xml", b" " * 30_000_000)
    started = time.monotonic()
    got = read_attachment(URL + "bomb.xlsx", out.getvalue())
    assert got.unreadable is not None and "压缩炸弹" in got.unreadable
    assert time.monotonic() - started < 2


def test_size_bound_refuses_before_parsing() -> None:
    got = read_attachment(URL + "big.xlsx", xlsx_bytes(dibao_rows(3)), limits=AttachmentLimits(max_bytes=100))
    assert got.unreadable is not None and "文件过大" in got.unreadable


def test_cell_and_page_and_character_bounds_truncate_and_say_so() -> None:
    got = read_attachment(URL + "a.xlsx", xlsx_bytes(dibao_rows(5)), limits=AttachmentLimits(max_cells=12))
    assert got.unreadable is None and got.truncated is not None and "单元格" in got.truncated
    assert 0 < _ids(got.text) < 5
    pdf = read_attachment(URL + "a.pdf", pdf_bytes([["one"], ["two"], ["three"]]), limits=AttachmentLimits(max_pages=2))
    assert pdf.truncated is not None and "共 3 页" in pdf.truncated and "three" not in pdf.text
    chars = read_attachment(URL + "a.csv", ("字" * 100).encode(), limits=AttachmentLimits(max_chars=10))
    assert chars.text == "字" * 10 and chars.truncated is not None


def test_time_bound_stops_a_read() -> None:
    got = read_attachment(URL + "a.xlsx", xlsx_bytes(dibao_rows(3)), limits=AttachmentLimits(seconds=0))
    assert got.unreadable is not None and "超时" in got.unreadable


def test_encrypted_files_are_unreadable() -> None:
    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    got = read_attachment(URL + "locked.pdf", out.getvalue())
    assert got.unreadable is not None and "加密" in got.unreadable
    # Office's encrypted .xlsx/.docx: an OLE2 compound file holding an EncryptedPackage stream (MS-OFFCRYPTO 2.3.4).
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 64
    office = read_attachment(URL + "locked.xlsx", ole)
    assert office.unreadable is not None and "加密" in office.unreadable


def test_docx_merged_cells_are_read_once() -> None:
    got = read_attachment(URL + "t.docx", docx_bytes([], [("表头", "", ""), ("1", "张建国", id_number())],
                                                       merge_first_row=True))
    assert got.text.splitlines()[-2] == "表头"


def test_doc_without_converter_is_unreadable() -> None:
    got = read_attachment(URL + "a.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, doc_converter=False)
    assert got.unreadable is not None and ".doc" in got.unreadable


def test_a_converter_is_killed_at_its_timeout() -> None:
    started = time.monotonic()
    with pytest.raises(Unreadable, match="转换超时"):
        run_converter(["sh", "-c", "sleep 30 & sleep 30"], 0.5)
    assert time.monotonic() - started < 5


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_doc_converted_by_libreoffice(tmp_path) -> None:
    source = tmp_path / "名单.docx"
    source.write_bytes(docx_bytes(["眉县低保名单"], [("序号", "姓名", "身份证号码"), *dibao_rows(2)]))
    profile = f"-env:UserInstallation={(tmp_path / 'p').as_uri()}"
    # By way of .odt: LibreOffice's own .doc of python-docx's table (no column grid) loses the table on reading.
    for source_name, target in (("名单.docx", "odt"), ("名单.odt", "doc")):
        run_converter(["soffice", profile, "--headless", "--convert-to", target, "--outdir", str(tmp_path),
                       str(tmp_path / source_name)], 120)
    data = (tmp_path / "名单.doc").read_bytes()
    got = read_attachment(URL + "名单.doc", data, limits=AttachmentLimits(seconds=120))
    assert got.unreadable is None, got.unreadable
    assert "眉县低保名单" in got.text and _ids(got.text) == 2
