"""`govwatch report`: the month's notice (.docx, .pdf), its annexes (.xlsx) and charts, and its rectification items."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from govwatch.domain.calendar import Month
from govwatch.domain.rectification import rectification_deadline
from govwatch.errors import InvalidInput
from govwatch.reports import charts
from govwatch.reports.annex_tables import annex_tables
from govwatch.reports.annex_xlsx import write_annexes
from govwatch.reports.notice_docx import OfficeParts, write_notice
from govwatch.reports.notice_model import EvaluationStamp, NoticeModel, build_notice_model
from govwatch.reports.notice_text import Block, parse_blocks, render_text
from govwatch.reports.pdf import convert_to_pdf, soffice
from govwatch.services.evaluate import current_stored, read_stored
from govwatch.services.rectification import open_items
from govwatch.store.counties import StoredCounty, load_stored_county, notice_template
from govwatch.store.crawl_issues import month_crawl_issues
from govwatch.store.db import Database
from govwatch.store.history import year_grades


class EmptyMonth(InvalidInput):
    """Nothing was collected for the month: a notice would report only zeros."""


class NotEvaluated(LookupError):
    """A download asked for a month that has no stored evaluation (a GET stores nothing)."""


@dataclass(frozen=True)
class ReportFiles:
    notice: Path
    annexes: Path
    pdf: Path | None
    charts: tuple[Path, ...]
    rectifications: int
    warnings: tuple[str, ...]
    source: str = ""  # the stored evaluation the files show (EvaluationStamp.label)


@dataclass(frozen=True)
class PreparedNotice:
    """Everything the files are written from, read in one transaction."""

    model: NoticeModel
    blocks: list[Block]
    trend: list[charts.MonthGrades]


def notice_model(session: Session, stored: StoredCounty, month: Month, save: bool = True) -> NoticeModel:
    """The notice of the month's STORED grade result: the notice is never graded on its own. With `save`, a
    month never evaluated, or whose posts or configuration changed since, is evaluated and stored first; without
    it (a download, which stores nothing) the stored result is shown as it is, and none is an error."""
    found = current_stored(session, stored, month) if save else read_stored(session, stored, month)
    if found is None and not save:
        raise NotEvaluated(f"{month} 尚未评定，请先运行 govwatch evaluate --month {month}。")
    if found is None or found.result.is_empty():
        raise EmptyMonth(f"{month} 没有任何已采集的信息，无法生成通报：请先采集或导入该月信息（govwatch import posts FILE）。")
    stamp = EvaluationStamp(month, found.record, found.evaluated_at)
    return build_notice_model(stored.county.county, found.result, stored.rules, stamp)


def prepare(session: Session, stored: StoredCounty, month: Month, issued: date, template: Path | None,
            record: bool = True) -> PreparedNotice:
    """Read the month's stored result (evaluating and storing it first if it has none), render its text (a
    template error stops before any item is opened) and, with `record`, open the rectification items."""
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
    written += charts.save_chart(charts.items_per_unit(model.result, f"{month}各单位信息发布条数"), directory, "各单位信息条数")
    written += charts.save_chart(charts.year_trend(prepared.trend, f"{model.month.year}年各月不合格（差）数"), directory, "月度趋势")
    return written


def notice_day(stored: StoredCounty, month: Month) -> date:
    """The 成文日期 by the county's rule (county.yaml notice.date_rule), from the deadline the notice sets."""
    county = stored.county
    deadline = rectification_deadline(month, stored.rules.rectification, county.county.timezone)
    return county.notice.date_rule.issued(month.last_day, deadline.date())


def write_report(
    db: Database, month: Month, out: Path, county: str | None = None, template: Path | None = None,
    issued: date | None = None, pdf: bool = True, on_stage: Callable[[str], None] = lambda _: None,
    record: bool = True, number: int | None = None,
) -> ReportFiles:
    """Write 通报-YYYY-MM.docx (+ .pdf), 附件-YYYY-MM.xlsx and 图表-YYYY-MM/ into `out`; idempotent. Without
    `record` nothing is stored (a download): the month's stored result is shown and no item is opened.
    Without `issued` the 成文日期 follows the county's date rule; `number` is the 发文字号's number."""
    on_stage("评定并整理通报内容")
    with db.transaction() as session:
        stored = load_stored_county(session, county)
        zone = ZoneInfo(stored.county.county.timezone)
        day = issued or notice_day(stored, month)
        prepared = prepare(session, stored, month, day, template, record)
        crawled = month_crawl_issues(session, stored, month)
    model = prepared.model
    out.mkdir(parents=True, exist_ok=True)
    on_stage("生成通报正文和附件表")
    office = OfficeParts.of(stored.county.notice, model.county.issuer, day, number)
    notice = write_notice(out / f"通报-{month}.docx", prepared.blocks, annex_tables(model.result, model.rules.new_media),
                          day, stored.county.county.timezone, office)
    stamp = datetime.combine(day, time(), zone)
    titles = {b.annex: b.plain for b in prepared.blocks if b.kind == "annex" and b.annex}
    annexes = write_annexes(out / f"附件-{month}.xlsx", model.result, model.rules, model.county.issuer, stamp, zone,
                            model.stamp.label, titles, crawled)
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
    return ReportFiles(notice, annexes, pdf_file, tuple(chart_files), len(model.subjects), tuple(warnings),
                       model.stamp.label)
