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
from govwatch.collect.platforms.base import AdapterContext, AuthExpired, MemoryTokens, PlatformError, adapter_for
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


def _list(account: Account, since: datetime = SINCE, tokens=None):
    async def go():
        async with httpx.AsyncClient(trust_env=False) as client:
            context = AdapterContext(client, tokens or MemoryTokens(), {"SECRET": "s3cret"}, ZONE, backoff=0.01,
                                     today=date(2023, 7, 1))
            return await adapter_for(account, context).list_posts(account, since)

    return asyncio.run(go())


@pytest.fixture
def wechat():
    articles = [FakeArticle(f"发布文章{i}", _day(i), f"正文{i}", False, f"22474900{i:02d}_1") for i in range(25)]
    articles += [FakeArticle(f"群发文章{i}", _day(i, 18), f"群发正文{i}", True, f"22475000{i:02d}_1") for i in range(5)]
    articles += [FakeArticle("上月的文章", _day(-5), "旧", False, "2247000000_1")]
    fake = FakeWeChat("wxappid", "s3cret", articles)
    with LocalServer(fake) as server:
        yield fake, _account(Platform.WECHAT_SUBSCRIPTION, server.url, "wxappid", article_base=server.url, biz="MzA5")


def test_wechat_reads_published_pages_and_mass_sent_messages(wechat):
    fake, account = wechat
    posts = _list(account, SINCE)
    titles = {p.title for p in posts}
    assert {f"发布文章{i}" for i in range(25)} <= titles and {f"群发文章{i}" for i in range(5)} <= titles
    assert "上月的文章" not in titles and len(posts) == 30
    mass = next(p for p in posts if p.title == "群发文章3")
    assert (mass.text, mass.published_at, mass.post_id) == ("群发正文3", _day(3, 18), "2247500003_1")
    assert fake.token_requests == 1  # one stable token for every call


def test_wechat_token_is_shared_and_renewed_once_when_expired(wechat):
    fake, account = wechat
    tokens = MemoryTokens()
    _list(account, _day(24), tokens)
    _list(account, _day(24), tokens)
    assert fake.token_requests == 1  # a second worker reuses the cached token
    fake.expire_token()
    assert _list(account, _day(24), tokens) and fake.token_requests == 2


def test_wechat_rate_limits_and_garbage_are_retried_then_reported(wechat):
    fake, account = wechat
    fake.fail_next("http429", "rate", "malformed")
    with pytest.raises(PlatformError, match="不是 JSON"):
        _list(account, _day(24))
    fake.fail_next("rate", "http429")
    assert _list(account, _day(24))


def test_wechat_wrong_secret_is_an_authorisation_problem(wechat):
    fake, account = wechat
    fake.secret = "changed"
    with pytest.raises(PlatformError, match="40125"):
        _list(account)


@pytest.fixture
def weibo():
    items = [FakeItem(5000 + i, f"眉县发布第{i}条微博", _day(i % 30, 8 + i % 10), repost=i % 7 == 0) for i in range(150)]
    fake = FakeWeibo("uid1", "s3cret", items)
    with LocalServer(fake) as server:
        yield fake, _account(Platform.WEIBO, server.url, "uid1")


def test_weibo_pages_back_with_max_id(weibo):
    fake, account = weibo
    posts = _list(account, SINCE)
    assert len(posts) == 150 == len({p.post_id for p in posts}) and len(fake.calls) == 3
    assert sum(p.repost for p in posts) == len([i for i in range(150) if i % 7 == 0])


def test_weibo_expired_token_and_rate_limit(weibo):
    fake, account = weibo
    fake.fail_next("rate")
    assert len(_list(account)) == 150
    fake.token = "renewed-by-someone-else"
    with pytest.raises(AuthExpired, match="重新授权"):
        _list(account)


