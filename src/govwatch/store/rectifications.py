"""Rectification items (整改) as stored: one per (county, month, annex, subject), read and written as the
domain's `RectificationItem`; the moves between states are domain.rectification's."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from govwatch.domain.calendar import Month
from govwatch.domain.rectification import (
    RectificationItem,
    Status,
    no_longer_notified,
    notified,
)
from govwatch.errors import NotFound
from govwatch.store.tables import RectificationRow

_FIELDS = ("month", "annex", "subject", "unit", "grade", "problems", "deadline", "response", "responded_by",
           "responded_at", "closed_by", "closed_at", "note")


def item_of(row: RectificationRow) -> RectificationItem:
    return RectificationItem(id=row.id, status=Status(row.status), **{name: getattr(row, name) for name in _FIELDS})


def _write(row: RectificationRow, item: RectificationItem) -> None:
    for name in _FIELDS:
        setattr(row, name, getattr(item, name))
    row.status = item.status.value


def save_item(session: Session, county_id: int, item: RectificationItem) -> RectificationItem:
    """Store `item` (a new one when it has no id); returns it as stored, with its id."""
    row = RectificationRow(county_id=county_id) if item.id is None else session.get(RectificationRow, item.id)
    if row is None or row.county_id != county_id:
        raise NotFound(f"没有编号为 {item.id} 的整改事项")
    _write(row, item)
    session.add(row)
    session.flush()
    return item_of(row)


def sync_month(session: Session, county_id: int, month: Month,
               drafts: Sequence[RectificationItem]) -> list[RectificationItem]:
    """Open an item per draft (a fresh item of `month` the notice names; idempotent), refresh those named
    again, withdraw open ones no longer named."""
    existing = {
        (r.annex, r.subject): r
        for r in session.scalars(select(RectificationRow).where(
            RectificationRow.county_id == county_id, RectificationRow.month == str(month)))
    }
    rows = []
    for draft in drafts:
        row = existing.pop((draft.annex, draft.subject), None)
        if row is None:
            row = RectificationRow(county_id=county_id)
            session.add(row)
        _write(row, notified(item_of(row) if row.id else None, draft))
        rows.append(row)
    for stale in existing.values():
        _write(stale, no_longer_notified(item_of(stale)))
    session.flush()
    return [item_of(row) for row in rows]


def find_items(
    session: Session, county_id: int, month: Month | None = None, year: int | None = None,
    statuses: Sequence[Status] = (),
) -> list[RectificationItem]:
    """Items of a county, optionally of one month or year and of some statuses, by month and id."""
    query = select(RectificationRow).where(RectificationRow.county_id == county_id)
    if month is not None:
        query = query.where(RectificationRow.month == str(month))
    if year is not None:
        query = query.where(RectificationRow.month.like(f"{year:04d}-%"))
    if statuses:
        query = query.where(RectificationRow.status.in_([s.value for s in statuses]))
    return [item_of(row) for row in session.scalars(query.order_by(RectificationRow.month, RectificationRow.id))]


def get_item(session: Session, county_id: int, item_id: int) -> RectificationItem:
    row = session.get(RectificationRow, item_id)
    if row is None or row.county_id != county_id:
        raise NotFound(f"没有编号为 {item_id} 的整改事项")
    return item_of(row)
