"""Update cycles (更新周期) of the 任务分解表 and the window each is judged in.

A column due "N条/季度" is judged over the calendar quarter at the quarter's last month;
in the other months nothing is due yet but what was published so far in the window is shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from govwatch.domain.calendar import DayRange, Month
from govwatch.errors import InvalidInput

_CYCLE_RE = re.compile(r"^\s*(\d{1,3})\s*条\s*/\s*(月|季度|半年|年)\s*$")  # N from 1 to 999


class Period(Enum):
    """How long one cycle lasts, in months; REALTIME has no fixed quota."""

    REALTIME = 0
    MONTH = 1
    QUARTER = 3
    HALF_YEAR = 6
    YEAR = 12


_PERIOD_WORDS = {"月": Period.MONTH, "季度": Period.QUARTER, "半年": Period.HALF_YEAR, "年": Period.YEAR}
_PERIOD_LABELS = {v: k for k, v in _PERIOD_WORDS.items()}
REALTIME_LABEL = "实时更新"


@dataclass(frozen=True)
class Cycle:
    """N items per period, or 实时更新 (publish as things happen, no quota)."""

    count: int
    period: Period

    @classmethod
    def parse(cls, text: str) -> Cycle:
        """Read '实时更新', '2条/月', '1条/季度', '1条/半年', '1条/年'."""
        if text.strip() == REALTIME_LABEL:
            return cls(0, Period.REALTIME)
        match = _CYCLE_RE.match(text)
        if not match or int(match.group(1)) < 1:
            raise InvalidInput(f"更新周期应为“实时更新”或“N条/月|季度|半年|年”（N 为 1 至 999），收到：{text!r}")
        return cls(int(match.group(1)), _PERIOD_WORDS[match.group(2)])

    def __str__(self) -> str:
        if self.period is Period.REALTIME:
            return REALTIME_LABEL
        return f"{self.count}条/{_PERIOD_LABELS[self.period]}"

    def window(self, month: Month) -> DayRange:
        """The days whose items count for `month`: its quarter, half-year or year so far."""
        length = max(self.period.value, 1)
        first = month.shift(-((month.month - 1) % length))
        return DayRange(first.first_day, month.last_day)

    def is_due(self, month: Month) -> bool:
        """Whether the quota is judged in `month` (the window's last month)."""
        if self.period is Period.REALTIME:
            return False
        return month.month % self.period.value == 0

    def required(self, month: Month) -> int:
        """Items required by the end of `month`: the quota in the window's last month, else none."""
        return self.count if self.is_due(month) else 0
