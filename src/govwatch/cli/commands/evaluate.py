"""`govwatch evaluate --month YYYY-MM`: grade the month from stored posts and print it."""

from __future__ import annotations

from enum import StrEnum

import typer

from govwatch.cli.app import app
from govwatch.cli.common import console, database, user_errors
from govwatch.cli.queued import job_runner, print_submitted
from govwatch.cli.tables import print_annexes
from govwatch.domain.calendar import Month
from govwatch.jobs.runner import uses_workers
from govwatch.reports.evaluation_json import month_result
from govwatch.services.evaluate import evaluate_stored
from govwatch.store.counties import load_stored_county


class OutputFormat(StrEnum):
    table = "table"
    json = "json"


@app.command("evaluate")
def evaluate(
    month: str = typer.Option(..., "--month", help="评定月份，如 2023-06"),
    output: OutputFormat = typer.Option(OutputFormat.table, "--format", help="输出格式：table 或 json"),
    county: str = typer.Option(None, "--county", help="县区名称（数据库中有多个县区时必填）"),
    now: bool = typer.Option(False, "--now", help="使用 PostgreSQL 时也在本进程内立即评定并输出，不加入后台队列"),
) -> None:
    """按县区规则评定某月：信息公开、各镇快讯/部门动态、政务新媒体三张表，每个等次附理由。"""
    with user_errors():
        judged = Month.parse(month)
        with database() as db, db.transaction() as session:
            stored = load_stored_county(session, county)
            if uses_workers(db) and not now:
                with job_runner(db) as runner:
                    item = runner.submit("evaluate", county=stored.county.county.name, month=str(judged))
                print_submitted([(item, f"{stored.county.county.name} {judged}")])
                return
            result = month_result(evaluate_stored(session, stored, judged))
    if output is OutputFormat.json:
        print(result.model_dump_json(indent=2))
        return
    if result.is_empty():
        console.print(f"[yellow]{judged} 没有任何已采集的信息，请先采集或导入。[/yellow]")
    print_annexes(console, result, stored.rules)
