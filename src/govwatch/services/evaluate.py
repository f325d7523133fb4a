"""Evaluating a month from stored posts, findings and overrides, and storing the result."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from govwatch.domain.calendar import DayRange, Month
from govwatch.domain.evaluation import MonthEvaluation, evaluate_month
from govwatch.domain.grading.crawl_issues import count_crawl_issues
from govwatch.reports.evaluation_json import evaluation_json
from govwatch.store.counties import StoredCounty
from govwatch.store.crawl_issues import month_crawl_issues
from govwatch.store.evaluations import replace_month
from govwatch.store.overrides import current_overrides
from govwatch.store.posts import post_records

# Silent runs that began before the month are seen through this many days of earlier posts.
_GAP_LOOKBACK_DAYS = 62


def _load_span(month: Month, timezone: str) -> tuple[datetime, datetime]:
    """From the start of the year (annual windows) or two months back (silences), to the month's end."""
    first = min(month.first_day - timedelta(days=_GAP_LOOKBACK_DAYS), month.first_day.replace(month=1))
    return DayRange(first, month.last_day).moments(ZoneInfo(timezone))


def evaluate_stored(session: Session, stored: StoredCounty, month: Month, save: bool = True) -> MonthEvaluation:
    """Grade `month` for the stored county; with `save`, replace the month's stored evaluation."""
    start, end = _load_span(month, stored.county.county.timezone)
    posts = post_records(session, stored.id, start, end)
    overrides = current_overrides(session, stored.id, month)
    evaluation = evaluate_month(stored.county, stored.rules, month, posts, overrides)
    if stored.rules.crawl_findings.count:
        evaluation = count_crawl_issues(evaluation, month_crawl_issues(session, stored, month),
                                        stored.rules.crawl_findings)
    if save:
        replace_month(session, stored.id, evaluation_json(evaluation))
    return evaluation
