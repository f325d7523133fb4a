"""`govwatch recommend load`: store the centre's list of recommended articles for a month, and classify
the month's stored account posts against it, so that the order of list and ingest does not matter."""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from govwatch.domain.calendar import Month, month_range
from govwatch.domain.recommended import Recommended, is_recommended, kind_against_list
from govwatch.store.counties import StoredCounty
from govwatch.store.posts import reclassify_account_posts
from govwatch.store.recommended import replace_month_list


def load_month_list(session: Session, stored: StoredCounty, month: Month, items: Sequence[Recommended]) -> int:
    """Store the month's list in place of any earlier one; returns how many stored posts changed kind."""
    replace_month_list(session, stored.id, month, items)
    start, end = month_range(month).moments(ZoneInfo(stored.county.county.timezone))
    listed = list(items)
    return reclassify_account_posts(
        session, stored.id, start, end,
        lambda title, url, kind: kind_against_list(kind, is_recommended(title, url, listed)))
