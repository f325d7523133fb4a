"""A private copy of the demo month with one account per role, and signed-in test clients."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient

from govwatch.domain.calendar import Month
from govwatch.services.accounts import Role, add_user
from govwatch.services.rectification import open_items
from govwatch.services.report import notice_model
from govwatch.store.counties import load_stored_county
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


@pytest.fixture
def site(demo_copy) -> Site:
    """The demo month with its rectification items opened, an admin, a leader and an editor of a notified unit.

    Both units used (the editor's and the other one) are named in the notice and have new-media accounts.
    """
    with demo_copy.transaction() as session:
        stored = load_stored_county(session)
        items = open_items(session, stored, notice_model(session, stored, MONTH))
        with_accounts = {a.unit for a in stored.county.accounts}
        units = sorted({i.unit for i in items} & with_accounts)
        add_user(session, stored, "admin", PASSWORD, Role.ADMIN, None)
        add_user(session, stored, "leader", PASSWORD, Role.LEADER, None)
        add_user(session, stored, "editor", PASSWORD, Role.EDITOR, units[0])
        add_user(session, stored, "editor2", PASSWORD, Role.EDITOR, units[0])
        ids = stored.unit_ids
    return Site(demo_copy, units[0], ids[units[0]], units[1], ids[units[1]])


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
