"""Response models of the JSON API (they make /openapi.json exact); built from the services' read models."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel

from govwatch.domain.result import GradeResult, OverrideResult, ReasonResult
from govwatch.services.dashboard import GradeRow, PostItem
from govwatch.store.tables import FindingRow, PostRow, RectificationRow


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
    def of(cls, row: FindingRow) -> FindingOut:
        return cls(id=row.id, post_id=row.post_id, type=row.type, severity=row.severity, certain=row.certain,
                   status=row.status, wrong=row.wrong, suggestion=row.suggestion, line=row.line, offset=row.offset,
                   explanation=row.explanation)


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
    def of(cls, item: PostItem) -> PostOut:
        p: PostRow = item.post
        return cls(id=p.id, title=p.title, url=p.url, published_at=p.published_at, kind=p.kind,
                   column_id=p.column_id, account_id=p.account_id, findings=[FindingOut.of(f) for f in item.findings])


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
    def of(cls, row: RectificationRow, overdue: bool) -> RectificationOut:
        return cls(id=row.id, month=row.month, annex=row.annex, subject=row.subject, unit=row.unit, grade=row.grade,
                   problems=[ProblemLineOut.model_validate(p) for p in row.problems], deadline=row.deadline, status=row.status, overdue=overdue,
                   response=row.response, responded_by=row.responded_by, responded_at=row.responded_at,
                   closed_by=row.closed_by, closed_at=row.closed_at)


class MeOut(BaseModel):
    name: str
    role: str
    role_label: str
    unit_id: int | None
    unit: str | None
