"""Dates as Chinese portals write them: 2023-06-05 10:00, 2023/6/5, 2023年6月5日 10时00分, full-width digits."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

_DATE = re.compile(
    r"(?P<y>(?:19|20)\d\d)\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
    r"(?:[\sT]*(?P<H>\d{1,2})\s*[:：时]\s*(?P<M>\d{1,2})(?:\s*[:：分]\s*(?P<S>\d{1,2}))?)?"
)
# How far ahead of now a date may be before it is a finding rather than a publication date (clock skew).
FUTURE_TOLERANCE = timedelta(days=1)


def _normalise(text: str) -> str:
    """Full-width digits and colons to ASCII, so one pattern reads them all."""
    return unicodedata.normalize("NFKC", text)


def find_dates(text: str, zone: ZoneInfo) -> list[datetime]:
    """Every valid date (with time when written) in `text`, in order, as aware datetimes in `zone`."""
    found = []
    for match in _DATE.finditer(_normalise(text)):
        parts = {k: int(v) for k, v in match.groupdict().items() if v is not None}
        try:
            found.append(datetime(parts["y"], parts["m"], parts["d"], parts.get("H", 0), parts.get("M", 0),
                                  parts.get("S", 0), tzinfo=zone))
        except ValueError:  # 2023-02-30, 25:61 … are not dates
            continue
    return found


def parse_date(text: str | None, zone: ZoneInfo) -> datetime | None:
    """The first date in `text`, or None (null, empty, garbage)."""
    if not text:
        return None
    dates = find_dates(text, zone)
    return dates[0] if dates else None


def is_future(moment: datetime, now: datetime) -> bool:
    """Whether `moment` is later than `now` by more than the clock-skew tolerance."""
    return moment - now > FUTURE_TOLERANCE
