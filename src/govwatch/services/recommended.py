"""`govwatch recommend load`: store the centre's list of recommended articles for a month, and classify
the month's stored account posts against it, so that the order of list and ingest does not matter."""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from govwatch.domain.calendar import Month, month_range
from govwatch.domain.model import PostKind
from govwatch.domain.recommended import Recommended, is_recommended, kind_against_list
from govwatch.store.counties import StoredCounty
from govwatch.store.recommended import replace_month_list
from govwatch.store.tables import PostRow


def load_month_list(session: Session, stored: StoredCounty, month: Month, items: Sequence[Recommended]) -> int:
    """Store the month's list in place of any earlier one; returns how many stored posts changed kind."""
    replace_month_list(session, stored.id, month, items)
    start, end = month_range(month).moments(ZoneInfo(stored.county.county.timezone))
    posts = session.scalars(
        select(PostRow).where(
            PostRow.county_id == stored.id,
            PostRow.account_id.is_not(None),
            PostRow.published_at >= start,
            PostRow.published_at < end,
        )
    )
    listed = list(items)
    changed = 0
    for post in posts:
        kind = kind_against_list(PostKind(post.kind), is_recommended(post.title, post.url, listed))
        if kind != post.kind:
            post.kind = kind
            changed += 1
    session.flush()
    return changed
