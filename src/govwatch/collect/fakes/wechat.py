"""A fake WeChat Official Account (公众号) as its documentation describes it, API and article pages.

Built from developers.weixin.qq.com, not from govwatch's adapter:
- `POST /cgi-bin/stable_token` (doc/subscription/api/base/api_getstableaccesstoken): body grant_type,
  appid, secret, force_refresh. Normal mode returns the valid token again ("有效期内重复调用该接口不会更新
  access_token"); force_refresh "会导致上次获取的 access_token 失效，并返回新的 access_token". Wrong secret:
  40125 invalid appsecret.
- `POST /cgi-bin/freepublish/batchget` (doc/service/api/public/api_freepublish_batchget): offset, count
  1–20, no_content; answers total_count, item_count, item[{article_id, content{news_item[], create_time,
  update_time}, update_time}], news_item as in freepublish/getarticle (title, author, digest, content,
  content_source_url, thumb_media_id, show_cover_pic, need_open_comment, only_fans_can_comment, url,
  is_deleted). It lists 发布 items only: "目前只能获取到发布（未开启群发通知）的内容。群发（开启群发通知）的内容
  暂不支持获取" (developers.weixin.qq.com/community/develop/doc/0006e42c5f08682e9bd2f96006bc00).
  A count outside 1–20 is refused with 40097 invalid args.
- `POST /datacube/getarticletotal` (doc/service/api/wedata/news/api_getarticletotal, "已停止维护" but
  serving): begin_date, end_date "最大值为昨日", one day at a time; answers list[{ref_date, msgid, title,
  url, user_source, details[]}] for the day's 群发 articles (msgid is "图文消息id_index"; the url is in
  the answer, github.com/Wechat-Group/WxJava/issues/2028). Data exists only from 2014-12-01 on.
- `POST /datacube/getarticletotaldetail` (doc/subscription/api/wedata/news/api_getarticletotaldetail):
  list[{ref_date, msgid, publish_type (0 已通知 = 群发, 1 未开启通知 = 发布), detail_list[]}], is_delay; no
  title and no url.
- Global return codes: 40001 invalid credential, 42001 access_token expired, 45009 daily quota,
  45011 minute quota, -1 system busy, 61501 date range error, 40164 "invalid ip …, not in whitelist"
  (the caller's IP is not on the account's IP 白名单, 基本配置).
- The article page (mp.weixin.qq.com/s?__biz=…&mid=…&idx=…&sn=…) as real pages carry it: `<h1
  id="activity-name">`, `<div id="js_content">`, `var ct = "…"` (publication time), the 原创 mark `<span
  id="copyright_logo" class="rich_media_meta meta_original_tag">原创</span>`, a reprint's notice
  "以下文章来源于某某，作者某某" above the text, and "该内容已被发布者删除" once deleted. A page also names
  its long address in `<meta property="og:url">`; freepublish may give the short form /s/<code>.
Article pages are served by this same server: their URLs take the host the API request came to.
"""

from __future__ import annotations

import json
import secrets
import zlib
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from html import escape
from zoneinfo import ZoneInfo

from govwatch.collect.fakes.platform_base import FakePlatform, json_response
from govwatch.collect.fakes.server import FakeRequest, FakeResponse

DATACUBE_START = date(2014, 12, 1)


@dataclass(frozen=True)
class FakeArticle:
    title: str
    published_at: datetime
    text: str
    mass_sent: bool  # 群发 (with notification): found through datacube, not freepublish
    msgid: str  # "图文消息id_index", e.g. 2247483654_1
    also_published: bool = False  # a 群发 article also listed by freepublish (群发 + 发布)
    original: bool = False  # declared 原创: the page shows the copyright_logo mark
    reprinted_from: str | None = None  # 转载: the page's "以下文章来源于…" notice
    deleted: bool = False
    edited_at: datetime | None = None  # changed after publication: update_time moves, create_time does not
    short_url: bool = False  # freepublish gives its short address (/s/<code>), the page its long one

    @property
    def listed_by_freepublish(self) -> bool:
        return not self.mass_sent or self.also_published


