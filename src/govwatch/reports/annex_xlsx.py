"""附件-YYYY-MM.xlsx: the three annex tables, one sheet each as the notice prints them (title row, 附件2 in
two halves, numbers as numbers), then every grade's reasons and their evidence."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from openpyxl.styles import Alignment

from govwatch.domain.crawl_issues import CrawlIssue
from govwatch.domain.result import MonthResult
from govwatch.domain.rules import Rules
from govwatch.reports import xlsx
from govwatch.reports.annex_tables import AnnexTable, annex_tables, fold
from govwatch.reports.crawl_issues_sheet import add_crawl_issue_sheet

SHEETS = {"disclosure": "附件1 信息公开", "news": "附件2 快讯动态", "new_media": "附件3 政务新媒体"}
_WIDTHS = {
    "disclosure": (6, 22, 34, 12, 12, 10),
    "news": (26, 10, 10) * 2,
    "new_media": (6, 20, 12, 10, 10, 10, 10, 10, 10, 10, 36, 10),
}
# The columns that hold counts (序号 too): written as numbers.
_NUMERIC = {"disclosure": (0, 4), "news": (1, 4), "new_media": (0, 3, 4, 5, 6, 7, 8, 9)}
_LANDSCAPE = {"new_media"}


def _subject_rows(result: MonthResult) -> Iterator[tuple[str, str, Any]]:
    """(annex, subject, row) for every graded row, in table order."""
    for g in result.rows():
        yield g.annex, g.subject, g


def reason_rows(result: MonthResult, rules: Rules) -> list[tuple]:
    """One row per reason; the rule in the county's words (rules.yaml rule_names)."""
    rows = []
    for annex, subject, g in _subject_rows(result):
        override = g.override.reason if g.override else ""
        for reason in g.reasons:
            rows.append((SHEETS[annex], subject, g.grade, g.computed, override, rules.rule_name(reason.rule),
                         reason.text, len(reason.evidence)))
    return rows


def evidence_rows(result: MonthResult, rules: Rules, timezone: ZoneInfo) -> list[tuple]:
    rows = []
    for annex, subject, g in _subject_rows(result):
        for reason in g.reasons:
            for e in reason.evidence:
                rows.append((SHEETS[annex], subject, rules.rule_name(reason.rule), e.title,
                             e.published_at.astimezone(timezone).strftime("%Y-%m-%d %H:%M"), e.detail, e.url or ""))
    return rows


def _annex_sheet(workbook, key: str, table: AnnexTable, heading: str | None) -> None:
    """The table as the notice prints it; 附件1's unit, 序号 and grade cells merged over the unit's rows."""
    shown = fold(table) if key == "news" else table
    rows = [xlsx.numbers(row, _NUMERIC[key]) for row in shown.rows]
    sheet = xlsx.add_sheet(workbook, SHEETS[key], shown.header, rows, _WIDTHS[key], heading=heading,
                           landscape=key in _LANDSCAPE, center=True)
    first = 3 if heading is not None else 2  # the first data row
    for start, end in shown.spans:
        for column in shown.merged_columns:
            if end > start:
                sheet.merge_cells(start_row=start + first, end_row=end + first, start_column=column + 1,
                                  end_column=column + 1)
                sheet.cell(start + first, column + 1).alignment = Alignment(vertical="center", horizontal="center",
                                                                            wrap_text=True)


def write_annexes(path: Path, result: MonthResult, rules: Rules, author: str, stamp: datetime, timezone: ZoneInfo,
                  source: str = "", titles: Mapping[str, str] | None = None,
                  crawl_issues: Sequence[CrawlIssue] | None = None) -> Path:
    """Write the workbook; `titles` are the annexes' titles as the notice words them (its title rows), `source`
    names the stored evaluation shown (the workbook's description). With `crawl_issues` (the month's, even
    none) a 链接与采集问题 sheet follows the evidence."""
    workbook = xlsx.new_workbook()
    workbook.properties.description = source
    tables = annex_tables(result, rules.new_media)
    order = list(titles or tables)  # the notice's order of the annexes: 附件1, 2, 3
    for key, table in tables.items():
        title = (titles or {}).get(key)
        heading = f"附件{order.index(key) + 1}  {title}" if title else None
        _annex_sheet(workbook, key, table, heading)
    xlsx.add_sheet(workbook, "评定理由", ("附件", "对象", "评定等次", "计算等次", "人工调整理由", "规则", "理由", "依据条数"),
                   reason_rows(result, rules), (18, 24, 10, 10, 30, 26, 60, 10), landscape=True)
    xlsx.add_sheet(workbook, "依据", ("附件", "对象", "规则", "标题", "发布时间", "说明", "链接"),
                   evidence_rows(result, rules, timezone), (18, 24, 22, 40, 18, 36, 50), landscape=True)
    if crawl_issues is not None:
        add_crawl_issue_sheet(workbook, crawl_issues, timezone)
    year, month = result.month.split("-")
    title = f"{int(year)}年{int(month)}月通报附件"
    return xlsx.save(workbook, path, title, author, stamp)
