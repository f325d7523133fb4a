"""Response models of the JSON API (they make /openapi.json exact); built from the services' read models."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel

from govwatch.domain.model import Finding, PostRecord
from govwatch.domain.rectification import RectificationItem
from govwatch.domain.result import GradeResult, OverrideResult, ReasonResult
from govwatch.services.dashboard import GradeRow
from govwatch.store.counties import StoredCounty


class GradeOut(BaseModel):
    """A stored grade; `result` is the grade result's row of its annex (domain/result.py), discriminated by
    `annex`, with its figures, reasons, problems and override."""

    annex: str
    subject: str
    unit_id: int
    unit: str
    unit_kind: str
    grade: str
    computed_grade: str
    previous_grade: str | None
    reasons: list[ReasonResult]
    override: OverrideResult | None
    result: GradeResult

    @classmethod
    def of(cls, row: GradeRow) -> GradeOut:
        r = row.result
        return cls(annex=row.annex, subject=row.subject, unit_id=row.unit_id, unit=row.unit, unit_kind=row.kind,
                   grade=row.grade, computed_grade=r.computed_grade, previous_grade=row.previous,
                   reasons=r.reasons, override=r.override, result=r)


class MonthOut(BaseModel):
    month: str
    disclosure: list[GradeOut]
    news: list[GradeOut]
    new_media: list[GradeOut]
    counts: dict[str, dict[str, int]]


class UnitOut(BaseModel):
    id: int
    name: str
    kind: str


class FindingOut(BaseModel):
    id: int
    post_id: int
    type: str
    severity: str
    certain: bool
    status: str
    wrong: str
    suggestion: str
    line: int
    offset: int
    explanation: str

    @classmethod
    def of(cls, finding: Finding) -> FindingOut:
        if finding.id is None or finding.post_id is None:
            raise ValueError("只有已入库的问题才有编号")
        return cls(id=finding.id, post_id=finding.post_id, type=finding.type, severity=finding.severity,
                   certain=finding.certain, status=finding.status, wrong=finding.wrong,
                   suggestion=finding.suggestion, line=finding.line, offset=finding.offset,
                   explanation=finding.explanation)


class PostOut(BaseModel):
    id: int
    title: str
    url: str | None
    published_at: datetime
    kind: str
    column_id: int | None
    account_id: int | None
    findings: list[FindingOut]

    @classmethod
    def of(cls, post: PostRecord, stored: StoredCounty) -> PostOut:
        return cls(id=post.id, title=post.title, url=post.url, published_at=post.published_at, kind=post.kind,
                   column_id=stored.column_ids[post.column] if post.column else None,
                   account_id=stored.account_ids[post.account] if post.account else None,
                   findings=[FindingOut.of(f) for f in post.issues])


class AccountOut(BaseModel):
    id: int
    name: str
    platform: str
    unit_id: int


class UnitDetailOut(BaseModel):
    unit: UnitOut
    month: str
    grades: list[GradeOut]
    accounts: list[AccountOut]
    posts: list[PostOut]  # one page of them
    posts_total: int  # posts the filter matches in the month, all pages together
    page: int
    pages: int


class CalendarDayOut(BaseModel):
    day: date
    posts: int
    in_gap: bool


class AccountDetailOut(BaseModel):
    account: AccountOut
    month: str
    grades: list[GradeOut]
    calendar: list[CalendarDayOut]
    posts: list[PostOut]


class QueueFindingOut(FindingOut):
    post_title: str
    post_url: str | None
    unit_id: int


class ProblemLineOut(BaseModel):
    """One problem a rectification item covers (the notice's line), with the post behind it when there is one."""

    text: str
    post_id: int | None = None
    title: str | None = None
    url: str | None = None
    published_at: datetime | None = None


class RectificationOut(BaseModel):
    id: int
    month: str
    annex: str
    subject: str
    unit: str
    grade: str
    problems: list[ProblemLineOut]
    deadline: datetime
    status: str
    overdue: bool
    response: str
    responded_by: str
    responded_at: datetime | None
    closed_by: str
    closed_at: datetime | None

    @classmethod
    def of(cls, row: RectificationItem, overdue: bool) -> RectificationOut:
        if row.id is None:
            raise ValueError("只有已入库的整改事项才有编号")
        return cls(overdue=overdue, **{name: getattr(row, name) for name in cls.model_fields if name != "overdue"})


class MeOut(BaseModel):
    name: str
    role: str
    role_label: str
    unit_id: int | None
    unit: str | None
