"""Evaluating a month from stored posts, findings and overrides, and storing its grade result."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from govwatch.domain.calendar import DayRange, Month
from govwatch.domain.evaluation import MonthEvaluation, evaluate_month
from govwatch.domain.grading.crawl_issues import count_crawl_issues
from govwatch.reports.evaluation_json import month_result
from govwatch.store.counties import StoredCounty
from govwatch.store.crawl_issues import month_crawl_issues
from govwatch.store.evaluations import (
    StoredResult,
    has_month,
    inputs_changed_after,
    replace_month,
    stale_months,
    stored_month,
)
from govwatch.store.overrides import current_overrides
from govwatch.store.posts import post_records

# Silent runs that began before the month are seen through this many days of earlier posts.
_GAP_LOOKBACK_DAYS = 62


def _load_span(month: Month, timezone: str) -> tuple[datetime, datetime]:
    """From the start of the year (annual windows) or two months back (silences), to the month's end."""
    first = min(month.first_day - timedelta(days=_GAP_LOOKBACK_DAYS), month.first_day.replace(month=1))
    return DayRange(first, month.last_day).moments(ZoneInfo(timezone))


def evaluate_stored(session: Session, stored: StoredCounty, month: Month, save: bool = True) -> MonthEvaluation:
    """Grade `month` for the stored county; with `save`, replace the month's stored result."""
    start, end = _load_span(month, stored.county.county.timezone)
    posts = post_records(session, stored.id, start, end)
    overrides = current_overrides(session, stored.id, month)
    evaluation = evaluate_month(stored.county, stored.rules, month, posts, overrides)
    if stored.rules.crawl_findings.count:
        evaluation = count_crawl_issues(evaluation, month_crawl_issues(session, stored, month),
                                        stored.rules.crawl_findings)
    if save:
        replace_month(session, stored.id, month_result(evaluation))
    return evaluation


def reevaluate_if_stored(session: Session, stored: StoredCounty, month: Month) -> bool:
    """Re-grade and store a month that has a stored result (after an override), so what is stored stays current."""
    if not has_month(session, stored.id, str(month)):
        return False
    evaluate_stored(session, stored, month)
    return True


def refresh_stale(session: Session, stored: StoredCounty) -> list[Month]:
    """Re-evaluate (and store) every month whose rows an older version of the result model wrote (after
    `alembic upgrade` to 0015); cheap when there are none. Returns the months re-evaluated."""
    months = [Month.parse(m) for m in stale_months(session, stored.id)]
    for month in months:
        evaluate_stored(session, stored, month)
    return months


def read_stored(session: Session, stored: StoredCounty, month: Month) -> StoredResult | None:
    """The month's stored grade result (older rows re-evaluated first); None when it was never evaluated."""
    refresh_stale(session, stored)
    return stored_month(session, stored.id, str(month), stored.rules.name)


def _changed_since(session: Session, stored: StoredCounty, month: Month, found: StoredResult) -> bool:
    """Posts or configuration changed after the stored result, or the month's overrides are not those it applied."""
    span = _load_span(month, stored.county.county.timezone)
    if inputs_changed_after(session, stored.id, *span, found.evaluated_at):
        return True
    applied = {(r.annex, r.subject): (r.override.grade, r.override.reason) for r in found.result.rows() if r.override}
    wanted = {(o.annex, o.subject): (o.grade, o.reason) for o in current_overrides(session, stored.id, month)}
    return applied != wanted


def current_stored(session: Session, stored: StoredCounty, month: Month) -> StoredResult | None:
    """The month's stored result, evaluated and stored first when there is none or when its inputs changed
    after it (posts collected or checked later, the configuration reloaded, an override recorded): what
    `govwatch report` shows.
    None only for a county that grades nothing (no unit, no account)."""
    found = read_stored(session, stored, month)
    if found is not None and not _changed_since(session, stored, month, found):
        return found
    evaluate_stored(session, stored, month)
    return stored_month(session, stored.id, str(month), stored.rules.name)
