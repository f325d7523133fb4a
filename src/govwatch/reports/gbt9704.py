"""The page and type of GB/T 9704-2012 (党政机关公文格式) as python-docx settings.

A4; top margin 37 mm, binding (left) margin 28 mm; text block 156 × 225 mm holding 22 lines of
28 characters; title 2号小标宋, body 3号仿宋, headings 黑体 / 楷体; page numbers "— 1 —" in 4号
宋体, outside edge one character in (odd pages right, even pages left), 7 mm under the text block.
"""

from __future__ import annotations

import math

from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Emu, Length, Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph
from docx.text.run import Run

# 字号 in points.
SIZE_2 = Pt(22)
SIZE_3 = Pt(16)
SIZE_4 = Pt(14)
SIZE_SMALL_4 = Pt(12)
SIZE_5 = Pt(10.5)

# Font names as Chinese offices install them. A run names each for Latin and East Asian text, so
# Word and LibreOffice fall back by script when the 方正 / _GB2312 fonts are missing (Noto CJK in CI).
TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
SUBHEADING_FONT = "楷体_GB2312"
PAGE_NUMBER_FONT = "宋体"
RED = RGBColor(0xFF, 0x00, 0x00)

PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
TOP, LEFT = Mm(37), Mm(28)
TEXT_WIDTH, TEXT_HEIGHT = Mm(156), Mm(225)
LINES, CHARS = 22, 28
LINE_PITCH = Pt(round(TEXT_HEIGHT.pt / LINES, 2))
# 28 characters in 156 mm: each 3号 character is condensed by the difference, in twentieths of a point
# (rounded away from zero, so the 28th character still fits).
CHAR = Pt(TEXT_WIDTH.pt / CHARS)
CONDENSE_TWIPS = math.floor((CHAR.pt - SIZE_3.pt) * 20)
# The page number's line sits 7 mm under the text block; the footer is measured from the page's edge.
FOOTER_DISTANCE = Emu(Mm(297 - 37 - 225 - 7) - SIZE_4)


def set_font(run: Run, name: str, size: Length, bold: bool = False, color: RGBColor | None = None) -> Run:
    """Name the font for every script (python-docx's `font.name` leaves East Asian text unset).

    Body-size text is condensed to the grid's character pitch, so that a line holds 28 characters.
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
        properties.insert_element_before(spacing, "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight",
                                         "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl",
                                         "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")
    return run


def set_spacing(paragraph: Paragraph, before_lines: float = 0, exact: bool = True) -> None:
    """The grid's line pitch (固定值), no space after; `before_lines` blank lines above."""
    fmt = paragraph.paragraph_format
    fmt.space_after = Pt(0)
    fmt.space_before = Pt(LINE_PITCH.pt * before_lines)
    if exact:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = LINE_PITCH
    else:
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE


def display_width(text: str) -> float:
    """Width in body characters: half-width digits and Latin letters count half (成文日期 alignment)."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1 for ch in text)


def setup_page(section: Section, landscape: bool = False) -> None:
    """A4 with the standard's margins; a landscape section (附件3's wide table) turns the same block."""
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    if landscape:
        section.page_width, section.page_height = PAGE_HEIGHT, PAGE_WIDTH
        section.top_margin, section.bottom_margin = LEFT, Emu(PAGE_WIDTH - LEFT - TEXT_WIDTH)
        section.left_margin, section.right_margin = Mm(37), Emu(PAGE_HEIGHT - Mm(37) - TEXT_HEIGHT)
    else:
        section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
        section.top_margin, section.bottom_margin = TOP, Emu(PAGE_HEIGHT - TOP - TEXT_HEIGHT)
        section.left_margin, section.right_margin = LEFT, Emu(PAGE_WIDTH - LEFT - TEXT_WIDTH)
    section.footer_distance = FOOTER_DISTANCE
    section.header_distance = Mm(15)
    _document_grid(section)


def _document_grid(section: Section) -> None:
    """22 lines × 28 characters (文档网格): Word lays out the body on it."""
    sect = section._sectPr
    grid = sect.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect.append(grid)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(round(LINE_PITCH.pt * 20)))


def add_page_numbers(section: Section) -> None:
    """— 1 — in 4号宋体: odd pages right, even pages left, one character in from the edge."""
    for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT), (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.alignment = align
        fmt = paragraph.paragraph_format
        fmt.space_before = fmt.space_after = Pt(0)
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            fmt.right_indent = SIZE_4
        else:
            fmt.left_indent = SIZE_4
        set_font(paragraph.add_run("— "), PAGE_NUMBER_FONT, SIZE_4)
        _page_field(set_font(paragraph.add_run(), PAGE_NUMBER_FONT, SIZE_4))
        set_font(paragraph.add_run(" —"), PAGE_NUMBER_FONT, SIZE_4)


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


def red_rule(paragraph: Paragraph) -> None:
    """The red separator under the issuing authority (版头分隔线), as wide as the text block."""
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "12"), ("w:space", "11"), ("w:color", "FF0000")):
        bottom.set(qn(key), value)
    border.append(bottom)
    # pBdr comes before the spacing, indent and alignment elements in the schema's order.
    paragraph._p.get_or_add_pPr().insert_element_before(
        border, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
        "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
        "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
        "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
        "w:rPr", "w:sectPr", "w:pPrChange",
    )


def no_auto_space(properties) -> None:
    """No extra space between Chinese and Latin or digits (2023年7月16日, not 2023 年 7 月 16 日)."""
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), "0")
        properties.insert_element_before(
            element, "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
            "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
            "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
        )
