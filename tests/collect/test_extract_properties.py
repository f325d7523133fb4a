"""Property suites of the page readers on hostile HTML: list pages, articles, links and dates.

Every example is a real page shape (the demo portal's list page, article and Hanweb records) mutated at
the character and the markup level — cut, doubled, spliced with hostile hrefs, pagers and dates — or
arbitrary text. The property: a result or NotAnArticle (the crawler's clear finding), never another
exception, and each example within DEADLINE (a regex or parser that blows up on a mutation is a hang).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govwatch.collect.crawl.fetch import Request
from govwatch.collect.crawl.listing import hanweb_request, parse_list_page
from govwatch.collect.extract.article import NotAnArticle, extract_article, parse_html
from govwatch.collect.extract.dates import find_dates, parse_date
from govwatch.collect.extract.links import page_links, web_url
from govwatch.collect.fakes import pages
from govwatch.domain.incoming import IncomingPost

ZONE = ZoneInfo("Asia/Shanghai")
DEADLINE = timedelta(seconds=5)  # per example, on a loaded two-core machine; a real page takes milliseconds
BASE = "http://www.meixian.gov.cn/col/col1001/index.html"
_POST = IncomingPost("县财政局召开学习会", datetime(2023, 6, 5, 10, 0, tzinfo=ZONE), "会议要求全体干部厉行节约。" * 5,
                     "http://www.meixian.gov.cn/art/2023/6/5/art_1001_1.html", unit="县财政局", column="部门动态")
_NAV = [("部门动态", "/col/col1001/index.html"), ("通知公告", "/col/col1002/index.html")]
SEEDS = (
    pages.list_page("眉县人民政府", "www.meixian.gov.cn", "部门动态", [pages.list_item(_POST, "/a/t20230605_1.html")] * 3,
                    pages.script_pager(5, 1), _NAV),
    pages.list_page("眉县人民政府", "www.meixian.gov.cn", "部门动态", [pages.list_item(_POST, "/a/t20230605_2.html")],
                    pages.link_pager("index_2.html"), _NAV),
    pages.list_page("眉县人民政府", "www.meixian.gov.cn", "部门动态", [], pages.hanweb_pager(1001, 7), _NAV),
    pages.article("眉县人民政府", "www.meixian.gov.cn", "部门动态", _POST, True, "utf-8", ["/upload/a.doc"], _NAV),
    pages.article("眉县人民政府", "www.meixian.gov.cn", "部门动态", _POST, False, None, [], _NAV),
)
HOSTILE = st.sampled_from([
    '<a href="http://[::1/bad">坏</a>', '<a href="javascript:alert(1)">j</a>', '<a href="data:text/html,x">d</a>',
    '<a href="http://a.gov.cn:99999999/">p</a>', '<a href="//[">r</a>', '<a href="\\\\server\\share">s</a>',
    '<a href="下一页">下一页</a>', '<a href="http://[::1/bad">下一页</a>', "createPageHTML(99999999999999999999, -1",
    "var countPage = 0", '<meta name="PubDate" content="2023-99-99 99:99">', "发布时间：9999年99月99日",
    '<meta name="ArticleTitle" content="">', "<title></title>", "<h1>", "</html>", "<![CDATA[", "<record>", "]]>",
    "<script>", "<!--", "\x00", "\ufeff", "\u202e", "&#0;", "&#xD800;", "<" * 50, "年" * 200, "2023-" * 100,
])


@st.composite
def mutated(draw) -> str:
    """A seed page with a few cuts, doubled slices and hostile insertions at random places."""
    html = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 6))):
        at, to = sorted(draw(st.integers(0, len(html))) for _ in range(2))
        action = draw(st.sampled_from(["insert", "cut", "double", "text"]))
        if action == "insert":
            html = html[:at] + draw(HOSTILE) + html[at:]
        elif action == "cut":
            html = html[:at] + html[to:]
        elif action == "double":
            html = html[:to] + html[at:to] + html[to:]
        else:
            html = html[:at] + draw(st.text(max_size=20)) + html[at:]
    return html


# CI runs 300 mutated pages here (max_examples=300), each within DEADLINE.
@settings(max_examples=300, deadline=DEADLINE, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_list_pages_give_items_or_not_an_article(html):
    try:
        page = parse_list_page(html, Request(BASE, kind="list", column="c"), ZONE)
    except NotAnArticle:
        return
    assert all(web_url(item.url) for item in page.items)
    assert all(web_url(request.url) and request.kind == "list" for request in page.next)


# CI runs 200 mutated dataproxy answers here (max_examples=200), each within DEADLINE.
@settings(max_examples=200, deadline=DEADLINE)
@given(st.lists(st.sampled_from([pages.list_item(_POST, "/a/t20230605_1.html"), '<li><a href="http://[::1/">x</a></li>']),
                max_size=5), st.integers(-5, 10**20), mutated())
def test_hanweb_records_give_items_and_a_bounded_next_batch(records, total, noise):
    request = hanweb_request(SEEDS[2], BASE, "c")
    answer = pages.hanweb_records(records, total).replace("<recordset>", "<recordset>" + noise[:200], 1)
    page = parse_list_page(answer, request, ZONE)
    assert all(web_url(item.url) for item in page.items) and len(page.next) <= 1


# CI runs 300 mutated pages here (max_examples=300), each within DEADLINE.
@settings(max_examples=300, deadline=DEADLINE, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_article_pages_give_an_article_or_not_an_article(html):
    try:
        article = extract_article(html, _POST.url, ZONE)
    except NotAnArticle:
        return
    assert article.title and isinstance(article.text, str)
    assert article.published_at is None or 1900 <= article.published_at.year <= 2099


# CI runs 300 mutated pages here (max_examples=300), each within DEADLINE.
@settings(max_examples=300, deadline=DEADLINE)
@given(mutated())
def test_page_links_are_web_addresses_and_never_raise(html):
    try:
        doc = parse_html(html)
    except NotAnArticle:
        return
    found = page_links(doc, BASE)
    assert all(web_url(link) for link in found.links) and not set(found.links) & set(found.rejected)


_DATEISH = st.lists(st.one_of(st.sampled_from(list("0123456789０１２３４５６７８９-/.年月日时分秒:： T")), st.text(max_size=3)),
                    max_size=40).map("".join)


# CI runs 500 strings here (max_examples=500): date-shaped soup and arbitrary Unicode, each within DEADLINE.
@settings(max_examples=500, deadline=DEADLINE)
@given(st.one_of(_DATEISH, st.text(max_size=200)))
def test_the_date_parser_gives_dates_or_none(text):
    found = find_dates(text, ZONE)
    assert all(1900 <= d.year <= 2099 and d.tzinfo is ZONE for d in found)
    assert parse_date(text, ZONE) == (found[0] if found else None)
