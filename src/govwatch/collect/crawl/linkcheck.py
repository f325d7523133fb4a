"""Checking the links a page shows: each URL once per run, and a failure re-checked before it counts.

A link is dead on 4xx/5xx, a timeout, a refused connection or a DNS failure — but only if a second
check after `recheck_delay` seconds fails too, so a blip of the target site is not reported.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from govwatch.collect.crawl.fetch import Fetcher, Request, Response


@dataclass(frozen=True)
class LinkState:
    """A final check: status None with an error means no HTTP answer at all; detail says it in words."""

    status: int | None
    error: str | None = None
    detail: str = ""
    rechecked: bool = False  # the failure was met again by the second check

    @property
    def dead(self) -> bool:
        return self.error is not None or self.status is None or self.status >= 400


class LinkChecker:
    def __init__(self, fetcher: Fetcher, allowed: Callable[[str], Awaitable[bool]], recheck_delay: float = 5.0) -> None:
        self.fetcher, self.allowed, self.recheck_delay = fetcher, allowed, recheck_delay
        self._results: dict[str, asyncio.Future[LinkState | None]] = {}

    def record(self, response: Response) -> None:
        """Reuse a crawl's own fetch as the check of that URL, when it succeeded."""
        if response.ok and response.request.url not in self._results:
            future = asyncio.get_running_loop().create_future()
            future.set_result(LinkState(response.status))
            self._results[response.request.url] = future

    async def _check(self, url: str) -> LinkState | None:
        if not await self.allowed(url):
            return None  # robots.txt forbids even a check: say nothing about it
        for attempt in range(2):
            answer = await self.fetcher.fetch(Request(url, kind="link"), read_body=False)
            state = LinkState(answer.status, answer.error, answer.detail, rechecked=attempt == 1)
            if not state.dead or attempt == 1:
                return state
            await asyncio.sleep(self.recheck_delay)
        return state

    async def dead(self, url: str) -> LinkState | None:
        """The confirmed failure of `url`, or None when it works (or may not be checked)."""
        if url not in self._results:
            self._results[url] = asyncio.ensure_future(self._check(url))
        state = await self._results[url]
        return state if state is not None and state.dead else None
