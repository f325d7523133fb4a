"""Drafts checked before publishing (先审后发) and their signatures, as stored."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from govwatch.domain.publishing import Signature
from govwatch.errors import NotFound
from govwatch.store.web_tables import PublishCheckRow, PublishStepRow


@dataclass(frozen=True)
class PublishCheck:
    """A checked draft: its text, how many findings it had, its unit (None: the centre's), who sent it."""

    id: int
    county_id: int
    unit_id: int | None
    title: str
    text: str
    findings: int
    created_by: str
    created_at: datetime


def _check(row: PublishCheckRow) -> PublishCheck:
    return PublishCheck(row.id, row.county_id, row.unit_id, row.title, row.text, row.findings, row.created_by,
                        row.created_at)


def add_check(session: Session, county_id: int, unit_id: int | None, title: str, text: str, findings: int,
              by: str) -> PublishCheck:
    row = PublishCheckRow(county_id=county_id, unit_id=unit_id, title=title, text=text, findings=findings,
                          created_by=by)
    session.add(row)
    session.flush()
    return _check(row)


def get_check(session: Session, county_id: int, check_id: int) -> PublishCheck:
    row = session.get(PublishCheckRow, check_id)
    if row is None or row.county_id != county_id:
        raise NotFound(f"没有编号为 {check_id} 的稿件")
    return _check(row)


def recent_checks(session: Session, county_id: int, unit_id: int | None, limit: int = 50) -> list[PublishCheck]:
    """The county's newest drafts (of one unit when `unit_id` is given), newest first."""
    query = select(PublishCheckRow).where(PublishCheckRow.county_id == county_id)
    if unit_id is not None:
        query = query.where(PublishCheckRow.unit_id == unit_id)
    return [_check(row) for row in session.scalars(query.order_by(PublishCheckRow.id.desc()).limit(limit))]


def signatures(session: Session, check_id: int) -> list[Signature]:
    """The draft's signed stages, in the order signed."""
    rows = session.scalars(select(PublishStepRow).where(PublishStepRow.check_id == check_id).order_by(PublishStepRow.id))
    return [Signature(r.stage, r.by, r.at, r.opinion) for r in rows]


def add_signature(session: Session, check_id: int, stage: str, by: str, opinion: str) -> Signature:
    row = PublishStepRow(check_id=check_id, stage=stage, by=by, opinion=opinion)
    session.add(row)
    session.flush()
    return Signature(row.stage, row.by, row.at, row.opinion)
