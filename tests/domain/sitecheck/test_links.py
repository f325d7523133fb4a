import pytest

from govwatch.domain.sitecheck.links import dead_links, hidden_links, hiding_reason
from govwatch.domain.sitecheck.model import DeadLink, ElementStyle, GatheredPage, LinkSeen


def chain(*declarations):
    return tuple(ElementStyle(tag="a" if i == 0 else "div", declarations=d) for i, d in enumerate(declarations))


@pytest.mark.parametrize("styles", [
    chain({"display": "none"}),
    chain({}, {"display": "none"}),
    chain({"visibility": "hidden"}),
    chain({}, {"visibility": "hidden"}),
    chain({"font-size": "0"}),
    chain({}, {"font-size": "0px"}),
    chain({"height": "0", "overflow": "hidden"}),
    chain({"width": "0", "height": "0px"}),
    chain({}, {"position": "absolute", "left": "-9999px"}),
    chain({"position": "fixed", "top": "-80em"}),
    chain({"text-indent": "-2000px"}),
    chain({"hidden": ""}),
    chain({"display": "none !important"}),
])
def test_hidden(styles):
    assert hiding_reason(styles)


@pytest.mark.parametrize("styles", [
    (),
    chain({"display": "inline"}),
    chain({"visibility": "visible"}, {"visibility": "hidden"}),  # the nearest visibility decides
    chain({"font-size": "14px"}, {"font-size": "0"}),  # the link sets its own size
    chain({"height": "0"}),  # overflows visibly
    chain({"position": "relative", "left": "-9999px"}),
    chain({"position": "absolute", "left": "-20px"}),
    chain({"width": "50%", "overflow": "hidden"}),
])
def test_visible(styles):
    assert hiding_reason(styles) is None


def test_only_links_off_the_site_are_hidden_links():
    hidden = chain({"display": "none"})
    page = GatheredPage(url="http://www.x.gov.cn/a.html", type="article", links=(
        LinkSeen(url="http://casino.example/", text="娱乐", styles=hidden),
        LinkSeen(url="http://www.x.gov.cn/about.html", styles=hidden),
        LinkSeen(url="http://www.example.com/"),
    ))
    [finding] = hidden_links([page], ["www.x.gov.cn"])
    assert (finding.url, finding.page, finding.kind) == ("http://casino.example/", page.url, "hidden_link")
    assert "display:none" in finding.detail


def test_dead_links_of_the_home_page_are_weighed_apart():
    links = [DeadLink(url="u1", page="home", status=404), DeadLink(url="u2", page="p", detail="连接超时")]
    found = dead_links(links, "home")
    assert [(f.rule, f.page) for f in found] == [("dead_link_home", "home"), ("dead_link", "p")]
    assert "HTTP 404" in found[0].detail and "连接超时" in found[1].detail


def test_a_home_page_that_does_not_answer_is_site_unreachable(rules):
    from govwatch.domain.sitecheck.scheme import with_severity

    [finding] = with_severity(dead_links([DeadLink(url="http://x.gov.cn/", page="http://x.gov.cn/", status=503)],
                                         "http://x.gov.cn/"), rules.scheme)
    assert (finding.rule, finding.severity) == ("site_unreachable", "veto") and "首页无法访问" in finding.detail
