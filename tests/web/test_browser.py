"""In real headless Chromium (Debian's, driven by Playwright): sign in, the overview, a unit page, 先审后发,
a rectification answer, and the overview on a phone; screenshots land in the test's tmp folder."""

import socket
import threading
import time

import pytest
import uvicorn

from govwatch.web import create_app
from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.slow
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture
def server(site):
    """The app on a free loopback port, in a thread, for the length of the test."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(site.db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM)
        yield chromium
        chromium.close()


def _login(page, base, name):
    page.goto(f"{base}/")
    assert "/login" in page.url
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/months/**")


def test_editor_and_admin_work_in_a_real_browser(server, browser, site, tmp_path):
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    _login(page, server, "admin")
    assert page.locator("h1").inner_text() == "2023年6月 月度总览"
    assert page.locator("svg").count() == 5
    # nothing overflows the office screen's width
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    page.screenshot(path=tmp_path / "overview.png", full_page=True)

    page.locator(f"a:text-is('{site.unit}')").first.click()
    page.wait_for_url(f"{server}/units/**")
    assert page.locator("h1").inner_text().startswith(site.unit)
    assert page.locator(".reasons li").count() > 0
    page.screenshot(path=tmp_path / "unit.png", full_page=True)

    page.goto(f"{server}/proofread")
    page.fill("input[name=title]", "浏览器测试稿")
    page.fill("textarea[name=text]", "关于安全生产的通知\n全县各单位要认真贯切落实会议精神。")
    page.click("form[action='/proofread'] button")
    page.wait_for_url(f"{server}/proofread/*")
    mark = page.locator("mark").first
    assert mark.inner_text().startswith("贯切落实") and "贯彻落实" in mark.get_attribute("title")
    page.screenshot(path=tmp_path / "proofread.png", full_page=True)
    page.click("form[action='/logout'] button")
    page.wait_for_url(f"{server}/login")

    editor = browser.new_page(viewport={"width": 1366, "height": 768})
    _login(editor, server, "editor")
    editor.goto(f"{server}/rectifications")
    first = editor.locator("section.rect").first
    first.locator("textarea[name=response]").fill("已补发并建立台账")
    first.locator("form[action$='/respond'] button").click()
    editor.wait_for_load_state()
    assert "已反馈" in editor.locator("section.rect").first.inner_text()
    assert "已补发并建立台账" in editor.content()
    editor.screenshot(path=tmp_path / "rectification.png", full_page=True)
    # the editor's overview holds its own unit only
    editor.goto(f"{server}/")
    assert site.other not in editor.content()

    phone = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    _login(phone, server, "leader")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.screenshot(path=tmp_path / "overview-phone.png", full_page=True)
    for name in ("overview", "unit", "proofread", "rectification", "overview-phone"):
        assert (tmp_path / f"{name}.png").stat().st_size > 10_000
