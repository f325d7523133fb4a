"""Calling a platform's JSON API: retries on timeouts, 429 and 5xx (honouring Retry-After), clear errors."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx

from govwatch.collect.crawl.fetch import RETRY_STATUSES, retry_after
from govwatch.collect.platforms.base import PlatformError


class RateLimited(PlatformError):
    """The platform said "too many requests" in its own error code; retried after a pause."""


async def call_json(client: httpx.AsyncClient, method: str, url: str, *, backoff: float, retries: int = 3,
                    check: Callable[[Any], None] = lambda _: None, **kwargs: Any) -> Any:
    """The decoded JSON answer; `check` raises PlatformError (or RateLimited) for the platform's error codes."""
    for attempt in range(retries + 1):
        last = attempt == retries
        pause = backoff * 2**attempt
        try:
            answer = await client.request(method, url, **kwargs)
        except httpx.TransportError as exc:
            if last:
                raise PlatformError(f"无法连接 {url.split('?')[0]}：{type(exc).__name__}") from None
            await asyncio.sleep(pause)
            continue
        if answer.status_code in RETRY_STATUSES and not last:
            await asyncio.sleep(retry_after(answer.headers.get("retry-after")) or pause)
            continue
        try:
            data = answer.json()
        except ValueError:
            raise PlatformError(f"{url.split('?')[0]} 返回的内容不是 JSON（HTTP {answer.status_code}）") from None
        try:
            check(data)
        except RateLimited:
            if last:
                raise
            await asyncio.sleep(pause)
            continue
        if answer.status_code >= 400:
            raise PlatformError(f"{url.split('?')[0]} 返回 HTTP {answer.status_code}")
        return data
    raise PlatformError(f"{url.split('?')[0]} 多次重试仍失败")
