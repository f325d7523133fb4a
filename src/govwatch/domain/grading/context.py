"""What every grading function needs besides the posts: the month judged and the county's clock."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from govwatch.domain.calendar import DayRange, Month, month_range
from govwatch.domain.model import PostRecord


@dataclass(frozen=True)
class Judging:
    """The month judged, in the county's time zone (a post at 23:30 UTC is the next day in 眉县)."""

    month: Month
    timezone: str
    include_suspects: bool

    @property
    def days(self) -> DayRange:
        return month_range(self.month)

    def day_of(self, post: PostRecord) -> date:
        return post.published_at.astimezone(ZoneInfo(self.timezone)).date()

    def within(self, posts: Iterable[PostRecord], days: DayRange | None = None) -> list[PostRecord]:
        """Posts published inside `days` (default: the month), oldest first."""
        span = days or self.days
        return sorted((p for p in posts if self.day_of(p) in span), key=lambda p: (p.published_at, p.id))
