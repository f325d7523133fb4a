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

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from govwatch.proofread import devset
from govwatch.proofread.devset import HALVES, KINDS, CleanSentence, DevSetError, RealPair, half_of

__all__ = ["HALVES", "KINDS", "CleanSentence", "DevSetError", "RealPair", "half_of", "load_clean", "load_pairs"]

DATA = Path(__file__).resolve().parent / "data" / "realerrors"
PAIRS = DATA / "pairs.jsonl"
CLEAN = DATA / "clean.jsonl"


class Finding(Protocol):
    """What scoring needs of a finding (`govwatch.proofread.TextFinding` has it)."""

    start: int
    length: int
    suggestion: str
    type: str


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


def load_pairs(half: str | None = None, path: Path = PAIRS) -> list[RealPair]:
    """The pairs of one half ("tune" or "test"), or all of them (`devset.load_pairs`)."""
    return devset.load_pairs(path, half)


def load_clean(half: str | None = None, path: Path = CLEAN) -> list[CleanSentence]:
    """The clean sentences of one half, or all of them (`devset.load_clean`)."""
    return devset.load_clean(path, half)


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
