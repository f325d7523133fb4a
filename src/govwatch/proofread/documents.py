"""Adapter: turn a file a user hands in (.txt, .docx, .html, or bytes from stdin) into plain text.

Every failure becomes `UnreadableDocument` with a message in Chinese naming the file, so that the
command line can print it and exit without a traceback.
"""

from __future__ import annotations

import io
import zipfile
from html.parser import HTMLParser
from pathlib import Path

from govwatch.encodings import marked_encoding

MAX_BYTES = 200 * 1024 * 1024  # beyond this a "document" is not something to proofread in one go
_CONTROL = set(range(0, 32)) - {9, 10, 12, 13}

# A .docx unpacks to a few times its size; far more is a zip bomb (压缩炸弹), which would exhaust memory.
MAX_UNPACKED_DOCX = 200 * 2**20
# Repetitive Word XML deflates up to about 250:1 (20,000 equal paragraphs); a part that large and that much
# more packed is a bomb. Smaller parts may be as packed as they like: they all fit under the total.
MAX_PART_RATIO = 400
RATIO_FROM_BYTES = 16 * 2**20
MAX_PARTS = 10_000  # a Word file has tens of parts, hundreds with many images
_CHUNK = 2**20


class UnreadableDocument(Exception):
    """A file that cannot be read as text; the message says why, in Chinese."""


def read_document(name: str, data: bytes) -> str:
    """The text of a document named `name` (its suffix picks the format) given its bytes."""
    if not data.strip():
        raise UnreadableDocument(f"{name}：文件为空，没有可检查的文字")
    if len(data) > MAX_BYTES:
        raise UnreadableDocument(f"{name}：文件超过 {MAX_BYTES // 1024 // 1024} MB，请拆分后再检查")
    suffix = Path(name).suffix.lower()
    if suffix == ".docx" or (suffix not in (".txt", ".html", ".htm") and data[:2] == b"PK"):
        text = _docx_text(name, data)
    else:
        text = decode_text(name, data)
        if suffix in (".html", ".htm") or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
            text = _html_text(text)
    if not text.strip():
        raise UnreadableDocument(f"{name}：没有可检查的文字")
    return text


def decode_text(name: str, data: bytes) -> str:
    """Decode the Unicode encoding a byte-order mark names (UTF-16 from Notepad), else UTF-8 or GB18030 (a
    superset of GBK), line by line when a file mixes the two."""
    marked = marked_encoding(data)
    if marked and marked != "utf-8-sig":  # UTF-8 with a mark goes the mixed-lines way below
        try:
            return data.decode(marked)
        except UnicodeDecodeError:
            raise UnreadableDocument(f"{name}：文件开头标明为 {marked.upper()} 编码，但内容无法按此解码") from None
    if data.count(0) or sum(b in _CONTROL for b in data[:65536]) > len(data[:65536]) // 100:
        raise UnreadableDocument(f"{name}：不是文本文件（含有二进制内容），请提供 .txt、.docx 或 .html 文件")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # GB18030 would also "decode" UTF-8 bytes (into nonsense), so lines are tried as UTF-8 first
    lines = []
    for raw in data.split(b"\n"):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(raw.decode("gb18030", errors="replace"))
    return "\n".join(lines)


def _docx_text(name: str, data: bytes) -> str:
    """Paragraphs and table cells of a .docx, in document order as far as python-docx gives it."""
    import docx  # imported here: loading lxml is only worth it for Word files

    package = _unpacked(name, data)
    try:
        document = docx.Document(io.BytesIO(package))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise UnreadableDocument(f"{name}：不是有效的 Word 文档（.docx），无法打开（{type(exc).__name__}）") from exc
    except Exception as exc:  # python-docx surfaces malformed XML as assorted lxml errors
        raise UnreadableDocument(f"{name}：Word 文档已损坏，无法读取") from exc
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def _unpacked(name: str, data: bytes) -> bytes:
    """The zip package `data` stored again uncompressed, once its declared sizes look like a document's
    and each part has been read in bounded chunks.

    The zip reader stops each part at its declared size (and refuses it on a wrong CRC), but reading a
    part whole decompresses all its compressed bytes in one call before cutting them: a part lying about
    its size would fill memory first. Read in chunks, it costs at most one chunk more than it declares;
    python-docx then reads the stored copy, which has nothing left to expand.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            members = package.infolist()
            _refuse_bombs(name, members)
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as stored:
                for member in members:
                    stored.writestr(member.filename, _part(name, package, member))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError) as exc:
        raise UnreadableDocument(f"{name}：不是有效的 Word 文档（.docx），无法打开（{type(exc).__name__}）") from exc
    return out.getvalue()


def _part(name: str, package: zipfile.ZipFile, member: zipfile.ZipInfo) -> bytes:
    """One part's bytes, read a chunk at a time; refused when they differ from what the part declares."""
    try:
        with package.open(member) as part:
            return b"".join(iter(lambda: part.read(_CHUNK), b""))
    except zipfile.BadZipFile as exc:
        raise UnreadableDocument(f"{name}：Word 文档中的 {member.filename} 与其声明的大小或校验值不符，疑似异常文件，未读取") from exc


def _refuse_bombs(name: str, members: list[zipfile.ZipInfo]) -> None:
    """Refuse a package whose declared sizes no document has: too many parts, too much unpacked, or a
    large part packed far more tightly than text ever is."""
    if len(members) > MAX_PARTS:
        raise UnreadableDocument(f"{name}：Word 文档含 {len(members):,} 个部件，超过 {MAX_PARTS:,} 个上限，疑似异常文件，未读取")
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED_DOCX:
        raise UnreadableDocument(f"{name}：Word 文档解压后达 {unpacked // 2**20} MB，超过 {MAX_UNPACKED_DOCX // 2**20} MB 上限，"
                                 "疑似异常文件（压缩炸弹），未读取")
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_FROM_BYTES and ratio > MAX_PART_RATIO:
            raise UnreadableDocument(f"{name}：Word 文档中的 {member.filename} 压缩比达 {ratio:,.0f} 倍（解压后 "
                                     f"{member.file_size // 2**20} MB），远超正常文档，疑似压缩炸弹，未读取")


class _TextExtractor(HTMLParser):
    """Visible text of a page: scripts and styles dropped, block elements on their own lines."""

    _BLOCKS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table"})
    _HIDDEN = frozenset({"script", "style", "noscript", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._HIDDEN:
            self._hidden += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN and self._hidden:
            self._hidden -= 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def _html_text(markup: str) -> str:
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    lines = (line.strip() for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)
