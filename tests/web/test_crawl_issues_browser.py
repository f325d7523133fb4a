"""链接与采集问题 in real headless Chromium, at an office screen's and a phone's width: nothing overflows the
page, filters work; screenshots land in the test's tmp folder (or GOVWATCH_SCREENSHOTS, to look at them)."""

import os
from pathlib import Path

import pytest

from tests.web.test_browser import _login, browser, server  # noqa: F401  (fixtures)

pytestmark = pytest.mark.slow


def test_crawl_issues_page_on_desktop_and_phone(server, browser, site, tmp_path):  # noqa: F811
    shots = Path(os.environ.get("GOVWATCH_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    _login(page, server, "admin")
    page.click("nav a:text-is('链接与采集问题')")
    page.wait_for_url(f"{server}/crawl-issues")
    assert page.locator("h1").inner_text() == "链接与采集问题"
    rows = page.locator("table.crawl-issues tbody tr").count()
    assert rows > 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    page.screenshot(path=shots / "crawl-issues.png", full_page=True)

    page.locator("input[name=kind][value=dead_link]").check()
    page.click("form.filters button")
    page.wait_for_url(f"{server}/crawl-issues?*")
    dead = page.locator("table.crawl-issues tbody tr").count()
    assert 0 < dead < rows and "已复核" in page.content()

    phone = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    _login(phone, server, "editor")
    phone.goto(f"{server}/crawl-issues")
    assert f"单位：{site.unit}" in phone.content() and site.other not in phone.locator("table").first.inner_text()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.screenshot(path=shots / "crawl-issues-phone.png", full_page=True)
