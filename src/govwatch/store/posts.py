"""Posts and their text findings: idempotent inserts by natural key, and records for grading."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

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
_KINDS = {kind.value: kind for kind in PostKind}


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


def update_changed_posts(session: Session, county_id: int,
                         posts: Iterable[PostInsert]) -> tuple[list[PostRow], list[PostRow]]:
    """Stored posts (by natural key) whose title, text or kind differ from `posts` are updated in place;
    those whose text changed lose their findings and `checked_at`, to be checked again.
    Returns (updated rows, rows to check again)."""
    by_key = {p.natural_key: p for p in posts}
    if not by_key:
        return [], []
    updated, rechecked = [], []
    rows = session.scalars(select(PostRow).where(PostRow.county_id == county_id, PostRow.natural_key.in_(by_key)))
    for row in rows:
        new = by_key[row.natural_key]
        if (row.title, row.content_hash, row.kind) == (new.title, new.content_hash, new.kind.value):
            continue
        if row.content_hash != new.content_hash:
            row.findings.clear()
            row.checked_at = None
            rechecked.append(row)
        updated.append(row)
        row.title, row.text, row.url, row.kind, row.content_hash = (new.title, new.text, new.url, new.kind.value,
                                                                     new.content_hash)
    session.flush()
    return updated, rechecked


def post_records(session: Session, county_id: int, start: datetime, end: datetime) -> list[PostRecord]:
    """Posts published in [start, end) with their findings, as the domain reads them.

    Plain column queries (no ORM objects, no post texts, findings in one joined query rather than an
    IN-list of every post id): a county-month of a province is graded in tens of milliseconds.
    """
    connection = session.connection()  # Core rows: the ORM's per-row loading costs more than the grading
    units = {id_: name for id_, name in connection.execute(
        select(UnitRow.id, UnitRow.name).where(UnitRow.county_id == county_id))}
    columns = {id_: ColumnKey(channel, units.get(owner) if owner is not None else None, name) for id_, channel, owner, name in connection.execute(
        select(ColumnRow.id, ColumnRow.channel, ColumnRow.owner_unit_id, ColumnRow.name)
        .where(ColumnRow.county_id == county_id))}
    accounts = {id_: AccountKey(name, Platform(platform)) for id_, name, platform in connection.execute(
        select(AccountRow.id, AccountRow.name, AccountRow.platform).where(AccountRow.county_id == county_id))}
    in_span = (PostRow.county_id == county_id, PostRow.published_at >= start, PostRow.published_at < end)
    issues: dict[int, list[TextIssue]] = defaultdict(list)
    for post_id, type_, severity, certain, wrong, suggestion, status in connection.execute(
        select(FindingRow.post_id, FindingRow.type, FindingRow.severity, FindingRow.certain, FindingRow.wrong,
               FindingRow.suggestion, FindingRow.status)
        .join(PostRow, PostRow.id == FindingRow.post_id).where(*in_span).order_by(FindingRow.id)
    ):
        issues[post_id].append(TextIssue(type_, Severity(severity), certain, wrong, suggestion, FindingStatus(status)))
    rows = connection.execute(
        select(PostRow.id, PostRow.unit_id, PostRow.title, PostRow.published_at, PostRow.kind, PostRow.column_id,
               PostRow.account_id, PostRow.url)
        .where(*in_span).order_by(PostRow.published_at, PostRow.id)
    )
    return [
        PostRecord(
            id=id_, unit=units[unit_id], title=title, published_at=published_at, kind=_KINDS[kind],
            column=columns.get(column_id) if column_id else None,
            account=accounts.get(account_id) if account_id else None,
            url=url, issues=tuple(issues.get(id_, ())),
        )
        for id_, unit_id, title, published_at, kind, column_id, account_id, url in rows
    ]
