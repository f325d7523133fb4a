"""What the hostile-input suites share: the database as data, a hard time bound, the CLI run in-process.

The property every suite checks: a command ends with a result or a clear govwatch error (exit code 2,
a message), never a traceback, never a hang, and a refused command leaves the database as it was.
"""

from __future__ import annotations

import signal
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from typer.testing import CliRunner, Result

from govwatch.cli.app import app
from govwatch.store.db import Database, open_database
from govwatch.store.tables import Base

# Each example is bounded by time_bound, not by hypothesis's deadline (which only reports afterwards). No
# shrinking: a failing example is reported as generated, since shrinking examples of a second or more
# each takes many minutes; rerun with the printed seed to study one.
SETTINGS = dict(deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])


def snapshot(db: Database) -> dict[str, list[tuple]]:
    """Every row of every table, in key order: equal snapshots mean nothing was written."""
    with db.engine.connect() as connection:
        return {
            table.name: [tuple(row) for row in connection.execute(select(table).order_by(*table.primary_key.columns))]
            for table in Base.metadata.sorted_tables
        }


class Hang(AssertionError):
    """An example ran past its time bound."""


@contextmanager
def time_bound(seconds: float) -> Iterator[None]:
    """Fail, rather than wait, when the body runs longer than `seconds` (SIGALRM; the main thread only)."""

    def expire(signum, frame):
        raise Hang(f"ran past its time bound of {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def govwatch(*args: str) -> Result:
    """Run `govwatch ARGS` in-process, as a user would from the shell."""
    return CliRunner().invoke(app, list(args))


def assert_clear_outcome(result: Result) -> None:
    """Exit 0, or exit 2 with an 错误 message; any other ending (a traceback) fails with it shown."""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"traceback instead of an error: {result.exception!r}\n{result.output}") from result.exception
    assert result.exit_code in (0, 2), (result.exit_code, result.output)
    if result.exit_code == 2:
        assert "错误" in result.output, result.output


def check_file_commands(url: str, examples: int, generated: st.SearchStrategy[Any],
                        command: Callable[[Any], tuple[Path, list[str]]], bound: float) -> Counter[int]:
    """Run `govwatch --db URL ARGS` for `examples` generated examples, `command` writing each one's file
    and giving its arguments: each ends clearly within `bound` seconds, and a refusal names the file and
    leaves the database as it was. The exit codes counted (0 done, 2 refused)."""
    db = open_database(url)
    outcomes: Counter[int] = Counter()

    @settings(max_examples=examples, **SETTINGS)
    @given(example=generated)
    def run_generated(example):
        path, args = command(example)
        before = snapshot(db)
        with time_bound(bound):
            result = govwatch("--db", url, *args)
        assert_clear_outcome(result)
        outcomes[result.exit_code] += 1
        if result.exit_code == 2:
            assert str(path) in result.output, result.output
            assert snapshot(db) == before

    try:
        run_generated()
    finally:
        db.dispose()
    return outcomes
