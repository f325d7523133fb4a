"""Rectification items (整改): one per (county, month, annex, subject), refreshed without losing the answer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from govwatch.domain.calendar import Month
from govwatch.domain.rectification import Status
from govwatch.errors import NotFound
from govwatch.store.tables import RectificationRow


@dataclass(frozen=True)
class ItemDraft:
    """What a notice says about a subject: the item to open or refresh."""

    annex: str
    subject: str
    unit: str
    grade: str
    problems: list[dict[str, Any]]
    deadline: datetime


def sync_month(session: Session, county_id: int, month: Month, drafts: Sequence[ItemDraft]) -> list[RectificationRow]:
    """Open an item per draft (idempotent), refresh open ones, withdraw open items no longer notified."""
    existing = {
        (r.annex, r.subject): r
        for r in session.scalars(select(RectificationRow).where(
            RectificationRow.county_id == county_id, RectificationRow.month == str(month)))
    }
    rows = []
    for draft in drafts:
        row = existing.pop((draft.annex, draft.subject), None)
        if row is None:
            row = RectificationRow(county_id=county_id, month=str(month), annex=draft.annex, subject=draft.subject,
                                   status=Status.OPEN.value, response="", responded_by="", closed_by="", note="")
            session.add(row)
        elif row.status == Status.WITHDRAWN.value:
            row.status = Status.OPEN.value
        row.unit, row.grade, row.problems, row.deadline = draft.unit, draft.grade, draft.problems, draft.deadline
        rows.append(row)
    for stale in existing.values():
        if stale.status == Status.OPEN.value:
            stale.status = Status.WITHDRAWN.value
    session.flush()
    return rows


def find_items(
    session: Session, county_id: int, month: Month | None = None, year: int | None = None,
    statuses: Sequence[Status] = (),
) -> list[RectificationRow]:
    """Items of a county, optionally of one month or year and of some statuses, by month and id."""
    query = select(RectificationRow).where(RectificationRow.county_id == county_id)
    if month is not None:
        query = query.where(RectificationRow.month == str(month))
    if year is not None:
        query = query.where(RectificationRow.month.like(f"{year:04d}-%"))
    if statuses:
        query = query.where(RectificationRow.status.in_([s.value for s in statuses]))
    return list(session.scalars(query.order_by(RectificationRow.month, RectificationRow.id)))


def get_item(session: Session, county_id: int, item_id: int) -> RectificationRow:
    row = session.get(RectificationRow, item_id)
    if row is None or row.county_id != county_id:
        raise NotFound(f"没有编号为 {item_id} 的整改事项")
    return row
