"""The pure rules of onboarding: column names in a task-table cell, cycles, unit kinds, county names."""

from __future__ import annotations

import pytest

from govwatch.domain.onboarding import (
    DiscoveredColumn,
    column_names,
    county_name,
    cycle_text,
    matching_key,
    unit_kind,
)


@pytest.mark.parametrize(("cell", "known", "names"), [
    ("政府机构 权责清单", set(), ["政府机构", "权责清单"]),  # the seed's merged cell
    ("政府机构\n权责清单", set(), ["政府机构", "权责清单"]),
    ("国有土地使用权和 矿业权出让", set(), ["国有土地使用权和矿业权出让"]),  # a wrapped name
    ("督查、审计信息公开", set(), ["督查、审计信息公开"]),  # 、 inside a name
    ("财政资金信息、政府采购信息公告", {"财政资金信息", "政府采购信息公告"}, ["财政资金信息", "政府采购信息公告"]),
    ("督查、审计信息公开", {"督查、审计信息公开", "督查"}, ["督查、审计信息公开"]),
    ("规划计划；生态环境", set(), ["规划计划", "生态环境"]),
    ("  ", set(), []),
])
def test_column_names_of_a_cell(cell, known, names):
    assert column_names(cell, known) == names


def test_cycles_are_written_as_county_yaml_writes_them():
    assert cycle_text("1 条/季度") == "1条/季度"
    assert cycle_text("每月") == "1条/月"
    assert cycle_text("实时") == "实时更新"
    with pytest.raises(ValueError, match="更新周期"):
        cycle_text("不定期")


def test_names():
    assert (unit_kind("首善街办"), unit_kind("城关镇人民政府"), unit_kind("经开区管委会"), unit_kind("县民政局")) == (
        "镇街", "镇街", "园区", "部门")
    assert county_name("眉县人民政府") == "眉县" and county_name("宝鸡市陈仓区人民政府") == "宝鸡市陈仓区"
    assert county_name("某某网") is None
    assert matching_key("批准服务和实施信息（施工竣工、质量安全行政处罚）") == matching_key("批准服务和实施信息")


def test_a_column_with_several_publishers_is_shared():
    def column(*sources: str) -> DiscoveredColumn:
        return DiscoveredColumn("http://x.gov.cn/c/", "部门动态", "meta", 3, False, None, sources)

    assert column("县民政局", "县财政局").shared and column("县民政局", "县财政局").unit is None
    assert not column("县民政局").shared and column("县民政局").unit == "县民政局"
    assert column().unit is None
