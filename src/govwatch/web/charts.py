"""Figures for the inline SVG charts (no JavaScript, nothing fetched): bar lengths and the year's failures."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from govwatch.domain.calendar import Month
from govwatch.services.dashboard import year_grades_of
from govwatch.store.counties import StoredCounty


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    share: float  # of the longest bar, 0..100


def bars(items: Iterable[tuple[str, int]]) -> list[Bar]:
    pairs = list(items)
    top = max((v for _, v in pairs), default=0) or 1
    return [Bar(label, value, round(100 * value / top, 1)) for label, value in pairs]


def year_failures(session: Session, stored: StoredCounty, month: Month, fails: dict[str, str],
                  unit_ids: set[int] | None = None) -> list[Bar]:
    """Failing grades (不合格/差) per month of the year up to `month`: the notice's trend, as bars."""
    counts = Counter(g.month for g in year_grades_of(session, stored, month, unit_ids)
                     if g.grade == fails.get(g.annex))
    return bars((f"{m}月", counts.get(f"{month.year:04d}-{m:02d}", 0)) for m in range(1, month.month + 1))
