"""The adapter interface every source of new-media posts implements, and the registry of built-ins.

An adapter turns one account's posts since a moment into PlatformPost values keyed by platform +
account + post id; built-in adapters register themselves exactly as a plug-in one would.
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


class PlatformError(RuntimeError):
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
    repost: bool = False  # the platform itself marks it a repost (Weibo retweeted_status …)

    @property
    def natural_key(self) -> str:
        return f"{self.platform}:{self.account}:{self.post_id}"


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
    zone: ZoneInfo = ZoneInfo("Asia/Shanghai")
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

    async def list_posts(self, account: Account, since: datetime) -> list[PlatformPost]:
        """The account's posts published at or after `since`, each once."""


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
