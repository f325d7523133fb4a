"""Wiring a crawl from the county's CrawlSettings: one httpx client, the host scheduler, robots, links."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from urllib.parse import urlsplit

import httpx

from govwatch.collect.crawl.crawler import ColumnTarget, Crawler, CrawlOptions, CrawlStats
from govwatch.collect.crawl.fetch import Fetcher, FetchLimits, Request
from govwatch.collect.crawl.frontier import Frontier
from govwatch.collect.crawl.hosts import HostScheduler
from govwatch.collect.crawl.linkcheck import LinkChecker
from govwatch.collect.crawl.results import CrawlSink
from govwatch.collect.crawl.robots import RobotsCache
from govwatch.collect.extract.charset import decode_html
from govwatch.domain.county import CrawlSettings

MAX_REDIRECTS = 10


def make_client(settings: CrawlSettings) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        headers={"User-Agent": settings.user_agent}, timeout=settings.timeout_seconds, verify=settings.verify_tls,
        follow_redirects=True, max_redirects=MAX_REDIRECTS, trust_env=False, proxy=settings.proxy,
        limits=httpx.Limits(max_connections=100, max_keepalive_connections=100),
    )


@asynccontextmanager
async def polite_fetcher(settings: CrawlSettings, start_urls: Iterable[str]) -> AsyncIterator[tuple[Fetcher, RobotsCache]]:
    """A Fetcher and a RobotsCache under `settings`: each host's slots, delay and robots choice as configured,
    and the Crawl-delay of the start URLs' robots.txt where it is longer."""
    start_urls = list(start_urls)
    hosts = HostScheduler(settings.concurrency, settings.delay_seconds)
    ignored: set[str] = set()
    for host in {urlsplit(url).hostname or "" for url in start_urls} | {s.host for s in settings.sites}:
        site = settings.site(host)
        hosts.configure(host, site.concurrency, site.delay_seconds)
        if not (settings.obey_robots if site.obey_robots is None else site.obey_robots):
            ignored.add(host)
    async with make_client(settings) as client:
        limits = FetchLimits(settings.max_page_bytes, settings.request_deadline_seconds, settings.max_retry_after_seconds)
        fetcher = Fetcher(client, hosts, settings.retries, limits, settings.backoff_seconds)

        async def robots_txt(url: str) -> tuple[int, str] | None:
            answer = await fetcher.fetch(Request(url, kind="robots"))
            if answer.status is None:
                return None
            return answer.status, decode_html(answer.body, answer.headers.get("content-type"))[0]

        robots = RobotsCache(robots_txt, settings.user_agent, ignored)
        for url in start_urls:
            delay = await robots.crawl_delay(url)
            host = urlsplit(url).hostname or ""
            if delay and delay > hosts.delay_of(host):
                hosts.configure(host, delay=delay)
        yield fetcher, robots


async def crawl(targets: Iterable[ColumnTarget], settings: CrawlSettings, options: CrawlOptions, sink: CrawlSink,
                frontier: Frontier, on_progress: Callable[[CrawlStats], None] = lambda _: None) -> CrawlStats:
    """Crawl the targets politely under `settings`; results go to `sink`, progress to `on_progress`."""
    targets = list(targets)
    async with polite_fetcher(settings, [t.url for t in targets]) as (fetcher, robots):
        crawler = Crawler(fetcher, robots, frontier, sink, options,
                          LinkChecker(fetcher, robots.allowed, settings.recheck_seconds), on_progress)
        return await crawler.run(targets)
