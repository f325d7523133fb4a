"""附件-YYYY-MM.xlsx read back with openpyxl: the three annex sheets as the notice prints them (title row,
附件2 in two halves, numbers as numbers, print setup) and every grade's reasons in the county's words."""

import re

from openpyxl import load_workbook


def values(sheet):
    return [[("" if c is None else str(c)) for c in row] for row in sheet.iter_rows(values_only=True)]


def test_sheets_hold_the_annexes_and_the_reasons(demo_report, contract):
    book = load_workbook(demo_report.annexes)
    assert book.sheetnames == ["附件1 信息公开", "附件2 快讯动态", "附件3 政务新媒体", "评定理由", "依据", "链接与采集问题"]
    news = values(book["附件2 快讯动态"])
    assert news[1] == ["单位", "发布条数", "综合评价"] * 2
    # Two halves read column by column, as the seed prints 附件2: the left half first, then the right.
    flat = [r[:3] for r in news[2:]] + [r[3:] for r in news[2:] if any(r[3:])]
    assert flat == [[n["unit"], str(n["posts"]), n["grade"]] for n in contract["news"]]
    assert len(news) - 2 == -(-len(contract["news"]) // 2)
    media = values(book["附件3 政务新媒体"])
    assert [r[1] for r in media[2:]] == [m["account"] for m in contract["new_media"]]
    assert [r[-1] for r in media[2:]] == [m["grade"] for m in contract["new_media"]]
    disclosure = book["附件1 信息公开"]
    assert disclosure.max_row == 2 + sum(len(u["columns"]) for u in contract["disclosure"])
    merged = {str(r) for r in disclosure.merged_cells.ranges}
    first = len(contract["disclosure"][0]["columns"])
    assert "A1:F1" in merged and f"B3:B{2 + first}" in merged  # the title row; the first unit's columns
    reasons = values(book["评定理由"])
    expected = sum(len(r["reasons"]) for annex in ("disclosure", "news", "new_media") for r in contract[annex])
    assert len(reasons) - 1 == expected
    adjusted = [r for r in reasons[1:] if r[4]]
    assert {r[1] for r in adjusted} == {"县农业农村局", "县乡村振兴局"} and all(r[3] == "优秀" for r in adjusted)


def test_each_annex_sheet_has_the_notices_title_row(demo_report):
    book = load_workbook(demo_report.annexes)
    for number, name in enumerate(["附件1 信息公开", "附件2 快讯动态", "附件3 政务新媒体"], 1):
        title = book[name].cell(1, 1).value
        assert title.startswith(f"附件{number}  2023年6月") and title.endswith("统计表"), title
    assert book["附件1 信息公开"]["A1"].value.endswith("县政府门户网站政府信息公开频道信息发布情况统计表")


def test_counts_are_numbers_that_sum(demo_report, contract):
    book = load_workbook(demo_report.annexes)
    media = book["附件3 政务新媒体"]
    totals = [media.cell(row, 10).value for row in range(3, media.max_row + 1)]
    assert all(isinstance(v, int) for v in totals)
    assert sum(totals) == contract["summary"]["new_media"]["total"]
    news = book["附件2 快讯动态"]
    posts = [news.cell(r, c).value for r in range(3, news.max_row + 1) for c in (2, 5)]
    assert sum(v for v in posts if v is not None) == contract["summary"]["news"]["items"]
    disclosure = book["附件1 信息公开"]
    counts = [disclosure.cell(r, 5).value for r in range(3, disclosure.max_row + 1)]
    assert {type(v) for v in counts} == {int, str} and {v for v in counts if isinstance(v, str)} == {"/"}
    assert sum(v for v in counts if isinstance(v, int)) == contract["summary"]["disclosure"]["items"]
    assert disclosure.cell(3, 1).value == 1  # 序号


def test_print_setup_follows_the_seed(demo_report):
    book = load_workbook(demo_report.annexes)
    for name, orientation in (("附件1 信息公开", "portrait"), ("附件2 快讯动态", "portrait"), ("附件3 政务新媒体", "landscape")):
        sheet = book[name]
        assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
        assert sheet.page_setup.orientation == orientation
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
        assert sheet.print_title_rows.replace("$", "") == "2:2"  # the header row on every printed page
        assert sheet.freeze_panes == "A3"


def test_rules_are_named_in_the_countys_words(demo_report, meixian_config):
    book = load_workbook(demo_report.annexes)
    names = set(meixian_config.rules.rule_names.values())
    for sheet, column in (("评定理由", 6), ("依据", 3)):
        shown = {row[column - 1] for row in values(book[sheet])[1:]}
        assert shown and shown <= names, shown - names
        assert not any(re.fullmatch(r"[a-z_]+\.[a-z_]+", s) for s in shown)
