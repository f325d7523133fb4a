"""The page and type of GB/T 9704-2012 (党政机关公文格式) as python-docx settings.

A4; 天头 37 mm, 订口 28 mm; 版心 156 × 225 mm holding 22 lines of 28 characters (§5.2.1–5.2.2);
title 2号小标宋, body 3号仿宋, headings 黑体 / 楷体 (§7.3); page numbers "— 1 —" in 4号半角宋体,
7 mm under the 版心, one character in from the outside edge (odd pages right, even pages left, §7.5).

Word stores margins and line pitches in twentieths of a point (twips); every length that the line
grid depends on is kept in twips here, so that 22 × the pitch fits the text height exactly as Word
and LibreOffice compute it (a pitch rounded up to 580 twips gives 12 760 > 12 756: 21 lines).
"""

from __future__ import annotations

import math

from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.section import Section
from docx.shared import Emu, Length, Mm, Pt, RGBColor, Twips
from docx.text.paragraph import Paragraph
from docx.text.run import Run

# 字号 in points.
SIZE_0 = Pt(42)  # 初号: the 发文机关标志
SIZE_2 = Pt(22)
SIZE_3 = Pt(16)
SIZE_4 = Pt(14)
SIZE_SMALL_4 = Pt(12)
SIZE_5 = Pt(10.5)

# Font names as Chinese offices install them: WPS and Word on a county's PC pick their own faces.
# The PDF render maps each name to a Debian face (reports/fonts.conf); LibreOffice finds them there.
TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
SUBHEADING_FONT = "楷体_GB2312"
PAGE_NUMBER_FONT = "宋体"
RED = RGBColor(0xFF, 0x00, 0x00)


def _twips(mm: float) -> int:
    return round(Mm(mm).twips)


PAGE_WIDTH_TW, PAGE_HEIGHT_TW = _twips(210), _twips(297)  # 11906 × 16838
TOP_TW, LEFT_TW = _twips(37), _twips(28)
TEXT_WIDTH_TW, TEXT_HEIGHT_TW = _twips(156), _twips(225)  # 8844 × 12756
BOTTOM_TW = PAGE_HEIGHT_TW - TOP_TW - TEXT_HEIGHT_TW
RIGHT_TW = PAGE_WIDTH_TW - LEFT_TW - TEXT_WIDTH_TW
LINES, CHARS = 22, 28
LINE_PITCH_TW = TEXT_HEIGHT_TW // LINES  # 579: 22 × 579 = 12 738 ≤ 12 756
LINE_PITCH = Twips(LINE_PITCH_TW)
PAGE_WIDTH, PAGE_HEIGHT = Twips(PAGE_WIDTH_TW), Twips(PAGE_HEIGHT_TW)
TEXT_WIDTH, TEXT_HEIGHT = Twips(TEXT_WIDTH_TW), Twips(TEXT_HEIGHT_TW)
# 28 characters in 156 mm: each 3号 character is condensed by the difference, in twentieths of a point
# (rounded away from zero, so the 28th character still fits).
CHAR = Pt(TEXT_WIDTH.pt / CHARS)
CONDENSE_TWIPS = math.floor((CHAR.pt - SIZE_3.pt) * 20)
# The page number's line sits 7 mm under the 版心; the footer is measured from the page's edge.
FOOTER_DISTANCE = Emu(Twips(BOTTOM_TW) - Mm(7) - SIZE_4)

_RPR_AFTER_SPACING = ("w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
                      "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang",
                      "w:eastAsianLayout", "w:specVanish", "w:oMath")
_PPR_AFTER_BORDER = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
                     "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
                     "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
                     "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                     "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def set_font(run: Run, name: str, size: Length, bold: bool = False, color: RGBColor | None = None,
             scale: int | None = None) -> Run:
    """Name the font for every script (python-docx's `font.name` leaves East Asian text unset).

    Body-size text is condensed to the grid's character pitch, so that a line holds 28 characters;
    `scale` narrows the glyphs (字符缩放, w:w) to fit a line, as the 发文机关标志 is.
    """
    run.font.name = name
    run.font.size = size
    run.font.bold = bold
    if color is not None:
        run.font.color.rgb = color
    properties = run._element.get_or_add_rPr()
    fonts = properties.get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), name)
    fonts.set(qn("w:hint"), "eastAsia")
    if size == SIZE_3:
        spacing = OxmlElement("w:spacing")
        spacing.set(qn("w:val"), str(CONDENSE_TWIPS))
        properties.insert_element_before(spacing, *_RPR_AFTER_SPACING)
    if scale is not None and scale != 100:
        width = OxmlElement("w:w")
        width.set(qn("w:val"), str(scale))
        properties.insert_element_before(width, *_RPR_AFTER_SPACING[1:])
    return run


