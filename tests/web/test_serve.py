"""`govwatch serve` as a user runs it: a process on a free port, the app built by the workers from the settings."""

import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from govwatch.store.web_tables import LoginFailureRow
from govwatch.web.asgi import app_from_settings
from tests.web.conftest import PASSWORD, csrf_of

GOVWATCH = Path(sys.executable).parent / "govwatch"


def test_workers_build_the_app_from_the_settings(site, monkeypatch):
    monkeypatch.setenv("GOVWATCH_DB", site.db.url.render_as_string(hide_password=False))
    monkeypatch.setenv("GOVWATCH_WEB_SECURE_COOKIE", "true")
    monkeypatch.setenv("GOVWATCH_WEB_COUNTY", "眉县")
    app = app_from_settings()
    assert app.state.config.secure_cookie and app.state.config.county == "眉县"
    app.state.db.dispose()


@contextmanager
def served(site, *options: str):
    """`govwatch serve` on a free port until the block ends: (base URL, its login form); then its output."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = site.db.url.render_as_string(hide_password=False)
    server = subprocess.Popen([str(GOVWATCH), "--db", url, "serve", "--port", str(port), *options],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    output: list[str] = []
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None and time.monotonic() < deadline, "govwatch serve did not start"
            try:
                form = httpx.get(f"{base}/login", timeout=2)
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        yield base, form, output
    finally:
        server.terminate()
        output.append(server.communicate(timeout=20)[0])


@pytest.mark.slow
def test_serve_with_two_workers_answers_and_signs_in(site):
    with served(site, "--workers", "2") as (base, form, output), httpx.Client(base_url=base, cookies=form.cookies) as client:
        signed = client.post("/login", data={"username": "admin", "password": PASSWORD,
                                             "csrf_token": csrf_of(form.text)})
        assert signed.status_code == 303
        assert client.get("/api/me").json()["name"] == "admin"
        assert client.get("/api/months").json() == ["2023-06"]
    assert "网页端地址" in output[0]


@pytest.mark.slow
def test_behind_a_trusted_proxy_the_login_limit_counts_the_visitors_address(site):
    def failures() -> list[str]:
        with site.db.transaction() as session:
            return list(session.scalars(select(LoginFailureRow.address).order_by(LoginFailureRow.id)))

    for options, expected in ((("--trusted-proxy", "127.0.0.1"), "203.0.113.7"), ((), "127.0.0.1")):
        with served(site, *options) as (base, form, _), httpx.Client(base_url=base, cookies=form.cookies, headers={"X-Forwarded-For": "203.0.113.7"}) as client:
            refused = client.post("/login", data={"username": "admin", "password": "wrong",
                                                  "csrf_token": csrf_of(form.text)})
            assert refused.status_code == 401
        assert failures()[-1] == expected  # without --trusted-proxy the header is not believed
