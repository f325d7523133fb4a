"""What the dashboard shows, read from stored grades and posts: a month, a unit, an account.

Pages read the stored evaluation rows (written by `evaluate`/`report`/reviews) instead of grading on
every request, so a page costs a few indexed queries however many posts the county holds.
"""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session, defer

from govwatch.domain.assessment import MonthGrade
from govwatch.domain.calendar import DayRange, Month, month_range
from govwatch.domain.evaluation import ANNEXES
from govwatch.domain.gaps import find_silent_runs
from govwatch.domain.model import AccountKey, FindingStatus, Platform
from govwatch.errors import InvalidInput, NotFound
from govwatch.store.counties import StoredCounty
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
class PostPage:
    """Which of a month's posts a page shows: `size` at a time (a busy unit publishes thousands a month),
    optionally only those with findings."""

    number: int = 1
    size: int = 100
    problems_only: bool = False

    def __post_init__(self) -> None:
        if self.number < 1 or self.size < 1:
            raise InvalidInput("页码和每页条数应为正整数")


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
    posts_total: int = 0  # posts the page's filter matches in the month, all pages together
    page: PostPage = PostPage()

    @property
    def pages(self) -> int:
        return max(1, -(-self.posts_total // self.page.size))


def evaluated_months(session: Session, stored: StoredCounty) -> list[Month]:
    """Months with stored grades, newest first."""
    rows = session.scalars(select(EvaluationRow.month).where(EvaluationRow.county_id == stored.id).distinct())
    return sorted((Month.parse(m) for m in rows), reverse=True)


def _units_of_subjects(stored: StoredCounty) -> dict[str, str]:
    """Subject → unit name: a unit is its own subject (附件1, 2), an account belongs to its unit (附件3)."""
    owners = {u.name: u.name for u in stored.county.units}
    owners.update({str(a.key): a.unit for a in stored.county.accounts})
    return owners


def _subjects(stored: StoredCounty, unit_ids: set[int] | None) -> list[str] | None:
    """The subjects of some units, for filtering in SQL (each stored row's JSON is the costly part to load)."""
    if unit_ids is None:
        return None
    return [subject for subject, unit in _units_of_subjects(stored).items() if stored.unit_ids.get(unit) in unit_ids]


class _MonthRowsCache:
    """Decoded grade rows of recent months: each row's JSON (reasons, evidence) is most of a page's cost.

    An entry is used only while the month's stored rows are the same (count, newest id, newest time):
    re-grading replaces them all, so any change gives a new key.
    """

    def __init__(self, size: int = 64) -> None:
        self._size = size
        self._lock = threading.Lock()
        self._entries: OrderedDict[tuple, list[GradeRow]] = OrderedDict()

    def rows(self, session: Session, stored: StoredCounty, month: Month, subjects: list[str] | None) -> list[GradeRow]:
        where = (EvaluationRow.county_id == stored.id, EvaluationRow.month == str(month))
        version = session.execute(select(func.count(), func.max(EvaluationRow.id), func.max(EvaluationRow.evaluated_at))
                                  .where(*where)).one()
        key = (stored.id, str(month), tuple(subjects) if subjects is not None else None, tuple(version))
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]
        rows = _load_grade_rows(session, stored, month, subjects)
        with self._lock:
            self._entries[key] = rows
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)
        return rows


_month_rows = _MonthRowsCache()


def _grade_rows(session: Session, stored: StoredCounty, month: Month,
                subjects: list[str] | None = None) -> list[GradeRow]:
    return _month_rows.rows(session, stored, month, subjects)


def _load_grade_rows(session: Session, stored: StoredCounty, month: Month,
                     subjects: list[str] | None) -> list[GradeRow]:
    query = select(EvaluationRow).where(EvaluationRow.county_id == stored.id, EvaluationRow.month == str(month))
    if subjects is not None:
        query = query.where(EvaluationRow.subject.in_(subjects))
    kinds = {u.name: u.kind.value for u in stored.county.units}
    owners = _units_of_subjects(stored)
    rows = []
    for row in session.scalars(query.order_by(EvaluationRow.id)):
        unit = owners.get(row.subject, row.subject)
        rows.append(GradeRow(row.annex, row.subject, stored.unit_ids.get(unit, 0), unit, kinds.get(unit, ""),
                             row.grade, row.result))
    return rows


def _grades_only(session: Session, stored: StoredCounty, months: list[str],
                 subjects: list[str] | None) -> list[MonthGrade]:
    """Final grades of some months without their figures and reasons (no JSON to decode)."""
    query = select(EvaluationRow.month, EvaluationRow.annex, EvaluationRow.subject, EvaluationRow.grade).where(
        EvaluationRow.county_id == stored.id, EvaluationRow.month.in_(months))
    if subjects is not None:
        query = query.where(EvaluationRow.subject.in_(subjects))
    owners = _units_of_subjects(stored)
    return [MonthGrade(m, annex, subject, owners.get(subject, subject), grade)
            for m, annex, subject, grade in session.execute(query.order_by(EvaluationRow.month, EvaluationRow.id))]


def year_grades_of(session: Session, stored: StoredCounty, month: Month, unit_ids: set[int] | None = None,
                   subjects: list[str] | None = None) -> list[MonthGrade]:
    """The grades of `month`'s year up to it, of some units or subjects (all by default)."""
    months = [str(Month(month.year, m)) for m in range(1, month.month + 1)]
    return _grades_only(session, stored, months, subjects if subjects is not None else _subjects(stored, unit_ids))


