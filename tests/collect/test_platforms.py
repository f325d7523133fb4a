"""Platform adapters against local fakes speaking the platforms' request and response shapes."""

from __future__ import annotations

import asyncio
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import httpx
import pytest

from govwatch.collect.fakes.server import FakeRequest, FakeResponse, LocalServer
from govwatch.collect.fakes.social import FakeDouyin, FakeItem, FakeWeibo
from govwatch.collect.fakes.wechat import FakeArticle, FakeWeChat
from govwatch.collect.platforms.base import (
    AdapterContext,
    AuthExpired,
    MemoryTokens,
    PlatformError,
    adapter_for,
)
from govwatch.collect.platforms.classify import classify
from govwatch.domain.county import Account, AccountSource
from govwatch.domain.model import Platform, PostKind
from govwatch.domain.recommended import Recommended

ZONE = ZoneInfo("Asia/Shanghai")
SINCE = datetime(2023, 6, 1, tzinfo=ZONE)


def _day(n: int, hour: int = 10) -> datetime:
    return datetime(2023, 6, 1, hour, tzinfo=ZONE) + timedelta(days=n)


def _account(platform: Platform, url: str, external_id: str = "id1", kind: str = "api", **options: str) -> Account:
    return Account(name="眉县发布", platform=platform, unit="县政府办公室", external_id=external_id,
                   source=AccountSource(kind=kind, url=url, credential_env="SECRET", options=options))


def _list(account: Account, since: datetime = SINCE, tokens=None, until: datetime | None = None):
    async def go():
        async with httpx.AsyncClient(trust_env=False) as client:
            context = AdapterContext(client, tokens or MemoryTokens(), {"SECRET": "s3cret"}, ZONE, backoff=0.01,
                                     today=date(2023, 7, 1))
            return await adapter_for(account, context).list_posts(account, since, until)

    return asyncio.run(go())


@pytest.fixture
def wechat():
    articles = [FakeArticle(f"发布文章{i}", _day(i), f"正文{i}", False, f"22474900{i:02d}_1") for i in range(25)]
    articles += [FakeArticle(f"群发文章{i}", _day(i, 18), f"群发正文{i}", True, f"22475000{i:02d}_1") for i in range(5)]
    articles += [FakeArticle("上月的文章", _day(-5), "旧", False, "2247000000_1")]
    fake = FakeWeChat("wxappid", "s3cret", articles)
    with LocalServer(fake) as server:
        yield fake, _account(Platform.WECHAT_SUBSCRIPTION, server.url, "wxappid")


def test_wechat_reads_published_pages_and_mass_sent_messages(wechat):
    fake, account = wechat
    listing = _list(account, SINCE)
    posts = listing.posts
    titles = {p.title for p in posts}
    assert {f"发布文章{i}" for i in range(25)} <= titles and {f"群发文章{i}" for i in range(5)} <= titles
    assert "上月的文章" not in titles and len(posts) == 30 and not listing.failed
    mass = next(p for p in posts if p.title == "群发文章3")
    assert (mass.text, mass.published_at, mass.post_id) == ("群发正文3", _day(3, 18), "2247500003_1")
    # the address is the one the statistics API returned, never rebuilt
    listed = [c for c in fake.calls if c.path == "/s" and c.query.get("mid") == "2247500003"]
    assert listed and mass.url.startswith(f"http://{listed[0].headers['host']}/s?__biz=MzA5&mid=2247500003&idx=1&sn=")
    assert fake.token_requests == 1  # one stable token for every call


def _wechat_with(*articles: FakeArticle, **kwargs) -> tuple[FakeWeChat, LocalServer]:
    fake = FakeWeChat("wxappid", "s3cret", list(articles), **kwargs)
    return fake, LocalServer(fake)


