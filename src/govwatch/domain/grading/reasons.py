"""Reasons, problems and evidence: every grade says which rule, which figures and which posts made it.

They are data, not sentences: a kind, the figures the rule compared, the day ranges, the posts and
findings behind it. The words a person reads are applied in one place, `reports/wording.py`, from the
county's wording, so rewording a rule can never change what a reader of the grade understands.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from govwatch.domain.calendar import DayRange
from govwatch.domain.model import PostKind, Severity
from govwatch.errors import InvalidInput


class ReasonKind(StrEnum):
    """The rule a reason applies; its value is the rule id shown beside the reason (评定理由 sheet)."""

    DISCLOSURE_COUNT = "disclosure.count"
    DISCLOSURE_SERIOUS = "disclosure.serious"
    DISCLOSURE_SHORTFALL = "disclosure.shortfall"
    DISCLOSURE_EXCELLENT = "disclosure.excellent"
    DISCLOSURE_PASS = "disclosure.pass"
    DISCLOSURE_CRAWL_ISSUES = "disclosure.crawl_issues"
    NEWS_COUNT = "news.count"
    NEWS_TOO_FEW = "news.too_few"
    NEWS_SERIOUS = "news.serious"
    NEWS_SILENT = "news.silent"
    NEWS_MINOR_BLOCKS_EXCELLENT = "news.minor_blocks_excellent"
    NEWS_EXCELLENT = "news.excellent"
    NEWS_PASS = "news.pass"
    NEWS_CRAWL_ISSUES = "news.crawl_issues"
    NEW_MEDIA_COUNT = "new_media.count"
    NEW_MEDIA_SILENT = "new_media.silent"
    NEW_MEDIA_SILENT_ORIGINAL = "new_media.silent_original"
    NEW_MEDIA_TOO_FEW_ORIGINAL = "new_media.too_few_original"
    NEW_MEDIA_TOO_FEW_RECOMMENDED = "new_media.too_few_recommended"
    NEW_MEDIA_SERIOUS = "new_media.serious"
    NEW_MEDIA_FAIL = "new_media.fail"
    NEW_MEDIA_EXCELLENT = "new_media.excellent"
    NEW_MEDIA_PASS = "new_media.pass"
    NEW_MEDIA_EXEMPT = "new_media.exempt"


# The reasons whose evidence lists the counted findings that failed a subject, by annex.
SERIOUS_REASONS = {
    "disclosure": ReasonKind.DISCLOSURE_SERIOUS,
    "news": ReasonKind.NEWS_SERIOUS,
    "new_media": ReasonKind.NEW_MEDIA_SERIOUS,
}
# Reasons that fail a unit without a text error (the notice's 信息更新不及时).
UPDATE_FAILURES = frozenset({ReasonKind.DISCLOSURE_SHORTFALL, ReasonKind.NEWS_TOO_FEW, ReasonKind.NEWS_SILENT})


class ProblemKind(StrEnum):
    """A 存在突出问题 of 附件3, in the order the notice lists them (the keys of the rules' wording)."""

    SILENT = "silent"
    SILENT_ORIGINAL = "silent_original"
    TOO_FEW_RECOMMENDED = "too_few_recommended"
    TOO_FEW_ORIGINAL = "too_few_original"
    SERIOUS_TEXT = "serious_text"


class EvidenceRole(StrEnum):
    """Why a post is cited: counted in a figure, holding a finding, or bounding a silence."""

    COUNTED = "counted"
    FINDING = "finding"
    SILENCE_BOUND = "silence_bound"


@dataclass(frozen=True)
class FoundIssue:
    """The finding of a post that a reason counts: the wrong form and the right one."""

    severity: Severity
    wrong: str
    suggestion: str
    finding_id: int | None = None


@dataclass(frozen=True)
class Evidence:
    """A post behind a figure or a problem; `column` or `post_kind` say where it was counted."""

    post_id: int
    title: str
    published_at: datetime
    url: str | None = None
    role: EvidenceRole = EvidenceRole.COUNTED
    column: str | None = None
    post_kind: PostKind | None = None
    issue: FoundIssue | None = None


@dataclass(frozen=True)
class ColumnFigure:
    """A column's quota and output in its window (the columns a shortfall names)."""

    column: str
    required: int
    actual: int


@dataclass(frozen=True)
class Reason:
    """One rule applied: its kind, the figures it compared, the grade it gave (if it decided one),
    the day ranges and columns it names, the severities of the findings it counts, and the evidence."""

    kind: ReasonKind
    figures: dict[str, int] = field(default_factory=dict)
    grade: str | None = None
    days: tuple[DayRange, ...] = ()
    columns: tuple[ColumnFigure, ...] = ()
    severities: dict[Severity, int] = field(default_factory=dict)
    evidence: tuple[Evidence, ...] = ()
    note: str | None = None  # a value the rule names that is not a figure (a platform, a grade label)

    @property
    def rule(self) -> str:
        return self.kind.value


@dataclass(frozen=True)
class Problem:
    """A 存在突出问题 of an account: its kind, the days it covers, the posts behind it."""

    kind: ProblemKind
    days: DayRange | None = None
    evidence: tuple[Evidence, ...] = ()


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
