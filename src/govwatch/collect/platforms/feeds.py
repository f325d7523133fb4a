"""RSS and Atom feeds (an account's own feed, or a self-hosted RSSHub route such as /weibo/user/:uid)."""

from __future__ import annotations

import calendar
import hashlib
from datetime import UTC, datetime

import feedparser

from govwatch.collect.extract.article import html_text
from govwatch.collect.platforms.base import AdapterContext, PlatformError, PlatformPost, register
from govwatch.domain.county import Account


@register("feed")
class FeedAdapter:
    name = "feed"

    def __init__(self, context: AdapterContext) -> None:
        self.context = context

    async def list_posts(self, account: Account, since: datetime) -> list[PlatformPost]:
        url = account.source.url if account.source else None
        if not url:
            raise PlatformError(f"账号“{account.name}”的 source.url 应为订阅源地址")
        answer = await self.context.client.get(url)
        if answer.status_code != 200:
            raise PlatformError(f"订阅源 {url} 返回 HTTP {answer.status_code}")
        feed = feedparser.parse(answer.content)
        if feed.bozo and not feed.entries:
            raise PlatformError(f"订阅源 {url} 无法解析：{feed.get('bozo_exception')}")
        posts = []
        for entry in feed.entries:
            stamp = entry.get("published_parsed") or entry.get("updated_parsed")
            if stamp is None:
                continue  # an undated entry cannot be counted in any month
            moment = datetime.fromtimestamp(calendar.timegm(stamp), UTC).astimezone(self.context.zone)
            key = entry.get("id") or entry.get("link") or hashlib.sha1(entry.get("title", "").encode()).hexdigest()
            if moment >= since:
                posts.append(PlatformPost("feed", account.name, key, entry.get("title", ""), moment,
                                          html_text(entry.get("summary", "")), entry.get("link")))
        return sorted(posts, key=lambda p: p.published_at)