def set_spacing(paragraph: Paragraph, before_lines: float = 0, exact: bool = True) -> None:
    """The grid's line pitch (固定值), no space after; `before_lines` blank lines above."""
    fmt = paragraph.paragraph_format
    fmt.space_after = Pt(0)
    fmt.space_before = Twips(round(LINE_PITCH_TW * before_lines))
    if exact:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = LINE_PITCH
    else:
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE


def exact_line(paragraph: Paragraph, height: Length) -> None:
    """A line `height` high, off the document grid (a table cell, the 发文机关标志): Word and LibreOffice
    would otherwise round each line up to a whole grid line."""
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = height
    off = OxmlElement("w:snapToGrid")
    off.set(qn("w:val"), "0")
    paragraph._p.get_or_add_pPr().insert_element_before(off, *_PPR_AFTER_BORDER[_PPR_AFTER_BORDER.index("w:snapToGrid") + 1:])


def display_width(text: str) -> float:
    """Width in body characters: half-width digits and Latin letters count half (成文日期 alignment)."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1 for ch in text)


def setup_page(section: Section, landscape: bool = False, grid: bool = True) -> None:
    """A4 with the standard's margins. A landscape page (附件3's wide table) is the portrait page turned so
    that the table's top lies on the binding side (§10: 单页码表头在订口一边): the 订口 becomes the top
    margin, the 天头 the right one, and the page's foot (under the 版心) its left margin."""
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    if landscape:
        section.page_width, section.page_height = PAGE_HEIGHT, PAGE_WIDTH
        section.top_margin, section.bottom_margin = Twips(LEFT_TW), Twips(RIGHT_TW)
        section.left_margin, section.right_margin = Twips(BOTTOM_TW), Twips(TOP_TW)
    else:
        section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
        section.top_margin, section.bottom_margin = Twips(TOP_TW), Twips(BOTTOM_TW)
        section.left_margin, section.right_margin = Twips(LEFT_TW), Twips(RIGHT_TW)
    section.footer_distance = FOOTER_DISTANCE if not landscape else Mm(10)
    section.header_distance = Mm(15)
    if grid:
        _document_grid(section)
    else:
        found = section._sectPr.find(qn("w:docGrid"))
        if found is not None:
            section._sectPr.remove(found)


def _document_grid(section: Section) -> None:
    """22 lines (文档网格): Word and LibreOffice lay out the body on it."""
    sect = section._sectPr
    grid = sect.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect.append(grid)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(LINE_PITCH_TW))


def add_page_numbers(section: Section, landscape: bool = False, ordinal: int = 0) -> None:
    """— 1 — in 4号半角宋体: odd pages right, even pages left, one character in from the edge. On a landscape
    page the number stands where the portrait pages have it once the sheet is turned back: in the left
    margin, turned a quarter clockwise, at the page's foot (odd) or head (even). `ordinal` (the section's
    place) keeps the text boxes' drawing ids unique in the document, as Word requires."""
    for footer, odd in ((section.footer, True), (section.even_page_footer, False)):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        for run in list(paragraph.runs):
            run._element.getparent().remove(run._element)
        fmt = paragraph.paragraph_format
        fmt.space_before = fmt.space_after = Pt(0)
        if landscape:
            _rotated_number(paragraph, odd, 9700 + 2 * ordinal + odd)
            continue
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if odd else WD_ALIGN_PARAGRAPH.LEFT
        if odd:
            fmt.right_indent = SIZE_4
        else:
            fmt.left_indent = SIZE_4
        _number_runs(paragraph)


def no_page_numbers(section: Section) -> None:
    """A page without a number (the 版记 page that follows a blank page, §7.5)."""
    for footer in (section.footer, section.even_page_footer):
        footer.is_linked_to_previous = False


