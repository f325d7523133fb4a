"""The annex tables of the notice .docx: compact (lines as high as their type, off the page's line grid),
header rows repeated on every page, no row split across pages, and 附件1's columns of one unit in a table
nested in the unit's row, so that a page break never cuts a unit's 序号, name and grade from its columns
(LibreOffice splits vertically merged cells across pages and leaves them blank on the next)."""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document as DocxDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, Pt
from docx.table import Table, _Cell

from govwatch.domain.characters import writable
from govwatch.reports import gbt9704 as std
from govwatch.reports.annex_tables import AnnexTable

# The relative widths of each annex table's columns (附件1's in points of its 442-pt width: 实时更新 and
# 1条/季度 on one line), and the type size of its cells.
_TABLE_LAYOUT = {
    "disclosure": ((28, 92, 174, 64, 44, 40), std.SIZE_SMALL_4),
    "news": ((3.9, 1.2, 1.3) * 2, std.SIZE_SMALL_4),
    "new_media": ((0.8, 2.6, 2.2, 1.3, 1.3, 1.3, 1.3, 1.3, 1.3, 1.3, 4.2, 1.2), std.SIZE_5),
}
# A table line: the type size plus a little leading; cells get 0.26 mm above and below.
_CELL_LEADING = 1.2
CELL_PAD_TWIPS = 15
# Schema order (ECMA-376 CT_TblPr): what follows w:tblLayout.
_TBLPR_AFTER_LAYOUT = ("w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")
_KEEP_NEXT_FOLLOWERS = ("w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl", "w:numPr",
                        "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku",
                        "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
                        "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                        "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                        "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
                        "w:pPrChange")


def annex_table(document: DocxDocument, table: AnnexTable, landscape: bool) -> None:
    """A compact table: lines as high as their type, header rows repeated on every page, no row split
    across pages. 附件1's columns of one unit lie in a table nested in the unit's row, so that a unit's
    序号, name and grade are never cut from its columns by a page break."""
    widths, size = _TABLE_LAYOUT[table.key]
    width = (std.TEXT_HEIGHT if landscape else std.TEXT_WIDTH).pt
    total = sum(widths)
    column_widths = [Pt(width * w / total) for w in widths]
    inner = [c for c in range(len(table.header)) if c not in table.merged_columns]
    nested = bool(table.spans) and inner == list(range(inner[0], inner[-1] + 1))
    rows = len(table.spans) if nested else len(table.rows)
    grid = document.add_table(rows=rows + 1, cols=len(table.header))
    grid_style(grid, column_widths)
    _write_row(grid.rows[0].cells, table.header, column_widths, std.HEADING_FONT, size)
    _row_rules(grid.rows[0], header=True)
    if not nested:
        for r, values in enumerate(table.rows, 1):
            _write_row(grid.rows[r].cells, values, column_widths, std.BODY_FONT, size)
            _row_rules(grid.rows[r])
        _keep_with_note(grid)
        return
    first, last = inner[0], inner[-1]
    for r, (start, end) in enumerate(table.spans, 1):
        row = grid.rows[r]
        _row_rules(row)
        values = table.rows[start]
        cells = row.cells
        for c in table.merged_columns:
            _write_cell(cells[c], values[c], column_widths[c], std.BODY_FONT, size)
        span = cells[first].merge(cells[last])
        _nest(span, [v[first:last + 1] for v in table.rows[start:end + 1]], column_widths[first:last + 1], size)
    _keep_with_note(grid)


def _keep_with_note(grid: Table) -> None:
    """The table's last row goes with the note under it: no page holds the note alone."""
    for paragraph in grid.rows[-1]._tr.iter(qn("w:p")):
        properties = paragraph.get_or_add_pPr()
        keep = OxmlElement("w:keepNext")
        properties.insert_element_before(keep, *_KEEP_NEXT_FOLLOWERS)


