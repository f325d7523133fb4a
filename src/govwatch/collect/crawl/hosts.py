"""Per-host politeness: at most N requests in flight and a minimum spacing between starts.

Each request reserves its start time under no lock and sleeps only for its own host, so a slow or
throttled host never holds back the others (unlike sleeping under one global lock).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass


@dataclass
class _Host:
    semaphore: asyncio.Semaphore
    delay: float
    next_start: float = 0.0


class HostScheduler:
    """Hands out request slots per host; `slow_down` applies a server's Retry-After or Crawl-delay."""

    def __init__(self, concurrency: int, delay: float) -> None:
        self.concurrency, self.delay = concurrency, delay
        self._hosts: dict[str, _Host] = {}

    def configure(self, host: str, concurrency: int | None = None, delay: float | None = None) -> None:
        """Set a host's own limits (a site override or robots.txt Crawl-delay) before its first request."""
        state = self._state(host)
        if concurrency is not None:
            state.semaphore = asyncio.Semaphore(concurrency)
        if delay is not None:
            state.delay = delay

    def _state(self, host: str) -> _Host:
        if host not in self._hosts:
            self._hosts[host] = _Host(asyncio.Semaphore(self.concurrency), self.delay)
        return self._hosts[host]

    def delay_of(self, host: str) -> float:
        return self._state(host).delay

    @asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        """Wait for a free slot on `host` and its turn, then run the request."""
        state = self._state(host)
        async with state.semaphore:
            now = asyncio.get_running_loop().time()
            start = max(now, state.next_start)
            state.next_start = start + state.delay
            if start > now:
                await asyncio.sleep(start - now)
            yield

    def slow_down(self, host: str, seconds: float) -> None:
        """Start no request on `host` for `seconds` (429 Retry-After, 503)."""
        state = self._state(host)
        state.next_start = max(state.next_start, asyncio.get_running_loop().time() + seconds)
