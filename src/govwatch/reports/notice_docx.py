"""The notice as a .docx in the GB/T 9704-2012 文件格式: 版头, 主体 from the template's blocks, the annexes,
then the 版记 on the foot of the last (even) page.

Why 文件格式 and not 信函格式: the notice is a 通报 of the 县政府办公室 to every unit and carries a
发文字号 and a 版记 with 印发机关 and 印发日期, which the 信函格式 leaves out (§10.1, §10.3).
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Emu, Length, Mm, Pt, Twips
from docx.text.paragraph import Paragraph

from govwatch.domain.characters import writable
from govwatch.domain.county import NoticeSettings
from govwatch.reports import gbt9704 as std
from govwatch.reports.annex_tables import AnnexTable, fold
from govwatch.reports.docx_tables import (
    CELL_PAD_TWIPS,
    annex_table,
    cell_margins,
    cell_rules,
    grid_style,
    text_run,
)
from govwatch.reports.notice_text import Block, annex_titles, cn_date
from govwatch.reports.ooxml import write_reproducible
from govwatch.reports.title_lines import title_lines

_LANDSCAPE = {"new_media"}
_MAX_PROPERTY = 255  # characters in a core property (python-docx refuses more)
# What the 版记's rules and the section's closing 1-pt line take beyond its lines, in twips.
_IMPRINT_SLACK_TWIPS = 30


@dataclass(frozen=True)
class OfficeParts:
    """The 版头 and 版记 parts that are the office's (county.yaml `notice:`), not the month's."""

    masthead: str  # 发文机关标志, e.g. 眉县人民政府办公室文件
    number: str = ""  # 发文字号; empty: the line is left out
    copy_to: tuple[str, ...] = ()  # 抄送机关
    printer: str = ""  # 印发机关; empty: no 版记
    printed: date | None = None  # 印发日期

    @classmethod
    def of(cls, settings: NoticeSettings, issuer: str, issued: date, number: int | None = None) -> OfficeParts:
        """The parts for a notice dated `issued`; `number` (report --number) overrides the configured one."""
        return cls(
            masthead=settings.masthead or f"{issuer}文件",
            number=settings.number_text(issued.year, number if number is not None else settings.number),
            copy_to=settings.copy_to,
            printer=settings.printer or issuer,
            printed=issued + timedelta(days=settings.printed_after_days),
        )


def _chars(n: float, size: Length = std.SIZE_3) -> Length:
    return Pt((std.CHAR.pt if size == std.SIZE_3 else size.pt) * n)


class _Writer:
    def __init__(self, document: DocxDocument, office: OfficeParts) -> None:
        self.doc = document
        self.office = office
        self.last: Paragraph | None = None  # the paragraph written last, for keep-with-next

    def paragraph(self, block: Block | None = None, font: str = std.BODY_FONT, size: Length = std.SIZE_3,
                  align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent: float = 2, before: float = 0, bold: bool = False,
                  text: str | None = None, color=None):
        paragraph = self.doc.add_paragraph()
        paragraph.alignment = align
        std.set_spacing(paragraph, before)
        if indent:
            paragraph.paragraph_format.first_line_indent = _chars(indent)
        runs = block.runs() if block is not None and text is None else [(text or "", False)]
        for chunk, strong in runs:
            std.set_font(text_run(paragraph, chunk), font, size, bold=bold or strong, color=color)
        self.last = paragraph
        return paragraph

    def body(self, blocks: Sequence[Block], tables: dict[str, AnnexTable]) -> None:
        titles = annex_titles(blocks)
        signature = next((b.text for b in blocks if b.kind == "signature"), "")
        date_text = next((b.text for b in blocks if b.kind == "date"), "")
        indents = dict(zip(("signature", "date"), self._signature_indents(signature, date_text), strict=True))
        issuer = next((b.plain for b in blocks if b.kind == "issuer"), "")
        annex_number = 0
        for block in blocks:
            kind = block.kind
            if kind == "issuer":
                self.masthead()
            elif kind == "title":
                self.title(block.plain, issuer)
            elif kind == "recipients":
                self.paragraph(block, indent=0, before=1)
            elif kind == "heading":
                self.paragraph(block, std.HEADING_FONT)
            elif kind == "subheading":
                self.paragraph(block, std.SUBHEADING_FONT)
            elif kind == "paragraph":
                self.paragraph(block)
            elif kind == "attachments":
                self.attachments(titles)
            elif kind in ("signature", "date"):
                self.signed(kind, block.text, indents[kind])
            elif kind == "annex" and block.annex is not None:
                annex_number += 1
                assert block.annex is not None  # parse_blocks gives every annex block its annex
                self.annex(annex_number, block, tables[block.annex])
            elif kind == "note":
                self.paragraph(block, size=std.SIZE_SMALL_4, indent=0, before=0.5)
        self.imprint()

    def masthead(self) -> None:
        """版头 (§7.2): the 发文机关标志 in red 小标宋, its top 35 mm under the 版心's; the 发文字号 two lines
        under it, centred; the red rule 4 mm under the 发文字号."""
        text = writable(self.office.masthead)
        p = self.doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_before = Emu(int(Mm(35) - std.SIZE_0 * 0.15))
        p.paragraph_format.space_after = Pt(0)
        std.exact_line(p, Emu(int(std.SIZE_0 * 1.15)))
        width = std.display_width(text) * std.SIZE_0.pt
        scale = min(100, math.floor(std.TEXT_WIDTH.pt / width * 100)) if width else 100
        std.set_font(text_run(p, text), std.TITLE_FONT, std.SIZE_0, color=std.RED, scale=scale)
        if self.office.number:
            p = self.paragraph(text=self.office.number, align=WD_ALIGN_PARAGRAPH.CENTER, indent=0, before=2)
        std.red_rule(p)

    def title(self, title: str, issuer: str, before: float = 2) -> None:
        """标题 two lines under the red rule (an annex's on its third line), 2号小标宋, centred, in lines broken
        by words (梯形)."""
        p = self.paragraph(font=std.TITLE_FONT, size=std.SIZE_2, align=WD_ALIGN_PARAGRAPH.CENTER, indent=0,
                           before=before, text="")
        for number, line in enumerate(title_lines(title, issuer)):
            run = p.add_run()
            if number:
                run.add_break()
            run.add_text(writable(line))
            std.set_font(run, std.TITLE_FONT, std.SIZE_2)
        p.paragraph_format.keep_with_next = True

    def attachments(self, titles: Sequence[str]) -> None:
        """附件说明 (§7.3.4): one line under the body, 左空二字, 附件：1. …; a long title's next line starts
        under its first character."""
        if self.last is not None:
            self.last.paragraph_format.keep_with_next = True  # the body's last lines go with the 署名
        for number, title in enumerate(titles, 1):
            numbered = f"{number}. {title}" if len(titles) > 1 else title
            label = std.display_width(f"{number}. ") if len(titles) > 1 else 0
            p = self.paragraph(text=("附件：" if number == 1 else "") + numbered, indent=0, before=1 if number == 1 else 0)
            p.paragraph_format.left_indent = _chars(5 + label)  # 左空二字, 附件：, 1.
            p.paragraph_format.keep_with_next = True  # never a page with the signature alone
            p.paragraph_format.first_line_indent = _chars(-(3 + label) if number == 1 else -label)

    def signed(self, kind: str, text: str, right_indent: float) -> None:
        """署名 and 成文日期 (§7.3.5.1): the date 右空四字, the issuer centred over it, two lines under the
        text (room for the seal); kept with the lines before them."""
        if kind == "signature" and self.last is not None:
            self.last.paragraph_format.keep_with_next = True
        p = self.paragraph(text=text, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=0, before=2 if kind == "signature" else 0)
        p.paragraph_format.right_indent = _chars(right_indent)
        p.paragraph_format.keep_with_next = kind == "signature"

    @staticmethod
    def _signature_indents(signature: str, date_text: str) -> tuple[float, float]:
        """The date 右空四字; the signature centred over it (a longer signature keeps 右空二字 at least)."""
        signature_width, date_width = std.display_width(signature), std.display_width(date_text)
        return max(2.0, 4 + (date_width - signature_width) / 2), 4.0

    def annex(self, number: int, block: Block, table: AnnexTable) -> None:
        """A new page (a landscape section for wide tables): 附件N on the first line, the title on the third."""
        landscape = block.annex in _LANDSCAPE
        previous = self.doc.sections[-1]
        new_section = landscape != ((previous.page_width or 0) > (previous.page_height or 0))
        if new_section:
            section = self.doc.add_section(WD_SECTION.NEW_PAGE)
            std.setup_page(section, landscape)
            std.add_page_numbers(section, landscape, ordinal=len(self.doc.sections))
        label = self.paragraph(text=f"附件{number}", font=std.HEADING_FONT, align=WD_ALIGN_PARAGRAPH.LEFT, indent=0)
        label.paragraph_format.page_break_before = not new_section
        label.paragraph_format.keep_with_next = True
        self.title(block.plain, "", before=1)
        shown = fold(table) if table.key == "news" else table
        annex_table(self.doc, shown, landscape)

    def imprint(self) -> None:
        """版记 (§7.4) on the foot of the last page, an even one: 抄送 and 印发机关/印发日期 in 4号仿宋 between
        a thick first and last rule (0.35 mm), a thin one between them (0.25 mm); the last rule on the
        版心's lower edge."""
        if not self.office.printer:
            return
        section = self.doc.add_section(WD_SECTION.EVEN_PAGE)
        std.setup_page(section, grid=False)  # on the line grid, the spacer below would be rounded up to whole lines
        std.add_page_numbers(section)
        copy_to = "抄送：" + "，".join(self.office.copy_to) + "。" if self.office.copy_to else ""
        rows = 2 if copy_to else 1
        lines = _imprint_lines(copy_to) + 1
        # Word and LibreOffice have no common way to set a block on the page's foot (LibreOffice 7.4 ignores
        # w:vAlign); a blank line of the exact remaining height puts the last rule on the 版心's lower edge.
        spacer = self.doc.add_paragraph()
        spacer.paragraph_format.space_before = spacer.paragraph_format.space_after = Pt(0)
        rest = std.TEXT_HEIGHT_TW - lines * std.LINE_PITCH_TW - rows * 2 * CELL_PAD_TWIPS - _IMPRINT_SLACK_TWIPS
        rest = max(rest % std.TEXT_HEIGHT_TW, 20)  # a 抄送 longer than a page ends on the next page's foot
        std.exact_line(spacer, Twips(rest))
        grid = self.doc.add_table(rows=rows, cols=1)
        grid_style(grid, [std.TEXT_WIDTH], borders=False)
        cell_margins(grid.rows[0].cells[0], left=round(std.SIZE_4.twips), right=round(std.SIZE_4.twips))
        char = std.SIZE_4
        if copy_to:
            cell = grid.rows[0].cells[0]
            p = cell.paragraphs[0]
            std.set_spacing(p)
            std.exact_line(p, std.LINE_PITCH)
            p.paragraph_format.left_indent = Pt(char.pt * 3)
            p.paragraph_format.first_line_indent = Pt(-char.pt * 3)
            std.set_font(text_run(p, copy_to), std.BODY_FONT, std.SIZE_4)
            cell_rules(cell, top=8, bottom=6)
        cell = grid.rows[rows - 1].cells[0]
        cell_margins(cell, left=round(char.twips), right=round(char.twips))
        p = cell.paragraphs[0]
        std.set_spacing(p)
        std.exact_line(p, std.LINE_PITCH)
        p.paragraph_format.tab_stops.add_tab_stop(Pt(std.TEXT_WIDTH.pt - 2 * char.pt), WD_TAB_ALIGNMENT.RIGHT)
        printed = f"{cn_date(self.office.printed)}印发" if self.office.printed else ""
        std.set_font(text_run(p, f"{self.office.printer}\t{printed}"), std.BODY_FONT, std.SIZE_4)
        cell_rules(cell, top=None if copy_to else 8, bottom=8)
        # The section's last paragraph (after the table) must not push the table off the page's foot.
        tail = self.doc.add_paragraph()
        std.exact_line(tail, Pt(1))
        tail.paragraph_format.space_before = tail.paragraph_format.space_after = Pt(0)


def _imprint_lines(copy_to: str) -> int:
    """Lines the 抄送 takes in 4号 between the 版记's side margins of one character (0 without 抄送)."""
    if not copy_to:
        return 0
    per_line = std.TEXT_WIDTH.pt / std.SIZE_4.pt - 2
    return 1 + max(0, math.ceil((std.display_width(copy_to) - per_line) / (per_line - 3)))


def _set_properties(document: DocxDocument, title: str, author: str, issued: date, timezone: str) -> None:
    """Fixed metadata (the 成文日期, not the time of writing), so re-running gives the same bytes."""
    stamp = datetime.combine(issued, time(), ZoneInfo(timezone)).astimezone(ZoneInfo("UTC")).replace(tzinfo=None)
    props = document.core_properties
    # Word's properties hold 255 characters, and XML's characters only; the text on the page is whole.
    title, author = writable(title)[:_MAX_PROPERTY], writable(author)[:_MAX_PROPERTY]
    props.title, props.author, props.last_modified_by = title, author, author
    props.created = props.modified = stamp
    props.revision = 1
    props.comments = props.keywords = props.subject = props.category = ""


def build_notice(blocks: Sequence[Block], tables: dict[str, AnnexTable], office: OfficeParts) -> DocxDocument:
    document = Document()
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    std.setup_page(section)
    std.add_page_numbers(section)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = std.BODY_FONT, std.SIZE_3
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), std.BODY_FONT)
    std.no_auto_space(normal.element.get_or_add_pPr())
    _Writer(document, office).body(blocks, tables)
    return document


def write_notice(path: Path, blocks: Sequence[Block], tables: dict[str, AnnexTable], issued: date,
                 timezone: str, office: OfficeParts | None = None) -> Path:
    """Write the notice; the same blocks, tables, date and office parts always give the same bytes. Without
    `office`, the 版头 is the issuer's 文件 masthead without 发文字号, and the 版记 names the issuer."""
    author = next((b.plain for b in blocks if b.kind == "issuer"), "")
    office = office or OfficeParts.of(NoticeSettings(), author, issued)
    document = build_notice(blocks, tables, office)
    title = next((b.plain for b in blocks if b.kind == "title"), "")
    _set_properties(document, title, author, issued, timezone)
    buffer = io.BytesIO()
    document.save(buffer)
    return write_reproducible(path, buffer.getvalue())
