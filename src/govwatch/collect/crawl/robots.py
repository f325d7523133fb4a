"""robots.txt, read once per host with protego; the centre may switch it off for its own portal."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable
from urllib.parse import urlsplit

from protego import Protego

log = logging.getLogger(__name__)

# Fetch returns (status, body text) or None when the host cannot be reached.
RobotsFetch = Callable[[str], Awaitable[tuple[int, str] | None]]


class RobotsCache:
    """`allowed(url)` per host rules; a missing robots.txt (4xx) or an unreachable one allows everything."""

    def __init__(self, fetch: RobotsFetch, user_agent: str, ignored_hosts: Iterable[str] = frozenset()) -> None:
        self._fetch, self.user_agent, self.ignored_hosts = fetch, user_agent, set(ignored_hosts)
        self._rules: dict[str, Protego | None] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def _rules_for(self, url: str) -> Protego | None:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        lock = self._locks.setdefault(origin, asyncio.Lock())
        async with lock:
            if origin not in self._rules:
                answer = await self._fetch(f"{origin}/robots.txt")
                if answer is None or answer[0] >= 400:
                    if answer is None or answer[0] >= 500:
                        log.info("robots.txt of %s unreadable (%s); crawling as allowed", origin, answer)
                    self._rules[origin] = None
                else:
                    self._rules[origin] = Protego.parse(answer[1])
            return self._rules[origin]

    async def allowed(self, url: str) -> bool:
        if (urlsplit(url).hostname or "") in self.ignored_hosts:
            return True
        rules = await self._rules_for(url)
        return rules is None or rules.can_fetch(url, self.user_agent)

    async def crawl_delay(self, url: str) -> float | None:
        """The site's Crawl-delay for our user agent, if it sets one and robots is obeyed there."""
        if (urlsplit(url).hostname or "") in self.ignored_hosts:
            return None
        rules = await self._rules_for(url)
        return rules.crawl_delay(self.user_agent) if rules else None
