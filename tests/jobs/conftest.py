"""Fixtures of the job tests: counties (tenants) stored through the public API, unchecked demo posts."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from sqlalchemy import func, select

from govwatch.config.loader import load_county_dir, validate_file
from govwatch.config.yaml_positions import plain, read_yaml
from govwatch.demo.generator import generate_month
from govwatch.demo.plan import DemoPlan
from govwatch.services.ingest import ingest_posts
from govwatch.store.counties import load_stored_county, save_config
from govwatch.store.tables import FindingRow, PostRow


@pytest.fixture(scope="session")
def demo_incoming(meixian_dir):
    """The demo month's posts (as a source hands them over) and its plan."""
    config = load_county_dir(meixian_dir)
    plan = validate_file(DemoPlan, meixian_dir / "demo" / "2023-06.yaml")
    return generate_month(plan, config.county), plan


def county_dir(meixian_dir: Path, target: Path, name: str, data: dict | None = None) -> Path:
    """A copy of 眉县's folder renamed `name` (another tenant), with `data` as its county.yaml when given."""
    shutil.copytree(meixian_dir, target)
    data = data or plain(read_yaml(meixian_dir / "county.yaml"))
    data["county"]["name"] = name
    with (target / "county.yaml").open("w", encoding="utf-8") as out:
        YAML().dump(data, out)
    return target


def store_county(db, directory: Path) -> str:
    config = load_county_dir(directory)
    with db.transaction() as session:
        save_config(session, config)
    return config.county.county.name


def store_unchecked(db, county: str, posts, repeat: int = 1) -> int:
    """Store `posts` for `county` without checking them (as collection jobs do); `repeat` lengthens each text."""
    with db.transaction() as session:
        stored = load_stored_county(session, county)
        lengthened = [replace(p, text="\n".join([p.text] * repeat)) for p in posts]
        return ingest_posts(session, stored, lengthened, None).added


def counts(db, county: str) -> tuple[int, int, int]:
    """(posts, checked posts, findings) of the county."""
    with db.transaction() as session:
        county_id = load_stored_county(session, county).id
        posts = session.scalar(select(func.count()).where(PostRow.county_id == county_id))
        checked = session.scalar(select(func.count()).where(PostRow.county_id == county_id,
                                                            PostRow.checked_at.is_not(None)))
        findings = session.scalar(select(func.count()).select_from(FindingRow).join(PostRow)
                                  .where(PostRow.county_id == county_id))
    return posts, checked, findings


GOVWATCH = Path(sys.executable).parent / "govwatch"


def start_worker(url: str, log: Path, *options: str) -> subprocess.Popen:
    """A real `govwatch worker` process in its own session (so that a test can kill it with its children).

    Its output goes to the file `log` (a pipe nobody reads would fill up and stop the worker).
    """
    with log.open("a") as out:
        return subprocess.Popen([str(GOVWATCH), "--db", url, "worker", *options], stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True)


def wait_for(condition, timeout: float, what: str, interval: float = 0.02):
    """Poll `condition` until it returns something true; fail naming `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def job_states(db) -> list[tuple[str, str, int]]:
    """(task, status, attempts) of every procrastinate job, in order."""
    with db.engine.connect() as connection:
        return [tuple(row) for row in connection.exec_driver_sql(
            "SELECT task_name, status::text, attempts FROM procrastinate_jobs ORDER BY id")]
