"""Posts and their text findings: idempotent inserts by natural key, and records for grading."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from govwatch.domain.model import (
    AccountKey,
    ColumnKey,
    FindingStatus,
    Platform,
    PostKind,
    PostRecord,
    Severity,
    TextIssue,
)
from govwatch.store.tables import AccountRow, ColumnRow, FindingRow, PostRow, UnitRow

_CHUNK = 500


@dataclass(frozen=True)
class PostInsert:
    """A post ready to store: ids resolved, natural key computed."""

    unit_id: int
    column_id: int | None
    account_id: int | None
    natural_key: str
    title: str
    url: str | None
    published_at: datetime
    text: str
    kind: PostKind
    content_hash: str
    source: str


def existing_keys(session: Session, county_id: int, keys: Sequence[str]) -> set[str]:
    """Which of `keys` are stored already."""
    found: set[str] = set()
    for i in range(0, len(keys), _CHUNK):
        chunk = keys[i : i + _CHUNK]
        found.update(session.scalars(
            select(PostRow.natural_key).where(PostRow.county_id == county_id, PostRow.natural_key.in_(chunk))
        ))
    return found


def insert_new_posts(session: Session, county_id: int, posts: Iterable[PostInsert]) -> list[PostRow]:
    """Store the posts not stored yet (by natural key); returns the new rows, flushed."""
    unique = list({p.natural_key: p for p in posts}.values())
    known = existing_keys(session, county_id, [p.natural_key for p in unique])
    rows = [
        PostRow(
            county_id=county_id,
            unit_id=p.unit_id,
            column_id=p.column_id,
            account_id=p.account_id,
            natural_key=p.natural_key,
            title=p.title,
            url=p.url,
            published_at=p.published_at,
            text=p.text,
            kind=p.kind.value,
            content_hash=p.content_hash,
            source=p.source,
        )
        for p in unique
        if p.natural_key not in known
    ]
    session.add_all(rows)
    session.flush()
    return rows


def post_records(session: Session, county_id: int, start: datetime, end: datetime) -> list[PostRecord]:
    """Posts published in [start, end) with their findings, as the domain reads them."""
    units = {u.id: u.name for u in session.scalars(select(UnitRow).where(UnitRow.county_id == county_id))}
    columns = {c.id: c for c in session.scalars(select(ColumnRow).where(ColumnRow.county_id == county_id))}
    accounts = {a.id: a for a in session.scalars(select(AccountRow).where(AccountRow.county_id == county_id))}
    rows = session.scalars(
        select(PostRow)
        .where(PostRow.county_id == county_id, PostRow.published_at >= start, PostRow.published_at < end)
        .options(selectinload(PostRow.findings))
        .order_by(PostRow.published_at, PostRow.id)
    )
    records = []
    for row in rows:
        column = columns.get(row.column_id) if row.column_id else None
        account = accounts.get(row.account_id) if row.account_id else None
        records.append(PostRecord(
            id=row.id,
            unit=units[row.unit_id],
            title=row.title,
            published_at=row.published_at,
            kind=PostKind(row.kind),
            column=ColumnKey(column.channel, units.get(column.owner_unit_id), column.name) if column else None,
            account=AccountKey(account.name, Platform(account.platform)) if account else None,
            url=row.url,
            issues=tuple(
                TextIssue(f.type, Severity(f.severity), f.certain, f.wrong, f.suggestion, FindingStatus(f.status))
                for f in row.findings
            ),
        ))
    return records
