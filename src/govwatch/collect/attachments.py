"""Reading a linked file's text for checking: the agreed API of the attachment reader.

This version reads .csv and plain text only; every other type is answered `unreadable` ("暂不支持…").
The full reader (openpyxl/xlrd, python-docx, pypdf, antiword/LibreOffice for .doc, with size and time
bounds) comes from the attachments work of issue 18 (helper o18) and replaces this module.
"""

from __future__ import annotations

import csv
import io
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from govwatch.collect.extract.charset import decode_html
from govwatch.domain.attachments import AttachmentText

ATTACHMENT_SUFFIXES = frozenset({".xlsx", ".xls", ".docx", ".doc", ".pdf", ".csv"})
_TEXT_SUFFIXES = frozenset({".csv", ".txt"})


def _filename(url: str, filename: str | None) -> str:
    return filename or unquote(PurePosixPath(urlsplit(url).path).name) or url


def read_attachment(url: str, data: bytes, *, filename: str | None = None) -> AttachmentText:
    """The file's text (a CSV's cells joined by tabs, one row a line); never raises on bad bytes."""
    name = _filename(url, filename)
    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in _TEXT_SUFFIXES:
        return AttachmentText(url=url, filename=name, text="", unreadable=f"暂不支持读取 {suffix or '无扩展名'} 文件")
    text, _ = decode_html(data)  # BOM, then UTF-8, then GB18030 detection, as for pages
    if suffix == ".csv":
        try:
            rows = csv.reader(io.StringIO(text))
            text = "\n".join("\t".join(cell.strip() for cell in row) for row in rows)
        except csv.Error as exc:
            return AttachmentText(url=url, filename=name, text="", unreadable=f"CSV 文件格式错误：{exc}")
    return AttachmentText(url=url, filename=name, text=text)
