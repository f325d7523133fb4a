"""Douyin (抖音): `video/list` of the authorising user (open_id), paged by cursor until has_more is false.

The list gives no repost flag: a caption's marker (…（来源：@某某）, 转自@某某：…) says it (`classify`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

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
from govwatch.collect.platforms.classify import repost_marker
from govwatch.domain.county import Account
from govwatch.domain.model import Platform

BASE = "https://open.douyin.com"
_AUTH_ERRORS = {2190008, 2190002, 28001008}  # access_token expired / invalid
_RATE_ERRORS = {2100004}


def _check(data: Any) -> None:
    inner = data.get("data") if isinstance(data, dict) else None
    if not isinstance(inner, dict):
        raise PlatformError("抖音接口返回缺少 data 对象")
    code = inner.get("error_code", 0)
    if code in _AUTH_ERRORS:
        raise AuthExpired(f"抖音授权已失效（{code}），请该账号重新授权")
    if code in _RATE_ERRORS:
        raise RateLimited(f"抖音接口调用频率超限（{code}）")
    if code:
        raise PlatformError(f"抖音接口错误 {code}：{inner.get('description', '')}")


@register("douyin", Platform.DOUYIN)
class DouyinAdapter:
    name = "douyin"

    def __init__(self, context: AdapterContext) -> None:
        self.context = context

    async def list_posts(self, account: Account, since: datetime, until: datetime | None = None) -> Listing:
        base = (account.source.url if account.source and account.source.url else BASE).rstrip("/")
        headers = {"access-token": self.context.secret(account)}
        cursor, posts, listing = 0, {}, Listing()
        own = [account.name, account.unit]
        while True:
            data = await call_json(self.context.client, "GET", f"{base}/video/list/", backoff=self.context.backoff,
                                   check=_check, headers=headers,
                                   params={"open_id": account.external_id or "", "cursor": cursor, "count": 20})
            page = data["data"]
            older = False
            for video in page.get("list") or []:
                key = str(video.get("item_id") or "?")
                try:
                    moment = stamp(video.get("create_time"), "create_time", self.context.zone)
                except ValueError as exc:
                    listing.failed.append(ItemProblem(key, str(exc)))
                    continue
                if within(moment, since, until):
                    caption = video.get("title", "")
                    posts[key] = PlatformPost("douyin", account.name, key, caption, moment, caption,
                                              video.get("share_url"), repost=repost_marker(caption, own) is not None)
                # A pinned (is_top) video is old but listed first: it must not end the paging.
                older = older or (moment < since and not video.get("is_top"))
            if not page.get("has_more") or older:
                listing.posts = list(posts.values())
                return listing.sorted()
            cursor = page.get("cursor", 0)
