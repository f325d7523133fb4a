"""Sentence-level spelling-check metrics, as pycorrector's `eval_model_batch` counts them.

A sentence with errors counts as a true positive when the prediction equals the reference
(correction) or flags exactly the erroneous positions (detection); a clean sentence with any
change or flag is a false positive. Shared by the tuner and the benchmark.

ECSpell marks character errors only, so only findings of those types are scored (`spelling`): a
half-width comma in Chinese text or an unpaired bracket of a truncated line is something layer 4 must
report, yet the benchmark's clean sentences do not count it as an error. Decided on odw.train's tuning
half, where 5 of the 10 clean sentences flagged were such punctuation findings; the benchmark counts
them apart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from govwatch.proofread.findings import TextFinding

SPELLING_TYPES = frozenset({"typo", "usage", "expression"})
"""错别字, 用法, 规范表述: the finding types that a character-level spelling benchmark scores."""


@dataclass(frozen=True)
class Pair:
    """One line of an ECSpell file: the sentence as written and as it should be."""

    source: str
    target: str


@dataclass(frozen=True)
class Scores:
    """Precision, recall, F1 and the share of clean sentences flagged."""

    precision: float
    recall: float
    f1: float
    false_alarm_rate: float
    clean: int
    erroneous: int


def read_pairs(path: Path) -> list[Pair]:
    """The usable lines of an ECSpell file (`N<TAB>source<TAB>target`, equal lengths)."""
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) == 3 and len(fields[1]) == len(fields[2]):
            pairs.append(Pair(fields[1], fields[2]))
    return pairs


def spelling(findings: Iterable[TextFinding]) -> list[TextFinding]:
    """The findings within a spelling benchmark's scope."""
    return [f for f in findings if f.type in SPELLING_TYPES]


def apply(text: str, findings: Iterable[TextFinding]) -> str:
    """The text with every suggestion applied (findings without one leave their text alone)."""
    result = text
    for f in sorted(findings, key=lambda f: f.start, reverse=True):
        if f.suggestion and f.type != "privacy":
            result = result[: f.start] + f.suggestion + result[f.start + f.length :]
    return result


def flagged_positions(findings: Iterable[TextFinding]) -> set[int]:
    """Every character position some finding covers."""
    return {i for f in findings for i in range(f.start, f.start + max(f.length, 1))}


def score(pairs: list[Pair], check: Callable[[str], list[TextFinding]]) -> tuple[Scores, Scores]:
    """(detection, correction) scores of `check` on `pairs`."""
    counts = {"detection": [0, 0, 0], "correction": [0, 0, 0]}  # tp, fp, fn
    clean = sum(p.source == p.target for p in pairs)
    for pair in pairs:
        findings = check(pair.source)
        gold = {i for i, (a, b) in enumerate(zip(pair.source, pair.target, strict=False)) if a != b}
        outcomes = {
            "detection": flagged_positions(findings) == gold if gold else not findings,
            "correction": apply(pair.source, findings) == pair.target,
        }
        for kind, right in outcomes.items():
            if gold:
                counts[kind][0 if right else 2] += 1
            elif not right:
                counts[kind][1] += 1
    (dtp, dfp, dfn), (ctp, cfp, cfn) = counts["detection"], counts["correction"]
    erroneous = len(pairs) - clean
    return _scores(dtp, dfp, dfn, clean, erroneous), _scores(ctp, cfp, cfn, clean, erroneous)


def _scores(tp: int, fp: int, fn: int, clean: int, erroneous: int) -> Scores:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1, fp / clean if clean else 0.0, clean, erroneous)
