"""Which Unicode encoding a text file's byte-order mark names.

Notepad and Excel ("Unicode text") save UTF-16 with a BOM; without looking for it, its many NUL bytes
read as binary and its text as undecodable UTF-8. The UTF-32 marks are tried first: the UTF-32 LE mark
begins with the UTF-16 LE one.
"""

from __future__ import annotations

import codecs

# Each codec reads (and drops) its own mark.
_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def marked_encoding(data: bytes) -> str | None:
    """The codec that the byte-order mark at the start of `data` names, or None when it has none."""
    return next((codec for mark, codec in _MARKS if data.startswith(mark)), None)
