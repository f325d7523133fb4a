import contextlib
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govwatch.collect.extract.article import NotAnArticle, extract_article, html_text, parse_html
from govwatch.collect.extract.charset import decode_html
from govwatch.collect.extract.links import is_government, page_links, web_url

ZONE = ZoneInfo("Asia/Shanghai")
BODY = "县财政局召开党的二十大精神学习会。会议要求全体干部厉行节约。" * 3

META_PAGE = f"""<html><head><meta name="ArticleTitle" content="县财政局召开学习会">
<meta name="PubDate" content="2023-06-05 10:00"><meta name="ContentSource" content="县财政局">
<meta name="ColumnName" content="部门动态"></head><body><h1>页面上的标题</h1>
<div class="TRS_Editor"><p>{BODY}</p><script>var x = 1;</script></div></body></html>"""


def test_meta_tags_come_first():
    article = extract_article(META_PAGE, "http://x.gov.cn/a.html", ZONE)
    assert (article.title, article.source, article.column, article.method) == ("县财政局召开学习会", "县财政局", "部门动态", "meta")
    assert article.published_at.isoformat() == "2023-06-05T10:00:00+08:00"
    assert article.text == BODY


def test_null_meta_falls_back_to_the_visible_line():
    page = META_PAGE.replace('content="2023-06-05 10:00"', 'content="null"').replace('content="县财政局"', 'content="null"')
    page = page.replace("<h1>", "<div class='info'>发布时间：2023年06月06日 09:30 | 来源：县民政局</div><h1>")
    article = extract_article(page, "http://x.gov.cn/a.html", ZONE)
    assert (article.published_at.day, article.published_at.hour, article.source, article.method) == (6, 9, "县民政局", "visible")


def test_unknown_templates_go_to_trafilatura():
    paragraphs = "".join(f"<p>{BODY}第{i}段。</p>" for i in range(5))
    page = (f"<html><head><title>县里的新闻_某县政府</title></head><body><div class='nav'>首页 | 新闻</div>"
            f"<article>{paragraphs}</article></body></html>")
    article = extract_article(page, "http://x.gov.cn/a.html", ZONE)
    assert article.title == "县里的新闻" and "第3段" in article.text


@pytest.mark.parametrize("html", ["", "   ", "\x00\x00", "<html></html>", "<<<>>>"])
def test_pages_without_anything_are_not_articles(html):
    with pytest.raises(NotAnArticle):
        extract_article(html, "http://x.gov.cn/a.html", ZONE)


def test_charset_from_header_meta_and_detection():
    text = "眉县人民政府关于开展安全生产大检查的通知，各镇街、各部门务必高度重视。" * 5
    gb = text.encode("gb18030")
    assert decode_html(gb, "text/html; charset=GB2312") == (text, "gb18030")
    declared = b'<meta http-equiv="Content-Type" content="text/html; charset=gbk">' + gb
    assert decode_html(declared, "text/html")[0].endswith(text)
    assert decode_html(gb, None)[0] == text  # no declaration at all: detected
    assert decode_html(text.encode(), "text/html; charset=gbk") == (text, "utf-8")  # a wrong header is not trusted
    assert decode_html("\ufeff标题".encode(), None) == ("标题", "utf-8")


def test_links_and_government_hosts():
    doc = parse_html('<a href="/a.html">a</a><a href="javascript:void(0)">x</a><a href="mailto:a@b">m</a>'
                     '<a href="http://www.taobao.com/x#top">shop</a><iframe src="https://www.gov.cn/"></iframe>')
    found = page_links(doc, "http://www.meixian.gov.cn/col/index.html")
    links = list(found.links)
    assert links == ["http://www.meixian.gov.cn/a.html", "http://www.taobao.com/x", "https://www.gov.cn/"]
    assert found.rejected == ()  # script buttons, mail links and anchors are no fault
    assert [is_government(u, (".gov.cn",)) for u in links] == [True, False, True]
    assert is_government("http://127.0.0.1:8000/", (".gov.cn",), {"127.0.0.1"})


def test_malformed_and_non_web_hrefs_are_kept_as_text_never_raised():
    doc = parse_html('<a href="http://[::1/bad">坏</a><a href="/ok.html">好</a><a href="data:text/html,<b>x</b>">d</a>'
                     '<a href="file:///C:/通知.doc">f</a><a href="ftp://ftp.gov.cn/a">ftp</a>')
    found = page_links(doc, "http://www.meixian.gov.cn/col/index.html")
    assert found.links == ("http://www.meixian.gov.cn/ok.html",)
    assert found.rejected == ("http://[::1/bad", "data:text/html,<b>x</b>", "file:///C:/通知.doc", "ftp://ftp.gov.cn/a")
    assert [web_url(u) for u in ("https://a.gov.cn/x", "javascript:alert(1)", "http://[::1/bad", "//a.gov.cn/", None)] == [
        True, False, False, False, False]


_TAGS = st.sampled_from(["p", "div", "li", "td", "h1", "title", "script", "meta", "a", "span", "table", "br"])
_ATTRS = st.sampled_from(['', ' class="TRS_Editor"', ' name="PubDate" content="2023-06-05"', ' name="ArticleTitle" content="null"',
                          ' href="/x.html"', ' id="zoom"'])
_HTML = st.recursive(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30),
    lambda inner: st.builds(lambda t, a, body, close: f"<{t}{a}>{body}" + (f"</{t}>" if close else ""),
                            _TAGS, _ATTRS, st.lists(inner, max_size=4).map("".join), st.booleans()),
    max_leaves=20,
)


# CI runs 300 generated documents here (max_examples=300).
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_HTML)
def test_generated_html_gives_an_article_or_not_an_article_never_a_crash(html):
    try:
        article = extract_article(html, "http://x.gov.cn/a.html", ZONE)
    except NotAnArticle:
        return
    assert article.title and isinstance(article.text, str)
    assert html_text(html) is not None


# CI runs 300 byte strings here (max_examples=300): mixed encodings glued together and random bytes.
@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(
    st.text(max_size=20).map(lambda t: t.encode("utf-8")),
    st.text(alphabet="眉县政府通知公告关于开展工作的", max_size=20).map(lambda t: t.encode("gb18030")),
    st.text(alphabet="眉縣政府通知", max_size=10).map(lambda t: t.encode("big5")),
    st.binary(max_size=20),
), max_size=6).map(b"".join), st.sampled_from([None, "text/html", "text/html; charset=gb2312", "text/html; charset=bogus"]))
def test_byte_soup_always_decodes(body, content_type):
    text, codec = decode_html(body, content_type)
    assert isinstance(text, str) and codec
    with contextlib.suppress(NotAnArticle):
        extract_article(text, "http://x.gov.cn/a.html", ZONE)
