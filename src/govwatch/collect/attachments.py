"""Reading an attached file's text: .xlsx (openpyxl), .xls (xlrd), .docx (python-docx), .pdf (pypdf),
.csv (byte-order mark, UTF-8, GB18030, then charset detection) and .doc (antiword, else LibreOffice).

A portal's attachment is hostile input like any page: it may be corrupt, encrypted, huge, a zip bomb, or
not what its name says. `read_attachment` never raises for a file's content — every failure comes back as
`unreadable` with the reason in Chinese — and every read is bounded: AttachmentLimits' bytes before
anything is parsed, cells, pages, characters and seconds, and for .xlsx/.docx the proofreader's zip-bomb
checks (proofread/documents.py) before a library inflates anything. The pure
Python readers check the clock between rows, paragraphs and pages; the .doc converter runs as its own
process group and is killed at its timeout.

The type is taken from the content's signature first (a .xls that is really an .xlsx, a download.jsp?id=3
link), from the file name's suffix second.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import signal
import subprocess
import tempfile
import time
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

from charset_normalizer import from_bytes

from govwatch.domain.attachments import AttachmentText
from govwatch.encodings import marked_encoding
from govwatch.proofread.documents import UnreadableDocument
from govwatch.proofread.documents import _unpacked as unpacked_package

ATTACHMENT_SUFFIXES = frozenset({".xlsx", ".xls", ".docx", ".doc", ".pdf", ".csv"})

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")  # the stream an encrypted .xlsx/.docx holds


@dataclass(frozen=True)
class AttachmentLimits:
    """What reading one file may cost at most (CrawlSettings' attachment_* settings)."""

    max_bytes: int = 20_000_000  # the file as served
    max_cells: int = 500_000
    max_pages: int = 300
    max_chars: int = 5_000_000
    seconds: float = 30.0


class Unreadable(Exception):
    """Why a file could not be read, in Chinese."""


class _Bounded:
    """The text collected so far, the cell/character bounds and the clock of one read."""

    def __init__(self, limits: AttachmentLimits) -> None:
        self.limits = limits
        self.started = time.monotonic()
        self.parts: list[str] = []
        self.chars = 0
        self.cells = 0
        self.truncated: str | None = None

    def tick(self) -> None:
        if time.monotonic() - self.started > self.limits.seconds:
            raise Unreadable(f"读取超时：超过 {self.limits.seconds:g} 秒")

    def line(self, text: str) -> bool:
        """Add one line; False once the character bound is reached (stop reading)."""
        self.tick()
        room = self.limits.max_chars - self.chars
        if len(text) >= room:
            self.parts.append(text[:room])
            self.chars = self.limits.max_chars
            self.truncated = f"只读取了前 {self.limits.max_chars} 个字符（上限 attachment_max_chars）"
            return False
        self.parts.append(text)
        self.chars += len(text) + 1
        return True

    def row(self, values: Iterable[Any]) -> bool:
        """Add one row of cells, tab-separated; False once the cell or character bound is reached."""
        cells = [_cell_text(v) for v in values]
        while cells and not cells[-1]:
            cells.pop()
        self.cells += len(cells)
        if self.cells > self.limits.max_cells:
            self.truncated = f"只读取了前 {self.limits.max_cells} 个单元格（上限 attachment_max_cells）"
            return False
        return self.line("\t".join(cells)) if cells else True

    @property
    def text(self) -> str:
        return "\n".join(self.parts)


def attachment_name(url: str, filename: str | None = None) -> str:
    """The file's name: the one given (a link's download attribute, Content-Disposition), else the URL's
    last path segment, percent-decoded."""
    if filename and filename.strip():
        return filename.strip()
    return PurePosixPath(unquote(urlsplit(url).path)).name


def is_attachment(url: str) -> bool:
    """Whether a link's path ends in one of ATTACHMENT_SUFFIXES (case-insensitive)."""
    return PurePosixPath(urlsplit(url).path).suffix.lower() in ATTACHMENT_SUFFIXES


def read_attachment(url: str, data: bytes, *, filename: str | None = None,
                    limits: AttachmentLimits = AttachmentLimits(), doc_converter: bool = True) -> AttachmentText:
    """The file's text, or why it could not be read; never raises for what the bytes hold.

    doc_converter: whether .doc may be handed to antiword/LibreOffice (False: .doc is unreadable)."""
    name = attachment_name(url, filename)
    bounded = _Bounded(limits)
    try:
        if len(data) > limits.max_bytes:
            raise Unreadable(f"文件过大：{len(data)} 字节，超过上限 {limits.max_bytes} 字节")
        kind = _kind(data, PurePosixPath(name).suffix.lower())
        _READERS[kind](data, bounded, doc_converter)
    except Unreadable as exc:
        return AttachmentText(url=url, filename=name, text="", unreadable=str(exc))
    except Exception as exc:  # a library's error on a malformed file: any of dozens of types
        return AttachmentText(url=url, filename=name, text="",
                              unreadable=f"文件已损坏或格式不符，无法读取（{type(exc).__name__}）")
    return AttachmentText(url=url, filename=name, text=bounded.text, truncated=bounded.truncated)


def _kind(data: bytes, suffix: str) -> str:
    """The reader for the bytes: by signature, then by suffix."""
    if data.startswith(b"%PDF-") or (suffix == ".pdf" and b"%PDF-" in data[:1024]):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data, suffix)
    if data.startswith(_OLE2):
        if _ENCRYPTED_PACKAGE in data:
            raise Unreadable("文件已加密（设有打开密码），无法读取")
        return "doc" if suffix == ".doc" or b"W\x00o\x00r\x00d\x00D\x00o\x00c" in data else "xls"
    if suffix == ".csv":
        return "csv"
    if suffix in ATTACHMENT_SUFFIXES:
        raise Unreadable(f"文件内容不是{suffix}格式（扩展名与内容不符），无法读取")
    raise Unreadable(f"不支持的附件类型：{suffix or '无扩展名'}")


