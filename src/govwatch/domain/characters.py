"""Characters no stored or written text may hold: the ones XML 1.0 forbids (C0 controls but tab, line
feed and carriage return; lone surrogates; U+FFFE and U+FFFF).

PostgreSQL refuses NUL in text, openpyxl raises IllegalCharacterError and lxml (python-docx) refuses
them in a document, and none of them is visible text; they come from pasted Word text (vertical tab),
broken exports and hostile files. Posts drop them when they arrive, and the writers drop them again
for text stored before that or typed elsewhere.
"""

from __future__ import annotations

import re

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def writable(text: str) -> str:
    """`text` without the characters no file format or database column here can hold."""
    return _FORBIDDEN.sub("", text)
