"""Gathering a whole site from its home page, politely, with the crawler's own pieces.

Same host only (the home page's host and port); robots.txt is asked before every request — pages,
stylesheets, files and the link checks of other sites alike; `/` and `/index.html` are one page. Bounds
come from the county's crawl settings: `max_site_pages` pages, `max_links_per_page` links checked per
page, `max_list_pages` pager steps per column, `max_page_bytes` per page or file.

A same-site page that fails is a dead link of each page that linked to it; other links (other sites,
files, images) go through the LinkChecker, which checks each URL once and confirms a failure.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import lxml.html

from govwatch.collect.attachments import ATTACHMENT_SUFFIXES, read_attachment
from govwatch.collect.crawl.fetch import Request, Response
from govwatch.collect.crawl.listing import parse_list_page
from govwatch.collect.crawl.pool import drain
from govwatch.collect.crawl.session import PoliteTools
from govwatch.collect.extract.article import NotAnArticle, parse_html
from govwatch.collect.extract.charset import decode_html
from govwatch.collect.extract.links import absolute_url
from govwatch.collect.site.page import canonical, read_page, with_items
from govwatch.collect.site.styles import StyleRule, is_stylesheet, parse_stylesheet
from govwatch.domain.attachments import AttachmentText
from govwatch.domain.sitecheck.model import DeadLink, GatheredPage

log = logging.getLogger(__name__)

# Links that are neither pages nor files to read: checked, never fetched whole.
_NOT_PAGES = (".jpg", ".jpeg", ".png", ".gif", ".bmp", ".svg", ".webp", ".ico", ".css", ".js", ".zip", ".rar",
              ".7z", ".mp4", ".mp3", ".avi", ".flv", ".wmv", ".apk", ".exe", ".ppt", ".pptx", ".wps", ".txt")


@dataclass(frozen=True)
class SiteOptions:
    zone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Asia/Shanghai"))
    max_pages: int = 20_000
    max_links_per_page: int = 500
    max_list_pages: int = 200
    check_links: bool = True
    workers: int = 8
    guide_labels: tuple[str, ...] = ()


@dataclass
class SiteProgress:
    pages: int = 0
    queued: int = 0
    files: int = 0
    links_checked: int = 0
    capped: bool = False


@dataclass
class PageText:
    url: str
    column: str | None
    text: str


@dataclass
class FileText:
    page: str
    column: str | None
    attachment: AttachmentText


@dataclass
class Gathered:
    """What a gathering saw; texts are proofread afterwards (CPU work, kept off the event loop)."""

    home: str
    host: str
    pages: list[GatheredPage] = field(default_factory=list)
    dead_links: list[DeadLink] = field(default_factory=list)
    texts: list[PageText] = field(default_factory=list)
    files: list[FileText] = field(default_factory=list)
    capped: bool = False


class SiteGatherer:
    def __init__(self, tools: PoliteTools, home: str, options: SiteOptions,
                 on_progress: Callable[[SiteProgress], None] = lambda _: None) -> None:
        self.tools, self.options, self.on_progress = tools, options, on_progress
        self.start, self.home = home, canonical(home)
        self.host = (urlsplit(self.home).netloc or "").lower()
        self.out = Gathered(self.home, self.host)
        self.progress = SiteProgress()
        self._queue: asyncio.Queue[Request] = asyncio.Queue()
        self._seen: set[str] = set()
        self._referrers: dict[str, list[tuple[str, str | None]]] = {}  # page not yet answered → who links it
        self._dead: dict[str, DeadLink] = {}  # same-site pages that failed
        self._sheets: dict[str, asyncio.Future[list[StyleRule]]] = {}
        self._pager_steps: dict[str, int] = {}
        self._pager_column: dict[str, str] = {}  # a pager's next page → the column (first page) it continues

    async def run(self) -> Gathered:
        self._offer(self.start, None, None)
        await drain(self._queue, self._worker, self.options.workers)
        self.out.capped = self.progress.capped
        return self.out

    def _offer(self, url: str, page: str | None, column: str | None) -> None:
        """Queue a same-site page once; later referrers of a page already known dead get their finding."""
        key = canonical(url)
        if key in self._dead and page is not None:
            dead = self._dead[key]
            self.out.dead_links.append(dead.model_copy(update={"page": page, "column": column}))
            return
        if key in self._seen:
            if key in self._referrers and page is not None:
                self._referrers[key].append((page, column))
            return
        if len(self._seen) >= self.options.max_pages:
            self.progress.capped = True
            return
        self._seen.add(key)
        self._referrers[key] = [(page, column)] if page is not None else []
        # fetched as linked (a server need not answer /col/ for /col/index.html), known by its canonical key
        self._queue.put_nowait(Request(url, kind="page", page=page, column=column))
        self.progress.queued += 1

    async def _worker(self) -> None:
        while True:
            request = await self._queue.get()
            try:
                await self._page(request)
            except Exception:  # a bug on one page must not stop the check of the site
                log.exception("处理 %s 时出错", request.url)
            finally:
                self._queue.task_done()
                self.on_progress(self.progress)

    async def _allowed_fetch(self, request: Request, read_body: bool = True) -> Response | None:
        if not await self.tools.robots.allowed(request.url):
            return None
        return await self.tools.fetcher.fetch(request, read_body=read_body)

    async def _page(self, request: Request) -> None:
        key = canonical(request.url)
        response = await self._allowed_fetch(request)
        referrers = self._referrers.pop(key, [])
        if response is None:
            return  # robots.txt forbids it: neither read nor judged
        self.tools.links.record(response)
        if not response.ok:
            dead = DeadLink(url=request.url, page=request.url, status=response.status,
                            detail=response.detail or response.error or "")
            self._dead[key] = dead
            targets = referrers or [(request.url, None)]  # the home page itself: site unreachable
            self.out.dead_links += [dead.model_copy(update={"page": p, "column": c}) for p, c in targets]
            return
        kind = response.headers.get("content-type", "text/html").lower()
        if "html" not in kind and "xml" not in kind:
            return
        html, _ = decode_html(response.body, response.headers.get("content-type"))
        try:
            doc = parse_html(html)
        except NotAnArticle:
            return
        self.progress.pages += 1
        sheets = await self._stylesheets(doc, response.url)
        read = read_page(html, doc, request.url, home=key == self.home, site_host=self.host, sheets=sheets,
                         zone=self.options.zone, guide_labels=self.options.guide_labels,
                         file_suffixes=ATTACHMENT_SUFFIXES)
        page = read.page
        if page.column is None and request.column and page.type != "home":  # the column of the list linking here
            page = page.model_copy(update={"column": request.column})
        if page.type == "list" and key in self._pager_column:
            page = page.model_copy(update={"column_url": self._pager_column[key]})
        if read.pager and page.type in ("list", "home"):
            page = await self._follow_pager(page, read.pager)
        self.out.pages.append(page)
        if read.text:
            self.out.texts.append(PageText(page.url, page.column, read.text))
        await self._links(page, read.links, set(read.files))

    async def _follow_pager(self, page: GatheredPage, pager: tuple[Request, ...]) -> GatheredPage:
        """Pages of a pager: Hanweb's dataproxy batches are read into this page; numbered pages are queued."""
        for request in pager:
            if request.method != "POST":
                column = page.column_url or page.url
                self._pager_steps[column] = self._pager_steps.get(column, 0) + 1
                if page.type == "list" and self._pager_steps[column] <= self.options.max_list_pages:
                    self._pager_column.setdefault(canonical(request.url), column)
                    self._offer(request.url, page.url, page.column)
                continue
            steps = 0
            next_batch: Request | None = request
            while next_batch is not None and steps < self.options.max_list_pages:
                steps += 1
                answer = await self._allowed_fetch(next_batch)
                if answer is None or not answer.ok:
                    break
                text, _ = decode_html(answer.body, answer.headers.get("content-type"))
                batch = parse_list_page(text, next_batch, self.options.zone)
                page = with_items(page, [i.published_at.date() if i.published_at else None for i in batch.items])
                for item in batch.items:
                    self._offer(item.url, page.url, page.column)
                next_batch = batch.next[0] if batch.next else None
        return page

    async def _links(self, page: GatheredPage, links: tuple[str, ...], files: set[str]) -> None:
        checked = links[: self.options.max_links_per_page]
        others = []
        for link in links:
            same_site = (urlsplit(link).netloc or "").lower() == self.host
            path = urlsplit(link).path.lower()
            if link in files:
                await self._file(link, page)
            elif same_site and not path.endswith(_NOT_PAGES):
                self._offer(link, page.url, page.column)
            elif link in checked:
                others.append(link)
        if not self.options.check_links:
            return
        states = await asyncio.gather(*(self.tools.links.dead(link) for link in others))
        self.progress.links_checked += len(others)
        for link, state in zip(others, states, strict=True):
            if state is not None:
                self.out.dead_links.append(DeadLink(url=link, page=page.url, column=page.column, status=state.status,
                                                    detail=state.detail or state.error or ""))

    async def _file(self, url: str, page: GatheredPage) -> None:
        """A linked file: fetched once (its fetch is its link check) and read for checking."""
        key = canonical(url)
        if key in self._seen:
            if key in self._dead:
                self.out.dead_links.append(self._dead[key].model_copy(update={"page": page.url, "column": page.column}))
            return
        self._seen.add(key)
        response = await self._allowed_fetch(Request(url, kind="file", page=page.url))
        if response is None:
            return
        self.tools.links.record(response)
        if not response.ok:
            if response.error in ("too_large", "deadline"):
                unreadable = AttachmentText(url=url, filename=PurePosixPath(urlsplit(url).path).name, text="",
                                            unreadable=response.detail or "文件过大或下载超时")
                self.out.files.append(FileText(page.url, page.column, unreadable))
                return
            dead = DeadLink(url=url, page=page.url, column=page.column, status=response.status,
                            detail=response.detail or response.error or "")
            self._dead[key] = dead
            self.out.dead_links.append(dead)
            return
        self.progress.files += 1
        attachment = await asyncio.to_thread(read_attachment, url, response.body)
        self.out.files.append(FileText(page.url, page.column, attachment))

    async def _stylesheets(self, doc: lxml.html.HtmlElement, base: str) -> list[list[StyleRule]]:
        """The page's sheets in document order: <style> blocks and same-site linked sheets (each fetched once)."""
        sheets: list[list[StyleRule]] = []
        for element in doc.xpath("//style|//link[@href]"):
            if element.tag == "style":
                sheets.append(parse_stylesheet(element.text_content()))
                continue
            if not is_stylesheet(element):
                continue
            url = absolute_url(base, element.get("href"))
            if url is None or (urlsplit(url).netloc or "").lower() != self.host:
                continue
            if url not in self._sheets:
                self._sheets[url] = asyncio.ensure_future(self._sheet(url))
            sheets.append(await self._sheets[url])
        return sheets

    async def _sheet(self, url: str) -> list[StyleRule]:
        response = await self._allowed_fetch(Request(url, kind="stylesheet"))
        if response is None or not response.ok:
            return []
        return parse_stylesheet(decode_html(response.body, response.headers.get("content-type"))[0])

