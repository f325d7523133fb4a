"""Posts and their text findings: idempotent inserts by natural key, and records for grading."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from govwatch.domain import limits
from govwatch.domain.incoming import ResolvedPost
from govwatch.domain.model import (
    Finding,
    FindingStatus,
    PostKind,
    PostRecord,
)
from govwatch.store.counties import StoredCounty, structure_keys
from govwatch.store.findings import COLUMNS, finding_of
from govwatch.store.tables import FindingRow, PostRow

_CHUNK = 500
_KINDS = {kind.value: kind for kind in PostKind}


def existing_keys(session: Session, county_id: int, keys: Sequence[str]) -> set[str]:
    """Which of `keys` are stored already."""
    found: set[str] = set()
    for i in range(0, len(keys), _CHUNK):
        chunk = keys[i : i + _CHUNK]
        found.update(session.scalars(
            select(PostRow.natural_key).where(PostRow.county_id == county_id, PostRow.natural_key.in_(chunk))
        ))
    return found


def _row(stored: StoredCounty, item: ResolvedPost) -> PostRow:
    """The row of a resolved post: the county's ids of its unit, column or account (by their typed keys)."""
    post = item.post
    return PostRow(
        county_id=stored.id,
        unit_id=stored.unit_ids[item.unit],
        column_id=stored.column_ids[item.column] if item.column else None,
        account_id=stored.account_ids[item.account] if item.account else None,
        natural_key=item.natural_key,
        title=post.title.strip(),
        url=post.url,
        published_at=post.published_at,
        text=post.text,
        kind=post.kind.value,
        content_hash=item.content_hash,
        source=post.source[: limits.POST_SOURCE],  # "import:" and a file name, which may be 255 long
    )


def insert_new_posts(session: Session, stored: StoredCounty, posts: Iterable[ResolvedPost]) -> list[PostRow]:
    """Store the posts not stored yet (by natural key); returns the new rows, flushed."""
    unique = list({p.natural_key: p for p in posts}.values())
    known = existing_keys(session, stored.id, [p.natural_key for p in unique])
    rows = [_row(stored, p) for p in unique if p.natural_key not in known]
    session.add_all(rows)
    session.flush()
    return rows


def update_changed_posts(session: Session, stored: StoredCounty,
                         posts: Iterable[ResolvedPost]) -> tuple[list[PostRow], list[PostRow]]:
    """Stored posts (by natural key) whose title, text or kind differ from `posts` are updated in place;
    those whose text changed lose their findings and `checked_at`, to be checked again.
    Returns (updated rows, rows to check again)."""
    by_key = {p.natural_key: p for p in posts}
    if not by_key:
        return [], []
    updated, rechecked = [], []
    rows = session.scalars(select(PostRow).where(PostRow.county_id == stored.id, PostRow.natural_key.in_(by_key)))
    for row in rows:
        item = by_key[row.natural_key]
        new = item.post
        title = new.title.strip()
        if (row.title, row.content_hash, row.kind) == (title, item.content_hash, new.kind.value):
            continue
        if row.content_hash != item.content_hash:
            row.findings.clear()
            row.checked_at = None
            rechecked.append(row)
        updated.append(row)
        row.title, row.text, row.url, row.kind, row.content_hash = (title, new.text, new.url, new.kind.value,
                                                                     item.content_hash)
    session.flush()
    return updated, rechecked


@dataclass(frozen=True)
class PostFilter:
    """Which posts a read takes: a county's, of one unit or account, published in [start, end)."""

    county_id: int
    start: datetime
    end: datetime
    unit_id: int | None = None
    account_id: int | None = None
    problems_only: bool = False  # only posts with a finding not judged a false alarm

    def where(self) -> list:
        span = [PostRow.county_id == self.county_id, PostRow.published_at >= self.start,
                PostRow.published_at < self.end]
        if self.unit_id is not None:
            span.append(PostRow.unit_id == self.unit_id)
        if self.account_id is not None:
            span.append(PostRow.account_id == self.account_id)
        if self.problems_only:  # an alias: the findings query of a read selects from FindingRow itself
            other = aliased(FindingRow)
            span.append(select(other.id).where(
                other.post_id == PostRow.id, other.status != FindingStatus.FALSE_ALARM.value).exists())
        return span


_RECORD = (PostRow.id, PostRow.unit_id, PostRow.title, PostRow.published_at, PostRow.kind, PostRow.column_id,
           PostRow.account_id, PostRow.url)


