"""The annex workbook's 链接与采集问题 sheet, read back: the month's crawl findings, one row per keeping unit."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import openpyxl

from govwatch.domain.calendar import Month
from govwatch.domain.crawl_issues import KIND_LABELS, CrawlIssueKind
from govwatch.reports.annex_xlsx import write_annexes
from govwatch.reports.crawl_issues_sheet import HEADER, SHEET
from govwatch.reports.evaluation_json import month_result
from govwatch.services.evaluate import evaluate_stored
from govwatch.store.counties import load_stored_county
from govwatch.store.crawl_issues import crawl_issues, month_crawl_issues

ZONE = ZoneInfo("Asia/Shanghai")


def _workbook(db, month, tmp_path):
    with db.transaction() as session:
        stored = load_stored_county(session)
        issues = month_crawl_issues(session, stored, month)
        every = crawl_issues(session, stored, resolved=True)
        evaluation = evaluate_stored(session, stored, Month(2023, 6), save=False)
    path = write_annexes(tmp_path / "附件.xlsx", month_result(evaluation), stored.rules, "眉县",
                         datetime(2023, 7, 10, tzinfo=ZONE), ZONE, crawl_issues=issues)
    rows = list(openpyxl.load_workbook(path)[SHEET].iter_rows(values_only=True))
    return rows, issues, every


def test_the_months_dead_links_are_in_the_sheet_with_their_page(demo_database, tmp_path):
    rows, issues, _ = _workbook(demo_database[0], Month(2023, 6), tmp_path)
    assert rows[0] == HEADER
    dead = [r for r in rows[1:] if r[3] == KIND_LABELS[CrawlIssueKind.DEAD_LINK]]
    expected = [i for i in issues if i.kind is CrawlIssueKind.DEAD_LINK]
    assert dead and len(dead) == sum(len(i.units) for i in expected)
    assert all(r[0] and r[4].startswith("http") and r[5].startswith("http") and r[6] == 404 and r[10] == "是"
               for r in dead)


def test_a_month_without_crawled_pages_has_the_header_alone(demo_database, tmp_path):
    rows, issues, every = _workbook(demo_database[0], Month(2023, 3), tmp_path)
    assert every and not issues  # found while crawling June's articles, in 2023-06 … not in March
    assert rows == [HEADER]
