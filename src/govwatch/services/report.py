"""`govwatch report`: the month's notice (.docx, .pdf), its annexes (.xlsx) and charts, and its rectification items."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from govwatch.domain.calendar import Month
from govwatch.errors import InvalidInput
from govwatch.reports import charts
from govwatch.reports.annex_tables import annex_tables
from govwatch.reports.annex_xlsx import write_annexes
from govwatch.reports.notice_docx import write_notice
from govwatch.reports.notice_model import NoticeModel, build_notice_model, failing_post_ids
from govwatch.reports.notice_text import Block, parse_blocks, render_text
from govwatch.reports.pdf import convert_to_pdf, soffice
from govwatch.services.evaluate import evaluate_stored
from govwatch.services.rectification import open_items
from govwatch.store.counties import StoredCounty, load_stored_county, notice_template
from govwatch.store.crawl_issues import month_crawl_issues
from govwatch.store.db import Database
from govwatch.store.findings import issues_of_posts
from govwatch.store.history import year_grades


class EmptyMonth(InvalidInput):
    """Nothing was collected for the month: a notice would report only zeros."""


@dataclass(frozen=True)
class ReportFiles:
    notice: Path
    annexes: Path
    pdf: Path | None
    charts: tuple[Path, ...]
    rectifications: int
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class PreparedNotice:
    """Everything the files are written from, read in one transaction."""

    model: NoticeModel
    blocks: list[Block]
    trend: list[charts.MonthGrades]


def notice_model(session: Session, stored: StoredCounty, month: Month, save: bool = True) -> NoticeModel:
    """Evaluate (and, with `save`, store) the month, then build its notice from the grades and the quoted
    posts' findings."""
    evaluation = evaluate_stored(session, stored, month, save)
    if evaluation.is_empty():
        raise EmptyMonth(f"{month} 没有任何已采集的信息，无法生成通报：请先采集或导入该月信息（govwatch import posts FILE）。")
    return build_notice_model(stored.county.county, evaluation, issues_of_posts(session, failing_post_ids(evaluation)))


def prepare(session: Session, stored: StoredCounty, month: Month, issued: date, template: Path | None,
            record: bool = True) -> PreparedNotice:
    """Grade the month, render its text (a template error stops before anything is stored) and, with `record`,
    store the grades and open the rectification items."""
    model = notice_model(session, stored, month, save=record)
    stored_text = None if template else notice_template(session, stored.id)
    blocks = parse_blocks(render_text(model, issued, template, stored_text), str(template or "通报模板"))
    if record:
        open_items(session, stored, model)
    fails = {annex: labels.fail for annex, labels in model.labels.items()}
    trend = charts.month_grades(year_grades(session, stored.id, month.year), fails)
    return PreparedNotice(model, blocks, trend)


def write_charts(prepared: PreparedNotice, directory: Path) -> list[Path]:
    model = prepared.model
    month = f"{model.month.year}年{model.month.month}月"
    written = charts.save_chart(charts.grade_distribution(model.grades, model.labels, f"{month}评定等次分布"), directory, "等次分布")
    written += charts.save_chart(charts.items_per_unit(model.evaluation, f"{month}各单位信息发布条数"), directory, "各单位信息条数")
    written += charts.save_chart(charts.year_trend(prepared.trend, f"{model.month.year}年各月不合格（差）数"), directory, "月度趋势")
    return written


def write_report(
    db: Database, month: Month, out: Path, county: str | None = None, template: Path | None = None,
    issued: date | None = None, pdf: bool = True, on_stage: Callable[[str], None] = lambda _: None,
    record: bool = True,
) -> ReportFiles:
    """Write 通报-YYYY-MM.docx (+ .pdf), 附件-YYYY-MM.xlsx and 图表-YYYY-MM/ into `out`; idempotent. Without
    `record` nothing is stored (a download): the grades are computed, not saved, and no item is opened."""
    on_stage("评定并整理通报内容")
    with db.transaction() as session:
        stored = load_stored_county(session, county)
        zone = ZoneInfo(stored.county.county.timezone)
        day = issued or datetime.now(zone).date()
        prepared = prepare(session, stored, month, day, template, record)
        crawled = month_crawl_issues(session, stored, month)
    model = prepared.model
    out.mkdir(parents=True, exist_ok=True)
    on_stage("生成通报正文和附件表")
    notice = write_notice(out / f"通报-{month}.docx", prepared.blocks, annex_tables(model.evaluation), day,
                          stored.county.county.timezone)
    stamp = datetime.combine(day, time(), zone)
    annexes = write_annexes(out / f"附件-{month}.xlsx", model.evaluation, model.county.issuer, stamp, zone, crawled)
    on_stage("绘制图表")
    warnings = [] if charts.cjk_font() else ["未找到中文字体（如 Noto Sans CJK SC），图表中的中文可能无法显示。"]
    chart_files = write_charts(prepared, out / f"图表-{month}")
    pdf_file = None
    binary = soffice()
    if pdf and binary:
        on_stage("转换 PDF")
        pdf_file = convert_to_pdf(notice, binary)
    elif pdf:
        warnings.append("未安装 LibreOffice（soffice），未生成 PDF。")
    return ReportFiles(notice, annexes, pdf_file, tuple(chart_files), len(model.subjects), tuple(warnings))
