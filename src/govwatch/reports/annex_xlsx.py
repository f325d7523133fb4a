"""附件-YYYY-MM.xlsx: the three annex tables, one sheet each, then every grade's reasons and their evidence."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from openpyxl.styles import Alignment

from govwatch.domain.crawl_issues import CrawlIssue
from govwatch.domain.evaluation import MonthEvaluation
from govwatch.reports import xlsx
from govwatch.reports.annex_tables import annex_tables
from govwatch.reports.crawl_issues_sheet import add_crawl_issue_sheet

SHEETS = {"disclosure": "附件1 信息公开", "news": "附件2 快讯动态", "new_media": "附件3 政务新媒体"}
_WIDTHS = {
    "disclosure": (6, 22, 30, 12, 12, 10),
    "news": (26, 10, 10),
    "new_media": (6, 20, 12, 10, 10, 10, 10, 10, 10, 10, 36, 10),
}


def _subject_rows(evaluation: MonthEvaluation):
    """(annex, subject, row) for every graded row, in table order."""
    for d in evaluation.disclosure:
        yield "disclosure", d.unit, d
    for n in evaluation.news:
        yield "news", n.unit, n
    for m in evaluation.new_media:
        yield "new_media", str(m.account), m


def reason_rows(evaluation: MonthEvaluation) -> list[tuple]:
    rows = []
    for annex, subject, g in _subject_rows(evaluation):
        override = g.override.reason if g.override else ""
        for reason in g.reasons:
            rows.append((SHEETS[annex], subject, g.grade, g.computed, override, reason.rule, reason.text,
                         len(reason.evidence)))
    return rows


def evidence_rows(evaluation: MonthEvaluation, timezone: ZoneInfo) -> list[tuple]:
    rows = []
    for annex, subject, g in _subject_rows(evaluation):
        for reason in g.reasons:
            for e in reason.evidence:
                rows.append((SHEETS[annex], subject, reason.rule, e.title,
                             e.published_at.astimezone(timezone).strftime("%Y-%m-%d %H:%M"), e.detail, e.url or ""))
    return rows


def write_annexes(path: Path, evaluation: MonthEvaluation, author: str, stamp: datetime, timezone: ZoneInfo,
                  crawl_issues: Sequence[CrawlIssue] | None = None) -> Path:
    """Write the workbook; 附件1's unit, 序号 and grade cells are merged over the unit's rows as in the notice.
    With `crawl_issues` (the month's, even none) a 链接与采集问题 sheet follows the evidence."""
    workbook = xlsx.new_workbook()
    for key, table in annex_tables(evaluation).items():
        sheet = xlsx.add_sheet(workbook, SHEETS[key], table.header, table.rows, _WIDTHS[key])
        for start, end in table.spans:
            for column in table.merged_columns:
                if end > start:
                    sheet.merge_cells(start_row=start + 2, end_row=end + 2, start_column=column + 1, end_column=column + 1)
                    sheet.cell(start + 2, column + 1).alignment = Alignment(vertical="center", wrap_text=True)
    xlsx.add_sheet(workbook, "评定理由", ("附件", "对象", "评定等次", "计算等次", "人工调整理由", "规则", "理由", "依据条数"),
                   reason_rows(evaluation), (18, 24, 10, 10, 30, 26, 60, 10))
    xlsx.add_sheet(workbook, "依据", ("附件", "对象", "规则", "标题", "发布时间", "说明", "链接"),
                   evidence_rows(evaluation, timezone), (18, 24, 22, 40, 18, 36, 50))
    if crawl_issues is not None:
        add_crawl_issue_sheet(workbook, crawl_issues, timezone)
    title = f"{evaluation.month.year}年{evaluation.month.month}月通报附件"
    return xlsx.save(workbook, path, title, author, stamp)