def _zip_kind(data: bytes, suffix: str) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except zipfile.BadZipFile as exc:
        raise Unreadable("压缩结构已损坏，无法读取") from exc
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "word/document.xml" in names:
        return "docx"
    raise Unreadable(f"文件内容不是{suffix or '可读的'}格式（压缩包中没有表格或文档），无法读取")


def _unpacked(data: bytes, bounded: _Bounded) -> bytes:
    """The package stored again uncompressed after the proofreader's zip-bomb checks (declared sizes, ratio,
    part count, each part read in bounded chunks): the library then has nothing left to expand."""
    try:
        return unpacked_package("附件", data)
    except UnreadableDocument as exc:
        raise Unreadable(str(exc).removeprefix("附件：").replace("Word 文档", "文件")) from exc


def _xlsx(data: bytes, bounded: _Bounded, _: bool) -> None:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(_unpacked(data, bounded)), read_only=True, data_only=True)
    try:
        for sheet in book.worksheets:
            if not bounded.line(f"【{sheet.title}】"):
                return
            for values in sheet.iter_rows(values_only=True):
                if not bounded.row(values):
                    return
    finally:
        book.close()


def _xls(data: bytes, bounded: _Bounded, _: bool) -> None:
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, on_demand=True)
    except xlrd.biffh.XLRDError as exc:
        if "encrypt" in str(exc).lower():
            raise Unreadable("文件已加密（设有打开密码），无法读取") from exc
        raise
    try:
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            if not bounded.line(f"【{sheet.name}】"):
                return
            for row in range(sheet.nrows):
                if not bounded.row(_xls_value(cell, book.datemode) for cell in sheet.row(row)):
                    return
            book.unload_sheet(index)
    finally:
        book.release_resources()


def _xls_value(cell: Any, datemode: int) -> object:
    import xlrd

    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate.xldate_as_datetime(cell.value, datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return cell.value
    return cell.value


def _docx(data: bytes, bounded: _Bounded, _: bool) -> None:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(_unpacked(data, bounded)))
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            if not bounded.line(block.text):
                return
        elif isinstance(block, Table) and not _docx_table(block, bounded):
            return


