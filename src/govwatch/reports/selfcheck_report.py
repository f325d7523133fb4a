"""The 网站自查报告 a centre hands its leaders: the verdict, the single vetoes, each deduction with its
points, and every finding — as a .docx (GB/T 9704 page and fonts, via reports/gbt9704) or a .xlsx
(reports/xlsx sheets). A module of its own, apart from the notice's layout."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, Mm, Pt
from docx.table import _Cell

from govwatch.domain.sitecheck.model import KIND_LABELS, SEVERITY_LABELS, SiteFinding
from govwatch.domain.sitecheck.result import SiteCheckResult
from govwatch.errors import InvalidInput
from govwatch.reports import gbt9704
from govwatch.reports.ooxml import write_reproducible
from govwatch.reports.xlsx import add_sheet, new_workbook, save

TITLE = "网站自查报告"
FINDING_HEADER = ("序号", "问题类型", "性质", "地址", "所在页面", "栏目", "说明")


def summary_lines(result: SiteCheckResult) -> list[str]:
    """The report's opening, in sentences: what was checked, the verdict, the score."""
    score = result.score
    counts = Counter(f.severity for f in result.findings)
    lines = [f"检查对象：{result.url}；检查日期：{result.today:%Y年%-m月%-d日}；共读取页面 {result.pages} 个、附件 {result.files} 个。",
             f"依据：{score.scheme}。",
             f"结论：{score.verdict}。扣分指标得分 {score.total:g} 分（满分 {score.full_marks:g} 分，"
             f"{score.pass_mark:g} 分合格）。",
             f"发现问题 {len(result.findings)} 条，其中单项否决 {counts['veto']} 条、扣分 {counts['deduct']} 条、"
             f"提示 {counts['notice']} 条。"]
    if result.capped:
        lines.append("注意：页面数已达抓取上限（max_site_pages），网站其余页面未检查。")
    return lines


def _finding_row(index: int, finding: SiteFinding) -> tuple[object, ...]:
    return (index, KIND_LABELS.get(finding.kind, finding.kind), SEVERITY_LABELS[finding.severity], finding.url,
            finding.page or "", finding.column or "", finding.detail)


def _score_rows(result: SiteCheckResult) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = [("单项否决", v.indicator, v.findings, "否决", "") for v in result.score.vetoes]
    rows += [("扣分", d.indicator, d.findings, d.points, "分值为假设，可在 rules.yaml 调整" if d.assumed else "")
             for d in result.score.deductions]
    return rows


def write_xlsx(result: SiteCheckResult, path: Path) -> Path:
    workbook = new_workbook()
    add_sheet(workbook, "概况", ("项目", "内容"), [(str(i + 1), line) for i, line in enumerate(summary_lines(result))],
              (8, 110))
    add_sheet(workbook, "得分", ("类别", "指标", "问题数", "扣分", "备注"), _score_rows(result), (12, 24, 10, 10, 36))
    add_sheet(workbook, "问题清单", FINDING_HEADER,
              [_finding_row(i, f) for i, f in enumerate(_ordered(result.findings), 1)], (6, 14, 10, 50, 50, 16, 70))
    return save(workbook, path, TITLE, "govwatch", result.finished_at)


def _ordered(findings: tuple[SiteFinding, ...]) -> list[SiteFinding]:
    rank = {"veto": 0, "deduct": 1, "notice": 2}
    return sorted(findings, key=lambda f: (rank[f.severity], f.kind, f.url))


def _paragraph(document: DocxDocument, text: str, font: str = gbt9704.BODY_FONT, size: Length = gbt9704.SIZE_3,
               bold: bool = False, centre: bool = False) -> None:
    paragraph = document.add_paragraph()
    if centre:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    gbt9704.set_font(paragraph.add_run(text), font, size, bold)


def _cell(cell: _Cell, text: str, font: str, width: Length) -> None:
    cell.width = width
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.line_spacing, paragraph.paragraph_format.space_after = Pt(14), Pt(0)
    snap = OxmlElement("w:snapToGrid")  # off the page's 22-line grid, which would space table rows as body text
    snap.set(qn("w:val"), "0")
    paragraph._p.get_or_add_pPr().append(snap)
    gbt9704.set_font(paragraph.add_run(text), font, Pt(10.5))


def _table(document: DocxDocument, header: tuple[str, ...], rows: list[tuple[object, ...]],
           widths: tuple[float, ...]) -> None:
    """A grid table in small type with single line spacing, column widths in mm (the page's 156 mm)."""
    table = document.add_table(rows=1, cols=len(header))
    table.style, table.autofit = "Table Grid", False
    sizes = [Mm(w) for w in widths]
    for column, width in zip(table.columns, sizes, strict=True):
        column.width = width
    for cell, text, width in zip(table.rows[0].cells, header, sizes, strict=True):
        _cell(cell, text, gbt9704.HEADING_FONT, width)
    for row in rows:
        for cell, value, width in zip(table.add_row().cells, row, sizes, strict=True):
            _cell(cell, str(value), gbt9704.BODY_FONT, width)


def write_docx(result: SiteCheckResult, path: Path) -> Path:
    document = Document()
    section = document.sections[0]
    gbt9704.setup_page(section)
    gbt9704.add_page_numbers(section)
    _paragraph(document, TITLE, gbt9704.TITLE_FONT, gbt9704.SIZE_2, centre=True)
    for line in summary_lines(result):
        _paragraph(document, line)
    _paragraph(document, "一、全国指标得分", gbt9704.HEADING_FONT)
    rows = _score_rows(result)
    if rows:
        _table(document, ("类别", "指标", "问题数", "扣分", "备注"), rows, (24, 36, 20, 20, 56))
    else:
        _paragraph(document, "未发现单项否决和扣分问题。")
    _paragraph(document, "二、问题清单", gbt9704.HEADING_FONT)
    by_kind = Counter(f.kind for f in result.findings)
    _paragraph(document, "；".join(f"{KIND_LABELS.get(k, k)} {n} 条" for k, n in by_kind.most_common()) or "未发现问题。")
    findings = _ordered(result.findings)
    if findings:
        _table(document, ("序号", "问题类型", "性质", "地址", "说明"),
               [(i, KIND_LABELS.get(f.kind, f.kind), SEVERITY_LABELS[f.severity], f.url, f.detail)
                for i, f in enumerate(findings, 1)], (12, 26, 20, 44, 54))
    document.core_properties.title, document.core_properties.author = TITLE, "govwatch"
    document.core_properties.created = document.core_properties.modified = result.finished_at.replace(tzinfo=None)
    buffer = io.BytesIO()
    document.save(buffer)
    return write_reproducible(path, buffer.getvalue())


def write_selfcheck_report(result: SiteCheckResult, path: Path) -> Path:
    """Write the report as `path`'s suffix says (.docx or .xlsx)."""
    if path.suffix.lower() == ".xlsx":
        return write_xlsx(result, path)
    if path.suffix.lower() == ".docx":
        return write_docx(result, path)
    raise InvalidInput(f"{path}：自查报告应为 .docx 或 .xlsx 文件")
