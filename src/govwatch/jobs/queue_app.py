"""The procrastinate app on the govwatch database: the catalog's jobs, the periodic schedule, maintenance.

Jobs, locks and the schedule live in PostgreSQL beside the data (no broker); procrastinate's tables
go into the same schema as govwatch's (migration 0005), so a `search_path` in the URL moves both.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from procrastinate import App, JobContext, PsycopgConnector, RetryStrategy
from procrastinate.exceptions import AlreadyEnqueued, ConnectorException
from procrastinate.schema import SchemaManager
from sqlalchemy.engine import URL

from govwatch.jobs.catalog import DAILY, IO, JOBS, JobSpec, job
from govwatch.jobs.runner import JobEnv, Submitted
from govwatch.store.db import Database

MAINTENANCE = "* * * * *"  # stalled jobs are looked for every minute
PRUNE = "30 19 * * *"  # finished jobs are pruned daily, at 03:30 in China
KEEP_FINISHED_HOURS = 72  # finished jobs are kept three days for the record, then pruned
STALLED_AFTER = 60.0  # seconds without a worker heartbeat before its running jobs are retried

logger = logging.getLogger(__name__)


def conninfo(url: URL) -> str:
    """The libpq URI of a SQLAlchemy URL (its `options`, such as a search_path, kept)."""
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def _env(context: JobContext) -> JobEnv:
    extra = context.additional_context
    return JobEnv(extra["db"], QueueRunner(context.app))


def _register(app: App, spec: JobSpec) -> None:
    def run(context: JobContext, **kwargs: Any) -> Any:
        return spec.body(_env(context), **kwargs)

    app.task(name=spec.name, queue=spec.queue, pass_context=True,
             retry=RetryStrategy(max_attempts=spec.retries, exponential_wait=2))(run)


def _register_daily(app: App, name: str, cron: str, plan: Callable[[JobEnv], dict]) -> None:
    def run(context: JobContext, timestamp: int) -> dict:
        return plan(_env(context))

    app.periodic(cron=cron, periodic_id=name)(app.task(name=name, queue=IO, pass_context=True)(run))


def _schedule(app: App) -> None:
    for name, cron, plan in DAILY:
        _register_daily(app, name, cron, plan)

    @app.periodic(cron=MAINTENANCE, periodic_id="stalled")
    @app.task(name="retry_stalled_jobs", queue=IO, pass_context=True)
    async def retry_stalled_jobs(context: JobContext, timestamp: int) -> int:
        return await retry_stalled(context.app, context.additional_context.get("stalled_after", STALLED_AFTER))

    @app.periodic(cron=PRUNE, periodic_id="prune")
    @app.task(name="prune_finished_jobs", queue=IO, pass_context=True)
    async def prune_finished_jobs(context: JobContext, timestamp: int) -> None:
        await context.app.job_manager.delete_old_jobs(nb_hours=KEEP_FINISHED_HOURS)


async def retry_stalled(app: App, stalled_after: float) -> int:
    """Put back in the queue the jobs of workers silent for `stalled_after` seconds (killed, or lost)."""
    stalled = list(await app.job_manager.get_stalled_jobs(seconds_since_heartbeat=stalled_after))
    retried = 0
    for stalled_job in stalled:
        try:
            await app.job_manager.retry_job(stalled_job)
            retried += 1
        except ConnectorException:
            # Another worker's start retried it first (the job is no longer `doing`): nothing to do.
            logger.info("stalled job %s already retried elsewhere", stalled_job.id)
    return retried


def make_app(url: URL) -> App:
    """The app on the database at `url`, with every job of the catalog and the periodic schedule."""
    app = App(connector=PsycopgConnector(conninfo=conninfo(url), min_size=1, max_size=4))
    for spec in JOBS.values():
        _register(app, spec)
    _schedule(app)
    return app


class QueueRunner:
    """Defers jobs to the workers, each with its lock and queueing lock (a duplicate is reported, not queued)."""

    deferred = True

    def __init__(self, app: App) -> None:
        self.app = app

    @classmethod
    def for_database(cls, db: Database) -> QueueRunner:
        return cls(make_app(db.url).open())

    def submit(self, name: str, **kwargs: Any) -> Submitted:
        spec = job(name)
        deferrer = self.app.tasks[name].configure(lock=spec.lock(kwargs), queueing_lock=spec.queueing_lock(kwargs))
        try:
            return Submitted(name, job_id=deferrer.defer(**kwargs))
        except AlreadyEnqueued:
            return Submitted(name, duplicate=True)

    def close(self) -> None:
        self.app.close()


def schema_sql() -> str:
    """procrastinate's schema (tables, types, functions), applied by migration 0005 on PostgreSQL."""
    return SchemaManager.get_schema()