def test_douyin_cursor_paging_with_a_pinned_old_video():
    items = [FakeItem(i, f"视频{i}", _day(i)) for i in range(25)] + [FakeItem(99, "置顶旧视频", _day(-40), pinned=True)]
    fake = FakeDouyin("open1", "s3cret", items)
    with LocalServer(fake) as server:
        account = _account(Platform.DOUYIN, server.url, "open1")
        posts = _list(account)
        assert {p.title for p in posts} == {f"视频{i}" for i in range(25)}
        fake.fail_next("expired")
        with pytest.raises(AuthExpired):
            _list(account)


def test_feeds_rss_atom_and_broken():
    rss = ('<?xml version="1.0"?><rss version="2.0"><channel><title>眉县</title>'
           '<item><title>RSS一</title><link>http://x/1</link><guid>1</guid>'
           '<pubDate>Mon, 05 Jun 2023 02:00:00 GMT</pubDate><description>&lt;p&gt;正文&lt;/p&gt;</description></item>'
           '<item><title>无日期</title><link>http://x/2</link></item></channel></rss>')
    atom = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
            '<entry><title>Atom一</title><id>urn:1</id><link href="http://x/a"/>'
            '<updated>2023-06-06T10:00:00+08:00</updated><summary>摘要</summary></entry></feed>')
    feeds = {"/rss": rss, "/atom": atom, "/broken": "<html>not a feed"}

    def app(request: FakeRequest) -> FakeResponse:
        return FakeResponse(200, feeds[request.path].encode(), {"Content-Type": "application/xml"})

    with LocalServer(app) as server:
        [one] = _list(_account(Platform.WEIBO, f"{server.url}/rss", kind="feed"))
        assert (one.title, one.text, one.published_at) == ("RSS一", "正文", datetime(2023, 6, 5, 10, tzinfo=ZONE))
        [two] = _list(_account(Platform.WEIBO, f"{server.url}/atom", kind="feed"))
        assert two.title == "Atom一" and two.published_at.hour == 10
        with pytest.raises(PlatformError, match="无法解析"):
            _list(_account(Platform.WEIBO, f"{server.url}/broken", kind="feed"))


def test_exports_with_a_header_map_and_a_validation_report(tmp_path):
    folder = tmp_path / "channels"
    folder.mkdir()
    (folder / "a.csv").write_text("视频描述,发表时间,视频ID\n反诈宣传,2023-06-05 10:00,v1\n旧视频,2023-05-01 10:00,v0\n",
                                  encoding="utf-8")
    account = _account(Platform.CHANNELS, str(folder), kind="export", **{"视频描述": "title", "发表时间": "published_at",
                                                                          "视频ID": "external_id"})
    [post] = _list(account)
    assert (post.title, post.post_id) == ("反诈宣传", "v1")
    (folder / "b.csv").write_text("视频描述,发表时间\n缺时间,\n", encoding="utf-8")
    with pytest.raises(PlatformError, match=r"b.csv:2: 字段 published_at: 必填"):
        _list(account)


def test_platforms_without_an_api_point_to_exports():
    with pytest.raises(PlatformError, match="export"):
        _list(_account(Platform.CHANNELS, "http://127.0.0.1:9"))


def test_classification_by_recommended_url_or_similar_title():
    from govwatch.collect.platforms.base import PlatformPost

    recommended = [Recommended("学习贯彻党的二十大精神系列评论之一", "http://www.gov.cn/a"), Recommended("陕西推进营商环境突破年")]
    post = lambda title, url=None, repost=False: PlatformPost("weibo", "a", "1", title, SINCE, url=url, repost=repost)  # noqa: E731
    assert classify(post("【转载】学习贯彻党的二十大精神系列评论之一"), recommended) is PostKind.RECOMMENDED
    assert classify(post("别的标题", "http://www.gov.cn/a"), recommended) is PostKind.RECOMMENDED
    assert classify(post("陕西推进营商环境突破年！"), recommended) is PostKind.RECOMMENDED
    assert classify(post("转发的别家新闻", repost=True), recommended) is PostKind.OTHER_REPOST
    assert classify(post("本局召开会议"), recommended) is PostKind.ORIGINAL