def test_wechat_article_both_mass_sent_and_published_is_one_post_and_edits_keep_it():
    both = FakeArticle("既群发又发布", _day(2), "正文", True, "2247600001_1", also_published=True)
    edited = FakeArticle("发布后修改", _day(3), "改过的正文", False, "2247600002_1", edited_at=_day(40))
    _fake, server = _wechat_with(both, edited)
    with server:
        account = _account(Platform.WECHAT_SUBSCRIPTION, server.url, "wxappid")
        posts = _list(account).posts
    assert sorted(p.post_id for p in posts) == ["2247600001_1", "2247600002_1"]
    assert next(p for p in posts if p.post_id == "2247600002_1").published_at == _day(3)  # create_time, not update


def test_wechat_short_address_from_freepublish_is_the_same_article_as_the_long_one():
    both = FakeArticle("短地址也群发", _day(2), "正文", True, "2247600003_1", also_published=True, short_url=True)
    fake, server = _wechat_with(both)
    with server:
        listing = _list(_account(Platform.WECHAT_SUBSCRIPTION, server.url, "wxappid"))
    assert [p.post_id for p in listing.posts] == ["2247600003_1"]
    assert any(c.path.startswith("/s/") for c in fake.calls)  # the short address, opened as given


def test_wechat_reads_what_the_page_declares():
    own = FakeArticle("原创稿", _day(1), "本局召开会议。", False, "2247700001_1", original=True)
    reprint = FakeArticle("看陕西", _day(2), "全省经济稳中向好。", True, "2247700002_1", reprinted_from="陕西发布")
    sourced = FakeArticle("一则通知", _day(3), "通知全文。\n来源：人民日报", False, "2247700003_1")
    own_source = FakeArticle("本地新闻", _day(4), "来源：眉县发布\n县里开会。", False, "2247700004_1")
    _fake, server = _wechat_with(own, reprint, sourced, own_source)
    with server:
        posts = {p.title: p for p in _list(_account(Platform.WECHAT_SUBSCRIPTION, server.url, "wxappid")).posts}
    assert posts["原创稿"].original and not posts["原创稿"].repost
    assert posts["看陕西"].repost and posts["一则通知"].repost
    assert not posts["本地新闻"].repost and not posts["本地新闻"].original


def test_wechat_one_failing_page_fails_only_its_article_and_is_read_next_time():
    articles = [FakeArticle(f"群发{i}", _day(i), f"正文{i}", True, f"22478000{i:02d}_1") for i in range(4)]
    fake, server = _wechat_with(*articles)
    fake.page_faults["2247800001_1"] = 1
    fake.broken_pages.add("2247800002_1")
    with server:
        account = _account(Platform.WECHAT_SUBSCRIPTION, server.url, "wxappid")
        first = _list(account)
        assert {p.title for p in first.posts} == {"群发0", "群发3"}
        assert [f.reason for f in first.failed] == ["文章页面打不开（HTTP 500）",
                                                    "文章页面缺少正文（js_content）或发布时间（var ct）"]
        assert first.failed[0].published_at == datetime.combine(_day(1).date(), datetime.min.time(), ZONE)
        fake.broken_pages.clear()
        assert len(_list(account).posts) == 4


def test_wechat_deleted_articles_are_skipped_with_why():
    gone = FakeArticle("删了的发布", _day(1), "x", False, "2247900001_1", deleted=True)
    gone_mass = FakeArticle("删了的群发", _day(2), "x", True, "2247900002_1", deleted=True)
    kept = FakeArticle("留着的", _day(3), "x", True, "2247900003_1")
    _fake, server = _wechat_with(gone, gone_mass, kept)
    with server:
        listing = _list(_account(Platform.WECHAT_SUBSCRIPTION, server.url, "wxappid"))
    assert [p.title for p in listing.posts] == ["留着的"]
    assert [s.reason for s in listing.skipped] == ["已被发布者删除", "已被发布者删除"]


def test_wechat_token_is_shared_and_fetched_again_when_refused(wechat):
    fake, account = wechat
    tokens = MemoryTokens()
    _list(account, _day(24), tokens)
    _list(account, _day(24), tokens)
    assert fake.token_requests == 1  # a second worker reuses the cached token
    fake.expire_token()
    assert _list(account, _day(24), tokens).posts and fake.token_requests == 2
    fake.invalidate_after = 3  # another client force-refreshes in the middle of the run
    assert len(_list(account, SINCE, tokens).posts) == 30 and fake.token_requests == 3


