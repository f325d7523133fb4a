"""The development set of real errors (真实差错开发集): its rows, checked, and its fixed split.

`pairs.jsonl` holds documented wrong→right pairs with their sources, `clean.jsonl` clean sentences
published on government sites (the set itself lives in `bench/data/realerrors/`, described in its
README). Every row's `half` is fixed by `half_of(id)`, a hash, so the split never depends on anyone's
choice and stays put when rows are added. The benchmark (`bench/realerrors.py`, which scores both
halves) and the tuner (`tune.realerror_pairs`, which reads the tuning half only) load it here, so that
both read the same rows by the same rules. A bad row is refused with file, line and field named.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from govwatch.proofread.data_files import DataFileError

HALVES = ("tune", "test")
KINDS = frozenset(
    ["banned", "state", "place", "institution", "law", "leader", "expression", "misspelling", "idiom", "variant", "punctuation", "other"]
)


@dataclass(frozen=True)
class RealPair:
    """One documented error: `wrong` as published, `right` as it should be, in `sentence` if quoted."""

    id: str
    wrong: str
    right: str
    sentence: str | None
    kind: str
    source: str
    url: str
    half: str

    @property
    def text(self) -> str:
        """What is checked: the erroneous sentence, or the bare wrong form."""
        return self.sentence if self.sentence is not None else self.wrong

    @property
    def corrected_text(self) -> str:
        return self.text.replace(self.wrong, self.right, 1)

    @property
    def span(self) -> tuple[int, int]:
        start = self.text.index(self.wrong)
        return start, start + len(self.wrong)


@dataclass(frozen=True)
class CleanSentence:
    """One sentence published on a government site, with no error in it."""

    id: str
    text: str
    source: str
    url: str
    half: str


def half_of(row_id: str) -> str:
    """The half a row belongs to, from the SHA-256 of its id: stable, about 50/50, chosen by no one."""
    return HALVES[hashlib.sha256(row_id.encode("utf-8")).digest()[0] % 2]


class DevSetError(DataFileError):
    """A row of the development set that cannot be used; the message names file, line and field."""


def _rows(path: Path, fields: Sequence[str]) -> Iterable[tuple[int, dict]]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DevSetError(f"{path.name} 第 {number} 行：不是合法的 JSON（{exc.msg}）") from None
        if not isinstance(row, dict):
            raise DevSetError(f"{path.name} 第 {number} 行：应为 JSON 对象")
        for field in fields:
            value = row.get(field)
            if field == "sentence" and value is None:
                continue
            if not isinstance(value, str) or not value:
                raise DevSetError(f"{path.name} 第 {number} 行：字段 {field} 缺失或不是非空字符串")
        if row["half"] != half_of(row["id"]):
            raise DevSetError(f"{path.name} 第 {number} 行：字段 half 应为 {half_of(row['id'])}（由 id 的哈希决定）")
        yield number, row


def _check_half(half: str | None) -> None:
    if half is not None and half not in HALVES:
        raise ValueError(f"half must be one of {HALVES} or None, not {half!r}")


def load_pairs(path: Path, half: str | None = None) -> list[RealPair]:
    """The pairs of one half ("tune" or "test"), or all of them."""
    _check_half(half)
    pairs, ids = [], set()
    for number, row in _rows(path, ("id", "wrong", "right", "sentence", "kind", "source", "url", "half")):
        where = f"{path.name} 第 {number} 行"
        if row["kind"] not in KINDS:
            raise DevSetError(f"{where}：字段 kind 的值 {row['kind']!r} 不在 {sorted(KINDS)} 中")
        if row["wrong"] == row["right"]:
            raise DevSetError(f"{where}：字段 wrong 与 right 相同")
        if row["sentence"] is not None and row["sentence"].count(row["wrong"]) != 1:
            raise DevSetError(f"{where}：字段 sentence 应恰好含一次 wrong（{row['wrong']}）")
        if row["id"] in ids:
            raise DevSetError(f"{where}：字段 id 重复（{row['id']}）")
        ids.add(row["id"])
        pairs.append(RealPair(**{k: row[k] for k in RealPair.__dataclass_fields__}))
    return [p for p in pairs if half is None or p.half == half]


def load_clean(path: Path, half: str | None = None) -> list[CleanSentence]:
    """The clean sentences of one half, or all of them."""
    _check_half(half)
    sentences, ids = [], set()
    for number, row in _rows(path, ("id", "text", "source", "url", "half")):
        if row["id"] in ids:
            raise DevSetError(f"{path.name} 第 {number} 行：字段 id 重复（{row['id']}）")
        ids.add(row["id"])
        sentences.append(CleanSentence(**{k: row[k] for k in CleanSentence.__dataclass_fields__}))
    return [s for s in sentences if half is None or s.half == half]
