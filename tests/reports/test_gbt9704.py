"""The notice .docx against GB/T 9704-2012 point by point, read back from its XML: 版头, 主体, 版记, page
numbers, annex tables. The PDF test (test_pdf.py) checks what LibreOffice makes of it."""

from datetime import date

import pytest
from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from govwatch.domain.county import NoticeDateRule, NoticeSettings
from govwatch.reports import gbt9704 as std
from govwatch.reports.notice_docx import OfficeParts
from govwatch.reports.title_lines import title_lines
from tests.reports.conftest import write_demo_report


@pytest.fixture(scope="module")
def document(demo_report):
    return Document(str(demo_report.notice))


def paragraph(document, text):
    return next(p for p in document.paragraphs if p.text.replace("\n", "") == text)


def test_22_lines_fit_the_text_height(document):
    section = document.sections[0]
    height = section.page_height.twips - section.top_margin.twips - section.bottom_margin.twips
    pitch = int(section._sectPr.find(qn("w:docGrid")).get(qn("w:linePitch")))
    assert height // pitch == 22 and 22 * pitch <= height
    body = next(p for p in document.paragraphs if p.text.startswith("按照中省市"))
    assert body.paragraph_format.line_spacing.twips == pitch  # body lines on the grid's pitch
    assert abs(section.top_margin - Mm(37)) < Mm(0.05) and abs(section.left_margin - Mm(28)) < Mm(0.05)


def test_masthead_number_and_red_rule(document):
    masthead = document.paragraphs[0]
    run = masthead.runs[0]
    assert masthead.text == "眉县人民政府办公室文件" and masthead.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert run.font.color.rgb == std.RED and run.font.size == Pt(42)
    scale = int(run._element.rPr.find(qn("w:w")).get(qn("w:val")))
    assert 11 * 42 * scale / 100 <= std.TEXT_WIDTH.pt  # narrowed to the 版心's width
    # Its top 35 mm under the 版心's top: the space before plus the line's leading above the glyphs.
    assert Mm(30) < masthead.paragraph_format.space_before < Mm(35)
    number = document.paragraphs[1]
    assert number.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert number.paragraph_format.space_before.twips == 2 * std.LINE_PITCH_TW  # 标志下空二行
    bottom = number._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert bottom.get(qn("w:color")) == "FF0000" and int(bottom.get(qn("w:space"))) == 11  # 4 mm under it
    title = document.paragraphs[2]
    assert title.paragraph_format.space_before.twips == 2 * std.LINE_PITCH_TW  # 分隔线下空二行


def test_number_from_the_command_line_and_the_config():
    settings = NoticeSettings(document_number="眉政办发〔{year}〕{number}号", number=3)
    assert OfficeParts.of(settings, "眉县人民政府办公室", date(2023, 7, 16)).number == "眉政办发〔2023〕3号"
    assert OfficeParts.of(settings, "眉县人民政府办公室", date(2024, 1, 5), 12).number == "眉政办发〔2024〕12号"
    assert OfficeParts.of(NoticeSettings(), "眉县人民政府办公室", date(2023, 7, 16)).masthead == "眉县人民政府办公室文件"
    with pytest.raises(ValueError, match="number"):
        NoticeSettings(document_number="眉政办发〔{year}〕号")
    with pytest.raises(ValueError, match="只能使用"):
        NoticeSettings(document_number="眉政办发〔{yaer}〕{number}号")


def test_the_date_rule():
    assert NoticeDateRule(rule="before_deadline", days=4).issued(date(2023, 6, 30), date(2023, 7, 20)) == date(2023, 7, 16)
    # never before the month judged has ended
    assert NoticeDateRule(rule="before_deadline", days=30).issued(date(2023, 6, 30), date(2023, 7, 20)) == date(2023, 7, 1)
    # the first working day at least N days after the month: 2023-07-01 is a Saturday
    assert NoticeDateRule(rule="after_month", days=1).issued(date(2023, 6, 30), date(2023, 7, 20)) == date(2023, 7, 3)


def test_without_date_the_notice_is_dated_by_the_countys_rule(demo_database, tmp_path):
    from govwatch.domain.calendar import Month
    from govwatch.services.report import write_report
    from tests.reports.conftest import TEMPLATE

    files = write_report(demo_database[0], Month(2023, 6), tmp_path, template=TEMPLATE, pdf=False, record=False,
                         number=12)
    texts = [p.text for p in Document(str(files.notice)).paragraphs]
    assert "2023年7月16日" in texts  # 7月20日 (the deadline) − 4 days, not today
    assert texts[1] == "眉政办发〔2023〕12号"


def test_title_lines_break_between_words():
    assert title_lines("短标题", "眉县人民政府办公室") == ["短标题"]
    lines = title_lines("眉县人民政府办公室关于2023年6月县政府网站和政务新媒体运行情况的通报", "眉县人民政府办公室")
    assert lines[0] == "眉县人民政府办公室" and "".join(lines[1:]) == "关于2023年6月县政府网站和政务新媒体运行情况的通报"
    assert all(std.display_width(line) <= 20 for line in lines)


