"""Silent runs: stretches of days without a post (or without an original post).

The seed writes a breach as "06-01至06-08原创信息未更新": a run longer than the allowed
number of days, shown clipped to the month judged. Posts before the month are looked at,
so a silence that began in May and lasted into June is caught in June.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from govwatch.domain.calendar import DayRange


@dataclass(frozen=True)
class SilentRun:
    """A maximal run of days without posts, and the part of it inside the judged period."""

    run: DayRange
    shown: DayRange

    @property
    def days(self) -> int:
        return self.run.days


def find_silent_runs(
    post_days: Iterable[date],
    period: DayRange,
    allowed_days: int,
    observed_from: date | None = None,
) -> list[SilentRun]:
    """Runs of more than `allowed_days` days without a post that touch `period`.

    `observed_from` is the first day the account was watched (a run cannot start earlier);
    by default `allowed_days` days before the period, which is enough to tell whether a run
    that crosses the period's start is already too long.
    """
    if allowed_days < 0:
        raise ValueError("allowed_days must be >= 0")
    lookback = period.start - timedelta(days=allowed_days)
    begin = lookback if observed_from is None else max(observed_from, lookback)
    if begin > period.end:
        return []
    posted = sorted({d for d in post_days if begin <= d <= period.end})
    runs: list[SilentRun] = []
    cursor = begin
    for day in [*posted, period.end + timedelta(days=1)]:
        if day > cursor:
            run = DayRange(cursor, day - timedelta(days=1))
            shown = run.clip(period)
            if run.days > allowed_days and shown is not None:
                runs.append(SilentRun(run, shown))
        cursor = max(cursor, day + timedelta(days=1))
    return runs
