"""The audit log (操作日志): every change made through the web app, appended, never edited."""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from govwatch.store.web_tables import AuditRow


def record(session: Session, user: str, action: str, target: str, detail: dict[str, Any] | None = None,
           reason: str = "", *, county_id: int | None) -> AuditRow:
    """Append one entry in the caller's transaction, so a change and its entry commit together; `county_id`
    is the county it concerns (None: every county, e.g. a province-level account)."""
    row = AuditRow(user=user, action=action, target=target, detail=detail or {}, reason=reason, county_id=county_id)
    session.add(row)
    session.flush()
    return row


def latest(session: Session, county_id: int, limit: int = 200) -> list[AuditRow]:
    """The county's newest entries, and those of every county (None), newest first."""
    query = select(AuditRow).where(or_(AuditRow.county_id == county_id, AuditRow.county_id.is_(None)))
    return list(session.scalars(query.order_by(AuditRow.id.desc()).limit(limit)))
