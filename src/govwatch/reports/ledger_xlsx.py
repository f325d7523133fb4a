"""年度考核台账 .xlsx: deductions item by item, points per unit and month, and every subject's grade by month;
printed landscape on A4, one page wide (the twelve month columns)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from govwatch.domain.assessment import Ledger
from govwatch.reports import xlsx
from govwatch.reports.annex_xlsx import SHEETS

_MONTHS = [f"{m}月" for m in range(1, 13)]


def write_ledger(path: Path, ledger: Ledger, author: str, stamp: datetime) -> Path:
    workbook = xlsx.new_workbook()
    totals = ledger.unit_totals()
    xlsx.add_sheet(
        workbook, "单位汇总", ("单位", *_MONTHS, "全年扣分"),
        ([unit, *(months.get(m, 0) for m in range(1, 13)), round(sum(months.values()), 2)]
         for unit, months in totals.items()),
        (24, *([7] * 12), 10), landscape=True,
    )
    xlsx.add_sheet(
        workbook, "扣分明细", ("月份", "附件", "对象", "单位", "等次", "问题数", "整改逾期", "扣分"),
        ((str(d.month), SHEETS[d.annex], d.subject, d.unit, d.grade, d.problems, "是" if d.overdue else "否", d.points)
         for d in ledger.deductions),
        (10, 18, 28, 24, 8, 8, 10, 8), landscape=True,
    )
    by_subject: dict[tuple[str, str, str], dict[int, str]] = {}
    for g in ledger.grades:
        by_subject.setdefault((g.annex, g.subject, g.unit), {})[int(g.month[5:7])] = g.grade
    xlsx.add_sheet(
        workbook, "月度等次", ("附件", "对象", "单位", *_MONTHS),
        ([SHEETS[annex], subject, unit, *(months.get(m, "") for m in range(1, 13))]
         for (annex, subject, unit), months in by_subject.items()),
        (18, 28, 24, *([7] * 12)), landscape=True,
    )
    return xlsx.save(workbook, path, f"{ledger.year}年度{ledger.assessment}扣分台账", author, stamp)
