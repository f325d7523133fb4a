"""Storing what crawls collect: pages with their versions, the resumable frontier, crawl findings, tokens."""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Callable, Iterable
from dataclasses import asdict
from datetime import datetime
from typing import Any, cast

from sqlalchemy import ColumnElement, CursorResult, delete, func, select, update
from sqlalchemy.orm import Session

from govwatch.collect.crawl.fetch import Request, Validators
from govwatch.collect.crawl.results import Finding, PageResult
from govwatch.collect.platforms.base import ItemProblem
from govwatch.store.db import Database
from govwatch.store.tables import (
    CollectFailureRow,
    CrawledPageRow,
    CrawlFindingRow,
    FrontierRow,
    PageVersionRow,
    PlatformTokenRow,
    utcnow,
)


def page_validators(session: Session, county_id: int) -> dict[str, tuple[Validators, str]]:
    """Every stored page's validators and content hash, by URL."""
    rows = session.execute(select(CrawledPageRow.url, CrawledPageRow.etag, CrawledPageRow.last_modified,
                                  CrawledPageRow.content_hash).where(CrawledPageRow.county_id == county_id))
    return {url: (Validators(etag, modified), digest) for url, etag, modified, digest in rows}


def _version(result: PageResult, digest: str) -> PageVersionRow:
    article = result.article
    return PageVersionRow(content_hash=digest, encoding=result.encoding, raw=zlib.compress(result.raw, 6),
                          title=article.title, published_at=article.published_at, source=article.source,
                          text=article.text, method=article.method)


def save_page(session: Session, county_id: int, column_id: int | None, result: PageResult, digest: str,
              post_id: int | None) -> str:
    """Store the page or its new version; returns "new", "changed" or "same"."""
    now = utcnow()
    row = session.scalar(select(CrawledPageRow).where(CrawledPageRow.county_id == county_id,
                                                      CrawledPageRow.url == result.article.url))
    state = "same"
    if row is None:
        row = CrawledPageRow(county_id=county_id, url=result.article.url, column_id=column_id, post_id=post_id,
                             content_hash=digest, first_seen=now, last_changed=now)
        session.add(row)
        state = "new"
    elif row.content_hash != digest:
        row.content_hash, row.last_changed, state = digest, now, "changed"
    if state != "same":
        row.versions.append(_version(result, digest))
    row.etag, row.last_modified, row.last_fetched = result.validators.etag, result.validators.last_modified, now
    session.flush()
    return state


def replay_raw(version: PageVersionRow) -> bytes:
    """The page exactly as served, for extracting it again with a newer extractor."""
    return zlib.decompress(version.raw)


def stored_html(session: Session, county_id: int, url: str) -> str | None:
    """The latest stored version of the page at `url` as text, or None when none is stored."""
    version = session.scalar(select(PageVersionRow).join(CrawledPageRow).where(
        CrawledPageRow.county_id == county_id, CrawledPageRow.url == url).order_by(PageVersionRow.id.desc()).limit(1))
    return replay_raw(version).decode(version.encoding, errors="replace") if version else None


def save_findings(session: Session, county_id: int, findings: Iterable[Finding],
                  column_id: Callable[[str | None], int | None]) -> None:
    """Record findings (each once per kind, link and page), refreshing last_seen and reopening resolved ones."""
    now = utcnow()
    for finding in findings:
        row = session.scalar(select(CrawlFindingRow).where(
            CrawlFindingRow.county_id == county_id, CrawlFindingRow.kind == finding.kind,
            CrawlFindingRow.url == finding.url, CrawlFindingRow.page == (finding.page or "")))
        if row is None:
            row = CrawlFindingRow(county_id=county_id, kind=finding.kind, url=finding.url, page=finding.page or "",
                                  first_seen=now)
            session.add(row)
        row.column_id = column_id(finding.column)
        row.status, row.detail, row.last_seen, row.resolved_at = finding.status, finding.detail, now, None
        row.rechecked = finding.rechecked
    session.flush()


def resolve_findings(session: Session, county_id: int, pages: Iterable[str], before: datetime) -> int:
    """Close the open findings of pages read again since `before` that were not met again."""
    pages = list(pages)
    closed = 0
    for i in range(0, len(pages), 500):
        closed += cast("CursorResult[Any]", session.execute(update(CrawlFindingRow).where(
            CrawlFindingRow.county_id == county_id, CrawlFindingRow.page.in_(pages[i:i + 500]),
            CrawlFindingRow.resolved_at.is_(None), CrawlFindingRow.last_seen < before,
        ).values(resolved_at=utcnow()))).rowcount
    return closed


