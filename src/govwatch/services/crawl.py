"""`govwatch crawl`: crawl the county's columns and store new and changed articles, their versions and findings.

Each article is stored in its own transaction (page, version, post and its text findings together),
so a crawl killed half-way leaves whole articles only, and resumes from the persisted frontier.
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TextIO
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from govwatch.collect.crawl.crawler import ColumnTarget, CrawlOptions, CrawlStats
from govwatch.collect.crawl.fetch import Validators
from govwatch.collect.crawl.frontier import Frontier, MemoryFrontier
from govwatch.collect.crawl.results import Finding, PageResult
from govwatch.collect.crawl.session import crawl
from govwatch.domain.county import County, CrawlSettings
from govwatch.domain.incoming import IncomingPost, content_hash
from govwatch.proofread import Proofreader
from govwatch.services.attachment_checking import store_and_check
from govwatch.services.checking import post_text
from govwatch.services.ingest import RejectedPosts, ingest_posts
from govwatch.store.collection import (
    StoredFrontier,
    page_validators,
    resolve_findings,
    save_findings,
    save_page,
    stored_html,
)
from govwatch.store.counties import StoredCounty
from govwatch.store.db import Database
from govwatch.store.posts import post_id_of, title_and_text
from govwatch.store.tables import utcnow


def column_targets(county: County) -> list[ColumnTarget]:
    """Each configured column with a list-page URL, once (a shared column is listed by many units)."""
    found = {str(row.column): row.url for row in county.assignment_rows if row.url}
    return [ColumnTarget(column, url) for column, url in found.items()]


def crawl_options(county: County, since: datetime | None) -> CrawlOptions:
    settings = county.crawl
    return CrawlOptions(since=since, zone=ZoneInfo(county.county.timezone), check_links=settings.check_links,
                        government_domains=settings.government_domains, max_list_pages=settings.max_list_pages,
                        max_links_per_page=settings.max_links_per_page, attachments=settings.check_attachments,
                        max_attachments_per_page=settings.max_attachments_per_page,
                        workers=min(64, settings.concurrency * 4))


def incoming(county: County, result: PageResult) -> IncomingPost:
    """The article as a post of its column: a unit's own column names the unit, a shared one its 来源."""
    key = next(c for c in county.columns() if str(c) == result.column)
    article = result.article
    assert article.published_at is not None  # a page without a date is a crawl finding, not a PageResult
    return IncomingPost(article.title, article.published_at, article.text, article.url,
                        unit=key.owner or article.source, channel=key.channel, column=key.name, source="crawl")


@dataclass
class StoringSink:
    """Writes each article whole in its own transaction; findings likewise."""

    db: Database
    stored: StoredCounty
    proofreader: Proofreader | None  # None: posts stored unchecked, for the workers' checking queue
    added: int = 0
    changed: int = 0
    checked_pages: set[str] = field(default_factory=set)
    _known: dict[str, tuple[Validators, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        with self.db.transaction() as session:
            self._known = page_validators(session, self.stored.id)

    def validators(self, url: str) -> Validators | None:
        known = self._known.get(url)
        return known[0] if known else None

    def page(self, result: PageResult) -> None:
        article = result.article
        digest = content_hash(article.title, article.text)
        self.checked_pages.add(article.url)
        try:
            state = self._store(result, digest)
        except RejectedPosts as exc:  # raised before anything was written: the transaction is empty
            self.finding(Finding("unresolved", article.url, None, result.column, detail=exc.problems[0][1]))
            return
        self.added += state == "new"
        self.changed += state == "changed"
        self._known[article.url] = (result.validators, digest)

    def _store(self, result: PageResult, digest: str) -> str:
        article = result.article
        with self.db.transaction() as session:
            post_id = None
            if article.url not in self._known:
                ingest_posts(session, self.stored, [incoming(self.stored.county, result)], self.proofreader)
                post_id = post_id_of(session, self.stored.id, f"url:{article.url.strip()}")
                if post_id is not None and result.attachments:
                    store_and_check(session, post_id, result.attachments, post_text(*title_and_text(session, post_id)),
                                    self.proofreader)
            column_id = self.stored.column_id_of_path(result.column)
            return save_page(session, self.stored.id, column_id, result, digest, post_id)

    def stored_html(self, url: str) -> str | None:
        with self.db.transaction() as session:
            return stored_html(session, self.stored.id, url)

    def unchanged(self, url: str, links_checked: bool) -> None:
        if links_checked:  # its links were checked again: findings not met again are closed
            self.checked_pages.add(url)
        else:
            self.checked_pages.discard(url)

    def finding(self, finding: Finding) -> None:
        with self.db.transaction() as session:
            save_findings(session, self.stored.id, [finding], self.stored.column_id_of_path)


@dataclass(frozen=True)
class CrawlReport:
    stats: CrawlStats
    added: int
    changed: int
    resolved: int


def crawl_scope(targets: Iterable[ColumnTarget]) -> str:
    """The hosts a run crawls, as the name of its frontier: per-host jobs of a county keep theirs apart."""
    return ",".join(sorted({urlsplit(t.url).hostname or "" for t in targets}))


def run_crawl(db: Database, stored: StoredCounty, proofreader: Proofreader | None, targets: Iterable[ColumnTarget],
              since: datetime | None = None, settings: CrawlSettings | None = None,
              on_progress: Callable[[CrawlStats], None] = lambda _: None) -> CrawlReport:
    """Crawl `targets` into the database; resumes an interrupted run of the same county and hosts."""
    targets = list(targets)
    started = utcnow()
    sink = StoringSink(db, stored, proofreader)
    frontier: Frontier = StoredFrontier(db, stored.id, crawl_scope(targets))
    settings = settings or stored.county.crawl
    stats = asyncio.run(crawl(targets, settings, crawl_options(stored.county, since), sink, frontier, on_progress))
    with db.transaction() as session:
        resolved = resolve_findings(session, stored.id, sink.checked_pages, started)
    return CrawlReport(stats, sink.added, sink.changed, resolved)


@dataclass
class JsonLinesSink:
    """`--dry-run --format jsonl`: one JSON object per article and per finding, nothing stored."""

    out: TextIO

    def validators(self, url: str) -> Validators | None:
        return None

    def page(self, result: PageResult) -> None:
        self._write(result.article.as_json())

    def stored_html(self, url: str) -> str | None:
        return None

    def unchanged(self, url: str, links_checked: bool) -> None:
        """A dry run never sends validators, so nothing is ever unchanged."""

    def finding(self, finding: Finding) -> None:
        self._write(finding.as_json())

    def _write(self, data: dict) -> None:
        self.out.write(json.dumps(data, ensure_ascii=False) + "\n")
        self.out.flush()


def dry_run(url: str, county: County | None, out: TextIO | None = None, proxy: str | None = None) -> CrawlStats:
    """Crawl one list page's column without storing anything; JSON lines to `out`."""
    settings = county.crawl if county else CrawlSettings()
    settings = settings.through(proxy)
    options = crawl_options(county, None) if county else CrawlOptions(workers=settings.concurrency * 4)
    return asyncio.run(crawl([ColumnTarget("", url)], settings, options, JsonLinesSink(out or sys.stdout),
                             MemoryFrontier()))
