"""`govwatch setup import-tasks`: a task table in the seed's layout of 附件1 (a title, merged unit cells,
two columns in one cell, a wrapped name, "1 条/年" spacing) into county.yaml, bad rows reported by row
and field, the discover draft's URLs carried over, and the result validated by load-config."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from typer.testing import CliRunner

from govwatch.cli import app
from govwatch.config.draft import write_draft
from govwatch.config.loader import load_county_dir
from govwatch.domain.onboarding import DiscoveredColumn, Discovery
from govwatch.services.setup_tasks import TaskTableError, import_tasks

ZONE_DATE = datetime(2023, 6, 20, tzinfo=ZoneInfo("Asia/Shanghai"))

# (序号, 保障单位, [(保障栏目, 更新周期, 更新条数)], 评定等次) — the seed's first rows, then bad ones.
TABLE = [
    (1, "县自然资源局", [("政府机构 权责清单", "实时更新", "/"), ("部门信息公开年报", "1 条/年", "/"),
                        ("批准结果信息", "1 条/季度", "26"), ("国有土地使用权和 矿业权出让", "1 条/季度", "5")], "优秀"),
    (2, "县民政局", [("政府机构 权责清单", "实时更新", "/"), ("养老服务和社会救助", "2 条/月", "3"),
                    ("社会救助", "不定期", "1")], "合格"),
    (3, "县新成立局", [("部门信息公开年报", "1 条/年", "/")], "合格"),
]


def seed_layout_xlsx(path: Path, table=TABLE, blank_unit_row: bool = True) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "附件1"
    sheet.append(["2023 年 6 月县政府门户网站政府信息公开频道 信息发布情况统计表"])
    sheet.merge_cells("A1:F1")
    sheet.append(["序号", "保障单位", "保障栏目", "更新周期", None, "评定 等次"])
    sheet.merge_cells("D2:E2")
    row = 3
    for number, unit, columns, grade in table:
        first = row
        for column, cycle, count in columns:
            sheet.append([number if row == first else None, unit if row == first else None, column, cycle, count,
                          grade if row == first else None])
            row += 1
        for letter in "ABF":
            if row - 1 > first:
                sheet.merge_cells(f"{letter}{first}:{letter}{row - 1}")
    if blank_unit_row:
        sheet.append([None, None, "无主栏目", "1 条/月", "0", None])
        sheet.append([9, "县统计局", None, "1 条/月", "0", "合格"])
    book.save(path)
    return path


def _draft(folder: Path) -> None:
    """A discover draft: 县自然资源局's columns named as ContentSource gives them (眉县自然资源局)."""
    def column(name: str, unit: str, url: str) -> DiscoveredColumn:
        return DiscoveredColumn(url=url, name=name, name_from="meta", items=3, items_capped=False,
                                last_update=ZONE_DATE, sources=(unit,))
    base = "http://www.meixian.gov.cn/col/"
    found = Discovery(home="http://www.meixian.gov.cn/", site_name="眉县人民政府", pages_read=10, columns=(
        column("批准结果信息", "眉县自然资源局", base + "c1/index.html"),
        column("政府机构", "眉县自然资源局", base + "c2/index.html"),
        column("国有土地使用权和矿业权出让", "眉县自然资源局", base + "c3/index.html"),
        column("养老服务和社会救助", "县民政局", base + "c4/index.html"),
        column("临时公告", "县民政局", base + "c5/index.html"),
    ))
    write_draft(found, folder)


