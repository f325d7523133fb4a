"""A planned month of new-media posts on every platform, and the fake platforms that serve it.

The plan says, for each post, its account, title, moment and the kind 附件3 must count it as; the
fakes publish it the way each platform really would — a WeChat 原创 mark or 转载 notice, a 来源 line,
群发 and 发布 at once, a deletion; Weibo `retweeted_status`; a Douyin caption's （来源：@…）; an RSS
`<source>`; a 视频号助手 export — so a collector that stores exactly the plan reads each platform as
it behaves. Besides, one WeChat token dies mid-run and one article page fails once.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from ruamel.yaml import YAML
from sqlalchemy import select

from govwatch.collect.fakes.server import FakeRequest, FakeResponse, LocalServer
from govwatch.collect.fakes.social import FakeDouyin, FakeItem, FakeWeibo
from govwatch.collect.fakes.wechat import FakeArticle, FakeWeChat
from govwatch.domain.calendar import Month, month_range
from govwatch.domain.model import Platform, PostKind
from govwatch.store.db import Database
from govwatch.store.tables import AccountRow, PostRow

MONTH = Month(2023, 6)
TODAY = date(2023, 7, 10)  # the day the month is collected
ZONE = ZoneInfo("Asia/Shanghai")
RECOMMENDED = ["学习贯彻习近平新时代中国特色社会主义思想主题教育", "陕西推进营商环境突破年"]
FAILING_PAGE = "2247481003_1"  # 眉县民政's article whose page fails once


def _at(day: int, hour: int = 9) -> datetime:
    return datetime(2023, 6, 1, hour, tzinfo=ZONE) + timedelta(days=day - 1)


@dataclass(frozen=True)
class Planned:
    account: str
    platform: Platform
    title: str
    published_at: datetime
    kind: PostKind | None  # None: not to be stored (deleted, or outside the month)
    how: str  # how the platform shows it


@dataclass
class ServedMonth:
    plan: list[Planned]
    sources: dict[tuple[str, str], dict[str, Any]]  # (name, platform) → account fields for county.yaml
    secrets: dict[str, str]
    fakes: dict[str, Any] = field(default_factory=dict)


def _wechat(name: str, appid: str,
            rows: list[tuple[FakeArticle, PostKind | None, str]]) -> tuple[FakeWeChat, list[Planned]]:
    fake = FakeWeChat(appid, f"{appid}-secret", [a for a, _, _ in rows], biz=f"Mz{appid}", today=TODAY)
    return fake, [Planned(name, Platform.WECHAT_SUBSCRIPTION, a.title, a.published_at, kind, how)
                  for a, kind, how in rows]


def _jiaoyu() -> tuple[FakeWeChat, list[Planned]]:
    o, r, x = PostKind.ORIGINAL, PostKind.OTHER_REPOST, PostKind.RECOMMENDED
    return _wechat("眉县教育", "wxjiaoyu", [
        (FakeArticle("县教体局召开安全工作会", _at(2), "会议部署安全工作。", True, "2247480001_1", original=True), o, "群发，原创标记"),
        (FakeArticle("中考报名须知", _at(5), "报名时间为……", False, "2247480002_1"), o, "发布"),
        (FakeArticle("暑期防溺水告家长书", _at(8), "家长朋友们：……", True, "2247480003_1", also_published=True),
         o, "群发并发布"),
        (FakeArticle("全省教育工作会议召开", _at(12), "会议指出……", True, "2247480004_1", reprinted_from="陕西教育"),
         r, "群发，转载声明"),
        (FakeArticle(RECOMMENDED[0], _at(15), "主题教育……", True, "2247480005_1", reprinted_from="学习强国"),
         x, "群发，转载推荐清单中的文章"),
        (FakeArticle("高考成绩查询", _at(25), "查询方式……", False, "2247480006_1", edited_at=_at(26)), o, "发布后修改"),
        (FakeArticle("已删除的通知", _at(20), "有误", True, "2247480007_1", deleted=True), None, "群发后删除"),
        (FakeArticle("五月的总结", _at(-3), "……", True, "2247480008_1"), None, "上月"),
        (FakeArticle("七月的安排", _at(32), "……", False, "2247480009_1"), None, "下月"),
    ])


def _minzheng() -> tuple[FakeWeChat, list[Planned]]:
    o, r = PostKind.ORIGINAL, PostKind.OTHER_REPOST
    fake, planned = _wechat("眉县民政", "wxminzheng", [
        (FakeArticle("低保资金发放公示", _at(3), "公示如下。", True, "2247481001_1"), o, "群发"),
        (FakeArticle("养老服务补贴政策解读", _at(9), "政策全文。\n来源：陕西民政", True, "2247481002_1"), r, "群发，来源行"),
        (FakeArticle("婚姻登记预约", _at(14), "预约方式……", True, FAILING_PAGE), o, "群发，页面首次打开失败"),
        (FakeArticle(f"转载｜{RECOMMENDED[1]}", _at(21), "营商环境……", False, "2247481004_1"),
         PostKind.RECOMMENDED, "发布，推荐清单中的文章"),
        (FakeArticle("社会组织年检通知", _at(28), "来源：眉县民政\n通知如下。", False, "2247481005_1"), o, "发布，自家来源行"),
    ])
    fake.invalidate_after = 12  # another client force-refreshes the token mid-run
    fake.page_faults[FAILING_PAGE] = 1
    return fake, planned


def _weibo() -> tuple[FakeWeibo, list[Planned]]:
    rows = [(4900001, "眉县发布今日天气", _at(1), False), (4900002, "转发微博", _at(4), True),
            (4900003, "县政府常务会议召开", _at(10), False), (4900004, "//@陕西发布:全省夏粮收购", _at(18), True),
            (4900005, "五月的旧微博", _at(-10), False)]
    fake = FakeWeibo("2718281828", "weibo-token", [FakeItem(i, t, m, repost=r) for i, t, m, r in rows])
    kind = {False: PostKind.ORIGINAL, True: PostKind.OTHER_REPOST}
    return fake, [Planned("眉县发布", Platform.WEIBO, t[:40], m, None if m < _at(1, 0) else kind[r],
                          "retweeted_status" if r else "原创") for _, t, m, r in rows]


def _douyin() -> tuple[FakeDouyin, list[Planned]]:
    rows = [(1, "文明交通从我做起", _at(2), PostKind.ORIGINAL, "原创"),
            (2, "暴雨天行车注意（来源：@陕西交警）", _at(6), PostKind.OTHER_REPOST, "文末（来源：@…）"),
            (3, "转自@平安宝鸡：酒驾危害", _at(11), PostKind.OTHER_REPOST, "开头 转自@…："),
            (4, "眉县交警日常巡逻（来源：@眉县交警）", _at(19), PostKind.ORIGINAL, "注明来源为本账号"),
            (5, "置顶：交通事故快处快赔", _at(-60), None, "置顶的旧视频")]
    items = [FakeItem(i, t, m, pinned=kind is None) for i, t, m, kind, _ in rows]
    return FakeDouyin("douyin-open-id", "douyin-token", items), [
        Planned("眉县交警", Platform.DOUYIN, t, m, kind, how) for _, t, m, kind, how in rows]


def _feed_app(plan: list[Planned]) -> Any:
    """人文齐镇 through an RSS route (RSSHub): its reposts carry <source>."""
    items = "".join(
        f"<item><title>{p.title}</title><link>http://qizhen.example/{n}</link><guid>qz-{n}</guid>"
        f"<pubDate>{p.published_at.astimezone(ZONE):%a, %d %b %Y %H:%M:%S %z}</pubDate>"
        + ("<source url=\"http://www.sxdaily.com.cn/rss\">陕西日报</source>" if p.kind is PostKind.OTHER_REPOST else "")
        + "</item>" for n, p in enumerate(plan))
    body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>人文齐镇</title>{items}</channel></rss>'.encode()

    def app(request: FakeRequest) -> FakeResponse:
        return FakeResponse(200, body, {"Content-Type": "application/rss+xml"})

    return app


def _feed_plan() -> list[Planned]:
    return [Planned("人文齐镇", Platform.WECHAT_SUBSCRIPTION, "齐镇猕猴桃丰收", _at(7), PostKind.ORIGINAL, "RSS"),
            Planned("人文齐镇", Platform.WECHAT_SUBSCRIPTION, "秦岭生态保护新进展", _at(16), PostKind.OTHER_REPOST,
                    "RSS <source>")]


def _channels(folder: Path) -> tuple[Path, list[Planned]]:
    """眉县反诈中心 on 视频号: no listing API, the unit drops 视频号助手 exports in a folder."""
    rows = [("反诈宣传进社区", _at(4), PostKind.ORIGINAL, "导出"),
            ("警惕刷单诈骗（来源：@陕西反诈）", _at(13), PostKind.OTHER_REPOST, "导出，文末（来源：@…）")]
    path = folder / "channels"
    path.mkdir()
    with (path / "视频号助手-动态数据.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["视频描述", "发布时间", "视频ID"])
        writer.writerows([title, f"{moment:%Y/%m/%d %H:%M}", f"v{n}"] for n, (title, moment, _, _) in enumerate(rows))
    return path, [Planned("眉县反诈中心", Platform.CHANNELS, t, m, kind, how) for t, m, kind, how in rows]


@contextmanager
def served_month(folder: Path) -> Iterator[ServedMonth]:
    """Every fake running on 127.0.0.1, with the account fields and secrets that reach them."""
    with ExitStack() as stack:
        served = ServedMonth([], {}, {})
        for name, (fake, planned), external, env in (
                ("眉县教育", _jiaoyu(), "wxjiaoyu", "JIAOYU_SECRET"),
                ("眉县民政", _minzheng(), "wxminzheng", "MINZHENG_SECRET"),
                ("眉县发布", _weibo(), "2718281828", "WEIBO_TOKEN"), ("眉县交警", _douyin(), "douyin-open-id", "DOUYIN_TOKEN")):
            url = stack.enter_context(LocalServer(fake)).url
            served.fakes[name] = fake
            served.plan += planned
            served.secrets[env] = str(getattr(fake, "secret", None) or fake.token)
            served.sources[(name, planned[0].platform.value)] = {
                "external_id": external, "source": {"kind": "api", "url": url, "credential_env": env}}
        feed = _feed_plan()
        served.plan += feed
        feed_url = stack.enter_context(LocalServer(_feed_app(feed))).url
        served.sources[("人文齐镇", Platform.WECHAT_SUBSCRIPTION.value)] = {
            "source": {"kind": "feed", "url": f"{feed_url}/rss"}}
        path, channels = _channels(folder)
        served.plan += channels
        served.sources[("眉县反诈中心", Platform.CHANNELS.value)] = {"source": {
            "kind": "export", "url": str(path), "options": {"视频描述": "title", "视频ID": "external_id"}}}
        yield served


def county_folder(meixian_dir: Path, folder: Path, served: ServedMonth) -> Path:
    """A copy of the example county whose accounts point at the served month, with the centre's list."""
    yaml = YAML()
    data = yaml.load((meixian_dir / "county.yaml").read_text(encoding="utf-8"))
    for account in data["accounts"]:
        account.update(served.sources.get((account["name"], account["platform"]), {}))
    county = folder / "county"
    county.mkdir()
    with (county / "county.yaml").open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    (county / "rules.yaml").write_text((meixian_dir / "rules.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "recommended.yaml").write_text("".join(f"- title: {t}\n" for t in RECOMMENDED), encoding="utf-8")
    return county


def planned_posts(plan: list[Planned]) -> set[tuple[str, str, str, str, str]]:
    """(platform, account, title, moment, kind) of every post the month must store."""
    return {(p.platform.value, p.account, p.title, p.published_at.isoformat(), p.kind.value)
            for p in plan if p.kind is not None}


def stored_posts(db_url: str) -> set[tuple[str, str, str, str, str]]:
    """The same for the account posts stored in the database, within the month."""
    with Database(db_url).transaction() as session:
        rows = session.execute(select(AccountRow.platform, AccountRow.name, PostRow.title, PostRow.published_at,
                                      PostRow.kind).join(AccountRow, PostRow.account_id == AccountRow.id))
        return {(platform, name, title, moment.astimezone(ZONE).isoformat(), kind)
                for platform, name, title, moment, kind in rows if moment.astimezone(ZONE).date() in month_range(MONTH)}
