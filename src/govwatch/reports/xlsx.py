"""Writing sheets with openpyxl (already the import reader): one header style, widths, byte-stable saving,
and every text cell written as text.

Titles, URLs, unit names and override reasons come from imports, crawled pages and users: a text
beginning with = would be stored as a live formula (=HYPERLINK(…) runs when the annex is opened), and
one control character makes openpyxl refuse the whole workbook.
"""

from __future__ import annotations

import io
import math
import zipfile
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from govwatch.domain.characters import writable
from govwatch.reports.ooxml import write_reproducible

_THIN = Side(style="thin", color="999999")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_WRAP = Alignment(wrap_text=True, vertical="center")
_CENTRED = Alignment(wrap_text=True, vertical="center", horizontal="center")
_LINE_PT = 14  # one line of 11-pt text
# What makes Excel, LibreOffice or WPS read a typed cell as a formula (OWASP: CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def new_workbook() -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.active)
    return workbook


def add_sheet(workbook: Workbook, title: str, header: Sequence[str], rows: Iterable[Sequence],
              widths: Sequence[float] = (), heading: str | None = None, landscape: bool = False,
              center: bool = False) -> Worksheet:
    """A sheet with a bold, frozen, filterable header row and bordered, wrapped cells; `heading` puts a
    title row above it, as the seed's tables have. Numbers stay numbers (SUM works on them); text stays
    text. Printed on A4, fitted to the page's width, the header row repeated on every page; each row as
    high as its wrapped text (LibreOffice and WPS do not measure rows that openpyxl writes)."""
    sheet = workbook.create_sheet(title)
    top = 1
    if heading is not None:
        sheet.append([writable(heading)])
        sheet.merge_cells(start_row=1, end_row=1, start_column=1, end_column=max(len(header), 1))
        cell = sheet.cell(1, 1)
        cell.font, cell.alignment = Font(bold=True, size=16), Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.row_dimensions[1].height = 36
        _as_text(cell)
        top = 2
    for row in (header, *rows):
        sheet.append([writable(value) if isinstance(value, str) else value for value in row])
    for cells in sheet.iter_rows(min_row=top):
        for cell in cells:
            cell.border, cell.alignment = _BORDER, _WRAP
            if isinstance(cell.value, str):
                _as_text(cell)
    for cell in sheet[top]:
        cell.font, cell.fill = Font(bold=True), _HEADER_FILL
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    if center:
        for cells in sheet.iter_rows(min_row=top):
            for cell in cells:
                cell.alignment = _CENTRED
    _fit_rows(sheet, widths, top)
    sheet.freeze_panes = f"A{top + 1}"
    last = get_column_letter(max(len(header), 1))
    sheet.auto_filter.ref = f"A{top}:{last}{max(sheet.max_row, top)}"
    print_setup(sheet, top, landscape)
    return sheet


def _fit_rows(sheet: Worksheet, widths: Sequence[float], top: int) -> None:
    """Row heights from content: the most lines any cell of the row wraps to in its column's width."""
    for cells in sheet.iter_rows(min_row=top):
        lines = 1
        for cell, width in zip(cells, widths, strict=False):
            if isinstance(cell.value, str) and width:
                columns = sum(1 if ord(ch) < 0x2E80 else 2 for ch in cell.value)
                lines = max(lines, math.ceil(columns / max(width - 1, 1)))
        if lines > 1:
            sheet.row_dimensions[cells[0].row].height = _LINE_PT * lines + 2


def print_setup(sheet: Worksheet, header_row: int, landscape: bool) -> None:
    """A4, the seed's orientation, one page wide, the header row on every page, centred."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6


def numbers(row: Sequence, columns: Iterable[int]) -> tuple:
    """The cells of `columns` as numbers where they hold one (a table's "/" for none stays text)."""
    out = list(row)
    for c in columns:
        value = out[c]
        if isinstance(value, str) and value.isascii() and value.isdigit():
            out[c] = int(value)
    return tuple(out)


def _as_text(cell) -> None:
    """Keep a text cell text: never a formula, and marked (quotePrefix, Excel's leading ') so that editing it
    in Excel does not turn it into one either."""
    cell.data_type = "s"
    if cell.value.startswith(FORMULA_STARTS):
        cell.quotePrefix = True


def save(workbook: Workbook, path: Path, title: str, author: str, stamp: datetime) -> Path:
    """Save with fixed metadata (`stamp`, not now) and fixed zip times: the same content, the same bytes."""
    props = workbook.properties
    props.title, props.creator, props.lastModifiedBy = writable(title), writable(author), writable(author)
    props.created = props.modified = stamp.astimezone(UTC).replace(tzinfo=None)
    buffer = io.BytesIO()
    # Workbook.save would stamp `modified` with the time of saving; its writer, used directly, does not.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()
    return write_reproducible(path, buffer.getvalue())
