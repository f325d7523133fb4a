"""The value types the proofreading engine hands out and takes in: findings, verdicts, county data."""

from __future__ import annotations

from dataclasses import dataclass

from govwatch.domain.model import Finding, Severity

TextFinding = Finding
"""The domain's one finding type, as the engine hands it out (no id, post or verdict yet)."""

TYPES = ("typo", "expression", "usage", "punctuation", "privacy", "sensitive")
"""Finding types: 错别字, 规范表述, 用法, 标点, 个人信息, 敏感词."""

SEVERITIES = tuple(Severity)
"""严重 fails a unit's grade, 一般 counts against it, 提示 only blocks 优秀 (when certain)."""

TYPE_LABELS = {
    "typo": "错别字",
    "expression": "规范表述",
    "usage": "用法",
    "punctuation": "标点",
    "privacy": "个人信息",
    "sensitive": "敏感词",
}
SEVERITY_LABELS = {Severity.SERIOUS: "严重", Severity.ERROR: "一般", Severity.WARNING: "提示"}


@dataclass(frozen=True)
class Suppression:
    """A reviewer's "false alarm" verdict; an empty context suppresses the pair everywhere."""

    rule: str
    wrong: str
    context: str = ""


@dataclass(frozen=True)
class CountyLexicon:
    """A county's own words never to flag, extra wrong → right pairs (already parsed), and its leaders
    (name, posts as leaders.tsv writes them) with the label of their list (name and date)."""

    allow: frozenset[str] = frozenset()
    pairs: tuple[tuple[str, str, str, str], ...] = ()
    leaders: tuple[tuple[str, str], ...] = ()
    leaders_label: str = ""


@dataclass(frozen=True)
class Hit:
    """A layer's raw result: a span of the text and what to say about it, before locating lines."""

    start: int
    end: int
    suggestion: str
    type: str
    severity: Severity | str  # the layers write the value; the engine's finding holds the Severity
    certain: bool
    rule: str
    explanation: str
    shown: str | None = None  # what to print instead of the text itself (masked personal data)
