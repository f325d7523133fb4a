"""Every job by name: its body, its queue, its locks and how often it is retried.

Queues: `io` for collection (waiting on sites and platforms; many jobs per process) and `cpu` for
proofreading and grading (one job per process, as many processes as cores). `lock` serialises jobs
across the whole cluster (one crawl per host); `queueing_lock` keeps one waiting copy of a job.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from govwatch.errors import NotFound
from govwatch.jobs import bodies, sitecheck

IO, CPU = "io", "cpu"
QUEUES = (IO, CPU)


@dataclass(frozen=True)
class JobSpec:
    name: str
    body: Callable[..., Any]
    queue: str
    lock: Callable[[dict], str | None] = lambda _: None
    queueing_lock: Callable[[dict], str | None] = lambda _: None
    retries: int = 5  # exponential backoff: 2 s, 4 s, 8 s, 16 s, 32 s


def _hosts_lock(kwargs: dict) -> str:
    return f"host:{kwargs['hosts'][0]}"


JOBS = {spec.name: spec for spec in (
    JobSpec("crawl", bodies.crawl_sites, IO, lock=_hosts_lock,
            queueing_lock=lambda k: f"crawl:{k['county']}:{k['hosts'][0]}"),
    JobSpec("ingest", bodies.ingest_account, IO, queueing_lock=lambda k: f"ingest:{k['county']}:{k['account']}"),
    JobSpec("check", bodies.check_batch, CPU,
            queueing_lock=lambda k: f"check:{k['county']}:{k['first_id']}-{k['last_id']}"),
    JobSpec("recheck", bodies.recheck_batch, CPU,
            queueing_lock=lambda k: f"recheck:{k['county']}:{k['first_id']}-{k['last_id']}"),
    JobSpec("evaluate", bodies.evaluate, CPU, queueing_lock=lambda k: f"evaluate:{k['county']}:{k['month']}"),
    JobSpec("warn", bodies.send_warnings, IO, queueing_lock=lambda k: f"warn:{k['county']}"),
    JobSpec("site_check", sitecheck.site_check, IO, queueing_lock=lambda k: f"site_check:{k['county']}", retries=1),
)}


# The daily planners (name, cron line in UTC, body): each submits one job per county.
# 18:00, 22:00 and 00:30 UTC are 02:00, 06:00 and 08:30 in China: collected at night, graded before
# the working day, warnings at its start.
DAILY = (
    ("daily_collection", "0 18 * * *", bodies.plan_collection),
    ("daily_evaluation", "0 22 * * *", bodies.plan_evaluation),
    ("daily_warnings", "30 0 * * *", bodies.plan_warnings),
    ("daily_site_check", "0 19 * * *", sitecheck.plan_site_checks),  # 03:00 in China, after the collection
)


def job(name: str) -> JobSpec:
    try:
        return JOBS[name]
    except KeyError:
        raise NotFound(f"没有名为“{name}”的任务（可用：{'、'.join(JOBS)}）") from None