class FakeWeChat(FakePlatform):
    def __init__(self, appid: str, secret: str, articles: list[FakeArticle], biz: str = "MzA5",
                 today: date | None = None) -> None:
        super().__init__()
        self.appid, self.secret, self.biz = appid, secret, biz
        self.articles = sorted(articles, key=lambda a: a.published_at, reverse=True)
        self.today = today  # the platform's own date (datacube serves up to yesterday); None: the real one
        self.token: str | None = None
        self.token_expires: datetime | None = None
        self.token_requests = 0
        # another client force-refreshes once this many API calls (in all) are answered
        self.invalidate_after: int | None = None
        self.page_faults: Counter[str] = Counter()  # msgid → how many next page requests fail (HTTP 500)
        self.broken_pages: set[str] = set()  # msgids whose page lacks its elements (a truncated answer)
        self.whitelisted = True  # False: the caller's IP is not on the account's IP whitelist

    def expire_token(self) -> None:
        """The token's time is up (42001 until a new one is fetched)."""
        self.token_expires = datetime.now() - timedelta(seconds=1)

    def refreshed_elsewhere(self) -> None:
        """Another client called stable_token with force_refresh: the token held here is no longer valid."""
        self.token = secrets.token_hex(16)
        self.token_expires = datetime.now() + timedelta(seconds=7200)

    def error_body(self, fault: str) -> FakeResponse:
        if fault == "rate":
            return json_response({"errcode": 45011,
                                  "errmsg": "api minute-quota reach limit  mustslower  retry next minute"})
        return json_response({"errcode": 42001, "errmsg": "access_token expired"})

    def _date(self) -> date:
        """The platform's date: Beijing time, as WeChat's servers count "yesterday" (not this machine's zone:
        between 16:00 and 24:00 UTC the two differ by a day)."""
        return self.today or datetime.now(ZoneInfo("Asia/Shanghai")).date()

    def route(self, request: FakeRequest) -> FakeResponse:
        if request.path == "/cgi-bin/stable_token":
            return self._stable_token(json.loads(request.body or b"{}"))
        if request.path == "/s":
            return self._page(request.query, request.headers.get("host", "mp.weixin.qq.com"))
        if request.path.startswith("/s/"):
            code = request.path[3:]
            found = next((a for a in self.articles if self._short(a) == code), None)
            mid, _, idx = found.msgid.partition("_") if found else ("", "", "")
            return self._page({"__biz": self.biz, "mid": mid, "idx": idx}, request.headers.get("host", ""))
        api_calls = sum(1 for c in self.calls if c.path not in ("/s", "/cgi-bin/stable_token"))
        if self.invalidate_after is not None and api_calls > self.invalidate_after:
            self.invalidate_after = None
            self.refreshed_elsewhere()
        given = request.query.get("access_token")
        if self.token is None or given != self.token:
            return json_response({"errcode": 40001,
                                  "errmsg": "invalid credential, access_token is invalid or not latest"})
        if self.token_expires and self.token_expires < datetime.now():
            return json_response({"errcode": 42001, "errmsg": "access_token expired"})
        body = json.loads(request.body or b"{}")
        host = request.headers.get("host", "mp.weixin.qq.com")
        if request.path == "/cgi-bin/freepublish/batchget":
            return self._batchget(body, host)
        if request.path in ("/datacube/getarticletotal", "/datacube/getarticletotaldetail"):
            return self._datacube(request.path.endswith("detail"), body, host)
        return json_response({"errcode": 40066, "errmsg": "invalid url"}, 404)

    def _stable_token(self, body: dict) -> FakeResponse:
        if not self.whitelisted:
            return json_response({"errcode": 40164,
                                  "errmsg": "invalid ip 127.0.0.1 ipv6 ::ffff:127.0.0.1, not in whitelist"})
        if body.get("appid") != self.appid or body.get("secret") != self.secret:
            return json_response({"errcode": 40125, "errmsg": "invalid appsecret"})
        self.token_requests += 1
        expired = self.token_expires is None or self.token_expires < datetime.now()
        if self.token is None or expired or body.get("force_refresh"):
            self.refreshed_elsewhere()
        return json_response({"access_token": self.token, "expires_in": 7200})

    def url(self, article: FakeArticle, host: str) -> str:
        mid, _, idx = article.msgid.partition("_")
        return f"http://{host}/s?__biz={self.biz}&mid={mid}&idx={idx}&sn={zlib.crc32(article.msgid.encode()):08x}#rd"

    def _short(self, article: FakeArticle) -> str:
        return f"{zlib.crc32(article.msgid.encode()):08x}"

    def _news_item(self, article: FakeArticle, host: str) -> dict:
        url = f"http://{host}/s/{self._short(article)}" if article.short_url else self.url(article, host)
        return {"title": article.title, "author": "", "digest": article.text[:50],
                "content": f"<p>{escape(article.text)}</p>", "content_source_url": "", "thumb_media_id": "",
                "show_cover_pic": 1, "need_open_comment": 0, "only_fans_can_comment": 0,
                "url": url, "is_deleted": article.deleted}

    def _batchget(self, body: dict, host: str) -> FakeResponse:
        offset, count = int(body.get("offset", 0)), int(body.get("count", 0))
        if not 1 <= count <= 20 or offset < 0:
            return json_response({"errcode": 40097, "errmsg": "invalid args"})
        groups: dict[str, list[FakeArticle]] = {}  # one published message (图文消息 id) holds its articles
        for article in self.articles:
            if article.listed_by_freepublish:
                groups.setdefault(article.msgid.partition("_")[0], []).append(article)
        messages = list(groups.items())
        items = []
        for mid, members in messages[offset:offset + count]:
            members = sorted(members, key=lambda a: a.msgid)
            created = int(members[0].published_at.timestamp())
            updated = int(max(a.edited_at or a.published_at for a in members).timestamp())
            items.append({"article_id": f"{mid}-{zlib.crc32(mid.encode()) % 10**6:06d}", "update_time": updated,
                          "content": {"news_item": [self._news_item(a, host) for a in members],
                                      "create_time": created, "update_time": updated}})
        return json_response({"total_count": len(messages), "item_count": len(items), "item": items})

    def _datacube(self, detail: bool, body: dict, host: str) -> FakeResponse:
        try:
            begin, end = date.fromisoformat(body["begin_date"]), date.fromisoformat(body["end_date"])
        except (KeyError, ValueError):
            return json_response({"errcode": 61500, "errmsg": "date format error"})
        if end < begin or (end - begin).days > 0 or end >= self._date():
            return json_response({"errcode": 61501, "errmsg": "date range error"})
        if begin < DATACUBE_START:
            return json_response({"list": []})
        day = [a for a in self.articles if a.published_at.date() == begin]
        if detail:
            rows: list[dict[str, object]] = [
                {"ref_date": begin.isoformat(), "msgid": a.msgid, "publish_type": 0 if a.mass_sent else 1,
                 "detail_list": []} for a in day]
            return json_response({"list": rows, "is_delay": False})
        rows = [{"ref_date": begin.isoformat(), "msgid": a.msgid, "title": a.title, "url": self.url(a, host),
                 "user_source": 0, "details": []} for a in day if a.mass_sent]
        return json_response({"list": rows})

    def _page(self, query: dict[str, str], host: str) -> FakeResponse:
        msgid = f"{query.get('mid', '')}_{query.get('idx', '1')}"
        found = next((a for a in self.articles if a.msgid == msgid and query.get("__biz") == self.biz), None)
        if found is not None and self.page_faults[msgid] > 0:
            self.page_faults[msgid] -= 1
            return FakeResponse(500, b"<html>500 Internal Server Error</html>", {"Content-Type": "text/html"})
        if found is None or found.deleted:
            notice = '<div class="weui-msg"><p class="weui-msg__title">该内容已被发布者删除</p></div>'
            return FakeResponse(200, f"<html><body>{notice}</body></html>".encode(), {"Content-Type": "text/html"})
        title = escape(found.title)
        if msgid in self.broken_pages:
            return FakeResponse(200, f"<html><head><title>{title}</title></head><body><div>".encode(),
                                {"Content-Type": "text/html; charset=utf-8"})
        mark = ('<span id="copyright_logo" class="rich_media_meta meta_original_tag">原创</span>'
                if found.original else "")
        notice = (f'<div class="original_primary_card_tips">以下文章来源于{escape(found.reprinted_from)}，'
                  f'作者{escape(found.reprinted_from)}</div>' if found.reprinted_from else "")
        paragraphs = "".join(f"<p>{escape(line)}</p>" for line in found.text.splitlines())
        html = (f'<html><head><meta property="og:title" content="{title}">'
                f'<meta property="og:url" content="{escape(self.url(found, host))}"></head><body>'
                f'<h1 class="rich_media_title" id="activity-name">{title}</h1>'
                f'<div id="meta_content" class="rich_media_meta_list">{mark}'
                f'<em id="publish_time" class="rich_media_meta rich_media_meta_text"></em></div>{notice}'
                f'<div class="rich_media_content" id="js_content">{paragraphs}</div>'
                f'<script>var ct = "{int(found.published_at.timestamp())}";</script></body></html>')
        return FakeResponse(200, html.encode(), {"Content-Type": "text/html; charset=utf-8"})
