"""What the dashboard shows, read from stored grades and posts: a month, a unit, an account.

Pages read the stored evaluation rows (written by `evaluate`/`report`/reviews) instead of grading on
every request, so a page costs a few indexed queries however many posts the county holds.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from govwatch.domain.assessment import MonthGrade
from govwatch.domain.calendar import DayRange, Month, month_range
from govwatch.domain.evaluation import ANNEXES
from govwatch.domain.gaps import find_silent_runs
from govwatch.store.counties import StoredCounty
from govwatch.store.history import year_grades
from govwatch.store.tables import AccountRow, EvaluationRow, FindingRow, PostRow


@dataclass(frozen=True)
class GradeRow:
    """A stored grade: annex, subject, its unit (id, name, kind), the grade and the contract's row."""

    annex: str
    subject: str
    unit_id: int
    unit: str
    kind: str
    grade: str
    result: dict[str, Any]
    previous: str | None = None

    @property
    def changed(self) -> bool:
        return self.previous is not None and self.previous != self.grade


@dataclass(frozen=True)
class MonthView:
    month: Month
    rows: dict[str, list[GradeRow]]
    counts: dict[str, dict[str, int]]
    previous_month: Month
    has_previous: bool

    @property
    def changes(self) -> list[GradeRow]:
        return [r for annex in ANNEXES for r in self.rows[annex] if r.changed]


@dataclass(frozen=True)
class PostItem:
    post: PostRow
    findings: list[FindingRow] = field(default_factory=list)


@dataclass(frozen=True)
class CalendarDay:
    day: date
    posts: int
    in_gap: bool


@dataclass(frozen=True)
class SubjectView:
    """A unit's or an account's month: its grades with reasons, its posts with findings, its year."""

    month: Month
    grades: list[GradeRow]
    posts: list[PostItem]
    trend: list[MonthGrade]
    accounts: list[AccountRow] = field(default_factory=list)
    calendar: list[CalendarDay] = field(default_factory=list)
    gaps: list[DayRange] = field(default_factory=list)


def evaluated_months(session: Session, stored: StoredCounty) -> list[Month]:
    """Months with stored grades, newest first."""
    rows = session.scalars(select(EvaluationRow.month).where(EvaluationRow.county_id == stored.id).distinct())
    return sorted((Month.parse(m) for m in rows), reverse=True)


def _unit_of(stored: StoredCounty, annex: str, result: dict[str, Any], subject: str) -> str:
    return result.get("unit", subject) if annex == "new_media" else subject


def _grade_rows(session: Session, stored: StoredCounty, month: Month, subject_filter=None,
                unit_ids: set[int] | None = None) -> list[GradeRow]:
    query = select(EvaluationRow).where(EvaluationRow.county_id == stored.id, EvaluationRow.month == str(month))
    if subject_filter is not None:
        query = query.where(subject_filter)
    kinds = {u.name: u.kind.value for u in stored.county.units}
    rows = []
    for row in session.scalars(query.order_by(EvaluationRow.id)):
        unit = _unit_of(stored, row.annex, row.result, row.subject)
        unit_id = stored.unit_ids.get(unit, 0)
        if unit_ids is None or unit_id in unit_ids:
            rows.append(GradeRow(row.annex, row.subject, unit_id, unit, kinds.get(unit, ""), row.grade, row.result))
    return rows


def month_view(session: Session, stored: StoredCounty, month: Month, kind: str | None = None,
               unit_ids: set[int] | None = None) -> MonthView:
    """The month's grades by annex (of one unit kind, of some units), grade counts and changes since last month."""
    previous = month.shift(-1)
    before = {(r.annex, r.subject): r.grade for r in _grade_rows(session, stored, previous, unit_ids=unit_ids)}
    rows: dict[str, list[GradeRow]] = {annex: [] for annex in ANNEXES}
    for row in _grade_rows(session, stored, month, unit_ids=unit_ids):
        if kind and row.kind != kind:
            continue
        rows[row.annex].append(GradeRow(**{**row.__dict__, "previous": before.get((row.annex, row.subject))}))
    counts = {annex: dict(Counter(r.grade for r in rows[annex])) for annex in ANNEXES}
    return MonthView(month, rows, counts, previous, bool(before))


