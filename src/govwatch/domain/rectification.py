"""Rectification (整改): the deadline a notice sets and when an item counts as late."""

from __future__ import annotations

import calendar
from datetime import date, datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from govwatch.domain.calendar import Month
from govwatch.domain.rules import RectificationRules


class Status(StrEnum):
    """Where an item stands: waiting for the unit, answered, accepted by the centre, or no longer due."""

    OPEN = "open"
    RESPONDED = "responded"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"


STATUS_LABELS = {Status.OPEN: "待整改", Status.RESPONDED: "已反馈", Status.CLOSED: "已销号", Status.WITHDRAWN: "已撤销"}


def rectification_deadline(month: Month, rules: RectificationRules, timezone: str) -> datetime:
    """The deadline for `month`'s notice: the rules' day and time of the next month (the seed: 7月20日18:00)."""
    due = month.shift(1)
    day = min(rules.deadline_day, calendar.monthrange(due.year, due.month)[1])
    return datetime.combine(date(due.year, due.month, day), rules.deadline_time, ZoneInfo(timezone))


def is_overdue(deadline: datetime, responded_at: datetime | None, status: Status, as_of: datetime) -> bool:
    """Answered after the deadline, or still unanswered once it has passed; a withdrawn item never is."""
    if status is Status.WITHDRAWN:
        return False
    if responded_at is not None:
        return responded_at > deadline
    return as_of > deadline
