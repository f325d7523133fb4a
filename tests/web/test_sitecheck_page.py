"""The 网站自查 page: the latest stored run's verdict, score and findings, and the trend of the runs."""

from datetime import UTC, date, datetime

import pytest

from govwatch.domain.sitecheck.model import SiteFinding
from govwatch.domain.sitecheck.result import SiteCheckResult
from govwatch.domain.sitecheck.scheme import score, with_severity
from govwatch.services.sitecheck import shipped_rules
from govwatch.store.counties import load_stored_county
from govwatch.store.sitecheck import save_site_check


def run_result(day: date, dead: int) -> SiteCheckResult:
    scheme = shipped_rules().scheme
    findings = with_severity([SiteFinding(kind="dead_link", rule="dead_link_home", url=f"http://www.meixian.gov.cn/x{i}",
                                          page="http://www.meixian.gov.cn/", detail="链接无法访问（HTTP 404）")
                              for i in range(dead)]
                             + [SiteFinding(kind="text_error", rule="text_error", url="http://www.meixian.gov.cn/a.html",
                                            detail="页面严重错误：“牢记始命”，应为“牢记使命”")], scheme)
    moment = datetime(day.year, day.month, day.day, 2, tzinfo=UTC)
    return SiteCheckResult(url="http://www.meixian.gov.cn/", today=day, started_at=moment, finished_at=moment,
                           pages=320, files=4, capped=False, findings=tuple(findings), score=score(findings, scheme))


@pytest.fixture
def stored_runs(site):
    with site.db.transaction() as session:
        county_id = load_stored_county(session).id
        for day, dead in ((date(2024, 6, 1), 4), (date(2024, 6, 8), 2), (date(2024, 6, 15), 1)):
            save_site_check(session, county_id, run_result(day, dead))
    return site


def test_the_latest_run_and_its_trend(stored_runs, admin):
    text = admin.get("/sitecheck").text
    assert "不合格（单项否决）" in text and "扣分指标得分 99 分" in text  # the latest run: one dead home link
    assert "牢记始命" in text and "错链断链" in text and "2024-06-15" in text
    assert 'class="tag severity-veto">单项否决</span>' in text and 'class="tag severity-deduct">扣分</span>' in text
    assert "历次自查得分（近 3 次）" in text and text.count('class="chart"') == 2
    assert '<a href="/sitecheck">网站自查</a>' in text


def test_without_runs_the_page_says_how_to_make_one(admin):
    assert "还没有自查结果" in admin.get("/sitecheck").text


def test_editors_see_it_too(stored_runs, editor):
    assert editor.get("/sitecheck").status_code == 200
