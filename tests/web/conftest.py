"""A copy of the demo month per test with one account per role, and signed-in test clients."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from govwatch.config.loader import load_county_dir
from govwatch.domain.calendar import Month
from govwatch.services.accounts import Role, add_user
from govwatch.services.rectification import open_items
from govwatch.services.report import notice_model
from govwatch.store.counties import load_stored_county, save_config
from govwatch.store.db import open_database
from govwatch.web import WebConfig, create_app

PASSWORD = "correct-horse-9"
MONTH = Month(2023, 6)


@dataclass(frozen=True)
class Site:
    """The test database and what the accounts were bound to."""

    db: object
    unit: str  # the editor's unit: it has rectification items and accounts
    unit_id: int
    other: str  # another notified unit, which the editor must never see
    other_id: int


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def sign_in(client: TestClient, name: str, password: str = PASSWORD):
    form = client.get("/login")
    return client.post("/login", data={"username": name, "password": password, "csrf_token": csrf_of(form.text),
                                       "next": "/"}, follow_redirects=False)


def _file_copy(db, target: Path) -> Path:
    """Copy a SQLite database file after folding its write-ahead log into it."""
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(db.url.database, target)
    return target


@pytest.fixture(scope="session")
def web_template(demo_database, tmp_path_factory) -> tuple[Path, tuple]:
    """The demo month with its rectification items opened, an admin, a leader and two editors of a notified unit,
    built once; each test gets a copy of the file (argon2 hashing and grading are the costly part).

    Both units used (the editor's and the other one) are named in the notice and have new-media accounts.
    """
    path = _file_copy(demo_database[0], tmp_path_factory.mktemp("web") / "template.db")
    db = open_database(f"sqlite:///{path}")
    try:
        with db.transaction() as session:
            stored = load_stored_county(session)
            items = open_items(session, stored, notice_model(session, stored, MONTH))
            with_accounts = {a.unit for a in stored.county.accounts}
            units = sorted({i.unit for i in items} & with_accounts)
            add_user(session, stored, "admin", PASSWORD, Role.ADMIN, None)
            add_user(session, stored, "leader", PASSWORD, Role.LEADER, None)
            add_user(session, stored, "editor", PASSWORD, Role.EDITOR, units[0])
            add_user(session, stored, "editor2", PASSWORD, Role.EDITOR, units[0])
            ids = stored.unit_ids
    finally:
        db.dispose()
    return path, (units[0], ids[units[0]], units[1], ids[units[1]])


@pytest.fixture
def site(web_template, tmp_path) -> Site:
    """A private copy of the template, for tests that change it."""
    path, fields = web_template
    db = open_database(f"sqlite:///{shutil.copyfile(path, tmp_path / 'web.db')}")
    yield Site(db, *fields)
    db.dispose()


@pytest.fixture
def app(site):
    return create_app(site.db, WebConfig())


@pytest.fixture
def client_as(app):
    """A signed-in client for a user name: client_as("admin")."""
    def make(name: str) -> TestClient:
        client = TestClient(app)
        response = sign_in(client, name)
        assert response.status_code == 303, response.text
        return client
    return make


@pytest.fixture
def admin(client_as) -> TestClient:
    return client_as("admin")


@pytest.fixture
def editor(client_as) -> TestClient:
    return client_as("editor")


def form_token(client: TestClient, path: str = "/proofread") -> str:
    """The session's CSRF token, as a page's forms carry it."""
    return csrf_of(client.get(path).text)


@pytest.fixture
def two_counties(site, meixian_dir):
    """The site's county (眉县) and a neighbour (邻县) in one database, each with its own dashboard."""
    config = load_county_dir(meixian_dir)
    data = dict(config.county_data, county=dict(config.county_data["county"], name="邻县"))
    other = type(config)(config.directory, type(config.county).model_validate(data), config.rules, data,
                         config.rules_data)
    with site.db.transaction() as session:
        save_config(session, other)
    here = create_app(site.db, WebConfig(county=config.county.county.name))
    there = create_app(site.db, WebConfig(county="邻县"))
    return here, there