def grid_style(grid: Table, column_widths: Sequence[Length], borders: bool = True) -> None:
    """Fixed column widths, narrow cell margins (1 mm at the sides), ruled as Table Grid when `borders`."""
    if borders:
        grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False  # w:tblLayout fixed
    for column, column_width in zip(grid.columns, column_widths, strict=True):
        column.width = column_width
    margins = OxmlElement("w:tblCellMar")
    for side, value in (("top", CELL_PAD_TWIPS), ("left", 57), ("bottom", CELL_PAD_TWIPS), ("right", 57)):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(value))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    grid._tbl.tblPr.insert_element_before(margins, *_TBLPR_AFTER_LAYOUT[1:])


def _write_row(cells: Sequence[_Cell], values: Sequence[str], widths: Sequence[Length], font: str, size: Length) -> None:
    for cell, value, width in zip(cells, values, widths, strict=True):
        _write_cell(cell, value, width, font, size)


def _write_cell(cell: _Cell, value: str, width: Length, font: str, size: Length) -> None:
    cell.width = width
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    p = cell.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_before = p.paragraph_format.space_after = Pt(0)
    std.exact_line(p, Pt(size.pt * _CELL_LEADING))
    std.set_font(text_run(p, value), font, size)


def _nest(cell: _Cell, rows: Sequence[Sequence[str]], widths: Sequence[Length], size: Length) -> None:
    """A unit's columns as a borderless table inside its row, ruled between rows and columns only."""
    cell_margins(cell, left=0, right=0, top=0, bottom=0)
    inner = cell.add_table(rows=len(rows), cols=len(widths))
    grid_style(inner, widths, borders=False)
    for r, values in enumerate(rows):
        _write_row(inner.rows[r].cells, values, widths, std.BODY_FONT, size)
        _row_rules(inner.rows[r])
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:val"), "single" if side.startswith("inside") else "nil")
        if side.startswith("inside"):
            element.set(qn("w:sz"), "4")
            element.set(qn("w:color"), "000000")
        borders.append(element)
    inner._tbl.tblPr.insert_element_before(borders, "w:shd", "w:tblLayout", *_TBLPR_AFTER_LAYOUT)
    # A cell ends with a paragraph: the one python-docx put before the table goes, the one after is 1 pt.
    leading = cell.paragraphs[0]
    leading._p.getparent().remove(leading._p)
    tail = cell.paragraphs[-1]
    std.exact_line(tail, Pt(1))
    tail.paragraph_format.space_before = tail.paragraph_format.space_after = Pt(0)
    std.set_font(tail.add_run(""), std.BODY_FONT, Pt(1))


def cell_margins(cell: _Cell, **sides: int) -> None:
    properties = cell._tc.get_or_add_tcPr()
    margins = properties.find(qn("w:tcMar"))
    if margins is None:
        margins = OxmlElement("w:tcMar")
        properties.append(margins)
    for side, value in sides.items():
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(value))
        element.set(qn("w:type"), "dxa")
        margins.append(element)


def cell_rules(cell: _Cell, top: int | None, bottom: int | None) -> None:
    """The 版记's rules as the cell's top and bottom borders (eighths of a point), none at the sides."""
    properties = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    for side, size in (("top", top), ("left", None), ("bottom", bottom), ("right", None)):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:val"), "single" if size else "nil")
        if size:
            element.set(qn("w:sz"), str(size))
            element.set(qn("w:color"), "000000")
        borders.append(element)
    properties.insert(0, borders) if properties.find(qn("w:tcW")) is None else properties.find(qn("w:tcW")).addnext(borders)


def _row_rules(row, header: bool = False) -> None:
    """A row never splits across pages; the header row repeats on every page of a long table."""
    properties = row._tr.get_or_add_trPr()
    keep = OxmlElement("w:cantSplit")
    properties.append(keep)
    if header:
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        properties.append(repeat)


def text_run(paragraph, text: str):
    """A run of `text`; lxml refuses control characters (a title pasted from Word), so they are dropped."""
    return paragraph.add_run(writable(text))
