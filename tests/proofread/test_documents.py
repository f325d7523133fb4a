"""Zip-based uploads: a .docx that unpacks far larger than its size (压缩炸弹) is refused before it fills memory."""

from __future__ import annotations

import io
import struct
import tracemalloc
import zipfile

import docx
import pytest

from govwatch.proofread import documents
from govwatch.proofread.documents import UnreadableDocument, read_document

BOMB_PART = "word/document.xml"  # a part python-docx reads whole


def word_file(*parts: tuple[str, bytes]) -> bytes:
    """A real .docx with one paragraph, with the given parts put in (deflated) in place of its own or beside them."""
    document = docx.Document()
    document.add_paragraph("全县各单位要认真贯切落实会议精神。")
    original = io.BytesIO()
    document.save(original)
    given = dict(parts)
    buffer = io.BytesIO()
    with zipfile.ZipFile(original) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for member in source.infolist():
            if member.filename not in given:
                package.writestr(member.filename, source.read(member))
        for name, content in given.items():
            package.writestr(name, content)
    return buffer.getvalue()


def declaring(data: bytes, part: str, size: int) -> bytes:
    """`data` with `part`'s uncompressed size rewritten to `size` in its local header and central directory."""
    patched = bytearray(data)
    offset = zipfile.ZipFile(io.BytesIO(data)).getinfo(part).header_offset
    struct.pack_into("<I", patched, offset + 22, size)
    entry = patched.index(b"PK\x01\x02")
    while patched[entry + 46 : entry + 46 + len(part)] != part.encode():
        entry = patched.index(b"PK\x01\x02", entry + 4)
    struct.pack_into("<I", patched, entry + 24, size)
    return bytes(patched)


@pytest.fixture(scope="module")
def bomb() -> bytes:
    """A Word file holding a 64 MB part of zeros, deflated about a thousand to one."""
    return word_file((BOMB_PART, bytes(64 * 2**20)))


def test_a_real_word_file_is_read():
    assert "贯切落实" in read_document("通知.docx", word_file(("word/media/image1.png", b"\x89PNG" * 1000)))


def test_a_part_packed_far_tighter_than_text_is_refused_naming_file_and_part(bomb):
    assert len(bomb) < 200_000
    with pytest.raises(UnreadableDocument, match=f"通知.docx：Word 文档中的 {BOMB_PART} 压缩比达 1,0[0-9]{{2}} 倍"):
        read_document("通知.docx", bomb)


def test_a_part_lying_about_its_size_is_stopped_at_the_size_it_declares(bomb):
    liar = declaring(bomb, BOMB_PART, 1024)
    tracemalloc.start()
    try:
        with pytest.raises(UnreadableDocument, match=f"通知.docx：Word 文档中的 {BOMB_PART} 与其声明的大小或校验值不符"):
            read_document("通知.docx", liar)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 * 2**20  # the part's 64 MB were never unpacked


def test_more_unpacked_than_any_document_is_refused():
    declared = declaring(word_file((BOMB_PART, b"x" * 1000)), BOMB_PART, documents.MAX_UNPACKED_DOCX + 1)
    with pytest.raises(UnreadableDocument, match=r"通知.docx：Word 文档解压后达 200 MB，超过 200 MB 上限"):
        read_document("通知.docx", declared)


def test_the_parts_declared_sizes_add_up(monkeypatch):
    # Parts each under the ratio guard's floor still count towards the total (so do entries that a
    # "better zip bomb" points at the same compressed bytes: each declares its size).
    monkeypatch.setattr(documents, "MAX_UNPACKED_DOCX", 10 * 2**20)
    parts = [(f"word/media/image{i}.png", bytes(2**20)) for i in range(11)]
    with pytest.raises(UnreadableDocument, match="解压后达 11 MB"):
        read_document("通知.docx", word_file(*parts))


def test_a_package_of_countless_parts_is_refused(monkeypatch):
    monkeypatch.setattr(documents, "MAX_PARTS", 50)
    with pytest.raises(UnreadableDocument, match=r"通知.docx：Word 文档含 [0-9]+ 个部件，超过 50 个上限"):
        read_document("通知.docx", word_file(*((f"word/extra{i}.xml", b"<a/>") for i in range(50))))
