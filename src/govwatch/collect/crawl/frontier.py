"""The crawl frontier: which requests a run has queued and which it has finished.

A persisted frontier (`govwatch.store.collection.StoredFrontier`) makes a killed crawl resume where it
stopped; the in-memory one serves dry runs and benchmarks. Both keep every key a run has seen, so a
list page that links to itself, or two pagers that meet, are fetched once.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from govwatch.collect.crawl.fetch import Request


class Frontier(Protocol):
    def add(self, requests: Iterable[Request]) -> list[Request]:
        """Queue the requests this run has not seen; returns those queued."""

    def done(self, request: Request) -> None:
        """Mark a request finished (fetched and handled, or failed for good)."""

    def pending(self) -> list[Request]:
        """Requests queued but not finished: what a resumed run starts from."""

    def finish(self) -> None:
        """Forget the run after it completed, so the next run starts from the column pages again."""


class MemoryFrontier:
    """A frontier that lives as long as the process."""

    def __init__(self) -> None:
        self._state: dict[str, tuple[Request, bool]] = {}

    def add(self, requests: Iterable[Request]) -> list[Request]:
        new = [r for r in requests if r.key not in self._state]
        new = list({r.key: r for r in new}.values())
        self._state.update({r.key: (r, False) for r in new})
        return new

    def done(self, request: Request) -> None:
        self._state[request.key] = (request, True)

    def pending(self) -> list[Request]:
        return [r for r, finished in self._state.values() if not finished]

    def finish(self) -> None:
        self._state.clear()