def read_posts(session: Session, chosen: PostFilter, offset: int = 0, limit: int | None = None,
               by_position: bool = False) -> list[PostRecord]:
    """The posts `chosen` matches, by publication, each with its findings, as the domain reads them (one
    page of them with `limit`); findings in the order stored, or in text order with `by_position`.

    Plain column queries (no ORM objects, no post texts; a span's findings in one joined query rather than
    an IN-list of every post id): a county-month of a province is graded in tens of milliseconds.
    """
    connection = session.connection()  # Core rows: the ORM's per-row loading costs more than the grading
    units, columns, accounts = structure_keys(connection, chosen.county_id)
    query = select(*_RECORD).where(*chosen.where()).order_by(PostRow.published_at, PostRow.id)
    rows = list(connection.execute(query.offset(offset).limit(limit) if limit else query))
    findings = select(*COLUMNS).order_by(*((FindingRow.post_id, FindingRow.start) if by_position else (FindingRow.id,)))
    if limit is None:
        findings = findings.join(PostRow, PostRow.id == FindingRow.post_id).where(*chosen.where())
    else:
        findings = findings.where(FindingRow.post_id.in_([row.id for row in rows]))
    issues: dict[int, list[Finding]] = defaultdict(list)
    for row in connection.execute(findings) if rows else ():
        issues[row.post_id].append(finding_of(row))
    return [
        PostRecord(
            id=id_, unit=units[unit_id], title=title, published_at=published_at, kind=_KINDS[kind],
            column=columns[column_id] if column_id else None,
            account=accounts[account_id] if account_id else None,
            url=url, issues=tuple(issues.get(id_, ())),
        )
        for id_, unit_id, title, published_at, kind, column_id, account_id, url in rows
    ]


def post_records(session: Session, county_id: int, start: datetime, end: datetime) -> list[PostRecord]:
    """Posts published in [start, end) with their findings, as grading reads them."""
    return read_posts(session, PostFilter(county_id, start, end))


def post_ids(session: Session, county_id: int, unchecked_only: bool) -> list[int]:
    """The ids of the county's posts (only those not checked yet), in order."""
    query = select(PostRow.id).where(PostRow.county_id == county_id).order_by(PostRow.id)
    return list(session.scalars(query.where(PostRow.checked_at.is_(None)) if unchecked_only else query))


def posts_to_check(session: Session, county_id: int, first_id: int, last_id: int,
                   unchecked_only: bool) -> list[PostRow]:
    """The county's posts with ids in [first_id, last_id] (only those not checked yet), to check and
    mark checked in the caller's transaction; on PostgreSQL locked, skipping those a live batch holds."""
    query = select(PostRow).where(PostRow.county_id == county_id, PostRow.id.between(first_id, last_id))
    query = query.where(PostRow.checked_at.is_(None)) if unchecked_only else query
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)  # a retried batch never waits on a live one
    return list(session.scalars(query.order_by(PostRow.id)))


def count_posts(session: Session, chosen: PostFilter) -> int:
    return session.scalar(select(func.count()).select_from(PostRow).where(*chosen.where())) or 0


def posts_per_unit(session: Session, county_id: int, start: datetime, end: datetime) -> dict[int, int]:
    """Posts per unit id published in [start, end)."""
    rows = session.execute(
        select(PostRow.unit_id, func.count()).where(
            PostRow.county_id == county_id, PostRow.published_at >= start, PostRow.published_at < end)
        .group_by(PostRow.unit_id)
    )
    return {unit_id: count for unit_id, count in rows}


def post_id_of(session: Session, county_id: int, natural_key: str) -> int | None:
    """The id of the county's post stored under `natural_key`, if any."""
    return session.scalar(select(PostRow.id).where(PostRow.county_id == county_id, PostRow.natural_key == natural_key))


def title_and_text(session: Session, post_id: int) -> tuple[str, str]:
    """A stored post's title and text, as the checker reads them."""
    row = session.execute(select(PostRow.title, PostRow.text).where(PostRow.id == post_id)).one()
    return row.title, row.text


def newest_of_account(session: Session, account_id: int) -> datetime | None:
    """When the account's newest stored post was published (None: nothing stored yet)."""
    return session.scalar(select(func.max(PostRow.published_at)).where(PostRow.account_id == account_id))


def reclassify_account_posts(session: Session, county_id: int, start: datetime, end: datetime,
                             kind_of: Callable[[str, str | None, PostKind], PostKind]) -> int:
    """Give each account post of [start, end) the kind `kind_of(title, url, kind)` says; returns how many changed."""
    changed = 0
    for post in session.scalars(select(PostRow).where(
        PostRow.county_id == county_id, PostRow.account_id.is_not(None),
        PostRow.published_at >= start, PostRow.published_at < end,
    )):
        kind = kind_of(post.title, post.url, _KINDS[post.kind])
        if kind != post.kind:
            post.kind = kind.value
            changed += 1
    session.flush()
    return changed


def county_totals(session: Session, county_id: int) -> tuple[int, int]:
    """How many posts and text findings the county holds."""
    posts = session.scalar(select(func.count()).select_from(PostRow).where(PostRow.county_id == county_id)) or 0
    findings = session.scalar(
        select(func.count()).select_from(FindingRow).join(PostRow).where(PostRow.county_id == county_id)) or 0
    return posts, findings
