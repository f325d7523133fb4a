"""The annex workbook's 链接与采集问题 sheet: the crawl findings open during the month, one row per unit
that keeps the column (a finding on a shared column is each keeping unit's evidence)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from openpyxl import Workbook

from govwatch.domain.crawl_issues import CrawlIssue
from govwatch.reports import xlsx

SHEET = "链接与采集问题"
HEADER = ("单位", "频道", "栏目", "问题", "链接或页面", "所在页面", "HTTP状态", "说明", "首次发现", "最近发现", "复核", "状态")
WIDTHS = (20, 14, 20, 18, 50, 50, 10, 36, 17, 17, 8, 10)


def crawl_issue_rows(issues: Sequence[CrawlIssue], timezone: ZoneInfo) -> list[tuple]:
    def moment(value: datetime | None) -> str:
        return value.astimezone(timezone).strftime("%Y-%m-%d %H:%M") if value else ""

    rows = []
    for issue in issues:
        column = issue.column
        for unit in issue.units or ("",):
            rows.append((unit, column.channel if column else "", column.name if column else "", issue.label,
                         issue.url, issue.page or "", issue.status, issue.detail, moment(issue.first_seen),
                         moment(issue.last_seen), "是" if issue.rechecked else "否",
                         f"已消除 {moment(issue.resolved_at)}" if issue.resolved_at else "未消除"))
    return sorted(rows, key=lambda r: (r[0] == "", r[0], r[1], r[2]))


def add_crawl_issue_sheet(workbook: Workbook, issues: Sequence[CrawlIssue], timezone: ZoneInfo) -> None:
    """Append the sheet (its header alone when the crawls found nothing)."""
    xlsx.add_sheet(workbook, SHEET, HEADER, crawl_issue_rows(issues, timezone), WIDTHS)
