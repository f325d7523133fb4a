"""Fixtures of the job tests: counties (tenants) stored through the public API, unchecked demo posts."""

from __future__ import annotations

import shutil
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