def test_wechat_rate_limits_and_garbage_are_retried_then_reported(wechat):
    fake, account = wechat
    fake.fail_next("http429", "rate", "malformed")
    with pytest.raises(PlatformError, match="不是 JSON"):
        _list(account, _day(24))
    fake.fail_next("rate", "http429")
    assert _list(account, _day(24)).posts


def test_wechat_wrong_secret_is_an_authorisation_problem(wechat):
    fake, account = wechat
    fake.secret = "changed"
    with pytest.raises(PlatformError, match="40125：AppSecret 不正确"):
        _list(account)


def test_wechat_server_outside_the_ip_whitelist_is_told_what_to_do(wechat):
    fake, account = wechat
    fake.whitelisted = False
    with pytest.raises(PlatformError, match="40164：调用接口的服务器 IP 不在公众号的 IP 白名单中"):
        _list(account)


def test_platform_times_and_ids_as_numbers_or_strings():
    from govwatch.collect.platforms.base import stamp

    assert stamp(1686000000, "create_time", ZONE) == stamp(" 1686000000", "create_time", ZONE)
    for bad in (None, "", "2023-06-05", 1.5):
        with pytest.raises(ValueError, match="字段 create_time 应为 Unix 时间戳"):
            stamp(bad, "create_time", ZONE)


def test_wechat_says_which_days_the_statistics_cannot_give(wechat):
    _fake, account = wechat
    listing = _list(account, SINCE, until=datetime(2023, 7, 3, tzinfo=ZONE))  # today is 2023-07-01
    assert listing.gaps == ["2023-07-01 起的群发文章统计接口次日才提供（end_date 最大为昨日），请之后再采集一次"]
    early = _list(account, datetime(2014, 11, 30, tzinfo=ZONE), until=datetime(2014, 12, 2, tzinfo=ZONE))
    assert early.gaps == ["统计接口只保存 2014-12-01 以后的群发文章，更早的请用公众平台导出"]


def test_wechat_fake_refuses_what_the_documentation_refuses(wechat):
    _fake, account = wechat
    with httpx.Client(base_url=account.source.url) as client:
        token = client.post("/cgi-bin/stable_token", json={"grant_type": "client_credential", "appid": "wxappid",
                                                           "secret": "s3cret"}).json()["access_token"]
        post = lambda path, body: client.post(path, params={"access_token": token}, json=body).json()  # noqa: E731
        assert post("/cgi-bin/freepublish/batchget", {"offset": 0, "count": 21})["errcode"] == 40097
        two_days = {"begin_date": "2023-06-01", "end_date": "2023-06-02"}
        assert post("/datacube/getarticletotal", two_days)["errcode"] == 61501
        assert "url" not in post("/datacube/getarticletotaldetail",
                                 {"begin_date": "2023-06-02", "end_date": "2023-06-02"})["list"][0]
        page = post("/cgi-bin/freepublish/batchget", {"offset": 0, "count": 20})
        assert (page["total_count"], page["item_count"]) == (26, 20)  # 群发 messages are not listed
        assert set(page["item"][0]["content"]["news_item"][0]) >= {"title", "url", "is_deleted", "content_source_url"}


@pytest.fixture
def weibo():
    items = [FakeItem(5000 + i, f"眉县发布第{i}条微博", _day(i % 30, 8 + i % 10), repost=i % 7 == 0) for i in range(150)]
    fake = FakeWeibo("uid1", "s3cret", items)
    with LocalServer(fake) as server:
        yield fake, _account(Platform.WEIBO, server.url, "uid1")


def test_weibo_pages_back_with_max_id(weibo):
    fake, account = weibo
    posts = _list(account, SINCE).posts
    assert len(posts) == 150 == len({p.post_id for p in posts}) and len(fake.calls) == 3
    assert sum(p.repost for p in posts) == len([i for i in range(150) if i % 7 == 0])
    june_10 = _list(account, _day(9, 0), until=_day(10, 0)).posts
    assert june_10 and all(p.published_at.date() == _day(9).date() for p in june_10)


