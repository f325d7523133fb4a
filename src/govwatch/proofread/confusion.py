"""Confusion sets: which characters are easily written for which (same sound, near sound, similar shape).

Data: pycorrector's `same_pinyin.txt` and `same_stroke.txt` (Apache-2.0, copied verbatim, licence in
`data/LICENSE-pycorrector`). Relations are made symmetric, since a writer may slip either way.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from govwatch.proofread.data_files import read_text

SAME_SOUND = "same_sound"  # 同音同调
NEAR_SOUND = "near_sound"  # 同音异调
SHAPE = "shape"  # 形近
_RANK = {SAME_SOUND: 0, SHAPE: 1, NEAR_SOUND: 2}


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


@cache
def confusion_sets() -> dict[str, dict[str, str]]:
    """char → {confusable char: relation}, keeping the closest relation when several apply."""
    table: dict[str, dict[str, str]] = defaultdict(dict)

    def relate(a: str, b: str, kind: str) -> None:
        if a == b or not (_is_han(a) and _is_han(b)):
            return
        for x, y in ((a, b), (b, a)):
            known = table[x].get(y)
            if known is None or _RANK[kind] < _RANK[known]:
                table[x][y] = kind

    for line in read_text("same_pinyin.txt").splitlines():
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        char = fields[0].strip()
        for kind, column in ((SAME_SOUND, 1), (NEAR_SOUND, 2)):
            if len(fields) > column:
                for other in fields[column].strip():
                    relate(char, other, kind)
    for line in read_text("same_stroke.txt").splitlines():
        group = [c for c in line.split("\t") if c.strip()]
        for a in group:
            for b in group:
                relate(a.strip(), b.strip(), SHAPE)
    return dict(table)
