"""`govwatch check`: proofread the stored posts not checked yet (collected by workers, or left by a stopped run)."""

from __future__ import annotations

import typer

from govwatch.cli.app import app
from govwatch.cli.common import console, database, user_errors
from govwatch.cli.queued import job_runner, print_submitted
from govwatch.jobs.bodies import submit_checks
from govwatch.jobs.runner import JobEnv
from govwatch.store.counties import load_stored_county


@app.command("check")
def check(
    county: str = typer.Option(None, "--county", help="县区名称（数据库中有多个县区时必填）"),
    again: bool = typer.Option(False, "--all", help="重新校对全部已入库信息（词库更新后）；已审核问题的结论保留"),
) -> None:
    """校对已入库但尚未校对的信息；使用 PostgreSQL 时按批加入 cpu 队列，由工作进程并行校对。"""
    with user_errors(), database() as db:
        with db.transaction() as session:
            name = load_stored_county(session, county).county.county.name
        with job_runner(db) as runner:
            submitted = submit_checks(JobEnv(db, runner), name, again)
            deferred = runner.deferred
    if deferred:
        print_submitted([(item, name) for item in submitted])
        return
    checked = sum(item.result["checked"] for item in submitted)
    if again:
        added = sum(item.result["added"] for item in submitted)
        removed = sum(item.result["removed"] for item in submitted)
        console.print(f"{name}：重新校对 {checked} 条信息，新发现问题 {added} 处，不再存在的未审核问题 {removed} 处已移除。")
        return
    findings = sum(item.result["findings"] for item in submitted)
    console.print(f"{name}：校对 {checked} 条尚未校对的信息，发现问题 {findings} 处。")