def _span(stored: StoredCounty, days: DayRange) -> tuple[datetime, datetime]:
    zone = ZoneInfo(stored.county.county.timezone)
    return datetime.combine(days.start, time.min, zone), datetime.combine(days.end + timedelta(days=1), time.min, zone)


def _posts(session: Session, where, start: datetime, end: datetime) -> list[PostItem]:
    posts = list(session.scalars(
        select(PostRow).where(where, PostRow.published_at >= start, PostRow.published_at < end)
        .order_by(PostRow.published_at, PostRow.id)
    ))
    found: dict[int, list[FindingRow]] = {}
    ids = [p.id for p in posts]
    for i in range(0, len(ids), 500):
        for f in session.scalars(select(FindingRow).where(FindingRow.post_id.in_(ids[i:i + 500]))
                                 .order_by(FindingRow.start)):
            found.setdefault(f.post_id, []).append(f)
    return [PostItem(p, found.get(p.id, [])) for p in posts]


def _trend(session: Session, stored: StoredCounty, month: Month, keep) -> list[MonthGrade]:
    return [g for g in year_grades(session, stored.id, month.year) if keep(g)]


def unit_view(session: Session, stored: StoredCounty, unit_id: int, month: Month) -> SubjectView:
    """A unit's grades in the three annexes, its month's posts and findings, its accounts and its year."""
    unit = _unit_name(stored, unit_id)
    grades = _grade_rows(session, stored, month, unit_ids={unit_id})
    start, end = _span(stored, month_range(month))
    accounts = list(session.scalars(select(AccountRow).where(AccountRow.unit_id == unit_id).order_by(AccountRow.id)))
    trend = _trend(session, stored, month, lambda g: g.unit == unit)
    return SubjectView(month, grades, _posts(session, PostRow.unit_id == unit_id, start, end), trend, accounts)


def account_view(session: Session, stored: StoredCounty, account: AccountRow, month: Month) -> SubjectView:
    """An account's grade, posts, and a calendar of the month marking the silent runs the rules forbid."""
    subject = f"{account.name}（{account.platform}）"
    grades = _grade_rows(session, stored, month, EvaluationRow.subject == subject)
    days = month_range(month)
    allowed = stored.rules.new_media.max_silent_days
    lookback = DayRange(days.start - timedelta(days=allowed or 0), days.end)
    zone = ZoneInfo(stored.county.county.timezone)
    earlier = _posts(session, PostRow.account_id == account.id, *_span(stored, lookback))
    per_day = Counter(item.post.published_at.astimezone(zone).date() for item in earlier)
    gaps = [run.shown for run in find_silent_runs(per_day, days, allowed)] if allowed is not None else []
    calendar = [CalendarDay(d, per_day.get(d, 0), any(d in g for g in gaps)) for d in days.each_day()]
    posts = [item for item in earlier if item.post.published_at.astimezone(zone).date() in days]
    trend = _trend(session, stored, month, lambda g: g.subject == subject)
    return SubjectView(month, grades, posts, trend, calendar=calendar, gaps=gaps)


def _unit_name(stored: StoredCounty, unit_id: int) -> str:
    for name, uid in stored.unit_ids.items():
        if uid == unit_id:
            return name
    raise LookupError(f"没有编号为 {unit_id} 的单位")


def post_counts(session: Session, stored: StoredCounty, month: Month) -> dict[int, int]:
    """Posts per unit id in the month (the overview's chart of how much each unit published)."""
    start, end = _span(stored, month_range(month))
    rows = session.execute(
        select(PostRow.unit_id, func.count()).where(
            PostRow.county_id == stored.id, PostRow.published_at >= start, PostRow.published_at < end)
        .group_by(PostRow.unit_id)
    )
    return dict(rows.all())
