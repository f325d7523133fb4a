"""What each job does, by calling the services; every body is idempotent and touches one county only.

Collection (crawl per site, ingest per account) stores posts unchecked and submits checking batches,
so proofreading runs on the CPU queue in as many processes as there are cores. A batch re-reads its
posts under `checked_at IS NULL`: a batch killed half-way committed nothing, and one run twice finds
nothing left to do, so no post is ever counted or checked twice.
"""

from __future__ import annotations

import logging
from datetime import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from govwatch.domain.calendar import Month, parse_day, period_moments, since_moment
from govwatch.domain.county import County
from govwatch.domain.recommended import Recommended
from govwatch.errors import NotFound, ServiceUnavailable
from govwatch.jobs.runner import JobEnv, Submitted
from govwatch.services.checking import check_posts, county_proofreader
from govwatch.services.collect_posts import ingest_accounts
from govwatch.services.crawl import column_targets, run_crawl
from govwatch.services.evaluate import evaluate_stored
from govwatch.services.recheck import recheck_posts
from govwatch.services.warnings import send_daily_warnings
from govwatch.store.collection import StoredTokens
from govwatch.store.counties import county_names, load_stored_county
from govwatch.store.posts import post_ids, posts_to_check

logger = logging.getLogger(__name__)

CHECK_BATCH = 200  # posts per checking job: a few seconds of proofreading, small enough to lose on a kill


def site_hosts(county: County) -> list[str]:
    """The hosts of the county's column list pages, in a stable order."""
    return sorted({urlsplit(t.url).hostname or "" for t in column_targets(county)})


def crawl_sites(env: JobEnv, county: str, hosts: list[str], since: str | None = None,
                proxy: str | None = None) -> dict:
    """Crawl the county's columns on `hosts[0]`, then submit the rest as the next job of the chain.

    One job per host holds that host's lock and keeps its own resumable frontier; the chain keeps one
    crawl per county at a time, so a county's sites are not all loaded at once. `since` (YYYY-MM-DD)
    stops paging at that day.
    """
    with env.db.transaction() as session:
        stored = load_stored_county(session, county)
    host, rest = hosts[0], hosts[1:]
    settings = stored.county.crawl.model_copy(update={"proxy": proxy}) if proxy else stored.county.crawl
    start = since_moment(since, stored.county.county.timezone)
    targets = [t for t in column_targets(stored.county) if (urlsplit(t.url).hostname or "") == host]
    report = run_crawl(env.db, stored, None, targets, start, settings)
    submit_checks(env, county)
    if rest:
        env.runner.submit("crawl", county=county, hosts=rest, since=since, proxy=proxy)
    return {"host": host, "articles": report.stats.articles, "added": report.added, "changed": report.changed}


def ingest_account(env: JobEnv, county: str, account: str, recommended: list[dict] | None = None,
                   since: str | None = None, until: str | None = None, month: str | None = None,
                   today: str | None = None) -> dict:
    """Fetch one account's new posts (`account` is its name/platform) and submit their checks; `since`
    and `until` (YYYY-MM-DD, both included) or `month` (YYYY-MM) read that period instead of from just
    before the newest stored post; `today` fixes the date."""
    with env.db.transaction() as session:
        stored = load_stored_county(session, county)
    chosen = [a for a in stored.county.accounts if str(a.key) == account]
    if not chosen:
        raise NotFound(f"{county} 没有账号“{account}”")
    listed = [Recommended(item["title"], item.get("url")) for item in recommended or []]
    start, end = period_moments(month, since, until, stored.county.county.timezone)
    (result,) = ingest_accounts(env.db, stored, None, chosen, listed, StoredTokens(env.db), since=start, until=end,
                                today=parse_day(today) if today else None)
    if result.error:
        raise RuntimeError(f"{account}：{result.error}")  # retried with backoff by the queue
    submit_checks(env, county)
    more = {"updated": result.updated, "failed": list(result.failed), "gaps": list(result.gaps)}
    return {"account": account, "fetched": result.fetched, "added": result.added,
            **{k: v for k, v in more.items() if v}}


def post_batches(env: JobEnv, county: str, unchecked: bool = True, size: int = CHECK_BATCH) -> list[tuple[int, int]]:
    """The county's posts (only the unchecked ones, or all) as (first id, last id) ranges of at most `size`."""
    with env.db.transaction() as session:
        ids = post_ids(session, load_stored_county(session, county).id, unchecked)
    return [(chunk[0], chunk[-1]) for chunk in (ids[i:i + size] for i in range(0, len(ids), size))]


