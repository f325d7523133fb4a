"""`govwatch ingest`: pull each configured account's posts through its adapter and store them.

Each account is one transaction: its new posts are stored and checked together, or, when the
platform fails half-way, not at all (the error names the account and what to do).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import httpx
from sqlalchemy import func, select

from govwatch.collect.platforms.base import AdapterContext, PlatformError, PlatformPost, TokenStore, adapter_for
from govwatch.collect.platforms.classify import classify
from govwatch.domain.calendar import Month
from govwatch.domain.county import Account
from govwatch.domain.incoming import IncomingPost
from govwatch.domain.recommended import Recommended
from govwatch.proofread import Proofreader
from govwatch.services.ingest import ingest_posts
from govwatch.store.counties import StoredCounty
from govwatch.store.db import Database
from govwatch.store.recommended import month_lists
from govwatch.store.tables import PostRow

# Re-read a little before the newest stored post: platforms publish late edits and back-dated items.
OVERLAP = timedelta(days=2)
FIRST_RUN = timedelta(days=60)


@dataclass(frozen=True)
class AccountResult:
    account: str
    platform: str
    fetched: int = 0
    added: int = 0
    error: str | None = None


def to_incoming(account: Account, post: PlatformPost, recommended: list[Recommended]) -> IncomingPost:
    """A platform post as govwatch stores it, keyed by platform + account + post id (no URL: links change)."""
    return IncomingPost(post.title or post.text[:40] or post.post_id, post.published_at, post.text,
                        kind=classify(post, recommended), account=account.name, platform=account.platform,
                        external_id=f"{post.platform}:{post.post_id}", source=f"ingest:{post.platform}")


def _since(db: Database, stored: StoredCounty, account: Account, zone: ZoneInfo) -> datetime:
    with db.transaction() as session:
        newest = session.scalar(select(func.max(PostRow.published_at)).where(
            PostRow.account_id == stored.account_ids[str(account.key)]))
    return (newest - OVERLAP) if newest else datetime.now(zone) - FIRST_RUN


async def _fetch_all(accounts: Sequence[Account], since: Mapping[str, datetime], context: AdapterContext,
                     on_account: Callable[[str], None]) -> list[tuple[Account, list[PlatformPost] | str]]:
    out: list[tuple[Account, list[PlatformPost] | str]] = []
    for account in accounts:
        on_account(str(account.key))
        try:
            out.append((account, await adapter_for(account, context).list_posts(account, since[str(account.key)])))
        except PlatformError as exc:
            out.append((account, str(exc)))
    return out


def ingest_accounts(db: Database, stored: StoredCounty, proofreader: Proofreader | None, accounts: Sequence[Account],
                    recommended: list[Recommended], tokens: TokenStore, since: datetime | None = None,
                    secrets: Mapping[str, str] | None = None, backoff: float = 1.0,
                    on_account: Callable[[str], None] = lambda _: None,
                    today: date | None = None) -> list[AccountResult]:
    """Fetch and store every account's posts since `since` (default: just before its newest stored post).

    A post is 推荐转载 when it matches `recommended` or the stored list of its own month (`govwatch
    recommend load`), so that the daily run, which is given no list, classifies it all the same.
    """
    zone = ZoneInfo(stored.county.county.timezone)
    starts = {str(a.key): since or _since(db, stored, a, zone) for a in accounts}
    with db.transaction() as session:
        stored_lists = month_lists(session, stored.id)

    def listed(post: PlatformPost) -> list[Recommended]:
        return recommended + stored_lists.get(Month.of(post.published_at.astimezone(zone).date()), [])

    async def fetch() -> list[tuple[Account, list[PlatformPost] | str]]:
        async with httpx.AsyncClient(timeout=stored.county.crawl.timeout_seconds, trust_env=False,
                                     proxy=stored.county.crawl.proxy) as client:
            context = AdapterContext(client, tokens, secrets if secrets is not None else os.environ, zone, backoff,
                                     today)
            return await _fetch_all(accounts, starts, context, on_account)

    results = []
    for account, posts in asyncio.run(fetch()):
        if isinstance(posts, str):
            results.append(AccountResult(account.name, account.platform, error=posts))
            continue
        with db.transaction() as session:
            added = ingest_posts(session, stored, [to_incoming(account, p, listed(p)) for p in posts], proofreader)
        results.append(AccountResult(account.name, account.platform, len(posts), added.added))
    return results
