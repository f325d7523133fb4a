"""The annual ledger: each item priced by the rules' points, totals by unit and month, exported to .xlsx."""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from openpyxl import load_workbook

from govwatch.reports.ledger_xlsx import write_ledger
from govwatch.services.ledger import build_ledger
from govwatch.store.counties import load_stored_county
from tests.services.test_report_rectification import BEFORE, open_june

AFTER = datetime(2023, 8, 1, tzinfo=UTC)


def test_points_follow_the_rules(demo_copy, tmp_path):
    open_june(demo_copy)
    with demo_copy.transaction() as session:
        stored = load_stored_county(session)
        on_time = build_ledger(session, stored, 2023, BEFORE)
        late = build_ledger(session, stored, 2023, AFTER)
    points = {(d.annex, d.subject): d.points for d in on_time.deductions}
    assert points[("disclosure", "县财政局")] == 1 + 0.5 * 4  # fail + four quoted errors (眉县's rules.yaml)
    assert points[("news", "县住建局")] == 1 + 0.5
    assert points[("new_media", "眉县公安（微信订阅号）")] == 1 + 0.5 * 2
    assert {(d.annex, d.subject): d.points for d in late.deductions}[("news", "县住建局")] == 1 + 0.5 + 1
    totals = on_time.unit_totals()
    # 县公安局: news (1.5) and three accounts: 眉县公安 (2), 反诈中心 视频号 (1.5), 反诈中心 订阅号 (2).
    assert totals["县公安局"] == {6: 7.0}
    assert next(iter(totals)) == "县公安局"  # most deducted first
    assert on_time.months_without_items == ()
    stamp = datetime.combine(date(2023, 12, 31), time(), ZoneInfo("Asia/Shanghai"))
    book = load_workbook(write_ledger(tmp_path / "台账.xlsx", on_time, "眉县人民政府办公室", stamp))
    assert book.sheetnames == ["单位汇总", "扣分明细", "月度等次"]
    summary = {row[0]: row for row in book["单位汇总"].iter_rows(min_row=2, values_only=True)}
    assert summary["县公安局"][6] == 7 and summary["县公安局"][-1] == 7
    assert book["扣分明细"].max_row == 1 + len(on_time.deductions)
    grades = {(r[1], r[3 + 5]) for r in book["月度等次"].iter_rows(min_row=2, values_only=True)}
    assert ("县财政局", "不合格") in grades
