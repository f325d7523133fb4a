"""Rectification (整改): open an item for every subject a notice names, record answers, find late ones."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from govwatch.domain.calendar import Month
from govwatch.domain.rectification import STATUS_LABELS, Status, is_overdue
from govwatch.errors import InvalidInput, NotAllowed
from govwatch.reports.notice_model import NoticeModel
from govwatch.store.counties import StoredCounty
from govwatch.store.rectifications import ItemDraft, find_items, get_item, sync_month
from govwatch.store.tables import RectificationRow


def open_items(session: Session, stored: StoredCounty, model: NoticeModel) -> list[RectificationRow]:
    """One item per notified subject with the rules' deadline; re-running keeps answers and statuses."""
    drafts = [
        ItemDraft(s.annex, s.subject, s.unit, s.grade, [p.as_json() for p in s.problems], model.deadline)
        for s in model.subjects
    ]
    return sync_month(session, stored.id, model.month, drafts)


def item_overdue(row: RectificationRow, as_of: datetime) -> bool:
    return is_overdue(row.deadline, row.responded_at, Status(row.status), as_of)


def list_items(
    session: Session, stored: StoredCounty, as_of: datetime, month: Month | None = None,
    statuses: Sequence[Status] = (), overdue_only: bool = False,
) -> list[RectificationRow]:
    rows = find_items(session, stored.id, month=month, statuses=statuses)
    return [r for r in rows if item_overdue(r, as_of)] if overdue_only else rows


def respond(session: Session, stored: StoredCounty, item_id: int, text: str, by: str, at: datetime) -> RectificationRow:
    """Record the unit's report of what it corrected; a closed or withdrawn item takes no answer."""
    if not text.strip():
        raise InvalidInput("整改反馈内容不能为空")
    row = get_item(session, stored.id, item_id)
    if row.status in (Status.CLOSED.value, Status.WITHDRAWN.value):
        raise NotAllowed(f"整改事项 {item_id} 已{_label(row.status)}，不能再反馈")
    row.response, row.responded_by, row.responded_at, row.status = text, by, at, Status.RESPONDED.value
    session.flush()
    return row


def close(session: Session, stored: StoredCounty, item_id: int, by: str, at: datetime, note: str = "") -> RectificationRow:
    """The centre accepts the rectification (销号); only an answered item can be closed."""
    row = get_item(session, stored.id, item_id)
    if row.status != Status.RESPONDED.value:
        raise NotAllowed(f"整改事项 {item_id} 当前为“{_label(row.status)}”，须先由单位反馈整改情况再销号")
    row.closed_by, row.closed_at, row.note, row.status = by, at, note, Status.CLOSED.value
    session.flush()
    return row


def _label(status: str) -> str:
    return STATUS_LABELS[Status(status)]
