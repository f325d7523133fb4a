from zoneinfo import ZoneInfo

from govwatch.collect.crawl.fetch import Request
from govwatch.collect.crawl.listing import parse_list_page

ZONE = ZoneInfo("Asia/Shanghai")
ITEMS = ('<ul><li><a href="./202306/t20230605_1.html">通知一</a><span>2023-06-05</span></li>'
         '<li><a href="/art/2023/6/1/art_12_34.html" title="通知二">通知二…</a></li>'
         '<li><a href="/col/other.html">其它栏目</a></li></ul>')


def _page(html, url="http://www.x.gov.cn/col/zwgk/index.html", method="GET", form=()):
    return parse_list_page(html, Request(url, method, form, "list", "c"), ZONE)


def test_items_by_date_or_article_shaped_url():
    page = _page(f'<html><head><meta name="ColumnName" content="通知公告"></head><body>{ITEMS}</body></html>')
    assert [(i.url, i.title) for i in page.items] == [
        ("http://www.x.gov.cn/col/zwgk/202306/t20230605_1.html", "通知一"),
        ("http://www.x.gov.cn/art/2023/6/1/art_12_34.html", "通知二")]
    assert page.items[0].published_at.day == 5 and page.items[1].published_at is None
    assert page.column == "通知公告" and page.next == ()


def test_trs_script_pager_is_followed_one_page_at_a_time():
    html = f'<body>{ITEMS}<script>createPageHTML(3, 0, "index", "html");</script></body>'
    assert [r.url for r in _page(html).next] == ["http://www.x.gov.cn/col/zwgk/index_1.html"]
    assert [r.url for r in _page(html, "http://www.x.gov.cn/col/zwgk/index_1.html").next] == [
        "http://www.x.gov.cn/col/zwgk/index_2.html"]
    assert _page(html, "http://www.x.gov.cn/col/zwgk/index_2.html").next == ()
    assert [r.url for r in _page(f"<body>{ITEMS}<script>var countPage = 2;</script></body>").next] == [
        "http://www.x.gov.cn/col/zwgk/index_1.html"]


def test_next_page_link_but_not_a_script_one():
    assert [r.url for r in _page(f'<body>{ITEMS}<a href="?page=2">下一页</a></body>').next] == [
        "http://www.x.gov.cn/col/zwgk/index.html?page=2"]
    assert _page(f'<body>{ITEMS}<a href="javascript:next()">下一页</a></body>').next == ()


def test_hanweb_dataproxy_posts_then_batches():
    html = "<body><script>var cfg = {columnid:'1234', unitid:'77', webid:'3'}; // dataproxy.jsp</script></body>"
    first = _page(html).next[0]
    assert first.method == "POST" and "startrecord=1&endrecord=45" in first.url
    assert dict(first.form)["columnid"] == "1234" and dict(first.form)["unitid"] == "77"
    records = "".join(f'<record><![CDATA[<li><a href="/art/2023/6/{d}/art_1234_{d}.html">第{d}条</a>'
                      f'<span>2023-06-{d:02d}</span></li>]]></record>' for d in range(1, 31))
    answer = _page(f"<datastore><totalrecord>60</totalrecord><recordset>{records}</recordset></datastore>",
                   first.url, "POST", first.form)
    assert len(answer.items) == 30 and "startrecord=46&endrecord=90" in answer.next[0].url
    last = _page("<datastore><totalrecord>60</totalrecord><recordset></recordset></datastore>",
                 answer.next[0].url, "POST", first.form)
    assert last.items == () and last.next == ()
