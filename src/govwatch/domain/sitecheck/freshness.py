"""首页不更新, 栏目不更新, 空白栏目: judged on the dates of the items home and list pages show.

An item without a date counts as not updated, as the national check says (未注明信息发布时间的视为不更新).
Dates after `today` are left out: a future date is no proof of an update.
"""

from __future__ import annotations

from calendar import monthrange
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta

from govwatch.domain.sitecheck.model import GatheredPage, SiteFinding
from govwatch.domain.sitecheck.settings import ColumnWindows


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier (the month's last day where that month is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def _latest(dates: Iterable[date], today: date) -> date | None:
    return max((d for d in dates if d <= today), default=None)


def home_stale(home: GatheredPage, today: date, days: int) -> list[SiteFinding]:
    """The home page shows no item dated within the `days` days before `today`."""
    latest = _latest(home.item_dates, today)
    if latest is not None and latest >= today - timedelta(days=days):
        return []
    shown = f"最新一条为 {latest:%Y-%m-%d}" if latest else "首页未显示带日期的信息"
    return [SiteFinding(kind="home_stale", rule="home_stale", url=home.url,
                        detail=f"首页 {days} 天内（{today - timedelta(days=days):%Y-%m-%d} 至 {today:%Y-%m-%d}）"
                               f"无更新：{shown}")]


def window_start(column: str, today: date, windows: ColumnWindows) -> tuple[date, str] | None:
    """Since when `column` must have an item, with the window in words; None: no window applies.

    The national types go first (a 动态 column is judged over 14 days whatever its quota's cycle); other
    columns only where the county configures a window (its cycles, or `configured`)."""
    if any(word in column for word in windows.news_words):
        return today - timedelta(days=windows.news_days), f"{windows.news_days} 天"
    if any(word in column for word in windows.notice_words):
        return months_before(today, windows.notice_months), f"{windows.notice_months} 个月"
    if column in windows.configured:
        days = windows.configured[column]
        return today - timedelta(days=days), f"{days} 天"
    return None


def columns(pages: Iterable[GatheredPage], today: date, windows: ColumnWindows) -> list[SiteFinding]:
    """Each column (its list pages together): empty (空白栏目), or not updated within its window."""
    by_column: dict[str, list[GatheredPage]] = defaultdict(list)
    for page in pages:
        if page.type == "list":
            by_column[page.column_url or page.url].append(page)
    found = []
    for url, group in by_column.items():
        name = next((p.column for p in group if p.column), None) or url
        if not any(p.items for p in group):
            found.append(SiteFinding(kind="column_empty", rule="column_empty", url=url, column=name,
                                     detail=f"空白栏目：栏目“{name}”没有任何信息"))
            continue
        window = window_start(name, today, windows)
        if window is None:
            continue
        start, length = window
        latest = _latest((d for p in group for d in p.item_dates), today)
        if latest is None or latest < start:
            shown = f"最新一条为 {latest:%Y-%m-%d}" if latest else "栏目信息均未注明发布日期"
            found.append(SiteFinding(kind="column_stale", rule="column_stale", url=url, column=name,
                                     detail=f"栏目“{name}”超过 {length}未更新（应自 {start:%Y-%m-%d} 起有更新）：{shown}"))
    return found
