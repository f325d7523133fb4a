"""Rectification (整改): open an item for every subject a notice names, record answers, find late ones.

The moves (respond, close, withdraw) are domain.rectification's; this module applies them to stored items.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from govwatch.domain import rectification as moves
from govwatch.domain.calendar import Month
from govwatch.domain.rectification import RectificationItem, Status
from govwatch.reports.notice_model import NoticeModel
from govwatch.store.counties import StoredCounty
from govwatch.store.rectifications import find_items, get_item, save_item, sync_month


def open_items(session: Session, stored: StoredCounty, model: NoticeModel) -> list[RectificationItem]:
    """One item per notified subject with the rules' deadline; re-running keeps answers and statuses."""
    drafts = [
        RectificationItem(None, str(model.month), s.annex, s.subject, s.unit, s.grade,
                          [p.as_json() for p in s.problems], model.deadline)
        for s in model.subjects
    ]
    return sync_month(session, stored.id, model.month, drafts)


def item_overdue(item: RectificationItem, as_of: datetime) -> bool:
    return item.overdue(as_of)


def list_items(
    session: Session, stored: StoredCounty, as_of: datetime, month: Month | None = None,
    statuses: Sequence[Status] = (), overdue_only: bool = False,
) -> list[RectificationItem]:
    items = find_items(session, stored.id, month=month, statuses=statuses)
    return [i for i in items if i.overdue(as_of)] if overdue_only else items


def respond(session: Session, stored: StoredCounty, item_id: int, text: str, by: str,
            at: datetime) -> RectificationItem:
    """Record the unit's report of what it corrected."""
    return save_item(session, stored.id, moves.respond(get_item(session, stored.id, item_id), text, by, at))


def close(session: Session, stored: StoredCounty, item_id: int, by: str, at: datetime,
          note: str = "") -> RectificationItem:
    """The centre accepts the rectification (销号)."""
    return save_item(session, stored.id, moves.close(get_item(session, stored.id, item_id), by, at, note))
