"""API tokens: a script reads /api/ as one user, with that user's unit isolation and county; nothing else."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from govwatch.services.accounts import Role, add_user, issue_token
from govwatch.store.counties import load_stored_county
from govwatch.store.users import disable_user, find_user, revoke_tokens
from govwatch.store.web_tables import ApiTokenRow
from tests.web.conftest import PASSWORD, TestClient


def _token(site, name: str) -> str:
    with site.db.transaction() as session:
        return issue_token(session, name, "测试脚本")


def _tokens_of(session, name: str) -> list[ApiTokenRow]:
    return list(session.scalars(select(ApiTokenRow).where(ApiTokenRow.user_id == find_user(session, name).id)))


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_a_token_reads_the_api_as_its_user(site, app):
    token = _token(site, "editor")
    client = TestClient(app)
    me = client.get("/api/me", headers=_bearer(token))
    assert me.status_code == 200 and me.json()["name"] == "editor" and me.json()["unit"] == site.unit
    assert client.get(f"/api/units/{site.unit_id}", headers=_bearer(token)).status_code == 200
    assert client.get(f"/api/units/{site.other_id}", headers=_bearer(token)).status_code == 403
    with site.db.transaction() as session:
        [row] = _tokens_of(session, "editor")
        assert row.label == "测试脚本" and row.last_used_at is not None
        assert row.token_hash != token and token not in row.token_hash  # only the hash is stored


def test_a_token_opens_no_page_and_no_form(site, app):
    token = _token(site, "admin")
    client = TestClient(app, follow_redirects=False)
    assert client.get("/", headers=_bearer(token)).status_code in (303, 401)
    assert client.post("/review/overrides", headers=_bearer(token),
                       data={"month": "2023-06", "annex": "disclosure", "subject": site.unit, "grade": "合格",
                             "reason": "测试"}).status_code in (303, 401, 403)


def test_wrong_revoked_and_disabled_tokens_are_refused(site, app):
    client = TestClient(app)
    assert client.get("/api/me", headers=_bearer("gw_not-a-token")).status_code == 401
    assert client.get("/api/me", headers={"Authorization": "Basic abc"}).status_code == 401
    token = _token(site, "leader")
    assert client.get("/api/me", headers=_bearer(token)).status_code == 200
    with site.db.transaction() as session:
        assert revoke_tokens(session, find_user(session, "leader").id) == 1
    assert client.get("/api/me", headers=_bearer(token)).status_code == 401
    token = _token(site, "editor2")
    with site.db.transaction() as session:
        disable_user(session, "editor2")
    assert client.get("/api/me", headers=_bearer(token)).status_code == 401


def test_a_token_of_another_countys_account_is_refused(site, two_counties):
    here, there = two_counties
    with site.db.transaction() as session:
        add_user(session, load_stored_county(session, "邻县"), "neighbour-admin", PASSWORD, Role.ADMIN, None)
        token = issue_token(session, "neighbour-admin")
    assert TestClient(here).get("/api/me", headers=_bearer(token)).status_code == 401
    assert TestClient(there).get("/api/me", headers=_bearer(token)).status_code == 200


def test_last_use_is_written_at_most_hourly(site, app):
    token = _token(site, "admin")
    client = TestClient(app)
    client.get("/api/me", headers=_bearer(token))
    with site.db.transaction() as session:
        [row] = _tokens_of(session, "admin")
        first = row.last_used_at
        row.last_used_at = datetime(2020, 1, 1, tzinfo=UTC)
    client.get("/api/me", headers=_bearer(token))
    with site.db.transaction() as session:
        [row] = _tokens_of(session, "admin")
        assert first is not None and row.last_used_at > datetime(2020, 1, 2, tzinfo=UTC)
        recent = row.last_used_at = datetime.now(UTC) - timedelta(minutes=10)
    client.get("/api/me", headers=_bearer(token))
    with site.db.transaction() as session:
        [row] = _tokens_of(session, "admin")
        assert row.last_used_at == recent  # within the hour: the read wrote nothing
