"""`govwatch setup discover URL`: read a portal's navigation and 信息公开 tree into a Discovery.

From the home page, same-site links are followed breadth first (robots.txt and the crawl settings'
politeness hold, through the crawler's own Fetcher); a page whose links include dated items (the
crawler's list-page reader) is a column, any other page is a category page whose links are followed
in turn, up to `depth` steps from the home page. Each column's pager is followed up to
`max_list_pages` pages to count its items and find its latest date, and a few of its articles are read
for the publisher they name (ContentSource meta, 来源 or 发布机构). Article pages, attachments and other
sites are never followed as candidates.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import lxml.html

from govwatch.collect.attachments import is_attachment
from govwatch.collect.crawl.fetch import Fetcher, Request
from govwatch.collect.crawl.listing import ARTICLE_URL, ListPage, parse_list_page
from govwatch.collect.crawl.robots import RobotsCache
from govwatch.collect.crawl.session import polite_tools
from govwatch.collect.extract.article import (
    NotAnArticle,
    element_text,
    extract_article,
    meta_tags,
    parse_html,
)
from govwatch.collect.extract.charset import decode_html
from govwatch.collect.extract.links import absolute_url
from govwatch.domain.county import CrawlSettings
from govwatch.domain.onboarding import DiscoveredColumn, Discovery, most_common

_PUBLISHER = re.compile(r"(?:发布机构|发文机关|发布单位)\s*[：:]\s*([^\s|　<>]{2,40})")
_PUBLISHER_META = ("contentsource", "发布机构", "publisher", "author")


@dataclass(frozen=True)
class DiscoverLimits:
    max_pages: int = 5000  # pages fetched in all (list, category and sampled article pages)
    max_list_pages: int = 20  # pages of one column's pager followed to count its items
    sample_articles: int = 5  # articles read per column for their publisher
    shared_sample: int = 60  # articles read of a column the sample shows shared, to list the units sending to it
    depth: int = 4  # link steps from the home page


@dataclass(frozen=True)
class _Link:
    url: str
    text: str


class _Budget:
    def __init__(self, limit: int, on_page: Callable[[int], None]) -> None:
        self.limit, self.used, self.on_page, self.capped = limit, 0, on_page, False

    def take(self) -> bool:
        if self.used >= self.limit:
            self.capped = True
            return False
        self.used += 1
        self.on_page(self.used)
        return True


class _Discoverer:
    def __init__(self, fetcher: Fetcher, robots: RobotsCache, limits: DiscoverLimits, zone: ZoneInfo,
                 budget: _Budget) -> None:
        self.fetcher, self.robots, self.limits, self.zone, self.budget = fetcher, robots, limits, zone, budget

    async def page(self, request: Request) -> str | None:
        """The page's text, or None when it may not or cannot be fetched (or the page budget is spent)."""
        if not await self.robots.allowed(request.url) or not self.budget.take():
            return None
        response = await self.fetcher.fetch(request)
        if not response.ok:
            return None
        return decode_html(response.body, response.headers.get("content-type"))[0]

    async def column(self, link: _Link, trail: tuple[str, ...], html: str, first: ListPage) -> DiscoveredColumn:
        doc = parse_html(html)
        name, name_from = _column_name(doc, first, link)
        items, pages, listing = list(first.items), 1, first
        while listing.next and pages < self.limits.max_list_pages:
            text = await self.page(listing.next[0])
            if text is None:
                break
            try:
                listing = parse_list_page(text, listing.next[0], self.zone)
            except NotAnArticle:
                break
            items += listing.items
            pages += 1
        dates = [i.published_at for i in items if i.published_at is not None]
        sample = items[:: max(1, len(items) // self.limits.sample_articles)][: self.limits.sample_articles]
        sources = [s for s in await asyncio.gather(*(self.publisher(i.url) for i in sample)) if s]
        if len(set(sources)) > 1:  # shared (部门动态): who sends to it is the draft's list of its units
            more = [i for i in items if i not in sample][: self.limits.shared_sample]
            sources += [s for s in await asyncio.gather(*(self.publisher(i.url) for i in more)) if s]
        return DiscoveredColumn(url=link.url, name=name, name_from=name_from, items=len({i.url for i in items}),
                                items_capped=bool(listing.next), last_update=max(dates, default=None),
                                sources=most_common(sources), trail=trail)

    async def publisher(self, url: str) -> str | None:
        text = await self.page(Request(url))
        if text is None:
            return None
        try:
            article = extract_article(text, url, self.zone)
        except NotAnArticle:
            return None
        if article.source:
            return article.source.strip()
        doc = parse_html(text)
        meta = meta_tags(doc)
        found = next((meta[k] for k in _PUBLISHER_META if meta.get(k)), None)
        if found:
            return found.strip()
        visible = _PUBLISHER.search(element_text(doc))
        return visible.group(1) if visible else None


def _column_name(doc: lxml.html.HtmlElement, listing: ListPage, link: _Link) -> tuple[str, str]:
    """ColumnName meta, else the page's heading, else the link text that led here."""
    if listing.column:
        return listing.column.strip(), "meta"
    for heading in doc.xpath("//h2|//h3|//*[contains(@class,'lmmc') or contains(@class,'column-name')]"):
        text = " ".join(heading.text_content().split())
        if 2 <= len(text) <= 30:
            return text, "heading"
    return link.text or urlsplit(link.url).path, "link"


def _links(html: str, base: str, host: str) -> list[_Link]:
    """Same-site links that may lead to a column: no article pages, files or in-page anchors."""
    found: dict[str, _Link] = {}
    for anchor in parse_html(html).xpath("//a[@href]"):
        url = absolute_url(base, anchor.get("href") or "")
        if url is None or urlsplit(url).hostname != host or url in found:
            continue
        path = urlsplit(url).path
        if ARTICLE_URL.search(path) or is_attachment(url):
            continue
        found[url] = _Link(url, " ".join(anchor.text_content().split())[:60])
    return list(found.values())


def _is_column(listing: ListPage) -> bool:
    return bool(listing.items) or any(r.method == "POST" for r in listing.next)


async def _walk(discoverer: _Discoverer, home: str) -> tuple[str | None, list[DiscoveredColumn]]:
    host = urlsplit(home).hostname or ""
    html = await discoverer.page(Request(home, kind="list"))
    if html is None:
        raise DiscoveryError(f"无法读取首页 {home}（无法访问、robots.txt 不允许或不是网页）")
    site_name = meta_tags(parse_html(html)).get("sitename")
    seen = {home, home.rstrip("/") + "/index.html", home.rstrip("/") + "/"}
    level: list[tuple[_Link, tuple[str, ...]]] = [(link, (link.text,)) for link in _links(html, home, host)]
    columns: list[DiscoveredColumn] = []
    for _ in range(discoverer.limits.depth):
        level = [(link, trail) for link, trail in level if link.url not in seen]
        seen.update(link.url for link, _ in level)
        pages = await asyncio.gather(*(discoverer.page(Request(link.url, kind="list")) for link, _ in level))
        found = []
        following: list[tuple[_Link, tuple[str, ...]]] = []
        for (link, trail), text in zip(level, pages, strict=True):
            if text is None:
                continue
            try:
                listing = parse_list_page(text, Request(link.url, kind="list"), discoverer.zone)
            except NotAnArticle:
                continue
            if _is_column(listing):
                found.append(discoverer.column(link, trail, text, listing))
                seen.update(r.url for r in listing.next)
            following += [(sub, (*trail, sub.text)) for sub in _links(text, link.url, host) if sub.url not in seen]
        columns += await asyncio.gather(*found)
        level = list({link.url: (link, trail) for link, trail in following}.values())
        if not level:
            break
    return site_name, columns


class DiscoveryError(ValueError):
    """The home page could not be read; the message says why, in Chinese."""


def discover(home: str, settings: CrawlSettings, limits: DiscoverLimits = DiscoverLimits(),
             zone: ZoneInfo = ZoneInfo("Asia/Shanghai"), on_page: Callable[[int], None] = lambda _: None) -> Discovery:
    """Crawl the portal at `home` for its columns; `on_page` hears the count of pages fetched so far."""

    async def run() -> Discovery:
        budget = _Budget(limits.max_pages, on_page)
        async with polite_tools(settings, [home]) as tools:
            site_name, columns = await _walk(_Discoverer(tools.fetcher, tools.robots, limits, zone, budget), home)
        return Discovery(home=home, site_name=site_name, columns=tuple(columns), pages_read=budget.used,
                         capped=budget.capped)

    return asyncio.run(run())


def latest(column: DiscoveredColumn) -> str:
    """The column's latest item date as the draft writes it."""
    return f"{column.last_update:%Y-%m-%d}" if isinstance(column.last_update, datetime) else "无日期"