def test_signature_centred_over_the_date_and_kept_with_the_body(document):
    date_p = paragraph(document, "2023年7月16日")
    signature = document.paragraphs[[p._p for p in document.paragraphs].index(date_p._p) - 1]
    assert signature.text == "眉县人民政府办公室"
    assert date_p.alignment == signature.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert abs(date_p.paragraph_format.right_indent.pt - 4 * std.CHAR.pt) < 0.1  # 右空四字
    # centred over the date: equal overhang on both sides
    date_w, signature_w = std.display_width("2023年7月16日"), std.display_width("眉县人民政府办公室")
    expected = 4 + (date_w - signature_w) / 2
    assert abs(signature.paragraph_format.right_indent.pt - max(2, expected) * std.CHAR.pt) < 0.1
    # The body's last paragraph, the 附件说明 and the signature keep with the next: no page holds them alone.
    index = [p._p for p in document.paragraphs].index(signature._p)
    chain = document.paragraphs[index - 4:index + 1]
    assert chain[0].text.startswith("对通报中存在问题的单位")
    assert all(p.paragraph_format.keep_with_next for p in chain)


def test_attachment_titles_align_under_their_first_character(document):
    first = paragraph(document, "附件：1. 2023年6月县政府门户网站政府信息公开频道信息发布情况统计表")
    second = paragraph(document, "2. 2023年6月县政府门户网站各镇快讯、部门动态栏目信息发布情况统计表")
    fmt1, fmt2 = first.paragraph_format, second.paragraph_format
    assert fmt1.left_indent == fmt2.left_indent  # wrapped lines start under the title
    assert abs(fmt1.left_indent.pt + fmt1.first_line_indent.pt - 2 * std.CHAR.pt) < 0.1  # 左空二字
    assert abs(fmt1.first_line_indent.pt - (fmt2.first_line_indent.pt - 3 * std.CHAR.pt)) < 0.1


def test_imprint_on_the_last_even_page(document):
    last = document.sections[-1]
    assert last.start_type == WD_SECTION.EVEN_PAGE and last.page_height > last.page_width
    imprint = document.tables[-1]
    copy_to, printed = (row.cells[0] for row in imprint.rows)
    assert copy_to.text == "抄送：县委办公室，县人大常委会办公室，县政协办公室。"
    assert printed.text == "眉县人民政府办公室\t2023年7月16日印发"
    for cell in (copy_to, printed):
        run = cell.paragraphs[0].runs[0]
        assert run.font.size == Pt(14) and run.font.name == std.BODY_FONT  # 4号仿宋
    sizes = {side: copy_to._tc.tcPr.find(qn("w:tcBorders")).find(qn(f"w:{side}")).get(qn("w:sz")) for side in ("top", "bottom")}
    assert sizes == {"top": "8", "bottom": "6"}  # 首条粗线 0.35 mm, 中间细线 0.25 mm
    assert printed._tc.tcPr.find(qn("w:tcBorders")).find(qn("w:bottom")).get(qn("w:sz")) == "8"
    # The blank line above fills the page down to the 版记: its last rule lies on the 版心's lower edge.
    spacer = imprint._tbl.getprevious()
    height = int(spacer.pPr.find(qn("w:spacing")).get(qn("w:line")))
    assert 0.8 * std.TEXT_HEIGHT_TW < height < std.TEXT_HEIGHT_TW - 2 * std.LINE_PITCH_TW


def test_page_numbers_portrait_and_landscape(document):
    first = document.sections[0]
    odd, even = first.footer.paragraphs[0], first.even_page_footer.paragraphs[0]
    assert odd.alignment == WD_ALIGN_PARAGRAPH.RIGHT and even.alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert odd.paragraph_format.right_indent == Pt(14) and even.paragraph_format.left_indent == Pt(14)  # 空一字
    assert odd.runs[0].font.name == "宋体" and odd.runs[0].font.size == Pt(14)
    # 7 mm under the 版心: the footer's distance from the page's edge leaves one 4号 line there.
    assert abs(first.footer_distance + Mm(7) + Pt(14) - first.bottom_margin) < Mm(0.1)
    landscape = [s for s in document.sections if s.page_width > s.page_height]
    assert landscape
    for section in landscape:
        for footer in (section.footer, section.even_page_footer):
            assert not footer.is_linked_to_previous
            body = footer._element.xml
            assert 'vert="vert"' in body and "PAGE" in body  # turned with the page, in its left margin


def test_annex_rows_never_split_and_headers_repeat(document):
    for table in document.tables[:3]:
        rows = table._tbl.tr_lst
        assert rows[0].trPr.find(qn("w:tblHeader")) is not None
        assert all(tr.trPr.find(qn("w:cantSplit")) is not None for tr in rows)
        # compact: cell lines are exact and off the 22-line grid
        cell_p = table.rows[1].cells[0].paragraphs[0]
        assert cell_p.paragraph_format.line_spacing < Pt(17)
        assert cell_p._p.pPr.find(qn("w:snapToGrid")).get(qn("w:val")) == "0"


def test_the_number_option_reaches_the_file(demo_database, tmp_path):
    files = write_demo_report(demo_database[0], tmp_path)
    assert Document(str(files.notice)).paragraphs[1].text.startswith("眉政办发〔2023〕")


def test_a_bad_notice_key_names_file_line_and_field(tmp_path, meixian_dir):
    from govwatch.config.loader import load_county

    text = (meixian_dir / "county.yaml").read_text(encoding="utf-8")
    broken = text.replace('document_number: "眉政办发〔{year}〕{number}号"', 'document_number: "眉政办发〔{year}〕号"')
    assert broken != text
    (tmp_path / "county.yaml").write_text(broken, encoding="utf-8")
    line = next(n for n, row in enumerate(broken.splitlines(), 1) if "document_number:" in row)
    with pytest.raises(ValueError, match=rf"county.yaml:{line}: 字段 notice.document_number: .*应包含 \{{number\}}"):
        load_county(tmp_path / "county.yaml")