def _number_runs(paragraph: Paragraph) -> None:
    set_font(paragraph.add_run("— "), PAGE_NUMBER_FONT, SIZE_4)
    _page_field(set_font(paragraph.add_run(), PAGE_NUMBER_FONT, SIZE_4))
    set_font(paragraph.add_run(" —"), PAGE_NUMBER_FONT, SIZE_4)


def _rotated_number(paragraph: Paragraph, odd: bool, drawing_id: int) -> None:
    """A text box in the footer, anchored to the page, its text turned 90° clockwise (read top to bottom).

    Geometry on the turned sheet: the portrait page's foot is the landscape page's left edge and its
    right edge the landscape bottom; the number's line is 7 mm outside the 版心 (in the left margin), and
    its end lies one character in from the 版心's bottom (odd pages), its start one character in from
    the 版心's top (even pages)."""
    box_w, box_h = Mm(8), Mm(22)  # about the width of "— 12 —" in 4号
    left = Twips(BOTTOM_TW) - Mm(7) - box_w
    top = Twips(LEFT_TW + TEXT_WIDTH_TW) - SIZE_4 - box_h if odd else Twips(LEFT_TW) + SIZE_4
    align = "r" if odd else "l"  # the text runs downwards: its end ("r") is at the box's bottom
    anchor = (
        f'<wp:anchor {nsdecls("wp", "a", "w")} xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="251659264" behindDoc="0" '
        'locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="page"><wp:posOffset>{int(left)}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="page"><wp:posOffset>{int(top)}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{int(box_w)}" cy="{int(box_h)}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        '<wp:wrapNone/><wp:docPr id="{id}" name="页码"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/>'
        f'<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{int(box_w)}" cy="{int(box_h)}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>'
        '<wps:txbx><w:txbxContent>'
        f'<w:p><w:pPr><w:jc w:val="{align}"/><w:spacing w:before="0" w:after="0"/></w:pPr></w:p>'
        '</w:txbxContent></wps:txbx>'
        '<wps:bodyPr rot="0" vert="vert" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="ctr"><a:noAutofit/></wps:bodyPr>'
        '</wps:wsp></a:graphicData></a:graphic></wp:anchor>'
    ).replace("{id}", str(drawing_id))
    element = parse_xml(anchor)
    inner = Paragraph(element.find(".//" + qn("w:p")), paragraph._parent)
    _number_runs(inner)
    drawing = OxmlElement("w:drawing")
    drawing.append(element)
    paragraph.add_run()._element.append(drawing)


def _page_field(run: Run) -> None:
    """A PAGE field: Word and LibreOffice fill in the number when laying out."""
    begin, instruction, separate, end = (OxmlElement(tag) for tag in ("w:fldChar", "w:instrText", "w:fldChar", "w:fldChar"))
    begin.set(qn("w:fldCharType"), "begin")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    separate.set(qn("w:fldCharType"), "separate")
    number = OxmlElement("w:t")
    number.text = "1"
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, instruction, separate, number, end):
        run._element.append(element)


def rule(paragraph: Paragraph, side: str, size_eighths: int, color: str = "000000", space_pt: int = 0) -> None:
    """A line along the paragraph's `side` (top/bottom), as wide as the paragraph: 版头 and 版记 分隔线.
    Sizes are in eighths of a point (GB/T 9704: 0.35 mm ≈ 8, 0.25 mm ≈ 6)."""
    properties = paragraph._p.get_or_add_pPr()
    border = properties.find(qn("w:pBdr"))
    if border is None:
        border = OxmlElement("w:pBdr")
        properties.insert_element_before(border, *_PPR_AFTER_BORDER)
    line = OxmlElement(f"w:{side}")
    for key, value in (("w:val", "single"), ("w:sz", str(size_eighths)), ("w:space", str(space_pt)), ("w:color", color)):
        line.set(qn(key), value)
    if side == "top":
        border.insert(0, line)
    else:
        border.append(line)


def red_rule(paragraph: Paragraph) -> None:
    """The red separator 4 mm under the 发文字号 (版头分隔线), as wide as the 版心."""
    rule(paragraph, "bottom", 12, "FF0000", space_pt=11)


def no_auto_space(properties) -> None:
    """No extra space between Chinese and Latin or digits (2023年7月16日, not 2023 年 7 月 16 日)."""
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), "0")
        properties.insert_element_before(element, *_PPR_AFTER_BORDER[_PPR_AFTER_BORDER.index("w:bidi"):])