def _docx_table(table: Any, bounded: _Bounded) -> bool:
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:  # a merged cell is repeated once per grid column it spans
            if id(cell._tc) not in seen:
                seen.add(id(cell._tc))
                cells.append(" ".join(cell.text.split()))
        if not bounded.row(cells):
            return False
    return True


def _pdf(data: bytes, bounded: _Bounded, _: bool) -> None:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        try:  # many published PDFs carry only an owner password: an empty user password opens them
            opened = reader.decrypt("")
        except (DependencyError, FileNotDecryptedError, NotImplementedError) as exc:
            raise Unreadable("PDF 已加密，无法读取") from exc
        if not opened:
            raise Unreadable("PDF 已加密（设有打开密码），无法读取")
    pages = len(reader.pages)
    for number, page in enumerate(reader.pages):
        if number >= bounded.limits.max_pages:
            bounded.truncated = f"只读取了前 {bounded.limits.max_pages} 页，共 {pages} 页（上限 attachment_max_pages）"
            return
        bounded.tick()
        for line in (page.extract_text() or "").splitlines():
            if not bounded.line(line):
                return
    if pages and not bounded.text.strip():
        raise Unreadable("PDF 没有可提取的文字（可能是扫描图片），无法检查")


def _csv(data: bytes, bounded: _Bounded, _: bool) -> None:
    for line in decode_text(data).splitlines():
        if not bounded.line(line):
            return


def decode_text(data: bytes) -> str:
    """A text file's text: its byte-order mark's encoding, else UTF-8, else GB18030 (Excel's 'CSV' on a
    Chinese Windows), else what charset detection finds; undecodable bytes become U+FFFD."""
    marked = marked_encoding(data)
    if marked:
        return data.decode(marked, errors="replace")
    for codec in ("utf-8", "gb18030"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    best = from_bytes(data[:200_000]).best()
    return data.decode(best.encoding if best else "gb18030", errors="replace")


def _doc(data: bytes, bounded: _Bounded, convert: bool) -> None:
    """antiword's text where it is installed, else LibreOffice's .docx of it, read as a .docx (its plain
    text export runs a table's cells together, gluing an ID number to the next cell's digits)."""
    if not convert:
        raise Unreadable(".doc 文件未转换（未启用转换程序），无法读取")
    timeout = max(bounded.limits.seconds - (time.monotonic() - bounded.started), 1.0)
    with tempfile.TemporaryDirectory(prefix="govwatch-doc-") as name:
        folder = Path(name)
        source = folder / "attachment.doc"
        source.write_bytes(data)
        antiword = shutil.which("antiword")
        if antiword:
            text = run_converter([antiword, "-m", "UTF-8.txt", str(source)], timeout).decode("utf-8", "replace")
            for line in text.splitlines():
                if not bounded.line(line):
                    return
            return
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if not soffice:
            raise Unreadable(".doc 需要 antiword 或 LibreOffice 转换，本机均未安装，无法读取")
        profile = (folder / "profile").as_uri()  # its own profile: a running LibreOffice does not block it
        run_converter([soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                       "--convert-to", "docx", "--outdir", str(folder), str(source)], timeout)
        converted = folder / "attachment.docx"
        if not converted.exists():
            raise Unreadable(".doc 转换失败（文件可能已损坏或加密），无法读取")
        _docx(converted.read_bytes(), bounded, convert)


def run_converter(argv: list[str], timeout: float) -> bytes:
    """Run a converter in its own process group; the whole group is killed at `timeout` seconds
    (LibreOffice's launcher forks the real converter, which a plain kill would leave running)."""
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                               start_new_session=True)
    try:
        out, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        _kill_group(process)
        raise Unreadable(f"转换超时：超过 {timeout:g} 秒，已终止转换程序") from exc
    if process.returncode != 0:
        raise Unreadable(f"转换程序出错（退出码 {process.returncode}），文件可能已损坏或加密")
    return out


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.communicate()


def _cell_text(value: object) -> str:
    """A cell as a person reads it: whole numbers without '.0', dates as dates, text on one line."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e21:
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).replace("\r", " ").replace("\n", " ").replace("\t", " ")


_READERS = {"xlsx": _xlsx, "xls": _xls, "docx": _docx, "pdf": _pdf, "csv": _csv, "doc": _doc}

