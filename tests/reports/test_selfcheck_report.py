"""The 网站自查报告 as .docx and .xlsx: verdict, vetoes, deductions and every finding, readable back."""

from datetime import UTC, date, datetime

import openpyxl
import pytest
from docx import Document

from govwatch.domain.sitecheck.model import SiteFinding
from govwatch.domain.sitecheck.result import SiteCheckResult
from govwatch.domain.sitecheck.scheme import score, with_severity
from govwatch.reports.selfcheck_report import write_selfcheck_report
from govwatch.services.sitecheck import shipped_rules


@pytest.fixture(scope="module")
def result():
    scheme = shipped_rules().scheme
    findings = with_severity([
        SiteFinding(kind="text_error", rule="text_error", url="http://x.gov.cn/a.html", detail="页面严重错误：“牢记始命”"),
        SiteFinding(kind="dead_link", rule="dead_link", url="http://x.gov.cn/old.doc", page="http://x.gov.cn/a.html",
                    detail="链接无法访问（HTTP 404）"),
        SiteFinding(kind="meta_missing", rule="meta_missing", url="http://x.gov.cn/b.html", detail="页面缺少元数据：PubDate"),
    ], scheme)
    moment = datetime(2024, 6, 20, 2, tzinfo=UTC)
    return SiteCheckResult(url="http://x.gov.cn/", today=date(2024, 6, 20), started_at=moment, finished_at=moment,
                           pages=12, files=1, capped=False, findings=tuple(findings), score=score(findings, scheme))


def test_xlsx_report(result, tmp_path):
    path = write_selfcheck_report(result, tmp_path / "自查.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["概况", "得分", "问题清单"]
    assert "不合格（单项否决）" in book["概况"]["B4"].value
    assert [r[:4] for r in book["得分"].iter_rows(min_row=2, values_only=True)] == [
        ("单项否决", "严重错误", 1, "否决"), ("扣分", "链接可用性", 1, 0.1)]
    kinds = [r[1] for r in book["问题清单"].iter_rows(min_row=2, values_only=True)]
    assert kinds == ["严重错误", "错链断链", "元数据缺失"]  # vetoes first


def test_docx_report(result, tmp_path):
    document = Document(str(write_selfcheck_report(result, tmp_path / "自查.docx")))
    text = "\n".join(p.text for p in document.paragraphs)
    assert text.startswith("网站自查报告") and "扣分指标得分 99.9 分" in text
    cells = [c.text for table in document.tables for row in table.rows for c in row.cells]
    assert "严重错误" in cells and "http://x.gov.cn/old.doc" in cells


def test_same_result_same_bytes(result, tmp_path):
    first = write_selfcheck_report(result, tmp_path / "1.docx").read_bytes()
    assert write_selfcheck_report(result, tmp_path / "2.docx").read_bytes() == first
