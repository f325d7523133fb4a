"""Reading the crawl findings back as domain `CrawlIssue`s, with their column and the units that keep it."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from govwatch.domain.calendar import Month, month_range
from govwatch.domain.crawl_issues import CrawlIssue, CrawlIssueKind, issues_of_span
from govwatch.domain.model import ColumnKey
from govwatch.store.counties import StoredCounty
from govwatch.store.tables import CrawledPageRow, CrawlFindingRow, PostRow


def crawl_issues(
    session: Session,
    stored: StoredCounty,
    *,
    units: Collection[str] | None = None,
    kinds: Collection[CrawlIssueKind] | None = None,
    resolved: bool = False,
    since: datetime | None = None,
    limit: int | None = None,
) -> list[CrawlIssue]:
    """The county's crawl issues, most recently seen first: open ones only unless `resolved`; those of
    columns kept by one of `units` (a finding of no known column belongs to no unit, so a unit filter
    leaves it out); of `kinds`; not resolved before `since`."""
    query = select(CrawlFindingRow).where(CrawlFindingRow.county_id == stored.id)
    if not resolved:
        query = query.where(CrawlFindingRow.resolved_at.is_(None))
    elif since is not None:
        query = query.where((CrawlFindingRow.resolved_at.is_(None)) | (CrawlFindingRow.resolved_at >= since))
    if kinds is not None:
        query = query.where(CrawlFindingRow.kind.in_([k.value for k in kinds]))
    keys = {column_id: key for key, column_id in _columns(stored).items()}
    holders = _units_of_columns(stored)
    found = []
    for row in session.scalars(query.order_by(CrawlFindingRow.last_seen.desc(), CrawlFindingRow.id.desc())):
        column = keys.get(row.column_id) if row.column_id is not None else None
        kept_by = holders.get(column, ()) if column is not None else ()
        if units is not None and not set(kept_by) & set(units):
            continue
        found.append(_issue(row, column, kept_by))
        if limit is not None and len(found) >= limit:
            break
    return found


def _columns(stored: StoredCounty) -> dict[ColumnKey, int]:
    return {key: stored.column_ids[key] for key in stored.county.columns() if key in stored.column_ids}


def _units_of_columns(stored: StoredCounty) -> dict[ColumnKey, tuple[str, ...]]:
    holders: dict[ColumnKey, list[str]] = {}
    for row in stored.county.assignment_rows:
        names = holders.setdefault(row.column, [])
        if row.unit not in names:
            names.append(row.unit)
    return {key: tuple(names) for key, names in holders.items()}


def _issue(row: CrawlFindingRow, column: ColumnKey | None, units: tuple[str, ...]) -> CrawlIssue:
    return CrawlIssue(
        id=row.id, kind=CrawlIssueKind(row.kind), url=row.url, page=row.page or None, column=column, units=units,
        status=row.status, detail=row.detail, first_seen=row.first_seen, last_seen=row.last_seen,
        rechecked=row.rechecked, resolved_at=row.resolved_at,
    )


def month_crawl_issues(session: Session, stored: StoredCounty, month: Month) -> list[CrawlIssue]:
    """The issues of `month` (domain.crawl_issues.issues_of_span): what its annex workbook and, where
    rules.yaml asks, its grades count."""
    days = month_range(month)
    zone = ZoneInfo(stored.county.county.timezone)
    start, end = days.moments(zone)
    pages = set(session.scalars(select(CrawledPageRow.url).join(PostRow, CrawledPageRow.post_id == PostRow.id).where(
        CrawledPageRow.county_id == stored.id, PostRow.published_at >= start, PostRow.published_at < end)))
    return issues_of_span(crawl_issues(session, stored, resolved=True), days, zone, pages)
