"""The crawler over real HTTP on 127.0.0.1: the demo portal, and a small site that misbehaves."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

from govwatch.collect.crawl.crawler import ColumnTarget, CrawlOptions
from govwatch.collect.fakes.server import FakeRequest, FakeResponse, LocalServer
from govwatch.domain.county import SiteOverride
from tests.collect.conftest import FAST, ListSink, run_crawl, targets_of


def test_demo_portal_reads_back_every_item_exactly(portal, portal_server, demo_posts):
    _plan, posts = demo_posts
    sink, stats = run_crawl(targets_of(portal), FAST.model_copy(update={"proxy": portal_server.url}))
    web = {p.url: p for p in posts if p.column}
    assert len(sink.pages) == len(web) == stats.articles
    for result in sink.pages:
        article, source = result.article, web[result.article.url]
        assert (article.title, article.published_at, article.text, article.source) == (
            source.title, source.published_at, source.text, source.unit)
    assert {r.article.method for r in sink.pages} == {"meta", "visible"}
    assert Counter(r.encoding for r in sink.pages)["gb18030"] > 20
    dead = {f.url for f in sink.kinds("dead_link")}
    assert dead == set(portal.dead_links) and all(f.page and f.status == 404 for f in sink.kinds("dead_link"))
    assert sink.kinds("external_link") and all("example.com" in f.url for f in sink.kinds("external_link"))


def test_second_crawl_sends_validators_and_gets_304(portal, portal_server):
    settings = FAST.model_copy(update={"proxy": portal_server.url})
    first, _ = run_crawl(targets_of(portal), settings)
    known = {r.article.url: r.validators for r in first.pages}
    second, stats = run_crawl(targets_of(portal), settings, ListSink(known=known))
    assert second.pages == [] and len(second.unchanged_urls) == len(known) == stats.unchanged


def test_since_stops_paging_old_list_pages(portal, portal_server):
    settings = FAST.model_copy(update={"proxy": portal_server.url})
    since = datetime(2023, 6, 25, tzinfo=UTC)
    sink, _ = run_crawl(targets_of(portal), settings, options=CrawlOptions(since=since))
    assert sink.pages and all(r.article.published_at >= since for r in sink.pages)


class Hostile:
    """A site of traps: robots, rate limits, redirect loops, a huge page, a self-linking list, bad dates."""

    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        future = (datetime.now(UTC) + timedelta(days=30)).strftime("%Y-%m-%d %H:%M")
        article = ('<html><head><meta name="ArticleTitle" content="{t}"><meta name="PubDate" content="{d}"></head>'
                   '<body><div class="TRS_Editor"><p>正文</p><a href="/flaky.html">附件</a></div></body></html>')
        self.pages = {
            "/robots.txt": "User-agent: *\nDisallow: /private/\n",
            "/list/index.html": ('<ul><li><a href="/a/t20230601_1.html">正常</a> 2023-06-01</li>'
                                 '<li><a href="/a/t20230602_2.html">未来</a> 2023-06-02</li>'
                                 '<li><a href="/a/t20230603_3.html">无日期</a> 2023-06-03</li>'
                                 '<li><a href="/a/t20230604_4.html">限流</a> 2023-06-04</li>'
                                 '<li><a href="/loop/t20230605_5.html">循环</a> 2023-06-05</li>'
                                 '<li><a href="/big/t20230606_6.html">巨大</a> 2023-06-06</li>'
                                 '<li><a href="/private/t20230607_7.html">禁止</a> 2023-06-07</li>'
                                 '<li><a href="/a/t20230608_8.html">坏页</a> 2023-06-08</li></ul>'
                                 '<a href="index.html">下一页</a>'),
            "/a/t20230601_1.html": article.format(t="正常", d="2023-06-01 09:00"),
            "/a/t20230602_2.html": article.format(t="未来", d=future),
            "/a/t20230603_3.html": article.format(t="无日期", d="null"),
            "/a/t20230604_4.html": article.format(t="限流", d="2023-06-04 09:00"),
            "/a/t20230608_8.html": "",
        }

    def __call__(self, request: FakeRequest) -> FakeResponse:
        self.hits[request.path] += 1
        if request.path.startswith("/loop/"):
            return FakeResponse(302, b"", {"Location": request.path})
        if request.path.startswith("/big/"):
            return FakeResponse(200, b"<p>" + b"x" * (50 * 1024 * 1024) + b"</p>", {"Content-Type": "text/html"})
        if request.path == "/a/t20230604_4.html" and self.hits[request.path] == 1:
            return FakeResponse(429, b"slow down", {"Retry-After": "0"})
        if request.path == "/flaky.html":  # fails on the first check only: a blip, not a dead link
            return FakeResponse(503 if self.hits[request.path] == 1 else 200, b"ok")
        if request.path in self.pages:
            return FakeResponse(200, self.pages[request.path].encode(), {"Content-Type": "text/html; charset=utf-8"})
        return FakeResponse(404, "页面不存在".encode())


def test_hostile_site_gives_findings_never_a_crash():
    site = Hostile()
    with LocalServer(site) as server:
        settings = FAST.model_copy(update={"max_page_bytes": 5_000_000})
        sink, _stats = run_crawl([ColumnTarget("c", f"{server.url}/list/index.html")], settings)
    assert sorted(r.article.title for r in sink.pages) == ["正常", "限流"]  # 429 retried after Retry-After
    kinds = {(f.kind, f.url.rsplit("/", 1)[-1]) for f in sink.findings}
    assert {("future_date", "t20230602_2.html"), ("missing_date", "t20230603_3.html"),
            ("redirect_loop", "t20230605_5.html"), ("too_large", "t20230606_6.html"),
            ("robots", "t20230607_7.html"), ("bad_page", "t20230608_8.html")} <= kinds
    assert not sink.kinds("dead_link")  # /flaky.html failed once, the re-check found it alive
    assert site.hits["/list/index.html"] == 1  # the list page linking to itself is read once
    assert site.hits["/private/t20230607_7.html"] == 0


def test_site_override_ignores_robots_for_the_centres_own_portal():
    site = Hostile()
    with LocalServer(site) as server:
        settings = FAST.model_copy(update={"retries": 0, "check_links": False,
                                 "sites": (SiteOverride(host="127.0.0.1", obey_robots=False),)})
        sink, _ = run_crawl([ColumnTarget("c", f"{server.url}/list/index.html")], settings)
    assert site.hits["/private/t20230607_7.html"] == 1 and not sink.kinds("robots")


def test_per_host_delay_spaces_requests():
    site = Hostile()
    with LocalServer(site) as server:
        start = datetime.now(UTC)
        run_crawl([ColumnTarget("c", f"{server.url}/a/t20230601_1.html")],
                  FAST.model_copy(update={"delay_seconds": 0.3, "retries": 0}), options=CrawlOptions(check_links=False))
        # robots.txt, then the page: two starts at least 0.3 s apart
        assert datetime.now(UTC) - start >= timedelta(seconds=0.3)
