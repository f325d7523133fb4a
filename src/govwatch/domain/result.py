"""The grade result (评定结果): one versioned, typed model of a month's grades, one row model per annex.

This is what evaluation stores (one row per graded subject), what `govwatch evaluate --format json`
prints, what the JSON API returns and what the dashboard, the year history, the ledger, the notice and
its annexes read. Every reason and problem is data (a kind, figures, day ranges, evidence with the
post and the finding); `text` and `detail` are the county's words for them, applied once when the
result is made (reports/wording.py) and never read back into data.

`SCHEMA_VERSION` grows whenever a stored row could no longer be read by this model; rows of an older
version are re-evaluated before they are read (see docs/decisions.md, "Stored grade results").
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from govwatch.domain.grading.reasons import EvidenceRole, ProblemKind, ReasonKind
from govwatch.domain.model import AccountKey, Platform, PostKind, Severity

SCHEMA_VERSION = 1


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class DaysResult(_Model):
    """An inclusive range of days (a silence, as the seed shows it: 06-01至06-08)."""

    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


class IssueResult(_Model):
    """The finding a reason counts: severity, the wrong form and the suggested one."""

    severity: Severity
    wrong: str
    suggestion: str
    finding_id: int | None = None


class EvidenceResult(_Model):
    """A post behind a figure or a problem; `detail` is its line in words (“X”应为“Y”, the column …)."""

    post_id: int
    title: str
    published_at: datetime
    url: str | None
    role: EvidenceRole
    column: str | None = None
    post_kind: PostKind | None = None
    issue: IssueResult | None = None
    detail: str


class ColumnFigureResult(_Model):
    column: str
    required: int
    actual: int


class ReasonResult(_Model):
    """One rule applied: its kind (`rule`), the figures it compared, the grade it gave if it decided one."""

    rule: ReasonKind
    figures: dict[str, int] = {}
    grade: str | None = None
    days: list[DaysResult] = []
    columns: list[ColumnFigureResult] = []
    severities: dict[Severity, int] = {}
    note: str | None = None
    evidence: list[EvidenceResult] = []
    text: str


class ProblemResult(_Model):
    """A 存在突出问题 of an account (附件3): its kind, the days it covers, the evidence, and its words."""

    kind: ProblemKind
    days: DaysResult | None = None
    evidence: list[EvidenceResult] = []
    text: str


class OverrideResult(_Model):
    """A manual adjustment (人工调整): the grade set, the computed one it replaced, who, when and why."""

    grade: str
    computed: str
    reason: str
    by: str
    at: datetime


class _Graded(_Model):
    grade: str = Field(description="the final grade (after any override)")
    computed_grade: str = Field(description="the grade the rules computed")
    reasons: list[ReasonResult]
    override: OverrideResult | None = None

    @property
    def computed(self) -> str:
        return self.computed_grade


class ColumnResult(_Model):
    """A 保障栏目 of 附件1: its cycle, quota and output in its window."""

    column: str
    cycle: str
    required: int
    actual: int


class DisclosureResult(_Graded):
    """附件1 政府信息公开: a 保障单位's columns against the 任务分解表."""

    annex: Literal["disclosure"] = "disclosure"
    unit: str
    columns: list[ColumnResult]
    required: int
    actual: int
    published_in_month: int = Field(description="distinct items published inside the month itself")

    @property
    def subject(self) -> str:
        return self.unit


class NewsResult(_Graded):
    """附件2 各镇快讯、部门动态: a unit's news items of the month."""

    annex: Literal["news"] = "news"
    unit: str
    posts: int

    @property
    def subject(self) -> str:
        return self.unit


class NewMediaResult(_Graded):
    """附件3 政务新媒体: an account's originals, reposts and 存在突出问题."""

    annex: Literal["new_media"] = "new_media"
    account: str
    platform: Platform
    unit: str
    original: int
    recommended: int
    reposts: int
    other_reposts: int
    total: int
    problems: list[ProblemResult]

    @property
    def key(self) -> AccountKey:
        return AccountKey(self.account, self.platform)

    @property
    def subject(self) -> str:
        return str(self.key)


GradeResult = Annotated[DisclosureResult | NewsResult | NewMediaResult, Field(discriminator="annex")]
GRADE_RESULT: TypeAdapter[DisclosureResult | NewsResult | NewMediaResult] = TypeAdapter(GradeResult)


class DisclosureSummary(_Model):
    units: int
    items: int
    items_published_in_month: int
    grades: dict[str, int]


class NewsSummary(_Model):
    units: int
    items: int
    grades: dict[str, int]


class NewMediaSummary(_Model):
    accounts: int
    total: int
    original: int
    original_share: float
    reposts: int
    reposts_share: float
    grades: dict[str, int]


class Summary(_Model):
    """Totals and grade counts, computed from the same rows as the tables (the notice's 总体情况)."""

    disclosure: DisclosureSummary
    news: NewsSummary
    new_media: NewMediaSummary


def _grades(rows: list[DisclosureResult] | list[NewsResult] | list[NewMediaResult]) -> dict[str, int]:
    out: dict[str, int] = {}
    for row in rows:
        out[row.grade] = out.get(row.grade, 0) + 1
    return out


def _share(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def summarise(disclosure: list[DisclosureResult], news: list[NewsResult], media: list[NewMediaResult]) -> Summary:
    total = sum(g.total for g in media)
    original = sum(g.original for g in media)
    reposts = sum(g.reposts for g in media)
    return Summary(
        disclosure=DisclosureSummary(
            units=len(disclosure), items=sum(g.actual for g in disclosure),
            items_published_in_month=sum(g.published_in_month for g in disclosure), grades=_grades(disclosure)),
        news=NewsSummary(units=len(news), items=sum(g.posts for g in news), grades=_grades(news)),
        new_media=NewMediaSummary(
            accounts=len(media), total=total, original=original, original_share=_share(original, total),
            reposts=reposts, reposts_share=_share(reposts, total), grades=_grades(media)),
    )


class MonthResult(_Model):
    """A month's grades in the three annexes, in table order, with their summary."""

    schema_version: Literal[1] = 1  # = SCHEMA_VERSION
    month: str
    rules: str
    disclosure: list[DisclosureResult]
    news: list[NewsResult]
    new_media: list[NewMediaResult]
    summary: Summary

    @classmethod
    def of(cls, month: str, rules: str, rows: list[DisclosureResult | NewsResult | NewMediaResult]) -> MonthResult:
        """The month from its rows (as stored), in their order; the summary computed from them."""
        disclosure = [r for r in rows if isinstance(r, DisclosureResult)]
        news = [r for r in rows if isinstance(r, NewsResult)]
        media = [r for r in rows if isinstance(r, NewMediaResult)]
        return cls(month=month, rules=rules, disclosure=disclosure, news=news, new_media=media,
                   summary=summarise(disclosure, news, media))

    def rows(self) -> list[DisclosureResult | NewsResult | NewMediaResult]:
        return [*self.disclosure, *self.news, *self.new_media]

    def is_empty(self) -> bool:
        """No item counted anywhere: nothing was collected for this month."""
        return (not any(g.actual for g in self.disclosure) and not any(g.posts for g in self.news)
                and not any(g.total for g in self.new_media))