def month_view(session: Session, stored: StoredCounty, month: Month, kind: str | None = None,
               unit_ids: set[int] | None = None) -> MonthView:
    """The month's grades by annex (of one unit kind, of some units), grade counts and changes since last month."""
    previous = month.shift(-1)
    subjects = _subjects(stored, unit_ids)
    before = {(g.annex, g.subject): g.grade for g in _grades_only(session, stored, [str(previous)], subjects)}
    rows: dict[str, list[GradeRow]] = {annex: [] for annex in ANNEXES}
    for row in _grade_rows(session, stored, month, subjects):
        if kind and row.kind != kind:
            continue
        rows[row.annex].append(GradeRow(**{**row.__dict__, "previous": before.get((row.annex, row.subject))}))
    counts = {annex: dict(Counter(r.grade for r in rows[annex])) for annex in ANNEXES}
    return MonthView(month, rows, counts, previous, bool(before))


def _span(stored: StoredCounty, days: DayRange) -> tuple[datetime, datetime]:
    return days.moments(ZoneInfo(stored.county.county.timezone))


def _posts(session: Session, where, start: datetime, end: datetime) -> list[PostItem]:
    """Posts matching `where` in [start, end) with their findings: two queries, the second a join, not an IN list."""
    span = (where, PostRow.published_at >= start, PostRow.published_at < end)
    posts = list(session.scalars(
        select(PostRow).where(*span)
        .options(defer(PostRow.text))  # the bodies are not shown, and they are most of a row
        .order_by(PostRow.published_at, PostRow.id)
    ))
    return _with_findings(posts, session.scalars(
        select(FindingRow).join(PostRow, PostRow.id == FindingRow.post_id).where(*span)
        .order_by(FindingRow.post_id, FindingRow.start)
    ))


def _with_findings(posts: list[PostRow], findings: Iterable[FindingRow]) -> list[PostItem]:
    found: dict[int, list[FindingRow]] = {}
    for f in findings:
        found.setdefault(f.post_id, []).append(f)
    return [PostItem(p, found.get(p.id, [])) for p in posts]


def _post_page(session: Session, where, start: datetime, end: datetime, page: PostPage) -> tuple[list[PostItem], int]:
    """One page of the posts matching `where` in [start, end), with their findings, and how many match;
    with `problems_only`, the posts with a finding not judged a false alarm."""
    span = [where, PostRow.published_at >= start, PostRow.published_at < end]
    if page.problems_only:
        span.append(select(FindingRow.id).where(
            FindingRow.post_id == PostRow.id, FindingRow.status != FindingStatus.FALSE_ALARM.value).exists())
    total = session.scalar(select(func.count()).select_from(PostRow).where(*span)) or 0
    posts = list(session.scalars(
        select(PostRow).where(*span).options(defer(PostRow.text))
        .order_by(PostRow.published_at, PostRow.id).offset((page.number - 1) * page.size).limit(page.size)
    ))
    findings: Iterable[FindingRow] = session.scalars(select(FindingRow).where(FindingRow.post_id.in_([p.id for p in posts]))
                               .order_by(FindingRow.post_id, FindingRow.start)) if posts else []
    return _with_findings(posts, findings), total


def unit_view(session: Session, stored: StoredCounty, unit_id: int, month: Month,
              page: PostPage = PostPage()) -> SubjectView:
    """A unit's grades in the three annexes, a page of its month's posts with findings, its accounts and
    its year."""
    if unit_id not in stored.unit_ids.values():
        raise NotFound(f"没有编号为 {unit_id} 的单位")
    subjects = _subjects(stored, {unit_id})
    grades = _grade_rows(session, stored, month, subjects)
    start, end = _span(stored, month_range(month))
    accounts = list(session.scalars(select(AccountRow).where(AccountRow.unit_id == unit_id).order_by(AccountRow.id)))
    trend = year_grades_of(session, stored, month, subjects=subjects)
    posts, total = _post_page(session, PostRow.unit_id == unit_id, start, end, page)
    return SubjectView(month, grades, posts, trend, accounts, posts_total=total, page=page)


def account_view(session: Session, stored: StoredCounty, account: AccountRow, month: Month) -> SubjectView:
    """An account's grade, posts, and a calendar of the month marking the silent runs the rules forbid."""
    subject = str(AccountKey(account.name, Platform(account.platform)))  # as the grades name it
    grades = _grade_rows(session, stored, month, [subject])
    days = month_range(month)
    allowed = stored.rules.new_media.max_silent_days
    lookback = DayRange(days.start - timedelta(days=allowed or 0), days.end)
    zone = ZoneInfo(stored.county.county.timezone)
    earlier = _posts(session, PostRow.account_id == account.id, *_span(stored, lookback))
    per_day = Counter(item.post.published_at.astimezone(zone).date() for item in earlier)
    gaps = [run.shown for run in find_silent_runs(per_day, days, allowed)] if allowed is not None else []
    calendar = [CalendarDay(d, per_day.get(d, 0), any(d in g for g in gaps)) for d in days.each_day()]
    posts = [item for item in earlier if item.post.published_at.astimezone(zone).date() in days]
    trend = year_grades_of(session, stored, month, subjects=[subject])
    return SubjectView(month, grades, posts, trend, calendar=calendar, gaps=gaps)


def post_counts(session: Session, stored: StoredCounty, month: Month) -> dict[int, int]:
    """Posts per unit id in the month (the overview's chart of how much each unit published)."""
    start, end = _span(stored, month_range(month))
    rows = session.execute(
        select(PostRow.unit_id, func.count()).where(
            PostRow.county_id == stored.id, PostRow.published_at >= start, PostRow.published_at < end)
        .group_by(PostRow.unit_id)
    )
    return dict(rows.all())
