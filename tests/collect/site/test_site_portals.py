"""Site-checks of local portals of three CMS styles: every planted kind found, nothing on the controls."""

from __future__ import annotations

import pytest

from tests.collect.site.conftest import check
from tests.collect.site.portals import BASE, HOST, handmade_portal, hanweb_portal, trs_portal


@pytest.fixture(scope="module")
def trs():
    sites = trs_portal()
    return sites, check(sites)


@pytest.mark.parametrize("make", [trs_portal, hanweb_portal, handmade_portal])
def test_each_portal_reports_exactly_what_it_plants(make):
    sites = make()
    result = check(sites)
    assert {(f.kind, f.url) for f in result.findings} == sites.planted


def test_every_kind_is_planted_somewhere():
    planted = {kind for make in (trs_portal, hanweb_portal, handmade_portal) for kind, _ in make().planted}
    assert planted == {"home_stale", "column_stale", "column_empty", "dead_link", "hidden_link", "meta_missing",
                       "identity_missing", "text_error", "privacy", "interaction_overdue", "guide_incomplete",
                       "attachment_unreadable"}


def test_robots_is_honoured_for_pages_and_link_checks(trs):
    sites, _ = trs
    assert sites.requested(HOST, "/private/") == []
    assert sites.requested("www.example.com", "/secret/") == []
    assert sites.requested("www.example.com", "/robots.txt")  # asked before checking its links


def test_slash_and_index_html_are_one_page(trs):
    sites, result = trs
    assert sites.requested(HOST, "/index.html") == []
    assert len([p for _, h, p in sites.seen if h == HOST and p == "/"]) == 1
    assert result.pages == len({f for f in {p for _, h, p in sites.seen if h == HOST}} - {
        "/robots.txt", "/css/site.css", "/upload/dibao.csv", "/upload/masked.csv", "/upload/broken.pdf",
        "/upload/missing.doc"})


def test_a_linked_stylesheet_is_fetched_once(trs):
    sites, _ = trs
    assert sites.requested(HOST, "/css/site.css") == ["/css/site.css"]


def test_link_findings_name_the_page_holding_the_link_and_column_findings_the_column(trs):
    _, result = trs
    by_url = {f.url: f for f in result.findings}
    assert by_url["http://www.example.com/gone.html"].page == f"{BASE}/202406/t20240618_400.html"
    assert by_url[f"{BASE}/upload/dibao.csv"].page == f"{BASE}/202404/t20240420_300.html"
    assert by_url[f"{BASE}/zwgk/tzgg/"].column == "通知公告"
    assert by_url[f"{BASE}/ztzl/"].column == "专题专栏"
    assert by_url[f"{BASE}/hdjl/zxzx/m3.html"].column == "咨询投诉"
    assert all(f.column for f in result.findings if f.kind in ("column_stale", "column_empty"))


def test_severities_follow_the_scheme(trs):
    _, result = trs
    severity = {(f.kind, f.url.rsplit("/", 1)[-1]): f.severity for f in result.findings}
    assert severity[("interaction_overdue", "m3.html")] == "veto"  # unanswered over 90 days: 互动回应差
    assert severity[("interaction_overdue", "m2.html")] == "deduct"  # answered late
    assert severity[("text_error", "t20240420_300.html")] == "veto"
    assert severity[("attachment_unreadable", "broken.pdf")] == "notice"
    assert severity[("meta_missing", "t20240618_400.html")] == "notice"
    assert not result.score.passed and {v.indicator for v in result.score.vetoes} == {"严重错误", "互动回应差"}


def test_meta_missing_names_the_tags(trs):
    _, result = trs
    [finding] = [f for f in result.findings if f.kind == "meta_missing"]
    assert "PubDate" in finding.detail and "ContentSource" in finding.detail and "ArticleTitle" not in finding.detail


def test_the_page_cap_of_the_crawl_settings_bounds_the_check():
    from tests.collect.site.conftest import FAST

    result = check(trs_portal(), FAST.model_copy(update={"max_site_pages": 5}))
    assert result.capped and result.pages <= 5


def test_a_portal_whose_home_page_fails_is_unreachable():
    from tests.collect.site.portals import FakeSites

    result = check(FakeSites())  # every page 404
    assert [(f.kind, f.rule, f.severity, f.url) for f in result.findings] == [
        ("dead_link", "site_unreachable", "veto", f"{BASE}/")]
    assert [v.indicator for v in result.score.vetoes] == ["站点无法访问"]
