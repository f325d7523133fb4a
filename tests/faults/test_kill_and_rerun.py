"""SIGKILL at random moments, then run again: the database ends exactly as after a run never killed.

A crawl of the demo portal, an ingest from the fake platforms and an import of the month's export, each
killed KILLS times at seeded random moments and then run to the end, on SQLite (the commands run in the
user's process) and on PostgreSQL (crawl and ingest are worker jobs there: the worker is what is killed).
Then the month is graded, and the canonical dumps (tests/faults/dump.py) of the two databases must be
equal: posts, page versions, text findings, crawl findings of every kind, grades. No run may print a
traceback or hang.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import text

from govwatch.store.db import open_database
from govwatch.store.scratch import scratch_schema
from tests.faults.conftest import HANG, Runner, kill_moments
from tests.faults.dump import canonical_dump, differences

pytestmark = pytest.mark.slow
MONTH = "2023-06"
KILLS = 4
WORKER = ("worker", "--until-empty", "--stalled-after", "2", "--heartbeat", "0.5")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request) -> str:
    return request.param


@pytest.fixture
def runners(engine, world, tmp_path) -> Iterator[tuple[Runner, Runner]]:
    """Two empty databases of the engine, each with its county loaded: the one never killed, the killed one."""
    def runner(name: str, url: str) -> Runner:
        logs = tmp_path / name
        logs.mkdir()
        made = Runner(url, world, logs)
        made.finish("load-config", str(world.folder))
        return made

    if engine == "sqlite":
        yield runner("reference", f"sqlite:///{tmp_path / 'reference.db'}"), runner(
            "killed", f"sqlite:///{tmp_path / 'killed.db'}")
        return
    base = os.environ.get("GOVWATCH_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
    with scratch_schema(base) as reference, scratch_schema(base) as killed:
        yield runner("reference", reference), runner("killed", killed)


def _unfinished_jobs(url: str) -> int:
    db = open_database(url)
    try:
        with db.engine.connect() as connection:
            return connection.execute(text(
                "SELECT count(*) FROM procrastinate_jobs WHERE status IN ('todo', 'doing')")).scalar_one()
    finally:
        db.dispose()


def _drain(runner: Runner) -> float:
    """Run workers until no job is waiting or running (a killed worker's job is retried once it is stalled)."""
    start = time.monotonic()
    while True:
        runner.finish(*WORKER)
        if not _unfinished_jobs(runner.url) or time.monotonic() - start > HANG:
            return time.monotonic() - start
        time.sleep(2.5)  # the dead worker's heartbeat grows old: its job is stalled and put back


def _kill_and_rerun(engine: str, reference: Runner, killed: Runner, command: tuple[str, ...], seed: int,
                    queued: bool) -> None:
    """Run `command` whole on `reference`; on `killed`, kill it KILLS times, then let it finish; then grade both.

    `queued` (PostgreSQL's crawl and ingest): the command only enqueues jobs, and the worker is killed."""
    if queued and engine == "postgres":
        for runner in (reference, killed):
            runner.finish(*command)
        span = _drain(reference)
        for moment in kill_moments(seed, KILLS, span):
            killed.kill_at(moment, *WORKER)
            time.sleep(2.5)
        _drain(killed)
    else:
        span = reference.finish(*command)
        for moment in kill_moments(seed, KILLS, span):
            killed.kill_at(moment, *command)
        killed.finish(*command)
    for runner in (reference, killed):
        runner.finish("evaluate", "--month", MONTH, "--now")
    found = differences(_dump(reference.url), _dump(killed.url))
    tally = killed.tally
    print(f"\nFAULTS {command[0]} {engine}: kills={tally.kills} tracebacks={tally.tracebacks + reference.tally.tracebacks}"
          f" hangs={tally.hangs + reference.tally.hangs} differences={len(found)} reference_s={span:.1f}")
    assert found == [], "\n".join(found)
    assert tally.kills == KILLS, "every kill must land on a running process"
    assert (tally.tracebacks, reference.tally.tracebacks) == (0, 0), "\n".join(tally.outputs)[-4000:]
    assert (tally.hangs, reference.tally.hangs) == (0, 0)


def _dump(url: str):
    db = open_database(url)
    try:
        return canonical_dump(db)
    finally:
        db.dispose()


def test_a_killed_crawl_ends_as_one_never_killed(engine, runners, world):
    _kill_and_rerun(engine, *runners, ("crawl", "--proxy", world.proxy), seed=1601, queued=True)


def test_a_killed_ingest_ends_as_one_never_killed(engine, runners):
    _kill_and_rerun(engine, *runners, ("ingest",), seed=1602, queued=True)


def test_a_killed_import_ends_as_one_never_killed(engine, runners, world):
    _kill_and_rerun(engine, *runners, ("import", "posts", str(world.exports)), seed=1603, queued=False)
