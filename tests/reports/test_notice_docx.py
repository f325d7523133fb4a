"""The notice .docx read back with python-docx: every cell and figure against the evaluation JSON, and the layout."""

import re

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from govwatch.domain.calendar import Month
from govwatch.reports.notice_text import cn_range
from govwatch.services.report import EmptyMonth, write_report
from tests.reports.conftest import write_demo_report


@pytest.fixture(scope="module")
def document(demo_report):
    return Document(str(demo_report.notice))


def body_paragraphs(document):
    """The notice's paragraphs before the first annex page."""
    out = []
    for p in document.paragraphs:
        if re.fullmatch(r"附件\d", p.text.strip()):
            break
        out.append(p)
    return out


def body_text(document):
    return "\n".join(p.text for p in body_paragraphs(document))


def cells(table):
    return [[c.text for c in row.cells] for row in table.rows]


def unit_rows(table):
    """附件1 read back: one outer row per unit (序号, unit, grade), its columns in the table nested in it."""
    out = []
    for row in table.rows[1:]:
        tcs = row._tr.tc_lst
        nested = [t for tc in tcs for t in tc.iter(qn("w:tbl"))]
        assert len(nested) == 1, "each unit's columns lie in one nested table"
        outer = ["".join(t.text or "" for t in tc.iter(qn("w:t"))) if not list(tc.iter(qn("w:tbl"))) else None
                 for tc in tcs]
        inner = [["".join(t.text or "" for t in tc.iter(qn("w:t"))) for tc in tr.tc_lst]
                 for tr in nested[0].tr_lst]
        out.append((outer, inner))
    return out


def test_annex1_cells_are_the_evaluation(document, contract):
    table = document.tables[0]
    assert cells(table)[0] == ["序号", "保障单位", "保障栏目", "更新周期", "实际更新条数", "评定等次"]
    units = unit_rows(table)
    assert len(units) == len(contract["disclosure"])  # one row per unit: it never splits across pages
    for n, ((outer, inner), unit) in enumerate(zip(units, contract["disclosure"], strict=True), 1):
        assert outer == [str(n), unit["unit"], None, unit["grade"]]
        assert inner == [[c["column"], c["cycle"], str(c["actual"] or "/")] for c in unit["columns"]]


def test_annex2_cells_are_the_evaluation_side_by_side(document, contract):
    rows = cells(document.tables[1])
    assert rows[0] == ["单位", "发布条数", "综合评价"] * 2
    flat = [tuple(r[:3]) for r in rows[1:]] + [tuple(r[3:]) for r in rows[1:] if any(r[3:])]
    assert flat == [(n["unit"], str(n["posts"]), n["grade"]) for n in contract["news"]]


def test_annex3_cells_are_the_evaluation(document, contract):
    rows = cells(document.tables[2])
    assert len(rows) == len(contract["new_media"]) + 1
    for n, (row, m) in enumerate(zip(rows[1:], contract["new_media"], strict=True), 1):
        assert row == [str(n), m["account"], m["platform"], "4", str(m["original"]), "8", str(m["recommended"]),
                       str(m["reposts"]), str(m["other_reposts"]), str(m["total"]),
                       "；".join(p["text"] for p in m["problems"]) or "无", m["grade"]]


def test_overall_figures_are_the_summary(document, contract):
    text = body_text(document)
    s = contract["summary"]
    d, n, m = s["disclosure"], s["news"], s["new_media"]
    assert (f"{d['units']}个栏目保障单位本月共主动公开信息{d['items_published_in_month']}条"
            f"（按各栏目更新周期统计{d['items']}条）") in text
    assert (f"评定优秀单位{d['grades']['优秀']}个，分别是县自然资源局、县发改局、县文旅局，合格单位{d['grades']['合格']}个，"
            f"不合格单位{d['grades']['不合格']}个") in text
    assert f"{n['units']}个单位向政府网站“各镇快讯、部门动态”栏目报送新闻信息{n['items']}条" in text
    assert f"评定优秀单位{n['grades']['优秀']}个" in text and f"不合格单位{n['grades']['不合格']}个" in text
    assert (f"监管的{m['accounts']}个政务新媒体账号，共发布信息{m['total']}条。其中，原创信息发布{m['original']}条，"
            f"占比{m['original_share']}%；转载信息发布{m['reposts']}条，占比{m['reposts_share']}%") in text
    assert f"评价为“差”的政务新媒体{m['grades']['差']}个" in text


def test_every_number_in_the_text_comes_from_the_evaluation(document, contract):
    s = contract["summary"]
    allowed = {str(v) for part in s.values() for v in part.values() if not isinstance(v, dict)}
    allowed |= {str(v) for part in s.values() for v in part["grades"].values()}
    allowed |= {"1", "2", "3", "4", "5", "7", "8"}  # list numbers, 附件N, and the rules' figures (7 days, 4, 8)
    allowed |= {"2023", "6", "16", "20", "18", "00", "301"}  # dates, the deadline 7月20日18:00, the room
    text = body_text(document)
    # Day ranges of silences are checked in the next test; figures of the text are everything else.
    text = re.sub(r"（\d+月\d+日至(\d+月)?\d+日）", "", text)
    numbers = set(re.findall(r"\d+(?:\.\d+)?", text))
    assert numbers - allowed == set()


