"""The daily 网站自查: one site-check job per county with a configured portal (county.portal)."""

from __future__ import annotations

import logging
from datetime import datetime
from zoneinfo import ZoneInfo

from govwatch.jobs.runner import JobEnv
from govwatch.services.sitecheck import check_county_portal
from govwatch.store.counties import county_names, load_stored_county

logger = logging.getLogger(__name__)


def site_check(env: JobEnv, county: str, proxy: str | None = None) -> dict:
    """Check the county's portal as of its own today and store the run (shown on the 网站自查 page)."""
    with env.db.transaction() as session:
        stored = load_stored_county(session, county)
    today = datetime.now(ZoneInfo(stored.county.county.timezone)).date()
    settings = stored.county.crawl.model_copy(update={"proxy": proxy}) if proxy else None
    result = check_county_portal(env.db, stored, today, settings=settings)
    return {"county": county, "pages": result.pages, "findings": len(result.findings), "total": result.score.total,
            "passed": result.score.passed}


def plan_site_checks(env: JobEnv) -> dict:
    """Daily: submit a site-check for every county whose portal is configured."""
    submitted = 0
    with env.db.transaction() as session:
        names = county_names(session)
    for county in names:
        try:
            with env.db.transaction() as session:
                portal = load_stored_county(session, county).county.county.portal
        except Exception:  # a county whose stored config no longer loads must not stop the others
            logger.exception("county %s skipped: its configuration does not load", county)
            continue
        if portal:
            env.runner.submit("site_check", county=county)
            submitted += 1
    return {"site_checks": submitted}
