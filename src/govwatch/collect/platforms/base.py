"""The adapter interface every source of new-media posts implements, and the registry of built-ins.

An adapter turns one account's posts of a period into a Listing: PlatformPost values keyed by platform +
account + post id, the items it could not read (each with why, retried on the next run), the items it
left out on purpose (deleted, outside the period) and what the platform can no longer give for the
period. Built-in adapters register themselves exactly as a plug-in one would.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol
from zoneinfo import ZoneInfo

import httpx

from govwatch.domain.county import Account
from govwatch.domain.model import Platform
from govwatch.errors import ServiceUnavailable


class PlatformError(ServiceUnavailable):
    """The platform refused or garbled an answer; the message says what, in Chinese, for the user."""


class AuthExpired(PlatformError):
    """The account's authorisation is gone: someone of the unit must authorise govwatch again."""


@dataclass(frozen=True)
class PlatformPost:
    platform: str  # the adapter's name: wechat, weibo, douyin, feed, export
    account: str
    post_id: str
    title: str
    published_at: datetime
    text: str = ""
    url: str | None = None
    repost: bool = False  # the platform or the post declares it a repost (Weibo retweeted_status, 转载 notice …)
    original: bool = False  # the platform declares it original (WeChat's 原创 mark): no title guess overrides it

    @property
    def natural_key(self) -> str:
        return f"{self.platform}:{self.account}:{self.post_id}"


@dataclass(frozen=True)
class ItemProblem:
    """One item of an account that was not stored: `key` names it (platform id or URL), `reason` says why."""

    key: str
    reason: str
    published_at: datetime | None = None  # when known: the next run reads back at least this far


@dataclass
class Listing:
    """What an adapter brings back for one account and period."""

    posts: list[PlatformPost] = field(default_factory=list)
    failed: list[ItemProblem] = field(default_factory=list)  # could not be read: retried on the next run
    skipped: list[ItemProblem] = field(default_factory=list)  # left out on purpose (deleted, outside the period)
    gaps: list[str] = field(default_factory=list)  # what the platform can no longer (or not yet) give

    def sorted(self) -> Listing:
        self.posts.sort(key=lambda p: p.published_at)
        return self


def within(moment: datetime, since: datetime, until: datetime | None) -> bool:
    return moment >= since and (until is None or moment < until)


def stamp(value: object, field_name: str, zone: ZoneInfo) -> datetime:
    """A platform's Unix time (a number, or digits in a string) as a moment in `zone`; a clear error otherwise."""
    text = str(value).strip() if value is not None else ""
    if not text.isdigit():
        raise ValueError(f"字段 {field_name} 应为 Unix 时间戳，收到“{value}”")
    return datetime.fromtimestamp(int(text), zone)


class TokenStore(Protocol):
    """Where access tokens live, shared by every worker (see store.collection.StoredTokens)."""

    def get(self, key: str) -> tuple[str, datetime] | None: ...

    def put(self, key: str, token: str, expires_at: datetime) -> None: ...

    def drop(self, key: str) -> None: ...


class MemoryTokens:
    def __init__(self) -> None:
        self._tokens: dict[str, tuple[str, datetime]] = {}

    def get(self, key: str) -> tuple[str, datetime] | None:
        return self._tokens.get(key)

    def put(self, key: str, token: str, expires_at: datetime) -> None:
        self._tokens[key] = (token, expires_at)

    def drop(self, key: str) -> None:
        self._tokens.pop(key, None)


@dataclass
class AdapterContext:
    """What adapters share: one HTTP client, the token store, secrets by variable name, the county's zone."""

    client: httpx.AsyncClient
    tokens: TokenStore = field(default_factory=MemoryTokens)
    secrets: Mapping[str, str] = field(default_factory=dict)
    zone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Asia/Shanghai"))
    backoff: float = 1.0  # first retry pause, seconds
    today: date | None = None  # the clock, fixed in tests and replays; None: the real date

    def current_date(self) -> date:
        return self.today or datetime.now(self.zone).date()

    def secret(self, account: Account) -> str:
        name = account.source.credential_env if account.source else None
        if not name or not self.secrets.get(name):
            raise AuthExpired(f"账号“{account.name}”没有凭据：请在环境变量 {name or '（未配置 credential_env）'} 中提供")
        return self.secrets[name]


class Adapter(Protocol):
    name: str

    async def list_posts(self, account: Account, since: datetime, until: datetime | None = None) -> Listing:
        """The account's posts published in [since, until) (until None: up to now), each once."""


ADAPTERS: dict[str, Callable[[AdapterContext], Adapter]] = {}
API_PLATFORMS: dict[Platform, str] = {}


def register(name: str, *platforms: Platform) -> Callable:
    """Class decorator: make an adapter available by `name` (and as the API adapter of `platforms`)."""

    def add(cls: type) -> type:
        ADAPTERS[name] = cls
        API_PLATFORMS.update({p: name for p in platforms})
        return cls

    return add


def adapter_name(account: Account) -> str:
    """Which adapter reads `account`: its source kind, or for the API the platform's own."""
    kind = account.source.kind if account.source else "api"
    if kind != "api":
        return kind
    if account.platform not in API_PLATFORMS:
        raise PlatformError(f"{account.platform}没有公开的发文列表接口：请导出后用 source.kind: export 导入（见 docs/collectors.md）")
    return API_PLATFORMS[account.platform]


def adapter_for(account: Account, context: AdapterContext) -> Adapter:
    from govwatch.collect.platforms import douyin, exports, feeds, wechat, weibo  # noqa: F401 - registration

    return ADAPTERS[adapter_name(account)](context)