def test_problems_quote_every_serious_error_and_every_silence(document, contract):
    text = body_text(document)
    quoted = 0
    for annex in ("disclosure", "news", "new_media"):
        for row in contract[annex]:
            for reason in row["reasons"]:
                if reason["rule"] == f"{annex}.serious":
                    for e in reason["evidence"]:
                        wrong, right = e["issue"]["wrong"], e["issue"]["suggestion"]
                        assert e["detail"] == f"“{wrong}”应为“{right}”"
                        assert f"“{right}”错写为“{wrong}”" in text
                        quoted += 1
    assert quoted == 10
    assert "县财政局负责的“财政资金信息”栏目存在严重表述错误" in text
    for m in contract["new_media"]:
        for problem in m["problems"]:
            if problem["days"]:
                from datetime import date

                from govwatch.domain.calendar import DayRange
                days = DayRange(date.fromisoformat(problem["days"]["start"]), date.fromisoformat(problem["days"]["end"]))
                assert f"“{m['account']}”{m['platform']}（{cn_range(days)}）" in text
    assert "将整改情况于7月20日18:00时前报县数字化信息服务中心（县政府办公楼三楼301室）" in text
    assert "县公安局、县住建局、滨河新区管委会、经开区管委会本月未报送新闻信息" in text


def test_sections_attachments_signature_and_date(document):
    texts = [p.text for p in body_paragraphs(document)]
    assert texts[0] == "眉县人民政府办公室文件"  # 文件格式: the issuer + 文件 (county.yaml notice.masthead)
    assert texts[1] == "眉政办发〔2023〕\u3000\u3000号"  # no number configured: the gap filled in by hand
    # The title in lines broken between words: the issuer, then two lines of nearly equal width (梯形).
    assert texts[2].split("\n") == ["眉县人民政府办公室", "关于2023年6月县政府网站", "和政务新媒体运行情况的通报"]
    assert texts[3] == "各镇人民政府、街道办事处，县政府各工作部门、各直属机构："
    for heading in ("一、总体情况", "二、存在问题", "三、工作要求"):
        assert heading in texts
    assert "附件：1. 2023年6月县政府门户网站政府信息公开频道信息发布情况统计表" in texts
    assert texts[-2:] == ["眉县人民政府办公室", "2023年7月16日"]


def run_fonts(paragraph):
    run = next(r for r in paragraph.runs if r.text.strip())
    fonts = run._element.rPr.rFonts
    return run.font.name, fonts.get(qn("w:eastAsia")), run.font.size, run.font.bold


def test_fonts_and_sizes_follow_gbt_9704(document):
    paragraphs = {p.text.replace("\n", ""): p for p in body_paragraphs(document)}
    assert run_fonts(paragraphs["眉县人民政府办公室关于2023年6月县政府网站和政务新媒体运行情况的通报"])[:3] == \
        ("方正小标宋简体", "方正小标宋简体", Pt(22))
    issuer = body_paragraphs(document)[0]
    assert run_fonts(issuer)[:3] == ("方正小标宋简体", "方正小标宋简体", Pt(42))
    assert run_fonts(paragraphs["一、总体情况"])[:3] == ("黑体", "黑体", Pt(16))
    body = next(p for t, p in paragraphs.items() if t.startswith("按照中省市"))
    assert run_fonts(body) == ("仿宋_GB2312", "仿宋_GB2312", Pt(16), False)
    assert body.paragraph_format.first_line_indent is not None
    lead = next(p for t, p in paragraphs.items() if t.startswith("1. 信息审核把关不严"))
    bold = [r.text for r in lead.runs if r.bold]
    assert bold == ["信息审核把关不严。"]


def test_page_margins_and_page_numbers(document):
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.1) and abs(section.page_height - Mm(297)) < Mm(0.1)
    assert abs(section.top_margin - Mm(37)) < Mm(0.1) and abs(section.left_margin - Mm(28)) < Mm(0.1)
    width = section.page_width - section.left_margin - section.right_margin
    height = section.page_height - section.top_margin - section.bottom_margin
    assert abs(width - Mm(156)) < Mm(0.1) and abs(height - Mm(225)) < Mm(0.1)
    assert document.settings.odd_and_even_pages_header_footer
    for footer in (section.footer, section.even_page_footer):
        xml = footer.paragraphs[0]._p.xml
        assert "PAGE" in xml and footer.paragraphs[0].text.startswith("— ") and footer.paragraphs[0].text.endswith(" —")
    assert document.sections[-2].page_width > document.sections[-2].page_height  # 附件3 landscape, then the 版记


def test_rerunning_gives_the_same_bytes(demo_database, demo_report, tmp_path):
    again = write_demo_report(demo_database[0], tmp_path)
    for first, second in ((demo_report.notice, again.notice), (demo_report.annexes, again.annexes),
                          *zip(demo_report.charts, again.charts, strict=True)):
        assert first.read_bytes() == second.read_bytes(), first.name


def test_a_month_without_data_is_refused_in_chinese(demo_database, tmp_path):
    with pytest.raises(EmptyMonth, match="2023-09 没有任何已采集的信息，无法生成通报"):
        write_report(demo_database[0], Month(2023, 9), tmp_path, pdf=False)
    assert not list(tmp_path.iterdir())
