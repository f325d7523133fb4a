"""What the collection and grading commands share on PostgreSQL: submitting jobs to the workers and saying so."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from govwatch.cli.common import console
from govwatch.jobs.runner import Runner, Submitted, runner_for
from govwatch.store.db import Database

LABELS = {"crawl": "网站抓取", "ingest": "账号采集", "check": "校对", "recheck": "重新校对", "evaluate": "评定"}


@contextmanager
def job_runner(db: Database) -> Iterator[Runner]:
    """The runner of `db` (the queue on PostgreSQL), closed when the command ends."""
    runner = runner_for(db)
    try:
        yield runner
    finally:
        runner.close()


def print_submitted(submitted: list[tuple[Submitted, str]]) -> None:
    """One line per job (with what it is about): its queue id, or that the same job was already waiting."""
    for item, what in submitted:
        label = LABELS.get(item.name, item.name) + (f"（{what}）" if what else "")
        if item.duplicate:
            console.print(f"{label}：同样的任务已在队列中等待，未重复添加。")
        else:
            console.print(f"{label}：已加入队列，任务编号 {item.job_id}。")
    console.print("任务由后台工作进程执行（govwatch worker）；请在工作进程日志中查看进度。")
