"""The audit log (操作日志): every change made through the web app, appended, never edited."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from govwatch.store.web_tables import AuditRow


def record(session: Session, user: str, action: str, target: str, detail: dict[str, Any] | None = None,
           reason: str = "") -> AuditRow:
    """Append one entry in the caller's transaction, so a change and its entry commit together."""
    row = AuditRow(user=user, action=action, target=target, detail=detail or {}, reason=reason)
    session.add(row)
    session.flush()
    return row


def latest(session: Session, limit: int = 200) -> list[AuditRow]:
    return list(session.scalars(select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)))
