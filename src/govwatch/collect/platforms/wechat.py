"""WeChat Official Accounts (微信公众号): 发布 items and 群发 messages, each article once.

`freepublish/batchget` lists only 发布 items; 群发 messages are found day by day with
`datacube/getarticletotal`, whose rows carry each article's msgid and URL. An article may come from
both (群发 and 发布): it is one post, matched on its msgid (the URL's mid + idx) or its URL. Every
article's page is opened at the URL the API returned (never rebuilt) to read its text and what it
declares: the 原创 mark, a reprint's "以下文章来源于…" notice, a 来源 line (`classify`). A page that
fails is that article's failure, retried on the next run; the rest of the account is stored.

The token comes from `stable_token`, cached per appid in a store every worker shares: the legacy
`cgi-bin/token` revokes the previous token on each call, which breaks concurrent workers. A token
refused mid-run (40001/42001/40014: expired, or renewed by another client) is fetched again once and
the call repeated; 45009/45011/-1 back off and retry.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx

from govwatch.collect.extract.article import element_text, html_text, parse_html
from govwatch.collect.platforms.api import RateLimited, call_json
from govwatch.collect.platforms.base import (
    AdapterContext,
    AuthExpired,
    ItemProblem,
    Listing,
    PlatformError,
    PlatformPost,
    register,
    stamp,
    within,
)
from govwatch.collect.platforms.classify import source_line
from govwatch.domain.county import Account
from govwatch.domain.model import Platform

BASE = "https://api.weixin.qq.com"
_TOKEN_ERRORS = {40001, 40014, 42001}
_RATE_ERRORS = {45009, 45011, -1}  # -1: "system busy"
_MESSAGES = {
    40125: "AppSecret 不正确：请公众号管理员在 公众平台→设置与开发→基本配置 中重置并更新环境变量",
    40164: "调用接口的服务器 IP 不在公众号的 IP 白名单中：请公众号管理员在 基本配置→IP白名单 中加入本服务器的出口 IP",
    40013: "AppID 无效：请检查 county.yaml 中该账号的 external_id",
    48001: "该公众号没有此接口的权限（未认证或未开通）",
    61501: "统计接口的日期范围不合法",
    40097: "接口参数不合法",
}
_EARLY_REFRESH = timedelta(minutes=5)
DATACUBE_START = date(2014, 12, 1)  # "仅存储了2014年12月1日之后的数据"
_DELETED = "该内容已被发布者删除"
_REPRINT = "以下文章来源于"
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
        raise PlatformError(f"微信接口错误 {code}：{_MESSAGES.get(code, data.get('errmsg', ''))}")


def article_keys(url: str) -> set[str]:
    """What identifies an article's address: its msgid (mid_idx) and its URL without scheme, tracking
    parameters and fragment; the same article listed by two APIs shares at least one of them."""
    parts = urlsplit(url)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    kept = "&".join(f"{k}={query[k]}" for k in ("__biz", "mid", "idx", "sn") if k in query)
    keys = {f"url:{parts.netloc}{parts.path}?{kept}"}
    if "mid" in query:
        keys.add(f"msg:{query['mid']}_{query.get('idx', '1')}")
    return keys


def _msgid(keys: set[str]) -> str | None:
    return next((k[4:] for k in sorted(keys) if k.startswith("msg:")), None)


@dataclass
class _Article:
    """An article as the APIs list it, before its page is read."""

    post_id: str
    url: str
    keys: set[str]
    title: str = ""
    moment: datetime | None = None  # freepublish's create_time; 群发: read from the page
    day: date | None = None  # 群发: the statistics day that listed it


@register("wechat", Platform.WECHAT_SUBSCRIPTION, Platform.WECHAT_SERVICE)
class WeChatAdapter:
    name = "wechat"

    def __init__(self, context: AdapterContext) -> None:
        self.context = context
        self._locks: dict[str, asyncio.Lock] = {}

    def _base(self, account: Account) -> str:
        return (account.source.url if account.source and account.source.url else BASE).rstrip("/")

    async def _token(self, account: Account, fresh: bool = False) -> str:
        appid = account.external_id or ""
        key = f"wechat:{appid}"
        async with self._locks.setdefault(key, asyncio.Lock()):
            cached = None if fresh else self.context.tokens.get(key)
            if cached and cached[1] - _EARLY_REFRESH > datetime.now(UTC):
                return cached[0]
            # Normal mode: the platform's current token, the same for every worker (force_refresh would
            # revoke the others' tokens, and is limited to 20 a day).
            data = await call_json(self.context.client, "POST", f"{self._base(account)}/cgi-bin/stable_token",
                                   backoff=self.context.backoff, check=_check, json={
                                       "grant_type": "client_credential", "appid": appid,
                                       "secret": self.context.secret(account), "force_refresh": False})
            if "access_token" not in data:
                raise AuthExpired(f"公众号“{account.name}”未取得 access_token：{data}")
            expires = datetime.now(UTC) + timedelta(seconds=int(data.get("expires_in", 7200)))
            self.context.tokens.put(key, data["access_token"], expires)
            return data["access_token"]

    async def _call(self, account: Account, path: str, body: dict) -> Any:
        """POST to the API with the shared token; a refused token is fetched again once and the call repeated."""
        for fresh in (False, True):
            token = await self._token(account, fresh)
            try:
                return await call_json(self.context.client, "POST", f"{self._base(account)}{path}",
                                       backoff=self.context.backoff, check=_check, params={"access_token": token},
                                       json=body)
            except _TokenInvalid:
                self.context.tokens.drop(f"wechat:{account.external_id or ''}")
        raise AuthExpired(f"公众号“{account.name}”的 access_token 重新获取后仍无效，请检查 AppSecret 和接口权限")

    async def list_posts(self, account: Account, since: datetime, until: datetime | None = None) -> Listing:
        listing = Listing()
        found: list[_Article] = []
        by_key: dict[str, _Article] = {}
        for article in await self._published(account, since, until, listing) + await self._mass_sent(
                account, since, until, listing):
            known = next((by_key[k] for k in article.keys if k in by_key), None)
            if known is None:
                found.append(article)
                known = article
            else:  # 群发 and 发布: one article; keep the API's creation time and the msgid
                known.moment = known.moment or article.moment
                known.title = known.title or article.title
                known.keys |= article.keys
            by_key.update(dict.fromkeys(known.keys, known))
        own = [account.name, account.unit]
        for article in found:
            await self._read(account, article, since, until, own, listing)
        listing.posts = list({p.post_id: p for p in listing.posts}.values())  # one listed short, one long
        return listing.sorted()

    async def _published(self, account: Account, since: datetime, until: datetime | None,
                         listing: Listing) -> list[_Article]:
        """发布 items, newest first, paged by offset until a whole page predates `since`."""
        found, offset = [], 0
        while True:
            data = await self._call(account, "/cgi-bin/freepublish/batchget",
                                    {"offset": offset, "count": 20, "no_content": 1})
            items = data.get("item") or []
            moments = []
            for item in items:
                content = item.get("content") or {}
                try:
                    moment = stamp(content.get("create_time", item.get("update_time")), "create_time",
                                   self.context.zone)
                except ValueError as exc:
                    listing.failed.append(ItemProblem(str(item.get("article_id", "?")), f"发布列表条目：{exc}"))
                    continue
                moments.append(moment)
                for index, entry in enumerate(content.get("news_item") or [], 1):
                    key = f"{item.get('article_id')}_{index}"
                    if not within(moment, since, until):
                        continue
                    if entry.get("is_deleted"):
                        listing.skipped.append(ItemProblem(key, "已被发布者删除", moment))
                    elif not entry.get("url"):
                        listing.failed.append(ItemProblem(key, "发布列表未给出文章地址（url）", moment))
                    else:
                        found.append(_Article(key, entry["url"], article_keys(entry["url"]),
                                              entry.get("title", ""), moment))
            offset += int(data.get("item_count") or len(items))
            if not items or offset >= int(data.get("total_count") or 0) or (moments and max(moments) < since):
                return found

    async def _mass_sent(self, account: Account, since: datetime, until: datetime | None,
                         listing: Listing) -> list[_Article]:
        """群发 articles, one statistics day at a time; the days the platform cannot serve are said."""
        zone = self.context.zone
        first = since.astimezone(zone).date()
        last = ((until - timedelta(microseconds=1)).astimezone(zone).date() if until
                else self.context.current_date())
        yesterday = self.context.current_date() - timedelta(days=1)  # "end_date 最大值为昨日"
        if last > yesterday:
            start = max(first, yesterday + timedelta(days=1))
            listing.gaps.append(f"{start:%Y-%m-%d} 起的群发文章统计接口次日才提供（end_date 最大为昨日），请之后再采集一次")
        if first < DATACUBE_START:
            listing.gaps.append(f"统计接口只保存 {DATACUBE_START:%Y-%m-%d} 以后的群发文章，更早的请用公众平台导出")
            first = DATACUBE_START
        found, day = [], first
        while day <= min(last, yesterday):
            data = await self._call(account, "/datacube/getarticletotal",
                                    {"begin_date": day.isoformat(), "end_date": day.isoformat()})
            for row in data.get("list") or []:
                msgid = str(row.get("msgid", ""))
                if not row.get("url"):
                    listing.failed.append(ItemProblem(msgid or "?", "统计接口未给出文章地址（url）",
                                                      datetime.combine(day, time(), zone)))
                    continue
                found.append(_Article(msgid, row["url"], article_keys(row["url"]) | {f"msg:{msgid}"},
                                      row.get("title", ""), day=day))
            day += timedelta(days=1)
        return found

    async def _read(self, account: Account, article: _Article, since: datetime, until: datetime | None,
                    own: list[str], listing: Listing) -> None:
        """Open the article's page: its text and declarations make the post; a failure is this item's only."""
        day_start = datetime.combine(article.day, time(), self.context.zone) if article.day else None
        when = article.moment or day_start
        listed_id = _msgid(article.keys) or article.post_id
        key = f"{listed_id}《{article.title}》" if article.title else listed_id
        try:
            answer = await self.context.client.get(article.url)
        except httpx.HTTPError as exc:
            listing.failed.append(ItemProblem(key, f"文章页面无法打开（{type(exc).__name__}）", when))
            return
        if answer.status_code != 200:
            listing.failed.append(ItemProblem(key, f"文章页面打不开（HTTP {answer.status_code}）", when))
            return
        page = answer.text
        if _DELETED in page:
            listing.skipped.append(ItemProblem(key, "已被发布者删除", when))
            return
        doc = parse_html(page)
        body = doc.xpath("//*[@id='js_content']")
        created = _CREATED.search(page)
        if not body or (article.moment is None and not created):
            listing.failed.append(ItemProblem(key, "文章页面缺少正文（js_content）或发布时间（var ct）", when))
            return
        moment = article.moment
        if moment is None:
            assert created is not None  # one of the two: checked above
            moment = stamp(created.group(1), "var ct", self.context.zone)
        if not within(moment, since, until):
            listing.skipped.append(ItemProblem(key, "发布时间不在采集期内", moment))
            return
        # The msgid names the article whichever API listed it (a short /s/<code> address: the page's
        # og:url tells it); a 发布 item without one keeps its article_id.
        long_url = doc.xpath("string(//meta[@property='og:url']/@content)")
        keys = article.keys | (article_keys(long_url) if long_url else set())
        post_id = _msgid(keys) or article.post_id
        heading = doc.xpath("//*[@id='activity-name']")
        title = article.title or (" ".join(heading[0].text_content().split()) if heading else "")
        text = element_text(body[0])
        mark = doc.xpath("string(//*[@id='copyright_logo'])")
        head = html_text(page.split('id="js_content"', 1)[0])
        listing.posts.append(PlatformPost(
            "wechat", account.name, post_id, title, moment, text, article.url,
            repost=_REPRINT in head or source_line(text, own) is not None, original="原创" in mark))
