"""The value types the proofreading engine hands out and takes in: findings, verdicts, county data."""

from __future__ import annotations

from dataclasses import dataclass

TYPES = ("typo", "expression", "usage", "punctuation", "privacy", "sensitive")
"""Finding types: 错别字, 规范表述, 用法, 标点, 个人信息, 敏感词."""

SEVERITIES = ("serious", "error", "warning")
"""严重 fails a unit's grade, 一般 counts against it, 提示 only blocks 优秀 (when certain)."""

TYPE_LABELS = {
    "typo": "错别字",
    "expression": "规范表述",
    "usage": "用法",
    "punctuation": "标点",
    "privacy": "个人信息",
    "sensitive": "敏感词",
}
SEVERITY_LABELS = {"serious": "严重", "error": "一般", "warning": "提示"}


@dataclass(frozen=True)
class TextFinding:
    """One problem found in a text, located by character offsets."""

    start: int
    line: int
    offset: int
    length: int
    wrong: str
    suggestion: str
    type: str
    severity: str
    certain: bool
    rule: str
    explanation: str


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
    severity: str
    certain: bool
    rule: str
    explanation: str
    shown: str | None = None  # what to print instead of the text itself (masked personal data)
