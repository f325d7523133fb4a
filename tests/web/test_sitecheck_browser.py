"""The 网站自查 page in real headless Chromium: it fits the office screen; the screenshot lands in tmp."""

import pytest

from tests.web.test_browser import _login, browser, server  # noqa: F401  (fixtures)
from tests.web.test_sitecheck_page import stored_runs  # noqa: F401  (fixture)

pytestmark = pytest.mark.slow


def test_sitecheck_page_in_a_real_browser(stored_runs, server, browser, tmp_path):  # noqa: F811
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    _login(page, server, "admin")
    page.click("text=网站自查")
    page.wait_for_url(f"{server}/sitecheck")
    assert page.locator("h1").inner_text() == "网站自查"
    assert page.locator("svg").count() == 2
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    page.screenshot(path=str(tmp_path / "sitecheck.png"), full_page=True)
