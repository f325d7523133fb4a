"""The notice as a .docx in the GB/T 9704-2012 layout: the body from the template's blocks, then the annexes."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, Pt

from govwatch.domain.characters import writable
from govwatch.reports import gbt9704 as std
from govwatch.reports.annex_tables import AnnexTable, fold
from govwatch.reports.notice_text import Block, annex_titles
from govwatch.reports.ooxml import write_reproducible

# The relative widths of each annex table's columns, and the type size of its cells.
_TABLE_LAYOUT = {
    "disclosure": ((1, 3, 4.2, 2.2, 1.6, 1.6), std.SIZE_SMALL_4),
    "news": ((3.4, 1.4, 1.6) * 2, std.SIZE_SMALL_4),
    "new_media": ((0.9, 2.4, 1.9, 1.3, 1.3, 1.3, 1.3, 1.3, 1.3, 1.3, 3.6, 1.2), std.SIZE_5),
}
_LANDSCAPE = {"new_media"}
_MAX_PROPERTY = 255  # characters in a core property (python-docx refuses more)


def _chars(n: float) -> Length:
    return Pt(std.CHAR.pt * n)


class _Writer:
    def __init__(self, document: DocxDocument) -> None:
        self.doc = document

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
            std.set_font(_run(paragraph, chunk), font, size, bold=bold or strong, color=color)
        return paragraph

    def body(self, blocks: Sequence[Block], tables: dict[str, AnnexTable]) -> None:
        titles = annex_titles(blocks)
        signature = next((b.text for b in blocks if b.kind == "signature"), "")
        date_text = next((b.text for b in blocks if b.kind == "date"), "")
        indents = dict(zip(("signature", "date"), self._signature_indents(signature, date_text), strict=True))
        annex_number = 0
        for block in blocks:
            kind = block.kind
            if kind == "issuer":
                p = self.paragraph(block, std.TITLE_FONT, std.SIZE_2, WD_ALIGN_PARAGRAPH.CENTER, 0, color=std.RED)
                std.red_rule(p)
            elif kind == "title":
                self.paragraph(block, std.TITLE_FONT, std.SIZE_2, WD_ALIGN_PARAGRAPH.CENTER, 0, before=2)
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
                p = self.paragraph(text=block.text, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=0,
                                   before=2 if kind == "signature" else 0)
                p.paragraph_format.right_indent = _chars(indents[kind])
                p.paragraph_format.keep_with_next = kind == "signature"
            elif kind == "annex":
                annex_number += 1
                assert block.annex is not None  # parse_blocks gives every annex block its annex
                self.annex(annex_number, block, tables[block.annex])
            elif kind == "note":
                self.paragraph(block, size=std.SIZE_SMALL_4, indent=0, before=0.5)

    def attachments(self, titles: Sequence[str]) -> None:
        """附件：1. … one line below the body, two characters in; later titles align with the first."""
        for number, title in enumerate(titles, 1):
            numbered = f"{number}. {title}" if len(titles) > 1 else title
            p = self.paragraph(text=("附件：" if number == 1 else "") + numbered, indent=0, before=1 if number == 1 else 0)
            p.paragraph_format.left_indent = _chars(5)  # 左空二字, then 附件：
            p.paragraph_format.keep_with_next = True  # never a page with the signature alone
            p.paragraph_format.first_line_indent = _chars(-3 if number == 1 else 0)

    @staticmethod
    def _signature_indents(signature: str, date_text: str) -> tuple[float, float]:
        """右空二字 for the signature; the date starts two characters right of it, or 右空二字 if longer."""
        signature_width, date_width = std.display_width(signature), std.display_width(date_text)
        date_indent = 2 + signature_width - 2 - date_width
        if date_indent >= 2:
            return 2.0, date_indent
        return 2 + date_width + 2 - signature_width, 2.0

    def annex(self, number: int, block: Block, table: AnnexTable) -> None:
        """A new page (a landscape section for wide tables): 附件N, the title, the table."""
        landscape = block.annex in _LANDSCAPE
        previous = self.doc.sections[-1]
        new_section = landscape != ((previous.page_width or 0) > (previous.page_height or 0))
        if new_section:
            std.setup_page(self.doc.add_section(WD_SECTION.NEW_PAGE), landscape)
        label = self.paragraph(text=f"附件{number}", font=std.HEADING_FONT, align=WD_ALIGN_PARAGRAPH.LEFT, indent=0)
        label.paragraph_format.page_break_before = not new_section
        self.paragraph(text=block.text, font=std.TITLE_FONT, size=std.SIZE_2 if not landscape else std.SIZE_3,
                       align=WD_ALIGN_PARAGRAPH.CENTER, indent=0, before=1)
        shown = fold(table) if table.key == "news" else table
        self.table(shown, landscape)

    def table(self, table: AnnexTable, landscape: bool) -> None:
        widths, size = _TABLE_LAYOUT[table.key]
        width = (std.TEXT_HEIGHT if landscape else std.TEXT_WIDTH).pt
        total = sum(widths)
        grid = self.doc.add_table(rows=len(table.rows) + 1, cols=len(table.header))
        grid.style = "Table Grid"
        grid.alignment = WD_TABLE_ALIGNMENT.CENTER
        grid.autofit = False
        column_widths = [Pt(width * w / total) for w in widths]
        for column, column_width in zip(grid.columns, column_widths, strict=True):
            column.width = column_width
        skip = {(r, c) for start, end in table.spans for r in range(start + 1, end + 1) for c in table.merged_columns}
        cells = []
        for r, values in enumerate((table.header, *table.rows)):
            row = grid.rows[r]
            if r == 0:
                _repeat_header(row)
            cells.append(row.cells)
            for c, value in enumerate(values):
                cell = cells[r][c]
                cell.width = column_widths[c]
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
                if (r - 1, c) in skip:
                    continue
                p = cell.paragraphs[0]
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                std.set_spacing(p, exact=False)
                std.set_font(_run(p, value), std.HEADING_FONT if r == 0 else std.BODY_FONT, size)
        for start, end in table.spans:
            if end > start:
                for c in table.merged_columns:
                    cells[start + 1][c].merge(cells[end + 1][c])


def _run(paragraph, text: str):
    """A run of `text`; lxml refuses control characters (a title pasted from Word), so they are dropped."""
    return paragraph.add_run(writable(text))


def _repeat_header(row) -> None:
    """The header row repeats on every page of a long table."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


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


def build_notice(blocks: Sequence[Block], tables: dict[str, AnnexTable]) -> DocxDocument:
    document = Document()
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    std.setup_page(section)
    std.add_page_numbers(section)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = std.BODY_FONT, std.SIZE_3
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), std.BODY_FONT)
    std.no_auto_space(normal.element.get_or_add_pPr())
    _Writer(document).body(blocks, tables)
    return document


def write_notice(path: Path, blocks: Sequence[Block], tables: dict[str, AnnexTable], issued: date,
                 timezone: str) -> Path:
    """Write the notice; the same blocks, tables and date always give the same bytes."""
    document = build_notice(blocks, tables)
    title = next((b.plain for b in blocks if b.kind == "title"), "")
    author = next((b.plain for b in blocks if b.kind == "issuer"), "")
    _set_properties(document, title, author, issued, timezone)
    buffer = io.BytesIO()
    document.save(buffer)
    return write_reproducible(path, buffer.getvalue())
