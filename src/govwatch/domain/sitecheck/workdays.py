"""Working days (工作日) by the State Council's holiday calendar, as the `chinesecalendar` package ships it.

The package holds the official 放假安排 for the years it knows (1.11.0: 2004–2026). For a day outside
them the count falls back to Monday–Friday, and `estimated` says so, so a finding can say it was counted
without the holiday calendar rather than pretend.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import chinese_calendar


def is_workday(day: date) -> tuple[bool, bool]:
    """(whether `day` is a working day, whether that is only estimated from the weekday)."""
    try:
        return chinese_calendar.is_workday(day), False
    except NotImplementedError:  # a year the package has no 放假安排 for
        return day.weekday() < 5, True


@dataclass(frozen=True)
class WorkdayCount:
    days: int
    estimated: bool  # some day fell outside the calendar's years: counted Monday–Friday


def workdays_between(start: date, end: date) -> WorkdayCount:
    """Working days after `start` up to and including `end` (0 when end is not after start)."""
    days, estimated = 0, False
    day = start + timedelta(days=1)
    while day <= end:
        working, guessed = is_workday(day)
        days += working
        estimated = estimated or guessed
        day += timedelta(days=1)
    return WorkdayCount(days, estimated)
