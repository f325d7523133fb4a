"""Property: the annex workbook, the ledger and the notice .docx take any text (titles, URLs, findings,
override reasons, unit and account names, the assessment's name): each file is written whole, opens
again, keeps the text less only the characters no Office file can hold, and holds no formula."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from govwatch.domain.assessment import Deduction, Ledger, MonthGrade
from govwatch.domain.calendar import Month
from govwatch.domain.characters import writable
from govwatch.domain.evaluation import evaluate_month
from govwatch.domain.grading.reasons import GradeOverride
from govwatch.domain.model import ColumnKey, PostRecord, Severity, TextIssue
from govwatch.reports.annex_xlsx import SHEETS, write_annexes
from govwatch.reports.ledger_xlsx import write_ledger
from govwatch.reports.notice_docx import write_notice
from govwatch.reports.notice_text import Block
from govwatch.reports.xlsx import FORMULA_STARTS
from tests.hostile import SETTINGS, time_bound
from tests.hostile_text import hostile_text

ZONE = ZoneInfo("Asia/Shanghai")
STAMP = datetime.combine(date(2023, 7, 16), time(), ZONE)


def assert_text_cells(path):
    """Every cell of the workbook is a value or text, never a formula; formula-like text is marked as text."""
    book = load_workbook(path)
    values = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert cell.value.startswith(FORMULA_STARTS) <= bool(cell.quotePrefix), cell.value
                    values.append(cell.value)
    return book, values


deductions = st.builds(
    Deduction, month=st.integers(1, 12).map(lambda m: Month(2023, m)), annex=st.sampled_from(sorted(SHEETS)),
    subject=hostile_text, unit=hostile_text, grade=hostile_text, failed=st.booleans(), problems=st.integers(0, 9),
    overdue=st.booleans(), points=st.floats(0, 100),
)
ledgers = st.builds(
    Ledger, year=st.just(2023), assessment=hostile_text, deductions=st.lists(deductions, max_size=6).map(tuple),
    grades=st.lists(st.builds(MonthGrade, month=st.sampled_from(["2023-01", "2023-06", "2023-12"]),
                              annex=st.sampled_from(sorted(SHEETS)), subject=hostile_text, unit=hostile_text,
                              grade=hostile_text), max_size=6).map(tuple),
    months_without_items=st.just(()),
)


def check_ledger(ledger, path):
    with time_bound(20):
        write_ledger(path, ledger, "眉县人民政府办公室", STAMP)
    book, _values = assert_text_cells(path)
    details = [row[2] for row in book["扣分明细"].iter_rows(min_row=2, values_only=True)]
    assert details == [writable(d.subject) or None for d in ledger.deductions]


@settings(max_examples=20, **SETTINGS)  # 20 examples
@given(ledger=ledgers)
def test_the_ledger_takes_any_text(ledger, tmp_path):
    check_ledger(ledger, tmp_path / "台账.xlsx")


@pytest.mark.slow
@settings(max_examples=300, **SETTINGS)  # 300 examples
@given(ledger=ledgers)
def test_the_ledger_takes_much_text(ledger, tmp_path):
    check_ledger(ledger, tmp_path / "台账.xlsx")


def posts_of(county, titles, urls, wrongs):
    """Posts of 县财政局 (附件1, with a certain error each), 县住建局 (附件2) and one account (附件3)."""
    disclosure = next(r.column for r in county.assignment_rows if r.unit == "县财政局" and r.column.channel == "政府信息公开")
    account = county.accounts[0]
    made = []
    for i, (title, url, wrong) in enumerate(zip(titles, urls, wrongs, strict=False)):
        issue = TextIssue("错别字", Severity.ERROR, True, wrong, wrong[::-1])
        moment = datetime(2023, 6, 1 + i % 28, 10, tzinfo=ZONE)
        made += [
            PostRecord(3 * i + 1, "县财政局", title, moment, column=disclosure, url=url, issues=(issue,)),
            PostRecord(3 * i + 2, "县住建局", title, moment, column=ColumnKey("新闻动态", None, "部门动态"), url=url,
                       issues=(issue,)),
            PostRecord(3 * i + 3, account.unit, title, moment, account=account.key, url=url, issues=(issue,)),
        ]
    return made


def check_annexes(config, titles, urls, wrongs, reason, path):
    county, rules = config.county, config.rules
    overrides = [GradeOverride("news", "县住建局", rules.news.grades.pass_, reason, "审核员", datetime(2023, 7, 1, tzinfo=UTC))
                 ] if reason.strip() else []
    evaluation = evaluate_month(county, rules, Month(2023, 6), posts_of(county, titles, urls, wrongs), overrides)
    with time_bound(30):
        write_annexes(path, evaluation, writable(reason) + "办公室", STAMP, ZONE)
    book, values = assert_text_cells(path)
    shown = [row[3] for row in book["依据"].iter_rows(min_row=2, values_only=True)]
    graded = (*evaluation.disclosure, *evaluation.news, *evaluation.new_media)
    evidence = [writable(e.title) or None for g in graded for r in g.reasons for e in r.evidence]
    assert shown == evidence and evidence  # 县财政局's errors at least are quoted
    if reason.strip():
        assert writable(reason) in values or not writable(reason)


texts = st.lists(hostile_text, min_size=1, max_size=4)


@settings(max_examples=8, **SETTINGS)  # 8 examples
@given(titles=texts, urls=texts, wrongs=texts, reason=hostile_text)
def test_the_annexes_take_any_text(meixian_config, titles, urls, wrongs, reason, tmp_path):
    check_annexes(meixian_config, titles, urls, wrongs, reason, tmp_path / "附件.xlsx")


@pytest.mark.slow
@settings(max_examples=150, **SETTINGS)  # 150 examples
@given(titles=texts, urls=texts, wrongs=texts, reason=hostile_text)
def test_the_annexes_take_much_text(meixian_config, titles, urls, wrongs, reason, tmp_path):
    check_annexes(meixian_config, titles, urls, wrongs, reason, tmp_path / "附件.xlsx")


@settings(max_examples=20, **SETTINGS)  # 20 examples
@given(title=hostile_text, issuer=hostile_text, body=st.lists(hostile_text, min_size=1, max_size=5))
def test_the_notice_takes_any_text(title, issuer, body, tmp_path):
    blocks = [Block("issuer", issuer), Block("title", title), *(Block("paragraph", text) for text in body)]
    with time_bound(20):
        path = write_notice(tmp_path / "通报.docx", blocks, {}, date(2023, 7, 16), "Asia/Shanghai")
    paragraphs = [p.text for p in Document(str(path)).paragraphs]
    assert len(paragraphs) >= len(blocks)