def test_weibo_expired_token_and_rate_limit(weibo):
    fake, account = weibo
    fake.fail_next("rate")
    assert len(_list(account).posts) == 150
    fake.token = "renewed-by-someone-else"
    with pytest.raises(AuthExpired, match="重新授权"):
        _list(account)
    fake.token, fake.uid = "s3cret", "someone-else"
    with pytest.raises(PlatformError, match="20003：用户不存在：请检查该账号的 external_id"):
        _list(account)


def test_douyin_cursor_paging_pinned_video_and_caption_reposts():
    items = [FakeItem(i, f"视频{i}", _day(i)) for i in range(25)] + [FakeItem(99, "置顶旧视频", _day(-40), pinned=True)]
    items += [FakeItem(30, "防范电信诈骗（来源：@陕西公安）", _day(26)), FakeItem(31, "转自@平安宝鸡：夏季防溺水", _day(27)),
              FakeItem(32, "我们的交警（来源：@眉县发布）", _day(28))]
    fake = FakeDouyin("open1", "s3cret", items)
    with LocalServer(fake) as server:
        account = _account(Platform.DOUYIN, server.url, "open1")
        posts = {p.title: p for p in _list(account).posts}
        assert set(posts) >= {f"视频{i}" for i in range(25)} and "置顶旧视频" not in posts and len(posts) == 28
        assert [t for t, p in posts.items() if p.repost] == ["防范电信诈骗（来源：@陕西公安）", "转自@平安宝鸡：夏季防溺水"]
        fake.fail_next("expired")
        with pytest.raises(AuthExpired):
            _list(account)


def test_douyin_a_garbled_video_fails_alone():
    fake = FakeDouyin("open1", "s3cret", [FakeItem(1, "好视频", _day(1)), FakeItem(2, "坏视频", _day(2))])
    fake.garbled.add(2)
    with LocalServer(fake) as server:
        listing = _list(_account(Platform.DOUYIN, server.url, "open1"))
    assert [p.title for p in listing.posts] == ["好视频"]
    assert listing.failed[0].reason == "字段 create_time 应为 Unix 时间戳，收到“None”"


def test_feeds_rss_atom_sources_and_broken():
    rss = ('<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
           '<title>眉县</title>'
           '<item><title>RSS一</title><link>http://x/1</link><guid>1</guid>'
           '<pubDate>Mon, 05 Jun 2023 02:00:00 GMT</pubDate><description>&lt;p&gt;正文&lt;/p&gt;</description></item>'
           '<item><title>转来的</title><link>http://x/3</link><source url="http://people.cn/rss">人民网</source>'
           '<pubDate>Tue, 06 Jun 2023 02:00:00 GMT</pubDate></item>'
           '<item><title>dc转来的</title><link>http://x/4</link><dc:source>新华社</dc:source>'
           '<pubDate>Tue, 06 Jun 2023 03:00:00 GMT</pubDate></item>'
           '<item><title>无日期</title><link>http://x/2</link></item></channel></rss>')
    atom = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
            '<entry><title>Atom一</title><id>urn:1</id><link href="http://x/a"/>'
            '<updated>2023-06-06T10:00:00+08:00</updated><summary>摘要</summary></entry>'
            '<entry><title>Atom转</title><id>urn:2</id><updated>2023-06-07T10:00:00+08:00</updated>'
            '<source><title>陕西发布</title><id>urn:sx</id></source></entry></feed>')
    feeds = {"/rss": rss, "/atom": atom, "/broken": "<html>not a feed"}

    def app(request: FakeRequest) -> FakeResponse:
        return FakeResponse(200, feeds[request.path].encode(), {"Content-Type": "application/xml"})

    with LocalServer(app) as server:
        one, copied, dc = _list(_account(Platform.WEIBO, f"{server.url}/rss", kind="feed")).posts
        assert (one.title, one.text, one.published_at) == ("RSS一", "正文", datetime(2023, 6, 5, 10, tzinfo=ZONE))
        assert (one.repost, copied.repost, dc.repost) == (False, True, True)
        two, atom_copy = _list(_account(Platform.WEIBO, f"{server.url}/atom", kind="feed")).posts
        assert two.title == "Atom一" and two.published_at.hour == 10 and not two.repost and atom_copy.repost
        with pytest.raises(PlatformError, match="无法解析"):
            _list(_account(Platform.WEIBO, f"{server.url}/broken", kind="feed"))


