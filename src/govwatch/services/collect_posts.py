"""`govwatch ingest`: pull each configured account's posts through its adapter and store them.

Each account is one transaction: its new posts are stored and checked together, or, when the
platform fails as a whole (authorisation, quota), not at all (the error names the account and what to
do). An item that fails alone (one article page) is recorded and read again on the next run.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import httpx

from govwatch.collect.platforms.base import (
    AdapterContext,
    Listing,
    PlatformError,
    PlatformPost,
    TokenStore,
    adapter_for,
)
from govwatch.collect.platforms.classify import classify
from govwatch.domain.calendar import Month
from govwatch.domain.county import Account
from govwatch.domain.incoming import IncomingPost
from govwatch.domain.model import AccountKey, PostKind
from govwatch.domain.recommended import Recommended
from govwatch.proofread import Proofreader
from govwatch.services.ingest import ingest_posts
from govwatch.store.collection import earliest_failure, record_failures
from govwatch.store.counties import StoredCounty
from govwatch.store.db import Database
from govwatch.store.posts import newest_of_account
from govwatch.store.recommended import month_lists

# Re-read a little before the newest stored post: platforms publish late edits and back-dated items.
OVERLAP = timedelta(days=2)
FIRST_RUN = timedelta(days=60)


@dataclass(frozen=True)
class AccountResult:
    """One account's run: what was found, stored, updated, of which kind, and each item left out with why."""

    account: str
    platform: str
    fetched: int = 0  # posts the platform gave for the period
    added: int = 0
    updated: int = 0
    originals: int = 0
    reposts: int = 0  # 推荐转载 and 其它转载
    skipped: tuple[str, ...] = ()
    failed: tuple[str, ...] = ()  # items not read this time: retried on the next run
    gaps: tuple[str, ...] = ()  # what the platform can no longer (or not yet) give for the period
    error: str | None = None  # the whole account failed


def to_incoming(account: Account, post: PlatformPost, recommended: list[Recommended]) -> IncomingPost:
    """A platform post as govwatch stores it, keyed by platform + account + post id (no URL: links change)."""
    return IncomingPost(post.title or post.text[:40] or post.post_id, post.published_at, post.text,
                        kind=classify(post, recommended), account=account.name, platform=account.platform,
                        external_id=f"{post.platform}:{post.post_id}", source=f"ingest:{post.platform}")


def _since(db: Database, stored: StoredCounty, account: Account, zone: ZoneInfo, today: date) -> datetime:
    """Just before the newest stored post (first run: FIRST_RUN back), or the oldest item waiting to be retried."""
    account_id = stored.account_ids[account.key]
    with db.transaction() as session:
        newest = newest_of_account(session, account_id)
        waiting = earliest_failure(session, account_id)
    start = (newest - OVERLAP) if newest else datetime.combine(today, time(), zone) - FIRST_RUN
    return min(start, waiting) if waiting else start


async def _fetch_all(accounts: Sequence[Account], since: Mapping[AccountKey, datetime], until: datetime | None,
                     context: AdapterContext, on_account: Callable[[str], None]) -> list[tuple[Account, Listing | str]]:
    out: list[tuple[Account, Listing | str]] = []
    for account in accounts:
        on_account(str(account.key))
        try:
            out.append((account, await adapter_for(account, context).list_posts(account, since[account.key],
                                                                                 until)))
        except PlatformError as exc:
            out.append((account, str(exc)))
    return out


def ingest_accounts(db: Database, stored: StoredCounty, proofreader: Proofreader | None, accounts: Sequence[Account],
                    recommended: list[Recommended], tokens: TokenStore, since: datetime | None = None,
                    secrets: Mapping[str, str] | None = None, backoff: float = 1.0,
                    on_account: Callable[[str], None] = lambda _: None,
                    today: date | None = None, until: datetime | None = None) -> list[AccountResult]:
    """Fetch and store every account's posts of [since, until) (default: from just before its newest
    stored post, or its oldest item to retry, up to now); `today` fixes the date (GOVWATCH_TODAY).

    A post is 推荐转载 when it matches `recommended` or the stored list of its own month (`govwatch
    recommend load`), so that the daily run, which is given no list, classifies it all the same. A post
    stored before whose title, text or kind changed is updated; failed items are recorded for the next run.
    """
    zone = ZoneInfo(stored.county.county.timezone)
    day = today or datetime.now(zone).date()
    starts = {a.key: since or _since(db, stored, a, zone, day) for a in accounts}
    with db.transaction() as session:
        stored_lists = month_lists(session, stored.id)

    def listed(post: PlatformPost) -> list[Recommended]:
        return recommended + stored_lists.get(Month.of(post.published_at.astimezone(zone).date()), [])

    async def fetch() -> list[tuple[Account, Listing | str]]:
        async with httpx.AsyncClient(timeout=stored.county.crawl.timeout_seconds, trust_env=False,
                                     proxy=stored.county.crawl.proxy) as client:
            context = AdapterContext(client, tokens, secrets if secrets is not None else os.environ, zone, backoff,
                                     day)
            return await _fetch_all(accounts, starts, until, context, on_account)

    results = []
    for account, listing in asyncio.run(fetch()):
        if isinstance(listing, str):
            results.append(AccountResult(account.name, account.platform, error=listing))
            continue
        incoming = [to_incoming(account, p, listed(p)) for p in listing.posts]
        with db.transaction() as session:
            done = ingest_posts(session, stored, incoming, proofreader, update=True)
            record_failures(session, stored.account_ids[account.key], starts[account.key], until,
                            listing.failed)
        reposts = sum(p.kind is not PostKind.ORIGINAL for p in incoming)
        unchanged = (f"{done.skipped} 条：已入库且未变",) if done.skipped else ()
        results.append(AccountResult(
            account.name, account.platform, len(incoming), done.added, done.updated, len(incoming) - reposts, reposts,
            unchanged + tuple(f"{p.key}：{p.reason}" for p in listing.skipped),
            tuple(f"{p.key}：{p.reason}" for p in listing.failed), tuple(listing.gaps)))
    return results
