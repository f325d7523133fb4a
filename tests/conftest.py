"""Shared fixtures: the example county's files and builders that go through the public API."""

from __future__ import annotations

import itertools
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from govwatch.config.loader import load_county_dir, load_rules
from govwatch.domain.model import AccountKey, ColumnKey, PostKind, PostRecord, TextIssue

ROOT = Path(__file__).resolve().parents[1]
MEIXIAN = ROOT / "examples" / "meixian"
ZONE = ZoneInfo("Asia/Shanghai")
_ids = itertools.count(1)


@pytest.fixture(scope="session")
def meixian_dir() -> Path:
    return MEIXIAN


@pytest.fixture(scope="session")
def meixian_config():
    return load_county_dir(MEIXIAN)


@pytest.fixture(scope="session")
def rules():
    return load_rules(MEIXIAN / "rules.yaml")[0]


def at(day: date, hour: int = 10) -> datetime:
    """A moment on `day` in 眉县's time zone."""
    return datetime.combine(day, time(hour), ZONE)


def post(
    day: date,
    unit: str = "县测试局",
    column: ColumnKey | None = None,
    account: AccountKey | None = None,
    kind: PostKind = PostKind.ORIGINAL,
    issues: tuple[TextIssue, ...] = (),
    hour: int = 10,
) -> PostRecord:
    """A post record as the store hands them to the domain."""
    return PostRecord(
        id=next(_ids), unit=unit, title=f"{unit}{day:%m%d}", published_at=at(day, hour), kind=kind,
        column=column, account=account, issues=issues,
    )


@pytest.fixture
def county_copy(tmp_path, meixian_dir) -> Path:
    """A copy of the example county's folder, for tests that edit its files."""
    import shutil

    target = tmp_path / "county"
    shutil.copytree(meixian_dir, target)
    return target


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    """A fresh SQLite file, as a user's default database."""
    return f"sqlite:///{tmp_path / 'govwatch.db'}"


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that asks for the PostgreSQL server is a `postgres` test, marked or not, so that the default
    run (`-m 'not postgres'`) never reaches the server and `pytest -m postgres` runs every one of them."""
    for item in items:
        if "postgres_url" in getattr(item, "fixturenames", ()) and item.get_closest_marker("postgres") is None:
            item.add_marker(pytest.mark.postgres)


@pytest.fixture
def postgres_url():
    """A fresh schema in the PostgreSQL server; fails (never skips) when the server is unreachable."""
    import os

    from govwatch.store.scratch import scratch_schema

    with scratch_schema(os.environ.get("GOVWATCH_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")) as url:
        yield url


@pytest.fixture(scope="session")
def demo_database():
    """The seed county's demo month, built once in a SQLite file: (database, DemoResult)."""
    import tempfile

    from govwatch.domain.calendar import Month
    from govwatch.services.demo import run_demo
    from govwatch.store.db import open_database

    with tempfile.TemporaryDirectory() as directory:
        db = open_database(f"sqlite:///{directory}/govwatch.db")
        try:
            yield db, run_demo(db, MEIXIAN, Month(2023, 6))
        finally:
            db.dispose()


@pytest.fixture(scope="session")
def demo_month(demo_database):
    """The demo month's DemoResult, for the tests that read it."""
    return demo_database[1]


@pytest.fixture
def demo_copy(demo_database, tmp_path):
    """A private copy of the demo database, for tests that change it (SQLite's backup API)."""
    import sqlite3

    from govwatch.store.db import open_database

    source_db, _ = demo_database
    target = tmp_path / "copy.db"
    with source_db.engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        destination = sqlite3.connect(target)
        raw.backup(destination)
        destination.close()
    db = open_database(f"sqlite:///{target}")
    yield db
    db.dispose()
