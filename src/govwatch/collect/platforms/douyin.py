"""Douyin (抖音): `video/list` of the authorising user (open_id), paged by cursor until has_more is false."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from govwatch.collect.platforms.api import RateLimited, call_json
from govwatch.collect.platforms.base import AdapterContext, AuthExpired, PlatformError, PlatformPost, register
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

    async def list_posts(self, account: Account, since: datetime) -> list[PlatformPost]:
        base = (account.source.url if account.source and account.source.url else BASE).rstrip("/")
        headers = {"access-token": self.context.secret(account)}
        cursor, posts = 0, {}
        while True:
            data = await call_json(self.context.client, "GET", f"{base}/video/list/", backoff=self.context.backoff,
                                   check=_check, headers=headers,
                                   params={"open_id": account.external_id or "", "cursor": cursor, "count": 20})
            page = data["data"]
            older = False
            for video in page.get("list") or []:
                moment = datetime.fromtimestamp(int(video["create_time"]), self.context.zone)
                if moment >= since:
                    posts[str(video["item_id"])] = PlatformPost("douyin", account.name, str(video["item_id"]),
                                                                video.get("title", ""), moment, video.get("title", ""),
                                                                video.get("share_url"))
                # A pinned (is_top) video is old but listed first: it must not end the paging.
                older = older or (moment < since and not video.get("is_top"))
            if not page.get("has_more") or older:
                return sorted(posts.values(), key=lambda p: p.published_at)
            cursor = page.get("cursor", 0)
