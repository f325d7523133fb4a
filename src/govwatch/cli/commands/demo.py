"""`govwatch demo`: the seed county's June 2023, built from individual posts and graded."""

from __future__ import annotations

from pathlib import Path

import typer

from govwatch.cli.app import app
from govwatch.cli.common import console, user_errors
from govwatch.cli.tables import print_annexes
from govwatch.domain.calendar import Month
from govwatch.reports.evaluation_json import month_result
from govwatch.reports.notice_text import TemplateProblem
from govwatch.reports.pdf import PdfFailed
from govwatch.services.demo import DemoGatherFailed, example_dir, run_demo
from govwatch.settings import DEFAULT_DB_FILE
from govwatch.store.db import open_database


@app.command("demo")
def demo(
    directory: Path = typer.Option(Path("."), "--dir", help="输出目录，数据库写入 DIR/govwatch.db"),
    config: Path = typer.Option(None, "--config", help="县区配置目录（默认 examples/meixian）"),
    month: str = typer.Option("2023-06", "--month", help="演示月份"),
    report: bool = typer.Option(True, "--report/--no-report", help="同时在 DIR 中生成通报、附件表和图表"),
) -> None:
    """在本机启动演示门户网站和新媒体平台接口，采集眉县 2023 年 6 月的逐条信息，校对、评定，打印三张附件表并生成通报。"""
    with user_errors(DemoGatherFailed, TemplateProblem, PdfFailed):
        judged = Month.parse(month)
        config_dir = config or example_dir()
        db = open_database(f"sqlite:///{(directory / DEFAULT_DB_FILE).resolve()}")
        try:
            with console.status("准备中…") as status:
                result = run_demo(db, config_dir, judged, on_stage=lambda text: status.update(text + "…"),
                                  report_to=directory if report else None)
        finally:
            db.dispose()
    console.print(
        f"[green]演示数据已写入 {directory / DEFAULT_DB_FILE}[/green]：采集网站文章新增 {result.gathered.crawled} 条、"
        f"新媒体推文新增 {result.gathered.ingested} 条（本次共读取 {result.gathered.fetched} 条，库中共 {result.posts} 条），"
        f"校对发现问题 {result.findings} 处，人工调整 {result.overrides} 条。"
    )
    print_annexes(console, month_result(result.evaluation), result.config.rules)
    if result.report is not None:
        written = [p for p in (result.report.notice, result.report.pdf, result.report.annexes) if p is not None]
        console.print("[green]已生成通报[/green]：" + "、".join(str(p) for p in written), soft_wrap=True)
        for warning in result.report.warnings:
            console.print(f"[yellow]提示：{warning}[/yellow]", soft_wrap=True)
