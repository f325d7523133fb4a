"""`govwatch report --month YYYY-MM --out DIR`: the notice (.docx, .pdf), its annexes (.xlsx) and charts."""

from __future__ import annotations

from pathlib import Path

import typer

from govwatch.cli.app import app
from govwatch.cli.common import console, database, user_errors
from govwatch.domain.calendar import Month, parse_day
from govwatch.errors import InputFileError
from govwatch.reports.notice_text import TemplateProblem
from govwatch.reports.pdf import PdfFailed
from govwatch.services.report import write_report


@app.command("report")
def report(
    month: str = typer.Option(..., "--month", help="通报月份，如 2023-06"),
    out: Path = typer.Option(..., "--out", help="输出目录"),
    county: str = typer.Option(None, "--county", help="县区名称（数据库中有多个县区时必填）"),
    template: Path = typer.Option(None, "--template", help="通报模板文件（修改模板时试用）；默认用 load-config 载入的县区模板 notice.md.j2，没有则用内置模板"),
    issued: str = typer.Option(None, "--date", help="成文日期 YYYY-MM-DD，默认按县区配置 notice.date_rule（如整改期限前4天）"),
    number: int = typer.Option(None, "--number", min=1, help="发文字号的序号 N（眉政办发〔2023〕N号），默认取 county.yaml notice.number"),
    pdf: bool = typer.Option(True, "--pdf/--no-pdf", help="已安装 LibreOffice 时同时生成 PDF"),
) -> None:
    """生成月度通报（GB/T 9704 版式的 .docx 及 PDF）、附件统计表（.xlsx）和图表，并为存在问题的单位建立整改事项。"""
    with user_errors():
        try:
            judged = Month.parse(month)
            day = parse_day(issued) if issued else None
            if template is not None and not template.is_file():
                raise InputFileError(f"找不到通报模板 {template}")
            with database() as db, console.status("准备中…") as status:
                files = write_report(db, judged, out, county, template, day, pdf,
                                     on_stage=lambda text: status.update(text + "…"), number=number)
        except (TemplateProblem, PdfFailed) as exc:
            raise InputFileError(str(exc)) from None
    console.print(f"通报和附件依据已存储的评定：{files.source}", soft_wrap=True)
    for path in (files.notice, files.pdf, files.annexes):
        if path is not None:
            console.print(f"[green]已生成[/green] {path}", soft_wrap=True)
    console.print(f"[green]已生成[/green] 图表 {len(files.charts)} 个：{files.charts[0].parent}", soft_wrap=True)
    console.print(f"整改事项 {files.rectifications} 项（govwatch rectify list --month {judged}）。", soft_wrap=True)
    for warning in files.warnings:
        console.print(f"[yellow]提示：{warning}[/yellow]", soft_wrap=True)
