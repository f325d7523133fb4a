"""`govwatch worker`: run procrastinate workers on the PostgreSQL database (collection and checking queues)."""

from __future__ import annotations

from enum import StrEnum

import typer

from govwatch.cli.app import app
from govwatch.cli.common import console, database, user_errors
from govwatch.errors import InvalidInput, ServiceUnavailable
from govwatch.jobs.catalog import CPU, IO, QUEUES
from govwatch.jobs.queue_app import STALLED_AFTER
from govwatch.jobs.runner import uses_workers
from govwatch.jobs.workers import WorkerOptions, run_workers


class Queue(StrEnum):
    io = IO
    cpu = CPU


@app.command("worker")
def worker(
    queue: Queue = typer.Option(None, "--queue", help="只处理这一队列：io（网站抓取、账号采集）或 cpu（校对、评定）；默认两者都处理"),
    concurrency: int = typer.Option(None, "--concurrency", min=1, help="每个进程同时执行的任务数（默认 io 为 8，cpu 为 1）"),
    processes: int = typer.Option(None, "--processes", min=1, help="工作进程数（默认处理 cpu 队列时每个 CPU 核一个）"),
    stalled_after: float = typer.Option(STALLED_AFTER, "--stalled-after", min=1,
                                        help="工作进程失联多少秒后，其未完成的任务重新排队"),
    heartbeat: float = typer.Option(10.0, "--heartbeat", min=0.1, help="心跳间隔（秒）"),
    until_empty: bool = typer.Option(False, "--until-empty", help="队列清空后退出（用于补跑和测试）"),
) -> None:
    """启动后台工作进程（需要 PostgreSQL）：执行抓取、采集、校对、评定任务和每日定时任务。"""
    with user_errors():
        if heartbeat * 2 > stalled_after:  # a live worker's running jobs would be taken for stalled
            raise InvalidInput(f"--heartbeat（{heartbeat} 秒）应不超过 --stalled-after（{stalled_after} 秒）的一半")
        with database() as db:
            if not uses_workers(db):
                raise ServiceUnavailable("后台工作进程需要 PostgreSQL 数据库（GOVWATCH_DB=postgresql+psycopg://…）；"
                                 "使用 SQLite 时各命令直接在本进程内执行")
            url = db.url.render_as_string(hide_password=False)
        options = WorkerOptions(queues=(queue.value,) if queue else QUEUES, concurrency=concurrency,
                                processes=processes, stalled_after=stalled_after, heartbeat=heartbeat,
                                wait=not until_empty)
        console.print(f"工作进程启动：队列 {'、'.join(options.queues)}，{options.process_count} 个进程，"
                      f"每个进程同时 {options.jobs_at_once} 个任务。")
        run_workers(url, options)
