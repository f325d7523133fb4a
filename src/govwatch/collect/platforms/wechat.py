"""WeChat Official Accounts (微信公众号): published items and mass-sent messages.

`freepublish/batchget` lists only 发布 items; most government accounts 群发, so mass-sent messages
are enumerated day by day with `datacube/getarticletotaldetail` and read from their public pages.
The token comes from `stable_token`, cached per appid in a store every worker shares: the legacy
`cgi-bin/token` revokes the previous token on each call, which breaks concurrent workers.
"""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime, timedelta
from typing import Any

from govwatch.collect.extract.article import element_text, html_text, parse_html
from govwatch.collect.platforms.api import RateLimited, call_json
from govwatch.collect.platforms.base import AdapterContext, AuthExpired, PlatformError, PlatformPost, register
from govwatch.domain.county import Account
from govwatch.domain.model import Platform

BASE = "https://api.weixin.qq.com"
ARTICLE_BASE = "https://mp.weixin.qq.com"
_TOKEN_ERRORS = {40001, 40014, 42001}
_RATE_ERRORS = {45009, 45011, -1}  # -1: "system busy"
_EARLY_REFRESH = timedelta(minutes=5)
MASS_SENT_DAYS = timedelta(days=90)  # one datacube call per day: look back at most this far
_CREATED = re.compile(r"var\s+ct\s*=\s*\"?(\d{9,11})")


class _TokenInvalid(PlatformError):
    pass


def _check(data: Any) -> None:
    if not isinstance(data, dict):
        raise PlatformError("微信接口返回的不是 JSON 对象")
    code = data.get("errcode", 0)
    if code in _TOKEN_ERRORS:
        raise _TokenInvalid(f"access_token 无效或过期（{code}）")
    if code in _RATE_ERRORS:
        raise RateLimited(f"微信接口调用频率超限（{code}）")
    if code:
        raise PlatformError(f"微信接口错误 {code}：{data.get('errmsg', '')}")


@register("wechat", Platform.WECHAT_SUBSCRIPTION, Platform.WECHAT_SERVICE)
class WeChatAdapter:
    name = "wechat"

    def __init__(self, context: AdapterContext) -> None:
        self.context = context
        self._locks: dict[str, asyncio.Lock] = {}

    def _base(self, account: Account) -> str:
        return (account.source.url if account.source and account.source.url else BASE).rstrip("/")

    async def _token(self, account: Account, force: bool = False) -> str:
        appid = account.external_id or ""
        key = f"wechat:{appid}"
        async with self._locks.setdefault(key, asyncio.Lock()):
            cached = None if force else self.context.tokens.get(key)
            if cached and cached[1] - _EARLY_REFRESH > datetime.now(UTC):
                return cached[0]
            data = await call_json(self.context.client, "POST", f"{self._base(account)}/cgi-bin/stable_token",
                                   backoff=self.context.backoff, check=_check, json={
                                       "grant_type": "client_credential", "appid": appid,
                                       "secret": self.context.secret(account), "force_refresh": force})
            if "access_token" not in data:
                raise AuthExpired(f"公众号“{account.name}”未取得 access_token：{data}")
            expires = datetime.now(UTC) + timedelta(seconds=int(data.get("expires_in", 7200)))
            self.context.tokens.put(key, data["access_token"], expires)
            return data["access_token"]

    async def _call(self, account: Account, path: str, body: dict) -> Any:
        """POST to the API with the cached token; an expired one is replaced once and the call repeated."""
        for force in (False, True):
            token = await self._token(account, force)
            try:
                return await call_json(self.context.client, "POST", f"{self._base(account)}{path}",
                                       backoff=self.context.backoff, check=_check, params={"access_token": token},
                                       json=body)
            except _TokenInvalid:
                self.context.tokens.drop(f"wechat:{account.external_id or ''}")
        raise AuthExpired(f"公众号“{account.name}”的 access_token 刷新后仍无效，请检查 AppSecret 和接口权限")

    async def list_posts(self, account: Account, since: datetime) -> list[PlatformPost]:
        posts = {p.post_id: p for p in await self._published(account, since)}
        for post in await self._mass_sent(account, since):
            posts.setdefault(post.post_id, post)
        return sorted(posts.values(), key=lambda p: p.published_at)

    async def _published(self, account: Account, since: datetime) -> list[PlatformPost]:
        posts, offset = [], 0
        while True:
            data = await self._call(account, "/cgi-bin/freepublish/batchget",
                                    {"offset": offset, "count": 20, "no_content": 0})
            items = data.get("item") or []
            for item in items:
                moment = datetime.fromtimestamp(int(item.get("update_time", 0)), self.context.zone)
                news = (item.get("content") or {}).get("news_item") or []
                for index, entry in enumerate(news, 1):
                    if not entry.get("is_deleted") and moment >= since:
                        posts.append(PlatformPost("wechat", account.name, f"{item['article_id']}_{index}",
                                                  entry.get("title", ""), moment, html_text(entry.get("content", "")),
                                                  entry.get("url")))
            offset += int(data.get("item_count") or len(items))
            oldest = min((int(i.get("update_time", 0)) for i in items), default=0)
            if not items or offset >= int(data.get("total_count", 0)) or oldest < since.timestamp():
                return posts

    async def _mass_sent(self, account: Account, since: datetime) -> list[PlatformPost]:
        """Mass-sent (群发) messages, one datacube day at a time up to yesterday, read from their pages."""
        posts = []
        yesterday = self.context.current_date() - timedelta(days=1)  # datacube has no figures for today yet
        day = max(since.astimezone(self.context.zone).date(), yesterday - MASS_SENT_DAYS)
        while day <= yesterday:
            data = await self._call(account, "/datacube/getarticletotaldetail",
                                    {"begin_date": day.isoformat(), "end_date": day.isoformat()})
            for entry in data.get("list") or []:
                if int(entry.get("publish_type", 0)) == 0:
                    post = await self._article(account, str(entry["msgid"]), entry.get("title"))
                    if post is not None:
                        posts.append(post)
            day += timedelta(days=1)
        return posts

    async def _article(self, account: Account, msgid: str, title: str | None) -> PlatformPost | None:
        mid, _, idx = msgid.partition("_")
        options = account.source.options if account.source else {}
        base = options.get("article_base", ARTICLE_BASE).rstrip("/")
        url = f"{base}/s?__biz={options.get('biz', '')}&mid={mid}&idx={idx or 1}"
        answer = await self.context.client.get(url)
        if answer.status_code != 200:
            raise PlatformError(f"群发文章 {msgid} 的页面打不开（HTTP {answer.status_code}）")
        doc = parse_html(answer.text)
        created = _CREATED.search(answer.text)
        if not created:
            raise PlatformError(f"群发文章 {msgid} 的页面上没有发布时间")
        body = doc.xpath("//*[@id='js_content']")
        name = doc.xpath("//*[@id='activity-name']")
        heading = title or (" ".join(name[0].text_content().split()) if name else "")
        text = element_text(body[0]) if body else ""
        return PlatformPost("wechat", account.name, msgid, heading,
                            datetime.fromtimestamp(int(created.group(1)), self.context.zone), text, url)
