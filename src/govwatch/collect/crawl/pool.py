"""A pool of crawl workers draining one queue: the page crawl and the site self-check share it."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any


async def drain(queue: asyncio.Queue[Any], worker: Callable[[], Coroutine[Any, Any, None]], count: int) -> None:
    """Run `count` workers until every queued item is done.

    On any exit, Ctrl-C included, the workers are stopped before this returns: the HTTP client closes right
    after, and a worker still fetching would record its failed request as a dead link and mark it done
    instead of leaving it pending."""
    workers = [asyncio.create_task(worker()) for _ in range(count)]
    try:
        await queue.join()
    finally:
        for task in workers:
            task.cancel()
        await asyncio.gather(*workers, return_exceptions=True)
