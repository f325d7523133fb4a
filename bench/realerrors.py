"""The proofreading development set of real errors (真实差错开发集) and its scoring.

`bench/data/realerrors/pairs.jsonl` holds documented wrong→right pairs (政府网站检查通报, news of errors
on government sites, corrections of official media, style guides, the 新华社 ban list) and
`clean.jsonl` holds clean sentences published on government sites, each with its source. Every row's
`half` is fixed by `half_of(id)`, a hash, so the split never depends on anyone's choice and stays put
when rows are added. Tune on the "tune" half only; of the "test" half look at summary figures only.

A pair is corrected when one finding overlapping the wrong span, or all of them together, turn the
erroneous sentence into the right one; detected when any finding overlaps it; every other finding on
the pair's text is a wrong finding. A pair without a sentence is checked on the bare wrong form. A
clean sentence is a false alarm when any finding is reported on it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

DATA = Path(__file__).resolve().parent / "data" / "realerrors"
PAIRS = DATA / "pairs.jsonl"
CLEAN = DATA / "clean.jsonl"
HALVES = ("tune", "test")
KINDS = frozenset(
    "banned state place institution law leader expression misspelling idiom variant punctuation other".split()
)


class Finding(Protocol):
    """What scoring needs of a finding (`govwatch.proofread.TextFinding` has it)."""

    start: int
    length: int
    suggestion: str
    type: str


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


@dataclass(frozen=True)
class PairScores:
    pairs: int
    corrected: int
    detected: int
    wrong_findings: int

    @property
    def recall(self) -> float:
        return self.corrected / self.pairs if self.pairs else 0.0


@dataclass(frozen=True)
class CleanScores:
    sentences: int
    flagged: int

    @property
    def rate(self) -> float:
        return self.flagged / self.sentences if self.sentences else 0.0


def half_of(row_id: str) -> str:
    """The half a row belongs to, from the SHA-256 of its id: stable, about 50/50, chosen by no one."""
    return HALVES[hashlib.sha256(row_id.encode("utf-8")).digest()[0] % 2]


class DevSetError(ValueError):
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


def load_pairs(half: str | None = None, path: Path = PAIRS) -> list[RealPair]:
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


def load_clean(half: str | None = None, path: Path = CLEAN) -> list[CleanSentence]:
    """The clean sentences of one half, or all of them."""
    _check_half(half)
    sentences, ids = [], set()
    for number, row in _rows(path, ("id", "text", "source", "url", "half")):
        if row["id"] in ids:
            raise DevSetError(f"{path.name} 第 {number} 行：字段 id 重复（{row['id']}）")
        ids.add(row["id"])
        sentences.append(CleanSentence(**{k: row[k] for k in CleanSentence.__dataclass_fields__}))
    return [s for s in sentences if half is None or s.half == half]


def _applied(text: str, findings: Sequence[Finding]) -> str:
    for f in sorted(findings, key=lambda f: f.start, reverse=True):
        text = text[: f.start] + f.suggestion + text[f.start + f.length :]
    return text


def _overlaps(finding: Finding, span: tuple[int, int]) -> bool:
    return finding.start < span[1] and span[0] < finding.start + max(finding.length, 1)


def score_pairs(pairs: Iterable[RealPair], check: Callable[[str], Sequence[Finding]]) -> PairScores:
    """How many pairs `check` corrects and detects, and how many of its findings on them are wrong."""
    total = corrected = detected = wrong = 0
    for pair in pairs:
        total += 1
        findings = [f for f in check(pair.text) if f.type != "privacy"]
        near = [f for f in findings if _overlaps(f, pair.span)]
        fixing = [f for f in near if f.suggestion and _applied(pair.text, [f]) == pair.corrected_text]
        if not fixing and near and _applied(pair.text, [f for f in near if f.suggestion]) == pair.corrected_text:
            fixing = near
        detected += bool(near)
        corrected += bool(fixing)
        wrong += len(findings) - len(fixing)
    return PairScores(total, corrected, detected, wrong)


def score_clean(sentences: Iterable[CleanSentence], check: Callable[[str], Sequence[Finding]]) -> CleanScores:
    """How many clean sentences get any finding at all."""
    total = flagged = 0
    for sentence in sentences:
        total += 1
        flagged += bool(check(sentence.text))
    return CleanScores(total, flagged)
