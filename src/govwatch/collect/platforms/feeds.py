"""RSS and Atom feeds (an account's own feed, or a self-hosted RSSHub route such as /weibo/user/:uid).

An entry copied from elsewhere says so: RSS 2.0 `<source url>` (RSS 2.0 specification, "source"
sub-element of item), Atom `<source>` (RFC 4287 §4.2.11) or Dublin Core `dc:source`; failing those, a
caption's repost marker (`classify`).
"""

from __future__ import annotations

import calendar
import hashlib
from datetime import UTC, datetime

import feedparser

from govwatch.collect.extract.article import html_text
from govwatch.collect.platforms.base import (
    AdapterContext,
    Listing,
    PlatformError,
    PlatformPost,
    register,
    within,
)
from govwatch.collect.platforms.classify import repost_marker
from govwatch.domain.county import Account


@register("feed")
class FeedAdapter:
    name = "feed"

    def __init__(self, context: AdapterContext) -> None:
        self.context = context

    async def list_posts(self, account: Account, since: datetime, until: datetime | None = None) -> Listing:
        url = account.source.url if account.source else None
        if not url:
            raise PlatformError(f"账号“{account.name}”的 source.url 应为订阅源地址")
        answer = await self.context.client.get(url)
        if answer.status_code != 200:
            raise PlatformError(f"订阅源 {url} 返回 HTTP {answer.status_code}")
        feed = feedparser.parse(answer.content)
        if feed.bozo and not feed.entries:
            raise PlatformError(f"订阅源 {url} 无法解析：{feed.get('bozo_exception')}")
        own = [account.name, account.unit, feed.feed.get("title", "")]
        listing = Listing()
        for entry in feed.entries:
            stamp = entry.get("published_parsed") or entry.get("updated_parsed")
            if stamp is None:
                continue  # an undated entry cannot be counted in any month
            moment = datetime.fromtimestamp(calendar.timegm(stamp), UTC).astimezone(self.context.zone)
            key = entry.get("id") or entry.get("link") or hashlib.sha1(entry.get("title", "").encode()).hexdigest()
            if within(moment, since, until):
                text = html_text(entry.get("summary", ""))
                listing.posts.append(PlatformPost("feed", account.name, key, entry.get("title", ""), moment, text,
                                                  entry.get("link"), repost=_copied(entry, text, own)))
        return listing.sorted()


def _copied(entry: feedparser.FeedParserDict, text: str, own: list[str]) -> bool:
    """The entry names another origin: <source> (RSS or Atom), dc:source, or a repost marker in its text."""
    source = entry.get("source") or {}
    named = source.get("title") or source.get("href") or entry.get("dc_source")
    if named:
        return named.strip() not in [o for o in own if o]
    return repost_marker(text, own) is not None
