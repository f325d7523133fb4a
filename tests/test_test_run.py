"""The README's test command needs no server, and the PostgreSQL suites fail, never skip, without one.

Each test starts pytest in a subprocess (seconds each): `slow`, run by .ci/run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]
CLOSED = "postgresql+psycopg://postgres@127.0.0.1:1/test"  # port 1: nothing listens there
# One module marked `postgres`, one whose test asks for `postgres_url` among others that need no server.
FILES = ("tests/store/test_postgres.py", "tests/store/test_limits.py")


def run_pytest(*args: str, files: tuple[str, ...] = FILES) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, GOVWATCH_TEST_PG=CLOSED)
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args, *files], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=300)


def test_the_default_run_leaves_the_postgresql_tests_out():
    result = run_pytest("--collect-only")
    assert result.returncode == 0, result.stdout + result.stderr
    collected = [line for line in result.stdout.splitlines() if "::" in line]
    assert collected and not any("postgres" in line for line in collected)


def test_without_the_server_the_postgresql_tests_fail_and_none_skips():
    # test_limits: function-scoped fixtures only, so the connection is the first thing tried
    result = run_pytest("-m", "postgres", files=("tests/store/test_limits.py",))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "error" in result.stdout and "skipped" not in result.stdout
