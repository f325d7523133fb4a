"""`govwatch site-check`: gather the whole portal, proofread what it shows, judge every kind, score it.

Gathering is I/O (collect/site), proofreading CPU (the county's proofreader, serious findings kept),
judging pure (domain/sitecheck). The result is one typed SiteCheckResult that the CLI prints, the store
keeps, the report writes and the dashboard shows.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from govwatch.collect.crawl.session import polite_tools
from govwatch.collect.site.gather import Gathered, SiteGatherer, SiteOptions, SiteProgress
from govwatch.config.loader import SITE_CHECK_PRESET, preset_path
from govwatch.config.yaml_positions import plain, read_yaml
from govwatch.domain.county import County, CrawlSettings
from govwatch.domain.cycles import Period
from govwatch.domain.sitecheck.check import check_site
from govwatch.domain.sitecheck.model import CheckedText, SiteGathered, TextIssue
from govwatch.domain.sitecheck.result import SiteCheckResult
from govwatch.domain.sitecheck.scheme import score
from govwatch.domain.sitecheck.settings import SiteCheckRules
from govwatch.errors import InvalidInput
from govwatch.proofread import Proofreader
from govwatch.services.checking import county_proofreader
from govwatch.store.counties import StoredCounty
from govwatch.store.db import Database
from govwatch.store.sitecheck import save_site_check

# The longest a column due once per period may go without an item, for the county's configured cycles.
PERIOD_DAYS = {Period.MONTH: 31, Period.QUARTER: 92, Period.HALF_YEAR: 183, Period.YEAR: 366}


def shipped_rules() -> SiteCheckRules:
    """The shipped preset alone, for a check without a county (or a county stored before site-check)."""
    return SiteCheckRules.model_validate(plain(read_yaml(preset_path(SITE_CHECK_PRESET))))


def county_rules(rules: SiteCheckRules | None, county: County | None) -> SiteCheckRules:
    """The county's site-check rules with its columns' cycles as windows (its own `configured` wins)."""
    rules = rules or shipped_rules()
    if county is None:
        return rules
    windows: dict[str, int] = {}
    for row in county.assignment_rows:
        period = row.cycle.period
        if period in PERIOD_DAYS:
            windows[row.column.name] = max(windows.get(row.column.name, 0), PERIOD_DAYS[period])
    configured = {**windows, **rules.columns.configured}
    return rules.model_copy(update={"columns": rules.columns.model_copy(update={"configured": configured})})


def _issues(proofreader: Proofreader, text: str) -> tuple[TextIssue, ...]:
    return tuple(TextIssue(type=f.type, severity=f.severity, wrong=f.wrong, suggestion=f.suggestion,
                           explanation=f.explanation)
                 for f in proofreader.check(text) if f.severity == "serious")


def proofread_gathered(gathered: Gathered, proofreader: Proofreader) -> list[CheckedText]:
    """Serious proofreader findings of every page text and every readable file."""
    checked = [CheckedText(url=t.url, column=t.column, issues=issues)
               for t in gathered.texts if (issues := _issues(proofreader, t.text))]
    for file in gathered.files:
        attachment = file.attachment
        if attachment.unreadable:
            checked.append(CheckedText(url=attachment.url, page=file.page, column=file.column,
                                       unreadable=attachment.unreadable))
        elif issues := _issues(proofreader, attachment.text):
            checked.append(CheckedText(url=attachment.url, page=file.page, column=file.column, issues=issues))
    return checked


async def gather(url: str, settings: CrawlSettings, options: SiteOptions,
                 on_progress: Callable[[SiteProgress], None] = lambda _: None) -> Gathered:
    async with polite_tools(settings, [url]) as tools:
        return await SiteGatherer(tools, url, options, on_progress).run()


def site_options(settings: CrawlSettings, zone: ZoneInfo, rules: SiteCheckRules) -> SiteOptions:
    labels = tuple(label for labels in rules.guide_fields.values() for label in labels)
    return SiteOptions(zone=zone, max_pages=settings.max_site_pages, max_links_per_page=settings.max_links_per_page,
                       max_list_pages=settings.max_list_pages, check_links=settings.check_links,
                       workers=min(64, settings.concurrency * 4), guide_labels=labels)


def run_site_check(url: str, today: date, settings: CrawlSettings, rules: SiteCheckRules, zone: ZoneInfo,
                   proofreader: Proofreader,
                   on_progress: Callable[[SiteProgress], None] = lambda _: None) -> SiteCheckResult:
    """Gather, proofread, judge and score the site at `url` as of `today`."""
    started = datetime.now(UTC)
    gathered = asyncio.run(gather(url, settings, site_options(settings, zone, rules), on_progress))
    site = SiteGathered(home=gathered.home, site_hosts=(gathered.host.split(":")[0], gathered.host),
                        pages=tuple(gathered.pages), dead_links=tuple(gathered.dead_links),
                        texts=tuple(proofread_gathered(gathered, proofreader)))
    findings = check_site(site, today, rules)
    return SiteCheckResult(url=gathered.home, today=today, started_at=started, finished_at=datetime.now(UTC),
                           pages=len(gathered.pages), files=len(gathered.files), capped=gathered.capped,
                           findings=tuple(findings), score=score(findings, rules.scheme))


def check_county_portal(db: Database, stored: StoredCounty, today: date, url: str | None = None,
                        settings: CrawlSettings | None = None, store: bool = True,
                        on_progress: Callable[[SiteProgress], None] = lambda _: None) -> SiteCheckResult:
    """Self-check a stored county's portal (or `url`) with its rules and proofreader, and store the run."""
    target = url or stored.county.county.portal
    if not target:
        raise InvalidInput(f"县区“{stored.county.county.name}”没有配置门户网站地址（county.yaml 的 county.portal）")
    with db.transaction() as session:
        proofreader = county_proofreader(session, stored.id)
    result = run_site_check(target, today, settings or stored.county.crawl, county_rules(stored.rules.site_check,
                            stored.county), ZoneInfo(stored.county.county.timezone), proofreader, on_progress)
    if store:
        with db.transaction() as session:
            save_site_check(session, stored.id, result)
    return result
