"""附件-YYYY-MM.xlsx read back with openpyxl: the three annex sheets and every grade's reasons."""

from openpyxl import load_workbook


def values(sheet):
    return [[("" if c is None else str(c)) for c in row] for row in sheet.iter_rows(values_only=True)]


def test_sheets_hold_the_annexes_and_the_reasons(demo_report, contract):
    book = load_workbook(demo_report.annexes)
    assert book.sheetnames == ["附件1 信息公开", "附件2 快讯动态", "附件3 政务新媒体", "评定理由", "依据", "链接与采集问题"]
    news = values(book["附件2 快讯动态"])
    assert news[1:] == [[n["unit"], str(n["posts"]), n["grade"]] for n in contract["news"]]
    media = values(book["附件3 政务新媒体"])
    assert [r[1] for r in media[1:]] == [m["account"] for m in contract["new_media"]]
    assert [r[-1] for r in media[1:]] == [m["grade"] for m in contract["new_media"]]
    disclosure = book["附件1 信息公开"]
    assert disclosure.max_row == 1 + sum(len(u["columns"]) for u in contract["disclosure"])
    assert disclosure.merged_cells.ranges  # 序号, unit and grade span the unit's rows
    reasons = values(book["评定理由"])
    expected = sum(len(r["reasons"]) for annex in ("disclosure", "news", "new_media") for r in contract[annex])
    assert len(reasons) - 1 == expected
    adjusted = [r for r in reasons[1:] if r[4]]
    assert {r[1] for r in adjusted} == {"县农业农村局", "县乡村振兴局"} and all(r[3] == "优秀" for r in adjusted)
