"""The crawl loop: columns' list pages → their articles → the links on every page.

Workers take requests from one queue; politeness is the HostScheduler's job, persistence the
Frontier's and storage the sink's, so the loop itself only decides what to fetch next.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from govwatch.collect.crawl.attachments import AttachmentReader
from govwatch.collect.crawl.fetch import BOUND_ERRORS, Fetcher, Request, Response
from govwatch.collect.crawl.frontier import Frontier
from govwatch.collect.crawl.linkcheck import LinkChecker, LinkState
from govwatch.collect.crawl.listing import parse_list_page
from govwatch.collect.crawl.pool import drain
from govwatch.collect.crawl.results import CrawlSink, Finding, PageResult
from govwatch.collect.crawl.robots import RobotsCache
from govwatch.collect.extract.article import NotAnArticle, extract_article, parse_html
from govwatch.collect.extract.charset import decode_html
from govwatch.collect.extract.dates import is_future
from govwatch.collect.extract.links import is_government, page_links

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ColumnTarget:
    """A column to crawl: its path (ColumnKey as text) and its first list page."""

    column: str
    url: str


@dataclass
class CrawlStats:
    requests: int = 0
    list_pages: int = 0
    articles: int = 0
    unchanged: int = 0
    findings: int = 0
    queued: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class CrawlOptions:
    since: datetime | None = None  # stop paging a column once a whole list page predates this
    zone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Asia/Shanghai"))
    government_domains: tuple[str, ...] = (".gov.cn",)
    check_links: bool = True
    max_list_pages: int = 200
    max_links_per_page: int = 500
    workers: int = 8
    attachments: bool = True  # fetch and read the article's same-site files (附件) for checking
    max_attachments_per_page: int = 20


class Crawler:
    def __init__(self, fetcher: Fetcher, robots: RobotsCache, frontier: Frontier, sink: CrawlSink,
                 options: CrawlOptions, links: LinkChecker | None = None,
                 on_progress: Callable[[CrawlStats], None] = lambda _: None) -> None:
        self.fetcher, self.robots, self.frontier, self.sink, self.options = fetcher, robots, frontier, sink, options
        self.links = links or LinkChecker(fetcher, robots.allowed)
        self.attachments = AttachmentReader(fetcher, robots.allowed, self.links, self._finding,
                                            options.max_attachments_per_page)
        self.on_progress, self.stats = on_progress, CrawlStats()
        self._queue: asyncio.Queue[Request] = asyncio.Queue()
        self._list_pages: dict[str | None, int] = {}
        self._own_hosts: set[str] = set()

    def _enqueue(self, requests: Iterable[Request]) -> None:
        for request in self.frontier.add(requests):
            self._queue.put_nowait(request)
            self.stats.queued += 1

    def _finding(self, finding: Finding) -> None:
        self.stats.findings += 1
        self.stats.by_kind[finding.kind] = self.stats.by_kind.get(finding.kind, 0) + 1
        self.sink.finding(finding)

    async def run(self, targets: Iterable[ColumnTarget]) -> CrawlStats:
        """Crawl every target (or resume the frontier's pending requests) until nothing is left."""
        targets = list(targets)
        self._own_hosts = {urlsplit(t.url).hostname or "" for t in targets}
        for request in self.frontier.pending():
            self._queue.put_nowait(request)
        self._enqueue(Request(t.url, kind="list", column=t.column) for t in targets)
        await drain(self._queue, self._worker, self.options.workers)  # stopped on Ctrl-C too: they stay pending
        self.frontier.finish()
        return self.stats

    async def _worker(self) -> None:
        while True:
            request = await self._queue.get()
            try:
                await self._handle(request)
                self.frontier.done(request)
            except Exception:  # a bug on one page must not stop the crawl; the page stays pending
                log.exception("处理 %s 时出错", request.url)
            finally:
                self._queue.task_done()
                self.on_progress(self.stats)

    async def _handle(self, request: Request) -> None:
        if not await self.robots.allowed(request.url):
            self._finding(Finding("robots", request.url, None, request.column, detail="robots.txt 不允许抓取"))
            return
        known = self.sink.validators(request.url) if request.kind == "article" else None
        response = await self.fetcher.fetch(request, known)
        self.stats.requests += 1
        if response.not_modified:
            await self._unchanged(request)
            return
        if not response.ok:
            self._failed(response)
            return
        self.links.record(response)
        text, encoding = decode_html(response.body, response.headers.get("content-type"))
        if request.kind == "list":
            await self._list(request, text)
        else:
            await self._article(request, response, text, encoding)

    async def _unchanged(self, request: Request) -> None:
        """A 304: nothing to store, but its links are checked from the stored copy all the same.

        So link checks do not hang on a 200 answer: a crawl killed after storing an article and before
        checking its links checks them when the resumed run gets 304, and links that broke on a page
        that did not change are still found."""
        self.stats.unchanged += 1
        html = self.sink.stored_html(request.url) if self.options.check_links else None
        if html is not None:
            await self._check_links(request, html, request.url)
        self.sink.unchanged(request.url, links_checked=html is not None)

    def _failed(self, response: Response) -> None:
        request = response.request
        self._finding(Finding(_failure_kind(response.error), request.url, request.page, request.column,
                              response.status, response.detail or response.error or f"HTTP {response.status}"))

    async def _list(self, request: Request, text: str) -> None:
        self.stats.list_pages += 1
        self._list_pages[request.column] = self._list_pages.get(request.column, 0) + 1
        try:
            page = parse_list_page(text, request, self.options.zone)
        except NotAnArticle as exc:  # not HTML at all: said, not dropped
            self._finding(Finding("bad_page", request.url, request.page, request.column, detail=str(exc)))
            return
        since = self.options.since
        fresh = [i for i in page.items if since is None or i.published_at is None or i.published_at >= since]
        self._enqueue(Request(i.url, kind="article", column=request.column, page=request.url) for i in fresh)
        if page.items and not fresh:
            return  # the whole page predates the month: older pages need not be read
        if page.next and self._list_pages[request.column] >= self.options.max_list_pages:
            self._finding(Finding("pager_cap", page.next[0].url, request.url, request.column,
                                  detail=f"栏目列表页已读 {self.options.max_list_pages} 页（上限 max_list_pages），"
                                         "其后的列表页未读"))
            return
        self._enqueue(page.next)

    async def _article(self, request: Request, response: Response, text: str, encoding: str) -> None:
        try:
            article = extract_article(text, response.url, self.options.zone)
        except NotAnArticle as exc:
            self._finding(Finding("bad_page", request.url, None, request.column, response.status, str(exc)))
            return
        now = datetime.now(UTC)
        if article.published_at is None:
            self._finding(Finding("missing_date", request.url, None, request.column, detail="页面没有发布时间"))
        elif is_future(article.published_at, now):
            self._finding(Finding("future_date", request.url, None, request.column,
                                  detail=f"发布时间 {article.published_at:%Y-%m-%d %H:%M} 晚于当前时间"))
        else:
            self.stats.articles += 1
            attachments = await self.attachments.read(text, response.url, request.column) if self.options.attachments else ()
            self.sink.page(PageResult(request.column, article, response.body, encoding, response.validators, attachments))
        if self.options.check_links:
            await self._check_links(request, text, response.url)

    async def _check_links(self, request: Request, text: str, page_url: str) -> None:
        found = page_links(parse_html(text), page_url)
        for href in found.rejected:
            self._finding(Finding("bad_link", href[:500], page_url, request.column,
                                  detail="链接地址无效或不是 http/https 地址，按文字保留"))
        cap = self.options.max_links_per_page
        links = found.links[:cap]
        if len(found.links) > cap:
            self._finding(Finding("link_cap", page_url, page_url, request.column,
                                  detail=f"页面有 {len(found.links)} 个链接，只检查前 {cap} 个（上限 max_links_per_page）"))
        for link in links:
            if not is_government(link, self.options.government_domains, self._own_hosts):
                self._finding(Finding("external_link", link, page_url, request.column, detail="链接指向非政府网站"))
        states = await asyncio.gather(*(self.links.dead(link) for link in links))
        for link, state in zip(links, states, strict=True):
            if state is not None:
                self._finding(_link_finding(link, page_url, request.column, state))


def _failure_kind(error: str | None) -> str:
    """The finding kind of a failed fetch: the bound it hit, a redirect loop, or a dead link."""
    return error if error in BOUND_ERRORS or error == "redirect_loop" else "dead_link"


def _link_finding(link: str, page_url: str, column: str | None, state: LinkState) -> Finding:
    return Finding(_failure_kind(state.error), link, page_url, column, state.status,
                   state.detail or state.error or f"HTTP {state.status}", state.rechecked)
