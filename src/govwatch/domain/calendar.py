"""Calendar months (月份) and day ranges: the windows every rule is judged in."""

from __future__ import annotations

import calendar as _calendar
import re
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

from govwatch.errors import InvalidInput

_MONTH_RE = re.compile(r"^\s*(\d{4})\s*[-/年.]\s*(\d{1,2})\s*月?\s*$")


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month, written 2023-06."""

    year: int
    month: int

    def __post_init__(self) -> None:
        # A month whose days cannot be dates (year 0) would fail later, at its first day.
        if not 1 <= self.month <= 12 or not MINYEAR <= self.year <= MAXYEAR:
            raise InvalidInput(f"月份无效：{self.year}-{self.month}")

    @classmethod
    def parse(cls, text: str) -> Month:
        """Read '2023-06', '2023/6' or '2023年6月'."""
        match = _MONTH_RE.match(text)
        if not match:
            raise InvalidInput(f"月份格式应为 YYYY-MM，收到：{text!r}")
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def of(cls, day: date) -> Month:
        return cls(day.year, day.month)

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        return date(self.year, self.month, _calendar.monthrange(self.year, self.month)[1])

    def shift(self, months: int) -> Month:
        """The month `months` later (or earlier, if negative)."""
        index = self.year * 12 + self.month - 1 + months
        return Month(index // 12, index % 12 + 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True)
class DayRange:
    """An inclusive range of days."""

    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def overlaps(self, other: DayRange) -> bool:
        return self.start <= other.end and other.start <= self.end

    def clip(self, other: DayRange) -> DayRange | None:
        """The part of this range inside `other`, or None."""
        start, end = max(self.start, other.start), min(self.end, other.end)
        return DayRange(start, end) if start <= end else None

    def each_day(self):
        day = self.start
        while day <= self.end:
            yield day
            day += timedelta(days=1)

    def moments(self, zone: tzinfo) -> tuple[datetime, datetime]:
        """The half-open span [first day's midnight, the day after the last's midnight) in `zone`: what
        the days cover, for selecting stored posts by their moment of publication."""
        return (datetime.combine(self.start, time.min, zone),
                datetime.combine(self.end + timedelta(days=1), time.min, zone))

    def label(self) -> str:
        """The seed's way of writing a range: 06-01至06-08."""
        return f"{self.start:%m-%d}至{self.end:%m-%d}"


def month_range(month: Month) -> DayRange:
    return DayRange(month.first_day, month.last_day)


def since_moment(day: str | None, timezone: str) -> datetime | None:
    """`--since YYYY-MM-DD` as the start of that day in the county's zone (None: no such bound)."""
    return datetime.combine(parse_day(day), time(), ZoneInfo(timezone)) if day else None


def parse_day(text: str) -> date:
    """A day written YYYY-MM-DD, or a clear error."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(f"日期格式应为 YYYY-MM-DD，收到：{text!r}") from None


def period_moments(month: str | None, since: str | None, until: str | None,
                   timezone: str) -> tuple[datetime | None, datetime | None]:
    """`--month 2023-06` or `--since DAY --until DAY` (both days included) as the half-open span of
    moments [start, end) in the county's zone; None where a bound is not given."""
    if month and (since or until):
        raise InvalidInput("--month 与 --since/--until 只能选一种")
    if month:
        return month_range(Month.parse(month)).moments(ZoneInfo(timezone))
    start = since_moment(since, timezone)
    end = since_moment(until, timezone)
    if end is not None:
        end += timedelta(days=1)
    if start and end and end <= start:
        raise InvalidInput(f"--until {until} 早于 --since {since}")
    return start, end
