"""Submitting a job by name: run at once in this process (SQLite), or defer it to the workers (PostgreSQL)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from govwatch.store.db import Database


@dataclass(frozen=True)
class Submitted:
    """What became of a submitted job: its queue id when deferred, else what it returned."""

    name: str
    job_id: int | None = None
    result: Any = None
    duplicate: bool = False  # an identical job was already waiting (queueing lock): nothing new was queued


class Runner(Protocol):
    deferred: bool

    def submit(self, name: str, **kwargs: Any) -> Submitted:
        """Run or queue the job `name` of the catalog with these keyword arguments (JSON values)."""
        ...

    def close(self) -> None:
        """Release the queue's connections (nothing to release in-process)."""
        ...


@dataclass(frozen=True)
class JobEnv:
    """What a job body gets besides its arguments: the database and the runner for follow-up jobs."""

    db: Database
    runner: Runner


class InProcessRunner:
    """Runs each job at once, follow-ups included, in the calling process: the SQLite path."""

    deferred = False

    def __init__(self, db: Database) -> None:
        self.db = db

    def submit(self, name: str, **kwargs: Any) -> Submitted:
        from govwatch.jobs.catalog import job

        return Submitted(name, result=job(name).body(JobEnv(self.db, self), **kwargs))

    def close(self) -> None:
        """Nothing is held between jobs."""


def uses_workers(db: Database) -> bool:
    """Jobs go to workers exactly when the database is PostgreSQL (procrastinate keeps its queue there)."""
    return db.engine.dialect.name == "postgresql"


def runner_for(db: Database) -> Runner:
    """The runner that fits `db`: procrastinate on PostgreSQL, in-process on SQLite."""
    if uses_workers(db):
        from govwatch.jobs.queue_app import QueueRunner

        return QueueRunner.for_database(db)
    return InProcessRunner(db)
