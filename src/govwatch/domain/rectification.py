"""Rectification (整改): the item a notice opens, its states and the moves between them, the deadline a
notice sets and when an item counts as late.

The moves are pure: each takes an item and returns the next one, or raises ValueError saying why the
move is not allowed. `store.rectifications` keeps the items; `services.rectification` applies the moves.

    (notified) → open ─respond→ responded ─close→ closed
                  │  ↖──────── respond ───┘
                  └─(no longer notified)→ withdrawn ─(notified again)→ open
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from govwatch.domain.calendar import Month
from govwatch.domain.rules import RectificationRules
from govwatch.errors import InvalidInput, NotAllowed


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


@dataclass(frozen=True)
class RectificationItem:
    """A subject named in a month's notice, what it must correct, and the unit's and the centre's answers."""

    id: int | None  # None until stored
    month: str
    annex: str
    subject: str
    unit: str
    grade: str
    problems: list[dict[str, Any]]
    deadline: datetime
    status: Status = Status.OPEN
    response: str = ""
    responded_by: str = ""
    responded_at: datetime | None = None
    closed_by: str = ""
    closed_at: datetime | None = None
    note: str = ""

    def overdue(self, as_of: datetime) -> bool:
        return is_overdue(self.deadline, self.responded_at, self.status, as_of)

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]


def notified(item: RectificationItem | None, draft: RectificationItem) -> RectificationItem:
    """The item once a notice (again) names its subject (`draft`: the fresh item the notice opens): a new
    one opens; a withdrawn one opens again; an answered or closed one keeps its answer and status; all take
    the notice's grade, problems and deadline."""
    if item is None:
        return draft
    status = Status.OPEN if item.status is Status.WITHDRAWN else item.status
    return replace(item, unit=draft.unit, grade=draft.grade, problems=draft.problems, deadline=draft.deadline,
                   status=status)


def no_longer_notified(item: RectificationItem) -> RectificationItem:
    """The notice no longer names the subject (a grade was corrected): an open item is withdrawn, an
    answered or closed one stays as it is, the record of what was done."""
    return replace(item, status=Status.WITHDRAWN) if item.status is Status.OPEN else item


def respond(item: RectificationItem, text: str, by: str, at: datetime) -> RectificationItem:
    """The unit reports what it corrected; a closed or withdrawn item takes no answer."""
    if not text.strip():
        raise InvalidInput("整改反馈内容不能为空")
    if item.status in (Status.CLOSED, Status.WITHDRAWN):
        raise NotAllowed(f"整改事项 {item.id} 已{item.label}，不能再反馈")
    return replace(item, response=text, responded_by=by, responded_at=at, status=Status.RESPONDED)


def close(item: RectificationItem, by: str, at: datetime, note: str = "") -> RectificationItem:
    """The centre accepts the rectification (销号); only an answered item can be closed."""
    if item.status is not Status.RESPONDED:
        raise NotAllowed(f"整改事项 {item.id} 当前为“{item.label}”，须先由单位反馈整改情况再销号")
    return replace(item, closed_by=by, closed_at=at, note=note, status=Status.CLOSED)
