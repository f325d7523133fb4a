"""Posts and their text findings: idempotent inserts by natural key, and records for grading."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from govwatch.domain.model import (
    AccountKey,
    ColumnKey,
    Finding,
    FindingStatus,
    Platform,
    PostKind,
    PostRecord,
)
from govwatch.store.findings import COLUMNS, finding_of
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
    columns = {id_: ColumnKey(channel, units.get(owner), name) for id_, channel, owner, name in connection.execute(
        select(ColumnRow.id, ColumnRow.channel, ColumnRow.owner_unit_id, ColumnRow.name)
        .where(ColumnRow.county_id == county_id))}
    accounts = {id_: AccountKey(name, Platform(platform)) for id_, name, platform in connection.execute(
        select(AccountRow.id, AccountRow.name, AccountRow.platform).where(AccountRow.county_id == county_id))}
    in_span = (PostRow.county_id == county_id, PostRow.published_at >= start, PostRow.published_at < end)
    issues: dict[int, list[Finding]] = defaultdict(list)
    for row in connection.execute(
        select(*COLUMNS).join(PostRow, PostRow.id == FindingRow.post_id).where(*in_span).order_by(FindingRow.id)
    ):
        issues[row.post_id].append(finding_of(row))
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


@dataclass(frozen=True)
class ListedPost:
    """A post as the dashboard lists it (a read model, no body): what a row shows and the ids it links by."""

    id: int
    unit_id: int
    column_id: int | None
    account_id: int | None
    title: str
    url: str | None
    published_at: datetime
    kind: PostKind


_LISTED = (PostRow.id, PostRow.unit_id, PostRow.column_id, PostRow.account_id, PostRow.title, PostRow.url,
           PostRow.published_at, PostRow.kind)


@dataclass(frozen=True)
class PostFilter:
    """Which posts a listing reads: a county's, of one unit or account, published in [start, end)."""

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
        if self.problems_only:  # an alias: the listing's findings query selects from FindingRow itself
            other = aliased(FindingRow)
            span.append(select(other.id).where(
                other.post_id == PostRow.id, other.status != FindingStatus.FALSE_ALARM.value).exists())
        return span


def listed_posts(session: Session, chosen: PostFilter, offset: int = 0,
                 limit: int | None = None) -> list[tuple[ListedPost, list[Finding]]]:
    """The posts `chosen` matches, by publication, with their findings in text order (one page of them
    with `limit`): two queries, the findings by a join for a whole span, by the page's ids for a page."""
    query = select(*_LISTED).where(*chosen.where()).order_by(PostRow.published_at, PostRow.id)
    posts = [ListedPost(*row[:-1], kind=_KINDS[row.kind])
             for row in session.execute(query.offset(offset).limit(limit) if limit else query)]
    findings = select(*COLUMNS).order_by(FindingRow.post_id, FindingRow.start)
    if limit is None:
        findings = findings.join(PostRow, PostRow.id == FindingRow.post_id).where(*chosen.where())
    else:
        findings = findings.where(FindingRow.post_id.in_([p.id for p in posts]))
    found: dict[int, list[Finding]] = defaultdict(list)
    for row in session.execute(findings) if posts else ():
        found[row.post_id].append(finding_of(row))
    return [(p, found.get(p.id, [])) for p in posts]


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