def submit_checks(env: JobEnv, county: str, again: bool = False) -> list[Submitted]:
    """Submit a checking job for every batch of the county's unchecked posts (`again`: of all its posts)."""
    name = "recheck" if again else "check"
    return [env.runner.submit(name, county=county, first_id=first, last_id=last)
            for first, last in post_batches(env, county, unchecked=not again)]


def _batch(env: JobEnv, county: str, first_id: int, last_id: int, unchecked: bool, work) -> dict:
    """Run `work(session, rows, proofreader)` on the county's posts with ids in the range, in one transaction."""
    with env.db.transaction() as session:
        stored = load_stored_county(session, county)
        rows = posts_to_check(session, stored.id, first_id, last_id, unchecked)
        return {"checked": len(rows), **work(session, rows, county_proofreader(session, stored.id))}


def check_batch(env: JobEnv, county: str, first_id: int, last_id: int) -> dict:
    """Proofread the county's still unchecked posts with ids in the range; a re-run finds nothing left."""
    return _batch(env, county, first_id, last_id, True,
                  lambda session, rows, proofreader: {"findings": check_posts(session, rows, proofreader)})


def recheck_batch(env: JobEnv, county: str, first_id: int, last_id: int) -> dict:
    """Proofread the county's posts with ids in the range again, keeping findings met again and their verdicts."""
    def work(session, rows, proofreader) -> dict:
        added, removed = recheck_posts(session, rows, proofreader)
        return {"added": added, "removed": removed}

    return _batch(env, county, first_id, last_id, False, work)


def evaluate(env: JobEnv, county: str, month: str) -> dict:
    """Grade the county's month and replace its stored evaluation (a re-run rewrites the same rows)."""
    with env.db.transaction() as session:
        stored = load_stored_county(session, county)
        result = evaluate_stored(session, stored, Month.parse(month))
    return {"month": month, "empty": result.is_empty()}


def plan_collection(env: JobEnv) -> dict:
    """Daily: for every county, its crawl chain and one ingest job per account with a source."""
    crawls = ingests = 0
    for county in _counties(env):
        try:
            with env.db.transaction() as session:
                config = load_stored_county(session, county).county
        except Exception:  # a county whose stored config no longer loads must not stop the others
            logger.exception("county %s skipped: its configuration does not load", county)
            continue
        hosts = site_hosts(config)
        if hosts:
            env.runner.submit("crawl", county=county, hosts=hosts)
            crawls += 1
        accounts = [str(a.key) for a in config.accounts if a.source]
        for account in accounts:
            env.runner.submit("ingest", county=county, account=account)
            ingests += 1
    return {"crawls": crawls, "ingests": ingests}


def plan_evaluation(env: JobEnv, now: str | None = None) -> dict:
    """Daily: grade every county's current month in its own time zone (and the last one, early in a month)."""
    submitted = 0
    for county in _counties(env):
        try:
            months = _months_to_grade(env, county, datetime.fromisoformat(now) if now else None)
        except Exception:  # a county whose stored config no longer loads must not stop the others
            logger.exception("county %s skipped: its configuration does not load", county)
            continue
        for month in months:
            env.runner.submit("evaluate", county=county, month=str(month))
            submitted += 1
    return {"evaluations": submitted}


LATE_DAYS = 7  # posts keep arriving a few days after a month ends; its grades are refreshed until then


def send_warnings(env: JobEnv, county: str) -> dict:
    """The county's early warnings of its day, each digest sent once (a re-run sends nothing new)."""
    (result,) = send_daily_warnings(env.db, county=county)
    errors = [error for d in result.deliveries for error in d.errors]
    if errors:  # what went through is recorded: the job's retry sends only what failed, later today
        raise WarningsNotDelivered(f"{county}：{len(errors)} 条预警未送达：{errors[0]}")
    return {"warnings": len(result.warnings), "sent": sum(d.sent for d in result.deliveries), "errors": 0}


class WarningsNotDelivered(ServiceUnavailable):
    """A channel failed; raised so that the job is retried with backoff the same day."""


def plan_warnings(env: JobEnv) -> dict:
    """Daily: one warnings job per county."""
    counties = _counties(env)
    for county in counties:
        env.runner.submit("warn", county=county)
    return {"counties": len(counties)}


def _months_to_grade(env: JobEnv, county: str, now: datetime | None) -> list[Month]:
    with env.db.transaction() as session:
        zone = ZoneInfo(load_stored_county(session, county).county.county.timezone)
    today = (now or datetime.now(zone)).astimezone(zone).date()
    month = Month.of(today)
    if today.day > LATE_DAYS:
        return [month]
    return [month.shift(-1), month]


def _counties(env: JobEnv) -> list[str]:
    with env.db.transaction() as session:
        return county_names(session)
