"""Signing in and out, the session cookie, CSRF on every form, the persistent login rate limit."""

import pytest

from govwatch.web import WebConfig, create_app
from tests.web.conftest import PASSWORD, TestClient, csrf_of, form_token, sign_in


def test_without_login_pages_redirect_and_api_answers_401(app):
    client = TestClient(app)
    page = client.get("/months/2023-06", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"].startswith("/login?next=")
    assert client.get("/api/units").status_code == 401
    assert client.get("/api/months/2023-06").json() == {"detail": "请先登录"}


def test_login_sets_a_strict_session_cookie_and_logout_ends_it(app):
    client = TestClient(app)
    response = sign_in(client, "admin")
    assert response.status_code == 303
    cookie = response.headers["set-cookie"].lower()
    assert "gw_session=" in cookie and "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie
    assert client.get("/api/me").json()["role_label"] == "管理员"
    out = client.post("/logout", data={"csrf_token": form_token(client)}, follow_redirects=False)
    assert out.status_code == 303
    assert client.get("/api/me").status_code == 401


def test_secure_cookie_when_configured(site):
    client = TestClient(create_app(site.db, WebConfig(secure_cookie=True)), base_url="https://testserver")
    assert "secure" in sign_in(client, "admin").headers["set-cookie"].lower()


def test_wrong_password_and_unknown_user_are_refused_alike(app):
    client = TestClient(app)
    for name, password in (("admin", "wrong-password"), ("nobody", PASSWORD)):
        response = sign_in(client, name, password)
        assert response.status_code == 401 and "用户名或密码错误" in response.text
    assert client.get("/api/me").status_code == 401


def test_login_form_without_its_csrf_token_is_refused(app):
    client = TestClient(app)
    client.get("/login")
    response = client.post("/login", data={"username": "admin", "password": PASSWORD, "csrf_token": "forged"})
    assert response.status_code == 403
    assert client.get("/api/me").status_code == 401


def test_forms_without_the_session_csrf_token_change_nothing(admin, editor, site):
    item = next(i for i in editor.get("/api/rectifications").json())
    for token in ("", "not-the-token"):
        response = editor.post(f"/rectifications/{item['id']}/respond", data={"response": "已整改", "csrf_token": token})
        assert response.status_code == 403 and "CSRF" in response.text
    assert editor.get("/api/rectifications").json()[0]["status"] == "open"
    # a token from another session is no better
    stolen = form_token(admin)
    assert editor.post(f"/rectifications/{item['id']}/respond",
                       data={"response": "已整改", "csrf_token": stolen}).status_code == 403


def test_five_failures_lock_the_user_and_address_even_after_a_restart(site):
    client = TestClient(create_app(site.db))
    for _ in range(5):
        assert sign_in(client, "admin", "wrong-password").status_code == 401
    locked = sign_in(client, "admin", PASSWORD)
    assert locked.status_code == 429 and "登录失败次数过多" in locked.text
    restarted = TestClient(create_app(site.db))
    assert sign_in(restarted, "admin", PASSWORD).status_code == 429
    # the lock is per user: another account from the same address still signs in
    assert sign_in(restarted, "leader").status_code == 303


def test_parallel_guesses_count_against_each_other(site):
    from concurrent.futures import ThreadPoolExecutor

    app = create_app(site.db)
    clients = [TestClient(app) for _ in range(12)]
    forms = [csrf_of(c.get("/login").text) for c in clients]

    def guess(i: int) -> int:
        return clients[i].post("/login", data={"username": "admin", "password": f"wrong-{i}", "csrf_token": forms[i],
                                               "next": "/"}, follow_redirects=False).status_code

    with ThreadPoolExecutor(12) as pool:
        answers = list(pool.map(guess, range(12)))
    assert answers.count(401) <= 5 and answers.count(429) >= 7


def test_login_redirects_only_to_local_paths(app):
    client = TestClient(app)
    form = client.get("/login?next=//evil.example/")
    assert 'value="/"' in form.text
    response = client.post("/login", data={"username": "admin", "password": PASSWORD, "csrf_token": csrf_of(form.text),
                                           "next": "https://evil.example/"}, follow_redirects=False)
    assert response.headers["location"] == "/"


def test_pages_carry_the_security_headers(admin):
    headers = admin.get("/months/2023-06").headers
    assert headers["content-security-policy"].startswith("default-src 'self'")
    assert "script-src" not in headers["content-security-policy"]  # no scripts at all: default-src covers them
    assert headers["x-frame-options"] == "DENY" and headers["x-content-type-options"] == "nosniff"


def test_resetting_or_disabling_an_account_ends_its_sessions(site, client_as):
    from govwatch.store.users import disable_user, find_user, save_user

    client = client_as("editor")
    assert client.get("/api/me").status_code == 200
    with site.db.transaction() as session:
        row = find_user(session, "editor")
        save_user(session, "editor", row.password_hash, row.role, row.unit_id, row.county_id)  # `user add` again: a reset
    assert client.get("/api/me").status_code == 401
    client = client_as("editor")
    with site.db.transaction() as session:
        assert disable_user(session, "editor") and not disable_user(session, "nobody")
    assert client.get("/api/me").status_code == 401
    assert sign_in(TestClient(client.app), "editor").status_code == 401


def _add(site, county: str | None, name: str, role, unit=None):
    """An account of `county`, or of every county (None)."""
    from govwatch.services.accounts import add_user
    from govwatch.store.counties import load_stored_county

    with site.db.transaction() as session:
        add_user(session, load_stored_county(session, county) if county else None, name, PASSWORD, role, unit)


def test_accounts_of_another_county_cannot_sign_in_here(site, two_counties):
    from govwatch.services.accounts import Role

    here, there = two_counties
    _add(site, "邻县", "neighbour", Role.EDITOR, site.unit)
    _add(site, "邻县", "neighbour-admin", Role.ADMIN)
    for name in ("neighbour", "neighbour-admin"):
        refused = sign_in(TestClient(here), name)
        assert refused.status_code == 401 and "用户名或密码错误" in refused.text  # as a wrong password: no enumeration
        assert sign_in(TestClient(there), name).status_code == 303


def test_a_session_of_another_countys_dashboard_is_not_signed_in_here(site, two_counties):
    """Browsers send one host's cookies to every port: 邻县's dashboard cookie reaches 眉县's too."""
    from govwatch.services.accounts import Role

    here, there = two_counties
    _add(site, "邻县", "neighbour-admin", Role.ADMIN)
    visitor = TestClient(there)
    assert sign_in(visitor, "neighbour-admin").status_code == 303
    assert visitor.get("/api/me").status_code == 200
    elsewhere = TestClient(here, cookies=visitor.cookies)
    assert elsewhere.get("/api/me").status_code == 401


def test_an_account_of_every_county_signs_in_to_each_and_each_audit_log_keeps_its_own(site, two_counties):
    from govwatch.services.accounts import Role

    here, there = two_counties
    _add(site, None, "市级领导", Role.LEADER)
    _add(site, "邻县", "邻县管理员", Role.ADMIN)
    for app in (here, there):
        assert sign_in(TestClient(app), "市级领导").status_code == 303
    admin_there = TestClient(there)
    assert sign_in(admin_there, "邻县管理员").status_code == 303
    admin_here = TestClient(here)
    assert sign_in(admin_here, "admin").status_code == 303
    log_there, log_here = admin_there.get("/audit").text, admin_here.get("/audit").text
    assert "邻县管理员" in log_there and "邻县管理员" not in log_here
    assert "市级领导" in log_there and "市级领导" in log_here  # signed in to both: an entry in each


def test_an_editor_belongs_to_one_county(site):
    from govwatch.services.accounts import Role

    with pytest.raises(ValueError, match="all-counties"):
        _add(site, None, "某编辑", Role.EDITOR, site.unit)
