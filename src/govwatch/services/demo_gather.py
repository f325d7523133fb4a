"""Gathering the demo month the way a county gathers a real one: crawl its portal, read its accounts, over HTTP.

The generated month is served by the demo portal and by fake platform servers on 127.0.0.1; the county
folder is copied with every column URL, account id and source pointing at them, and govwatch's own
crawler and platform adapters bring the posts in. The county's own config is stored again afterwards,
since the servers stop with the demo.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from ruamel.yaml import YAML

from govwatch.collect.fakes.portal import Portal
from govwatch.collect.fakes.server import LocalServer
from govwatch.collect.platforms.base import MemoryTokens
from govwatch.config.loader import COUNTY_FILE, RULES_FILE, CountyConfig, load_county_dir
from govwatch.demo.plan import DemoPlan
from govwatch.demo.platforms import demo_platforms
from govwatch.demo.texts import phrases
from govwatch.domain.calendar import Month
from govwatch.domain.incoming import IncomingPost
from govwatch.domain.recommended import Recommended
from govwatch.proofread import Proofreader
from govwatch.services.collect_posts import ingest_accounts
from govwatch.services.crawl import column_targets, run_crawl
from govwatch.services.demo_site import county_with_urls
from govwatch.services.recommended import load_month_list
from govwatch.store.counties import load_stored_county, save_config
from govwatch.store.db import Database


@dataclass(frozen=True)
class Gathered:
    crawled: int  # new portal items
    ingested: int  # new account posts
    fetched: int  # items the crawl and the adapters brought back, new or not
    failures: tuple[str, ...]  # accounts whose platform failed, with the reason


def config_pointing_at(config_dir: Path, portal: Portal, proxy: str, sources: dict, urls: dict[str, str],
                        folder: Path) -> CountyConfig:
    """A copy of the county folder whose columns, accounts and crawl settings point at the local servers."""
    data = county_with_urls(config_dir, portal, proxy)
    for account in data.get("accounts", []):
        extra = sources.get((account["name"], account["platform"]), {})
        account.update(extra)
        source = account.get("source")
        if source and source.get("kind") == "api":
            source["url"] = urls[source["url"]]
    with (folder / COUNTY_FILE).open("w", encoding="utf-8") as handle:
        YAML().dump(data, handle)
    shutil.copy(config_dir / RULES_FILE, folder / RULES_FILE)
    return load_county_dir(folder)


def gather_over_http(db: Database, config_dir: Path, plan: DemoPlan, posts: Sequence[IncomingPost],
                     proofreader: Proofreader, on_stage: Callable[[str], None]) -> Gathered:
    """Serve the generated month, crawl and ingest it into `db`, and leave the county's own config stored."""
    own = load_county_dir(config_dir)
    month = Month.parse(plan.month)
    zone = ZoneInfo(own.county.county.timezone)
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as servers:
        folder = Path(tmp)
        portal = Portal(posts, own.county, plan.portal)
        proxy = servers.enter_context(LocalServer(portal)).url
        fakes = demo_platforms(own.county.accounts, posts, folder)
        urls = {name: servers.enter_context(LocalServer(app)).url for name, app in fakes.apps.items()}
        pointed = config_pointing_at(config_dir, portal, proxy, fakes.sources, urls, folder)
        with db.transaction() as session:
            save_config(session, pointed)
            stored = load_stored_county(session, own.county.county.name)
            # The centre's list for the month, loaded as a county loads it (`govwatch recommend load`).
            load_month_list(session, stored, month, [Recommended(title) for title in phrases()["recommended_titles"]])
        on_stage(f"采集门户网站（{len(portal.columns)} 个栏目）")
        report = run_crawl(db, stored, proofreader, column_targets(pointed.county))
        on_stage(f"读取 {len(pointed.county.accounts)} 个政务新媒体账号")
        since = datetime.combine(month.shift(-1).first_day, time.min, zone)
        # The platforms answer on 127.0.0.1 themselves: only the portal is reached through the proxy.
        direct = replace(stored, county=pointed.county.model_copy(
            update={"crawl": pointed.county.crawl.model_copy(update={"proxy": None})}))
        results = ingest_accounts(db, direct, proofreader, pointed.county.accounts, [], MemoryTokens(),
                                  since=since, secrets=fakes.secrets, backoff=0.01,
                                  today=month.last_day + timedelta(days=10))
    with db.transaction() as session:
        save_config(session, own)
    return Gathered(
        crawled=report.added,
        ingested=sum(r.added for r in results),
        fetched=report.stats.articles + report.stats.unchanged + sum(r.fetched for r in results),
        failures=tuple(f"{r.account}（{r.platform}）：{r.error}" for r in results if r.error),
    )
