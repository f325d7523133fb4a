"""One polite HTTP request: host slot, retries with backoff, 429/Retry-After, conditional headers, bounds.

Every failure comes back as a Response with `error` set (timeout, dns, reset, too_large, deadline,
retry_after, redirect_loop …) and `detail` saying it in words, never as an exception: a crawl records
what went wrong and goes on. The bounds (FetchLimits) hold against hostile servers: one overall deadline
per request however slowly the bytes come, a body size cap, and a cap on how long a Retry-After may hold
a page — a server asking for longer is not retried.
"""

from __future__ import annotations

import asyncio
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
TRANSIENT_ERRORS = frozenset({"timeout", "connect", "reset"})
# Errors that mean a bound of FetchLimits was hit: the crawl records each as a finding of that kind.
BOUND_ERRORS = frozenset({"too_large", "deadline", "retry_after"})


@dataclass(frozen=True)
class FetchLimits:
    """What one request may cost at most (CrawlSettings' max_page_bytes, request_deadline_seconds,
    max_retry_after_seconds)."""

    max_bytes: int = 10_000_000
    deadline: float = 60.0
    max_retry_after: float = 30.0


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
    detail: str = ""  # the error in words, for the finding (empty: the error code or status says it)

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
    """Seconds from a Retry-After header (seconds or an HTTP date); None when absent or unreadable."""
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(value) if email.utils.parsedate_tz(value) else None
        if parsed is None:
            return None
        seconds = parsed.timestamp() - time.time()
    return max(seconds, 0.0) if seconds == seconds else None  # NaN is no pause


class Fetcher:
    """Fetches through one shared httpx client; `backoff` is the first retry's pause in seconds."""

    def __init__(self, client: httpx.AsyncClient, hosts: HostScheduler, retries: int = 3,
                 limits: FetchLimits = FetchLimits(), backoff: float = 0.5) -> None:
        self.client, self.hosts, self.retries, self.limits, self.backoff = client, hosts, retries, limits, backoff

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
        """How long to wait before retrying, or None when the answer is final.

        A Retry-After above the cap makes the answer final, as error `retry_after`: waiting the cap
        and asking again early would be neither polite nor useful."""
        transient = response.error in TRANSIENT_ERRORS or (response.error is None and response.status in RETRY_STATUSES)
        if not transient or attempt >= self.retries:
            return None
        asked = retry_after(response.headers.get("retry-after"))
        if asked is not None and asked > self.limits.max_retry_after:
            response.error = "retry_after"
            response.detail = (f"服务器要求 {asked:.0f} 秒后重试（HTTP {response.status}，Retry-After），"
                               f"超过上限 {self.limits.max_retry_after:g} 秒，未重试")
            return None
        return asked if asked is not None else self.backoff * 2**attempt * (1 + random.random() / 2)

    async def _once(self, request: Request, headers: dict[str, str], read_body: bool) -> Response:
        """One attempt under the overall deadline: httpx's timeout bounds each read, not the whole answer."""
        out = Response(request, request.url)
        try:
            async with asyncio.timeout(self.limits.deadline):
                await self._exchange(request, headers, read_body, out)
        except TimeoutError:
            out.error = "deadline"
            out.detail = f"请求超过总时限 {self.limits.deadline:g} 秒（服务器应答过慢），已放弃"
        return out

    async def _exchange(self, request: Request, headers: dict[str, str], read_body: bool, out: Response) -> None:
        """Send the request and read the answer into `out`; every failure becomes `out.error`."""
        try:
            async with self.client.stream(request.method, request.url, headers=headers,
                                          data=dict(request.form) or None) as answer:
                out.url, out.status = str(answer.url), answer.status_code
                out.headers = {k.lower(): v for k, v in answer.headers.items()}
                if read_body:  # a link check reads no body: a large file behind a link is no fault
                    out.body = await self._body(answer, out)
        except httpx.TooManyRedirects:
            out.error = "redirect_loop"
        except httpx.TimeoutException:
            out.error = "timeout"
        except httpx.ConnectError as exc:
            out.error = "dns" if "name" in str(exc).lower() or "resolution" in str(exc).lower() else "connect"
        except (httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError, ConnectionError) as exc:
            out.error = "reset"
            out.detail = f"连接被服务器中断（{_described(exc)}）"
        except (httpx.HTTPError, OSError, ValueError) as exc:  # broken chunking, bad header, invalid URL
            out.error = f"http_error: {_described(exc)}"[:200]

    async def _body(self, answer: httpx.Response, out: Response) -> bytes:
        """The body, or b"" with error `too_large` as soon as it is declared or read past the cap."""
        cap = self.limits.max_bytes
        declared = out.headers.get("content-length") or "0"
        if declared.isdigit() and int(declared) > cap:
            out.error, out.detail = "too_large", f"页面声明 {int(declared):,} 字节，超过上限 {cap:,} 字节，未读取"
            return b""
        chunks, size = [], 0
        async for chunk in answer.aiter_bytes():
            size += len(chunk)
            if size > cap:
                out.error, out.detail = "too_large", f"页面超过上限 {cap:,} 字节，未读完"
                return b""
            chunks.append(chunk)
        return b"".join(chunks)


def _described(exc: BaseException) -> str:
    """An exception as `Type: message`; many network errors carry an empty message."""
    message = str(exc).strip()
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__
