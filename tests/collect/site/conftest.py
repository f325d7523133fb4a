"""Serving the test portals on 127.0.0.1 (port 0) and running a site-check through the proxy mode."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from govwatch.collect.fakes.server import LocalServer
from govwatch.domain.county import CrawlSettings
from govwatch.domain.sitecheck.result import SiteCheckResult
from govwatch.proofread import default_proofreader
from govwatch.services.sitecheck import run_site_check, shipped_rules
from tests.collect.site.portals import BASE, TODAY, FakeSites

FAST = CrawlSettings(delay_seconds=0, concurrency=8, retries=1, backoff_seconds=0.01, recheck_seconds=0.01)


def check(sites: FakeSites, settings: CrawlSettings = FAST) -> SiteCheckResult:
    with LocalServer(sites) as server:
        return run_site_check(BASE + "/", TODAY, settings.model_copy(update={"proxy": server.url}), shipped_rules(),
                              ZoneInfo("Asia/Shanghai"), default_proofreader())
