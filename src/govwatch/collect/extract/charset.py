"""Decoding a page: byte-order mark, then the HTTP header, then <meta charset>, then detection.

Many county portals serve GBK/GB2312 without a charset header; GB2312 and GBK are decoded as GB18030
(their superset), since pages labelled GB2312 routinely contain GBK-only characters.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HEADER = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
              "iso-8859-1": "cp1252", "ascii": "utf-8", "us-ascii": "utf-8"}
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _codec(label: str | None) -> str | None:
    """A Python codec name for a charset label, or None when unknown."""
    if not label:
        return None
    label = label.strip().lower()
    label = _SUPERSETS.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _strict(body: bytes, codec: str | None) -> str | None:
    if codec is None:
        return None
    try:
        return body.decode(codec)
    except UnicodeDecodeError:
        return None


def decode_html(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """The page's text and the codec used; never raises (undecodable bytes become U+FFFD)."""
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return body[len(bom):].decode(codec, errors="replace"), codec
    header = _HEADER.search(content_type or "")
    meta = _META.search(body[:4096])
    declared = [_codec(header.group(1) if header else None), _codec(meta.group(1).decode("ascii") if meta else None)]
    for candidate in (*declared, "utf-8"):
        text = _strict(body, candidate)
        if text is not None and candidate is not None:
            return text, candidate
    best = from_bytes(body[:200_000]).best()
    guessed = _codec(best.encoding if best else None) or "gb18030"
    return body.decode(guessed, errors="replace"), guessed
