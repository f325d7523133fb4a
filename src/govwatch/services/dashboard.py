"""What the dashboard shows, read from stored grades and posts: a month, a unit, an account.

Pages read the stored evaluation rows (written by `evaluate`/`report`/reviews) instead of grading on
every request, so a page costs a few indexed queries however many posts the county holds.
"""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from govwatch.domain.assessment import MonthGrade
from govwatch.domain.calendar import DayRange, Month, month_range
from govwatch.domain.evaluation import ANNEXES
from govwatch.domain.grading.new_media import account_silences
from govwatch.domain.model import PostRecord
from govwatch.domain.result import DisclosureResult, NewMediaResult, NewsResult
from govwatch.errors import InvalidInput, NotFound
from govwatch.services.evaluate import refresh_stale
from govwatch.store.counties import StoredAccount, StoredCounty, accounts_of_unit
from govwatch.store.evaluations import evaluated_months as stored_months
from govwatch.store.evaluations import final_grades, month_grades, month_version
from govwatch.store.posts import PostFilter, count_posts, posts_per_unit, read_posts


@dataclass(frozen=True)
class GradeRow:
    """A stored grade: annex, subject, its unit (id, name, kind), the grade and its typed result row."""

    annex: str
    subject: str
    unit_id: int
    unit: str
    kind: str
    grade: str
    result: DisclosureResult | NewsResult | NewMediaResult
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
    posts: list[PostRecord]  # with their findings (`issues`)
    trend: list[MonthGrade]
    accounts: list[StoredAccount] = field(default_factory=list)
    calendar: list[CalendarDay] = field(default_factory=list)
    gaps: list[DayRange] = field(default_factory=list)
    posts_total: int = 0  # posts the page's filter matches in the month, all pages together
    page: PostPage = PostPage()

    @property
    def pages(self) -> int:
        return max(1, -(-self.posts_total // self.page.size))


def evaluated_months(session: Session, stored: StoredCounty) -> list[Month]:
    """Months with stored grades, newest first."""
    return sorted((Month.parse(m) for m in stored_months(session, stored.id)), reverse=True)


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
        version = month_version(session, stored.id, str(month))
        key = (stored.id, str(month), tuple(subjects) if subjects is not None else None, version)
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
    refresh_stale(session, stored)  # rows an older result version wrote are re-evaluated once, then read
    return _month_rows.rows(session, stored, month, subjects)


def _load_grade_rows(session: Session, stored: StoredCounty, month: Month,
                     subjects: list[str] | None) -> list[GradeRow]:
    kinds = {u.name: u.kind.value for u in stored.county.units}
    owners = _units_of_subjects(stored)
    rows = []
    for row in month_grades(session, stored.id, str(month), subjects):
        unit = owners.get(row.subject, row.subject)
        rows.append(GradeRow(row.annex, row.subject, stored.unit_ids.get(unit, 0), unit, kinds.get(unit, ""),
                             row.grade, row.result))
    return rows


def _grades_only(session: Session, stored: StoredCounty, months: list[str],
                 subjects: list[str] | None) -> list[MonthGrade]:
    """Final grades of some months without their figures and reasons (no JSON to decode)."""
    owners = _units_of_subjects(stored)
    return [MonthGrade(m, annex, subject, owners.get(subject, subject), grade)
            for m, annex, subject, grade in final_grades(session, stored.id, months, subjects)]


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


def _posts(session: Session, chosen: PostFilter, page: PostPage | None = None) -> list[PostRecord]:
    offset, limit = ((page.number - 1) * page.size, page.size) if page else (0, None)
    return read_posts(session, chosen, offset, limit, by_position=True)


def unit_view(session: Session, stored: StoredCounty, unit_id: int, month: Month,
              page: PostPage = PostPage()) -> SubjectView:
    """A unit's grades in the three annexes, a page of its month's posts with findings, its accounts and
    its year."""
    if unit_id not in stored.unit_ids.values():
        raise NotFound(f"没有编号为 {unit_id} 的单位")
    subjects = _subjects(stored, {unit_id})
    grades = _grade_rows(session, stored, month, subjects)
    start, end = _span(stored, month_range(month))
    accounts = accounts_of_unit(session, unit_id)
    trend = year_grades_of(session, stored, month, subjects=subjects)
    chosen = PostFilter(stored.id, start, end, unit_id=unit_id, problems_only=page.problems_only)
    posts, total = _posts(session, chosen, page), count_posts(session, chosen)
    return SubjectView(month, grades, posts, trend, accounts, posts_total=total, page=page)


def account_view(session: Session, stored: StoredCounty, account: StoredAccount, month: Month) -> SubjectView:
    """An account's grade, posts, and a calendar of the month marking the silent runs the rules forbid."""
    subject = str(account.key)  # as the grades name it
    grades = _grade_rows(session, stored, month, [subject])
    days = month_range(month)
    allowed = stored.rules.new_media.max_silent_days
    lookback = DayRange(days.start - timedelta(days=allowed or 0), days.end)
    zone = ZoneInfo(stored.county.county.timezone)
    earlier = _posts(session, PostFilter(stored.id, *_span(stored, lookback), account_id=account.id))
    per_day = Counter(post.published_at.astimezone(zone).date() for post in earlier)
    # The same silences grading counts: none before the account was watched (its monitored_from).
    watched = next((a.monitored_from for a in stored.county.accounts if str(a.key) == subject), None)
    gaps = [run.shown for run in account_silences(per_day, days, allowed, watched)]
    calendar = [CalendarDay(d, per_day.get(d, 0), any(d in g for g in gaps)) for d in days.each_day()]
    posts = [post for post in earlier if post.published_at.astimezone(zone).date() in days]
    trend = year_grades_of(session, stored, month, subjects=[subject])
    return SubjectView(month, grades, posts, trend, calendar=calendar, gaps=gaps)


def post_counts(session: Session, stored: StoredCounty, month: Month) -> dict[int, int]:
    """Posts per unit id in the month (the overview's chart of how much each unit published)."""
    start, end = _span(stored, month_range(month))
    return posts_per_unit(session, stored.id, start, end)