def test_the_seed_layout_is_read_into_a_county_that_loads(tmp_path):
    _draft(tmp_path)
    result = import_tasks(seed_layout_xlsx(tmp_path / "任务分解表.xlsx"), tmp_path)
    county = load_county_dir(tmp_path).county
    rows = {(r.unit, r.column.name): r for r in county.assignment_rows}
    assert {name for unit, name in rows if unit == "县自然资源局"} == {
        "政府机构", "权责清单", "部门信息公开年报", "批准结果信息", "国有土地使用权和矿业权出让"}
    assert str(rows[("县自然资源局", "批准结果信息")].cycle) == "1条/季度"
    assert rows[("县自然资源局", "批准结果信息")].url == "http://www.meixian.gov.cn/col/c1/index.html"
    assert rows[("县民政局", "养老服务和社会救助")].url == "http://www.meixian.gov.cn/col/c4/index.html"
    assert "眉县自然资源局" in county.unit("县自然资源局").aliases  # the draft's name is kept as an alias
    assert result.with_url == 4
    reasons = {(p.row, p.field): p.reason for p in result.problems}
    assert "不定期" in reasons[(9, "更新周期")]
    assert "缺少单位" in reasons[(11, "保障单位")]
    assert "缺少栏目" in reasons[(12, "保障栏目")]
    assert "已按任务分解表新增" in reasons[(10, "保障单位")]  # 县新成立局 is not on the portal
    assert any("临时公告" in p.reason and p.file.startswith("county.yaml") for p in result.problems)
    assert "部门信息公开年报" in reasons[(4, "保障栏目")]  # on the table, not found on the portal: no URL


def test_without_a_draft_a_county_folder_is_started(tmp_path):
    result = import_tasks(seed_layout_xlsx(tmp_path / "t.xlsx", blank_unit_row=False), tmp_path / "new")
    county = load_county_dir(tmp_path / "new").county
    assert len(county.units) == 3 and result.tasks == len(county.assignment_rows) == 9
    assert not [p for p in result.problems if p.field == "保障栏目"]  # no portal known: no URL expected


def test_a_file_that_is_no_task_table_is_a_clear_error(tmp_path):
    (tmp_path / "x.xlsx").write_bytes(b"not a workbook")
    with pytest.raises(TaskTableError, match=r"x\.xlsx"):
        import_tasks(tmp_path / "x.xlsx", tmp_path)
    book = openpyxl.Workbook()
    book.active.append(["姓名", "电话"])
    book.save(tmp_path / "y.xlsx")
    with pytest.raises(TaskTableError, match="没有找到表头"):
        import_tasks(tmp_path / "y.xlsx", tmp_path)


def test_the_cli_reports_rows_it_could_not_match(tmp_path):
    _draft(tmp_path)
    table = seed_layout_xlsx(tmp_path / "任务分解表.xlsx")
    result = CliRunner().invoke(app, ["setup", "import-tasks", str(table), "--into", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "未能匹配或已跳过的行" in result.output and "更新周期" in result.output
    loaded = CliRunner().invoke(app, ["--db", f"sqlite:///{tmp_path / 'g.db'}", "load-config", str(tmp_path)])
    assert loaded.exit_code == 0, loaded.output


def test_importing_twice_changes_nothing(tmp_path):
    _draft(tmp_path)
    table = seed_layout_xlsx(tmp_path / "任务分解表.xlsx")
    import_tasks(table, tmp_path)
    first = (tmp_path / "county.yaml").read_text(encoding="utf-8")
    again = import_tasks(table, tmp_path)
    assert (tmp_path / "county.yaml").read_text(encoding="utf-8") == first
    assert not [p for p in again.problems if p.file.startswith("county.yaml")]


def test_an_excel_97_table_with_merged_cells_is_read_the_same(tmp_path):
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("附件1")
    sheet.write_merge(0, 0, 0, 3, "政府信息公开频道任务分解表")
    for col, name in enumerate(("序号", "保障单位", "保障栏目", "更新周期")):
        sheet.write(1, col, name)
    sheet.write_merge(2, 4, 0, 0, 1)
    sheet.write_merge(2, 4, 1, 1, "县民政局")
    for row, (column, cycle) in enumerate((("政府机构 权责清单", "实时更新"), ("养老服务和社会救助", "2 条/月"),
                                           ("社会救助", "1 条/季度")), start=2):
        sheet.write(row, 2, column)
        sheet.write(row, 3, cycle)
    book.save(str(tmp_path / "任务分解表.xls"))
    result = import_tasks(tmp_path / "任务分解表.xls", tmp_path / "county")
    county = load_county_dir(tmp_path / "county").county
    assert [(r.unit, r.column.name, str(r.cycle)) for r in county.assignment_rows] == [
        ("县民政局", "政府机构", "实时更新"), ("县民政局", "权责清单", "实时更新"),
        ("县民政局", "养老服务和社会救助", "2条/月"), ("县民政局", "社会救助", "1条/季度")]
    assert result.problems == []
