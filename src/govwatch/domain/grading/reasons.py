"""Reasons and evidence: every grade says which rule, which figures and which posts made it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from govwatch.errors import InvalidInput


@dataclass(frozen=True)
class Evidence:
    """A post behind a figure or a problem."""

    post_id: int
    title: str
    published_at: datetime
    url: str | None = None
    detail: str = ""


@dataclass(frozen=True)
class Reason:
    """One rule applied: its id, a sentence in Chinese, and the evidence."""

    rule: str
    text: str
    evidence: tuple[Evidence, ...] = field(default=())


@dataclass(frozen=True)
class GradeOverride:
    """A manual adjustment of a grade by the centre (人工调整), always with a reason."""

    annex: str
    subject: str
    grade: str
    reason: str
    by: str
    at: datetime

    def __post_init__(self) -> None:
        if not self.reason.strip():
            raise InvalidInput("人工调整等次必须填写理由")


class Graded:
    """A grade row: the grade the rules computed, and the final one after any override."""

    computed: str
    override: GradeOverride | None
    reasons: tuple[Reason, ...]

    @property
    def grade(self) -> str:
        return self.override.grade if self.override else self.computed