def open_findings(session: Session, county_id: int) -> list[CrawlFindingRow]:
    return list(session.scalars(select(CrawlFindingRow).where(
        CrawlFindingRow.county_id == county_id, CrawlFindingRow.resolved_at.is_(None)).order_by(CrawlFindingRow.id)))


def _key_hash(request: Request) -> str:
    return hashlib.sha256(request.key.encode()).hexdigest()


class StoredFrontier:
    """The frontier in the database, each change committed at once so that a killed crawl can resume.

    One per (county, scope): runs of other scopes of the county, going on at the same time, are neither
    resumed nor cleared by this one."""

    def __init__(self, db: Database, county_id: int, scope: str) -> None:
        self.db, self.county_id, self.scope = db, county_id, scope
        with db.transaction() as session:
            self._seen = set(session.scalars(select(FrontierRow.key_hash).where(self._mine())))

    def _mine(self) -> ColumnElement[bool]:
        return (FrontierRow.county_id == self.county_id) & (FrontierRow.scope == self.scope)

    def add(self, requests: Iterable[Request]) -> list[Request]:
        new = {}
        for request in requests:
            digest = _key_hash(request)
            if digest not in self._seen:
                new[digest] = request
                self._seen.add(digest)
        if new:
            with self.db.transaction() as session:
                session.add_all(
                    FrontierRow(county_id=self.county_id, scope=self.scope, key_hash=digest, request=asdict(request))
                    for digest, request in new.items()
                )
        return list(new.values())

    def done(self, request: Request) -> None:
        with self.db.transaction() as session:
            session.execute(update(FrontierRow).where(self._mine(), FrontierRow.key_hash == _key_hash(request))
                            .values(done=True, updated_at=utcnow()))

    def pending(self) -> list[Request]:
        with self.db.transaction() as session:
            rows = session.scalars(select(FrontierRow.request).where(self._mine(), FrontierRow.done.is_(False))
                                   .order_by(FrontierRow.id))
            return [Request(**{**data, "form": tuple(tuple(pair) for pair in data["form"])}) for data in rows]

    def finish(self) -> None:
        with self.db.transaction() as session:
            session.execute(delete(FrontierRow).where(self._mine()))
        self._seen.clear()


class StoredTokens:
    """Access tokens kept in the database, so every worker process shares one per account."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, key: str) -> tuple[str, datetime] | None:
        with self.db.transaction() as session:
            row = session.get(PlatformTokenRow, key)
            return (row.token, row.expires_at) if row else None

    def put(self, key: str, token: str, expires_at: datetime) -> None:
        with self.db.transaction() as session:
            row = session.get(PlatformTokenRow, key) or PlatformTokenRow(key=key)
            row.token, row.expires_at = token, expires_at
            session.add(row)

    def drop(self, key: str) -> None:
        with self.db.transaction() as session:
            session.execute(delete(PlatformTokenRow).where(PlatformTokenRow.key == key))


def earliest_failure(session: Session, account_id: int) -> datetime | None:
    """The day of the account's oldest item still waiting to be read again (None: nothing waits)."""
    return session.scalar(select(func.min(CollectFailureRow.published_at))
                          .where(CollectFailureRow.account_id == account_id))


def record_failures(session: Session, account_id: int, start: datetime, end: datetime | None,
                    failed: Iterable[ItemProblem]) -> None:
    """Replace the account's failures of the period [start, end) (and undated ones) by this run's."""
    in_period = CollectFailureRow.published_at >= start
    if end is not None:
        in_period = in_period & (CollectFailureRow.published_at < end)
    session.execute(delete(CollectFailureRow).where(
        CollectFailureRow.account_id == account_id, CollectFailureRow.published_at.is_(None) | in_period))
    now = utcnow()
    for problem in {p.key: p for p in failed}.values():
        row = session.scalar(select(CollectFailureRow).where(CollectFailureRow.account_id == account_id,
                                                             CollectFailureRow.item_key == problem.key))
        if row is None:
            row = CollectFailureRow(account_id=account_id, item_key=problem.key, first_failed=now)
            session.add(row)
        row.reason, row.published_at, row.last_failed = problem.reason, problem.published_at, now
    session.flush()
