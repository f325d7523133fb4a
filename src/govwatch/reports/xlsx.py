"""Writing sheets with openpyxl (already the import reader): one header style, widths, byte-stable saving,
and every text cell written as text.

Titles, URLs, unit names and override reasons come from imports, crawled pages and users: a text
beginning with = would be stored as a live formula (=HYPERLINK(…) runs when the annex is opened), and
one control character makes openpyxl refuse the whole workbook.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from govwatch.domain.characters import writable
from govwatch.reports.ooxml import write_reproducible

_THIN = Side(style="thin", color="999999")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_WRAP = Alignment(wrap_text=True, vertical="center")
# What makes Excel, LibreOffice or WPS read a typed cell as a formula (OWASP: CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def new_workbook() -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.active)
    return workbook


def add_sheet(workbook: Workbook, title: str, header: Sequence[str], rows: Iterable[Sequence],
              widths: Sequence[float] = ()) -> Worksheet:
    """A sheet with a bold, frozen, filterable header row and bordered, wrapped cells."""
    sheet = workbook.create_sheet(title)
    for row in (header, *rows):
        sheet.append([writable(value) if isinstance(value, str) else value for value in row])
    for cells in sheet.iter_rows():
        for cell in cells:
            cell.border, cell.alignment = _BORDER, _WRAP
            if isinstance(cell.value, str):
                _as_text(cell)
    for cell in sheet[1]:
        cell.font, cell.fill = Font(bold=True), _HEADER_FILL
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    return sheet


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
