"""Sina Weibo: `statuses/user_timeline`, newest first, paged back with max_id
(open.weibo.com/wiki/2/statuses/user_timeline).

A status carrying `retweeted_status` is a repost. Only the authorising user's own posts are listed,
so each account authorises govwatch itself and its access token (about 30 days) is read from the
variable named by `credential_env`.
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
    within,
)
from govwatch.domain.county import Account
from govwatch.domain.model import Platform

BASE = "https://api.weibo.com"
_AUTH_ERRORS = {21314, 21315, 21316, 21317, 21327, 21332}
_RATE_ERRORS = {10022, 10023, 10024}
_MESSAGES = {  # open.weibo.com/wiki/Error_code
    20003: "用户不存在：请检查该账号的 external_id（uid）",
    10014: "应用没有该接口的访问权限：请在微博开放平台申请 statuses/user_timeline 权限",
    10006: "缺少 source（appkey）参数：请检查接口地址与授权方式",
}
CREATED_FORMAT = "%a %b %d %H:%M:%S %z %Y"  # "Tue May 31 17:46:55 +0800 2011"


def _check(data: Any) -> None:
    if not isinstance(data, dict):
        raise PlatformError("微博接口返回的不是 JSON 对象")
    code = data.get("error_code")
    if code in _AUTH_ERRORS:
        raise AuthExpired(f"微博授权已失效（{code}），请该账号重新授权")
    if code in _RATE_ERRORS:
        raise RateLimited(f"微博接口调用频率超限（{code}）")
    if code:
        raise PlatformError(f"微博接口错误 {code}：{_MESSAGES.get(code, data.get('error', ''))}")
    if not isinstance(data.get("statuses"), list):
        raise PlatformError("微博接口返回缺少 statuses 列表")


@register("weibo", Platform.WEIBO)
class WeiboAdapter:
    name = "weibo"

    def __init__(self, context: AdapterContext) -> None:
        self.context = context

    async def list_posts(self, account: Account, since: datetime, until: datetime | None = None) -> Listing:
        base = (account.source.url if account.source and account.source.url else BASE).rstrip("/")
        params: dict[str, str | int] = {"access_token": self.context.secret(account), "uid": account.external_id or "",
                                        "count": 100, "trim_user": 1}
        posts: dict[str, PlatformPost] = {}
        listing = Listing()
        while True:
            data = await call_json(self.context.client, "GET", f"{base}/2/statuses/user_timeline.json",
                                   backoff=self.context.backoff, check=_check, params=params)
            statuses, moments, ids = data["statuses"], [], []
            for status in statuses:
                key = str(status.get("idstr") or status.get("id") or "?")
                try:
                    created = datetime.strptime(str(status.get("created_at")), CREATED_FORMAT)
                    moment = created.astimezone(self.context.zone)
                    ids.append(int(str(status["id"])))
                except (KeyError, ValueError):
                    listing.failed.append(ItemProblem(key, f"created_at 或 id 无法识别：“{status.get('created_at')}”"))
                    continue
                moments.append(moment)
                if within(moment, since, until):
                    text = status.get("text", "")
                    posts[key] = PlatformPost("weibo", account.name, key, text[:40], moment, text,
                                              repost="retweeted_status" in status)
            if not ids or min(moments) < since:
                listing.posts = list(posts.values())
                return listing.sorted()
            params["max_id"] = min(ids) - 1
