"""Real attachment files built with the libraries that write them (openpyxl, xlwt, python-docx, and a PDF
written object by object after the PDF 1.7 reference's minimal file), for the reader's and the crawl's tests.

The ID numbers are valid by GB 11643's checksum (the privacy layer validates them) and invented.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import docx
import openpyxl
import xlwt

# GB 11643-1999's check digit: the weights 2^(17-i) mod 11 and the digit table.
_WEIGHTS = tuple(2 ** (17 - i) % 11 for i in range(17))
_CHECK = "10X98765432"


def id_number(area: str = "610326", born: str = "19650312", sequence: str = "123") -> str:
    """A valid 18-digit resident ID number (checksum by GB 11643)."""
    body = area + born + sequence
    return body + _CHECK[sum(int(d) * w for d, w in zip(body, _WEIGHTS, strict=True)) % 11]


def masked(number: str) -> str:
    return number[:6] + "********" + number[14:]


ROWS_HEADER = ("序号", "姓名", "身份证号码", "保障人数", "月保障金额（元）")


def dibao_rows(count: int = 3, mask: bool = False) -> list[tuple[object, ...]]:
    """A 低保 recipients list, the shape townships publish: number, name, ID, people, amount."""
    names = ("张建国", "李秀英", "王志强", "赵桂兰", "刘德明")
    rows: list[tuple[object, ...]] = []
    for i in range(count):
        number = id_number(born=f"{1950 + i % 50}{1 + i % 12:02d}{10 + i % 18}", sequence=f"{(100 + i) % 1000:03d}")
        rows.append((i + 1, names[i % len(names)], masked(number) if mask else number, 2 + i % 3, 650 + 10 * i))
    return rows


def xlsx_bytes(rows: Sequence[Sequence[object]], header: Sequence[str] = ROWS_HEADER, title: str = "低保名单") -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xls_bytes(rows: Sequence[Sequence[object]], header: Sequence[str] = ROWS_HEADER) -> bytes:
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("低保名单")
    for col, value in enumerate(header):
        sheet.write(0, col, value)
    for r, row in enumerate(rows, start=1):
        for col, value in enumerate(row):
            sheet.write(r, col, value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def docx_bytes(paragraphs: Sequence[str], rows: Sequence[Sequence[object]] = (), merge_first_row: bool = False) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if rows:
        width = max(len(row) for row in rows)
        table = document.add_table(rows=len(rows), cols=width)
        for row, cells in zip(rows, table.rows, strict=True):  # table.cell() walks the whole table each call
            for cell, value in zip(cells.cells, row, strict=False):
                cell.text = str(value)
        if merge_first_row:
            table.cell(0, 0).merge(table.cell(0, width - 1))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf_bytes(pages: Sequence[Sequence[str]]) -> bytes:
    """A PDF with one Helvetica text line per string (ASCII: the standard 14 fonts carry no CJK)."""
    objects: list[bytes] = []
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages)))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for i, lines in enumerate(pages):
        content = "BT /F1 12 Tf 14 TL 72 720 Td " + " ".join(f"({line}) Tj T*" for line in lines) + " ET"
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
                       f"/Contents {5 + 2 * i} 0 R >>".encode())
        objects.append(f"<< /Length {len(content)} >>\nstream\n{content}\nendstream".encode())
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()