def test_exports_with_a_header_map_and_a_bad_file_held_back(tmp_path):
    folder = tmp_path / "channels"
    folder.mkdir()
    (folder / "a.csv").write_text("视频描述,发表时间,视频ID\n反诈宣传,2023-06-05 10:00,v1\n旧视频,2023-05-01 10:00,v0\n"
                                  "防溺水（来源：@陕西公安）,2023-06-06 10:00,v2\n", encoding="utf-8")
    account = _account(Platform.CHANNELS, str(folder), kind="export", **{"视频描述": "title", "发表时间": "published_at",
                                                                          "视频ID": "external_id"})
    one, two = _list(account).posts
    assert (one.title, one.post_id, one.repost, two.repost) == ("反诈宣传", "v1", False, True)
    (folder / "b.csv").write_text("视频描述,发表时间\n缺时间,\n", encoding="utf-8")
    listing = _list(account)
    assert len(listing.posts) == 2 and listing.failed[0].reason.endswith("b.csv:2: 字段 published_at: 必填")


def test_platforms_without_an_api_point_to_exports():
    with pytest.raises(PlatformError, match="export"):
        _list(_account(Platform.CHANNELS, "http://127.0.0.1:9"))


def test_classification_by_recommended_url_or_similar_title():
    from govwatch.collect.platforms.base import PlatformPost

    recommended = [Recommended("学习贯彻党的二十大精神系列评论之一", "http://www.gov.cn/a"), Recommended("陕西推进营商环境突破年")]

    def post(title, url=None, repost=False, original=False):
        return PlatformPost("weibo", "a", "1", title, SINCE, url=url, repost=repost, original=original)

    assert classify(post("【转载】学习贯彻党的二十大精神系列评论之一"), recommended) is PostKind.RECOMMENDED
    assert classify(post("别的标题", "http://www.gov.cn/a"), recommended) is PostKind.RECOMMENDED
    assert classify(post("陕西推进营商环境突破年！"), recommended) is PostKind.RECOMMENDED
    assert classify(post("转发的别家新闻", repost=True), recommended) is PostKind.OTHER_REPOST
    assert classify(post("本局召开会议"), recommended) is PostKind.ORIGINAL
    assert classify(post("转载｜别家的新闻"), recommended) is PostKind.OTHER_REPOST  # the title, last resort
    assert classify(post("转载｜自家的原创", original=True), recommended) is PostKind.ORIGINAL  # declared 原创 wins


@pytest.mark.parametrize(("caption", "source"), [
    ("防范电信诈骗（来源：@陕西公安）", "陕西公安"), ("防溺水(转自 平安宝鸡)", "平安宝鸡"), ("好消息 转载自@人民日报", "人民日报"),
    ("夏收进度 视频来源：央视新闻", "央视新闻"), ("转自@人民日报：一段话", "人民日报"), ("【转载】一段话", "转载"),
    ("@新华社：一段话", "新华社"), ("转自人民日报：一段话", "人民日报"), ("来源：人民网 全文如下", "人民网"), ("我们的交警（来源：@眉县公安）", None),
    ("今天天气很好", None), ("我们转载了一首歌，很好听", None), ("日常巡逻 @眉县发布", None),
])
def test_repost_markers_leading_and_trailing(caption, source):
    from govwatch.collect.platforms.classify import repost_marker

    assert repost_marker(caption, ["眉县公安", "县公安局"]) == source


def test_source_line_names_someone_else():
    from govwatch.collect.platforms.classify import source_line

    assert source_line("正文第一段\n第二段\n来源：人民日报", ["眉县发布"]) == "人民日报"
    assert source_line("来源：眉县发布\n正文", ["眉县发布"]) is None
    assert source_line("正文里提到来源：某处，但不在首尾\n结尾", ["眉县发布"]) is None
