"""Writing sheets with openpyxl (already the import reader): one header style, widths, byte-stable saving."""

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

from govwatch.reports.ooxml import write_reproducible

_THIN = Side(style="thin", color="999999")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_WRAP = Alignment(wrap_text=True, vertical="center")


def new_workbook() -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.active)
    return workbook


def add_sheet(workbook: Workbook, title: str, header: Sequence[str], rows: Iterable[Sequence],
              widths: Sequence[float] = ()) -> Worksheet:
    """A sheet with a bold, frozen, filterable header row and bordered, wrapped cells."""
    sheet = workbook.create_sheet(title)
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    for cells in sheet.iter_rows():
        for cell in cells:
            cell.border, cell.alignment = _BORDER, _WRAP
    for cell in sheet[1]:
        cell.font, cell.fill = Font(bold=True), _HEADER_FILL
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    return sheet


def save(workbook: Workbook, path: Path, title: str, author: str, stamp: datetime) -> Path:
    """Save with fixed metadata (`stamp`, not now) and fixed zip times: the same content, the same bytes."""
    props = workbook.properties
    props.title, props.creator, props.lastModifiedBy = title, author, author
    props.created = props.modified = stamp.astimezone(UTC).replace(tzinfo=None)
    buffer = io.BytesIO()
    # Workbook.save would stamp `modified` with the time of saving; its writer, used directly, does not.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()
    return write_reproducible(path, buffer.getvalue())
