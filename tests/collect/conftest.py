"""Fixtures of the collection tests: the demo portal on 127.0.0.1 and crawl helpers."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

import pytest

from govwatch.collect.crawl.crawler import ColumnTarget, CrawlOptions, CrawlStats
from govwatch.collect.crawl.fetch import Validators
from govwatch.collect.crawl.frontier import MemoryFrontier
from govwatch.collect.crawl.results import Finding, PageResult
from govwatch.collect.crawl.session import crawl
from govwatch.collect.fakes.portal import Portal
from govwatch.collect.fakes.server import LocalServer
from govwatch.config.loader import load_county_dir
from govwatch.domain.county import CrawlSettings
from govwatch.store.counties import save_config
from govwatch.store.db import open_database

FAST = CrawlSettings(delay_seconds=0, concurrency=8, retries=2, backoff_seconds=0.01, recheck_seconds=0.01)


@dataclass
class ListSink:
    """Keeps everything in lists; `known` plays the stored validators, `stored` the stored pages."""

    pages: list[PageResult] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    unchanged_urls: list[str] = field(default_factory=list)
    known: dict[str, Validators] = field(default_factory=dict)
    stored: dict[str, str] = field(default_factory=dict)  # url → HTML, as a storing sink keeps the last version

    def validators(self, url: str) -> Validators | None:
        return self.known.get(url)

    def page(self, result: PageResult) -> None:
        self.pages.append(result)

    def stored_html(self, url: str) -> str | None:
        return self.stored.get(url)

    def unchanged(self, url: str, links_checked: bool) -> None:
        self.unchanged_urls.append(url)

    def finding(self, finding: Finding) -> None:
        self.findings.append(finding)

    def kinds(self, kind: str) -> list[Finding]:
        return [f for f in self.findings if f.kind == kind]


def run_crawl(targets, settings=FAST, sink=None, frontier=None, options=None) -> tuple[ListSink, CrawlStats]:
    sink = sink or ListSink()
    stats = asyncio.run(crawl(targets, settings, options or CrawlOptions(), sink, frontier or MemoryFrontier()))
    return sink, stats


@pytest.fixture(scope="session")
def demo_posts(meixian_config, meixian_dir):
    from govwatch.config.loader import validate_file
    from govwatch.demo.generator import generate_month
    from govwatch.demo.plan import DemoPlan

    plan = validate_file(DemoPlan, meixian_dir / "demo" / "2023-06.yaml")
    return plan, generate_month(plan, meixian_config.county)


@pytest.fixture
def portal(demo_posts, meixian_config):
    plan, posts = demo_posts
    return Portal(posts, meixian_config.county, plan.portal)


@pytest.fixture
def portal_server(portal):
    """The demo portal served on a free port; crawls reach it as www.meixian.gov.cn through the proxy mode."""
    with LocalServer(portal) as server:
        yield server


def targets_of(portal: Portal) -> list[ColumnTarget]:
    return [ColumnTarget(c.key, c.url) for c in portal.columns]


@pytest.fixture
def stored_db(sqlite_url, meixian_dir):
    """A database holding the example county's configuration."""
    db = open_database(sqlite_url)
    with db.transaction() as session:
        save_config(session, load_county_dir(meixian_dir))
    yield db
    db.dispose()
