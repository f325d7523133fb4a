"""One polite HTTP request: host slot, retries with backoff, 429/Retry-After, conditional headers, size cap.

Every failure comes back as a Response with `error` set (timeout, dns, too_large, redirect_loop …),
never as an exception: a crawl records what went wrong and goes on.
"""

from __future__ import annotations

import email.utils
import logging
import random
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from govwatch.collect.crawl.hosts import HostScheduler

log = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_RETRY_AFTER = 120.0


@dataclass(frozen=True)
class Request:
    """A GET (or a POST with form fields, for data endpoints such as Hanweb's dataproxy)."""

    url: str
    method: str = "GET"
    form: tuple[tuple[str, str], ...] = ()
    kind: str = "article"  # list, article or link
    column: str | None = None  # the column path it was found under
    page: str | None = field(default=None, compare=False)  # the page that linked here

    @property
    def key(self) -> str:
        body = "&".join(f"{k}={v}" for k, v in self.form)
        return f"{self.method} {self.url}" + (f" {body}" if body else "")

    @property
    def host(self) -> str:
        return urlsplit(self.url).hostname or ""


@dataclass(frozen=True)
class Validators:
    """What a previous fetch said about the page, for a conditional request."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass
class Response:
    request: Request
    url: str
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and 200 <= self.status < 300

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def validators(self) -> Validators:
        return Validators(self.headers.get("etag"), self.headers.get("last-modified"))


def retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (seconds or an HTTP date), capped; None when absent or unreadable."""
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(value) if email.utils.parsedate_tz(value) else None
        if parsed is None:
            return None
        seconds = parsed.timestamp() - time.time()
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


class Fetcher:
    """Fetches through one shared httpx client; `backoff` is the first retry's pause in seconds."""

    def __init__(self, client: httpx.AsyncClient, hosts: HostScheduler, retries: int = 3,
                 max_bytes: int = 10_000_000, backoff: float = 0.5) -> None:
        self.client, self.hosts, self.retries, self.max_bytes, self.backoff = client, hosts, retries, max_bytes, backoff

    async def fetch(self, request: Request, validators: Validators | None = None, read_body: bool = True) -> Response:
        """The response after up to `retries` retries of timeouts, connection errors, 429 and 5xx."""
        headers = {}
        if validators and validators.etag:
            headers["If-None-Match"] = validators.etag
        if validators and validators.last_modified:
            headers["If-Modified-Since"] = validators.last_modified
        attempt = 0
        while True:
            async with self.hosts.slot(request.host):
                response = await self._once(request, headers, read_body)
            pause = self._pause(response, attempt)
            if pause is None:
                return response
            attempt += 1
            log.info("重试 %s（%s），%.1f 秒后", request.url, response.error or response.status, pause)
            self.hosts.slow_down(request.host, pause)

    def _pause(self, response: Response, attempt: int) -> float | None:
        """How long to wait before retrying, or None when the answer is final."""
        transient = response.error in ("timeout", "connect") or response.status in RETRY_STATUSES
        if not transient or attempt >= self.retries:
            return None
        asked = retry_after(response.headers.get("retry-after"))
        return asked if asked is not None else self.backoff * 2**attempt * (1 + random.random() / 2)

    async def _once(self, request: Request, headers: dict[str, str], read_body: bool) -> Response:
        out = Response(request, request.url)
        try:
            async with self.client.stream(request.method, request.url, headers=headers,
                                          data=dict(request.form) or None) as answer:
                out.url, out.status = str(answer.url), answer.status_code
                out.headers = {k.lower(): v for k, v in answer.headers.items()}
                declared = int(out.headers.get("content-length") or 0)
                if declared > self.max_bytes:
                    out.error = "too_large"
                    return out
                if read_body:
                    chunks, size = [], 0
                    async for chunk in answer.aiter_bytes():
                        size += len(chunk)
                        if size > self.max_bytes:
                            out.error = "too_large"
                            return out
                        chunks.append(chunk)
                    out.body = b"".join(chunks)
        except httpx.TooManyRedirects:
            out.error = "redirect_loop"
        except httpx.TimeoutException:
            out.error = "timeout"
        except httpx.ConnectError as exc:
            out.error = "dns" if "name" in str(exc).lower() or "resolution" in str(exc).lower() else "connect"
        except (httpx.HTTPError, OSError, ValueError) as exc:  # broken chunking, bad header, invalid URL
            out.error = f"http_error: {exc}"[:200]
        return out
