"""Placing posts on days so that the silent runs are exactly the planned ones and no others appear.

Greedy: anchor posts on the days that bound each planned silence, then put each next post in the
middle of the longest stretch still without one. Pure functions over day numbers 1..N of a month.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from govwatch.errors import InvalidInput


@dataclass(frozen=True)
class Silence:
    first: int
    last: int

    def days(self) -> range:
        return range(self.first, self.last + 1)


def _longest_gap(posted: set[int], allowed: set[int], days: int) -> int | None:
    """The allowed day nearest the middle of the longest run of days without a post, or None."""
    best: tuple[int, int] | None = None  # (length, chosen day)
    run: list[int] = []
    for day in range(1, days + 2):
        if day <= days and day not in posted:
            run.append(day)
            continue
        if run:
            candidates = [d for d in run if d in allowed]
            if candidates:
                middle = (run[0] + run[-1]) / 2
                chosen = min(candidates, key=lambda d: (abs(d - middle), d))
                if best is None or len(run) > best[0]:
                    best = (len(run), chosen)
        run = []
    return None if best is None else best[1]


def spread(count: int, days: int, allowed: set[int], anchors: Iterable[int] = (), already: Iterable[int] = ()) -> list[int]:
    """`count` post days: anchors first, then gap-filling; more posts than days share days evenly.

    `already` are days that have posts of another kind: they break runs but are not returned.
    """
    chosen = [d for d in dict.fromkeys(anchors) if 1 <= d <= days]
    if len(chosen) > count:
        raise InvalidInput(f"计划的发布条数 {count} 少于界定静默期所需的 {len(chosen)} 条")
    posted = set(chosen) | set(already)
    while len(chosen) < count:
        day = _longest_gap(posted, allowed - set(chosen), days)
        if day is None:
            break
        chosen.append(day)
        posted.add(day)
    pool = sorted(allowed)
    if len(chosen) < count and not pool:
        raise InvalidInput("没有可发布的日期")
    extra = 0
    while len(chosen) < count:
        chosen.append(pool[extra % len(pool)])
        extra += 1
    return sorted(chosen)


def boundaries(silences: Iterable[Silence], days: int) -> list[int]:
    """The days just before and after each silence, inside the month."""
    out = []
    for s in silences:
        out += [d for d in (s.first - 1, s.last + 1) if 1 <= d <= days]
    return out


def account_days(
    original: int, reposts: int, days: int, silent: list[Silence], silent_original: list[Silence]
) -> tuple[list[int], list[int]]:
    """Days of the originals and of the reposts of one account in a month of `days` days."""
    no_post = {d for s in silent for d in s.days()}
    no_original = no_post | {d for s in silent_original for d in s.days()}
    month = set(range(1, days + 1))
    originals = spread(original, days, month - no_original, boundaries([*silent, *silent_original], days))
    repost_days = spread(reposts, days, month - no_post, already=originals)
    return originals, repost_days
