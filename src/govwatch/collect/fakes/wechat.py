"""A fake WeChat Official Account API: stable_token, freepublish/batchget, datacube and article pages."""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import date, datetime
from html import escape

from govwatch.collect.fakes.platform_base import FakePlatform, json_response
from govwatch.collect.fakes.server import FakeRequest, FakeResponse


@dataclass(frozen=True)
class FakeArticle:
    title: str
    published_at: datetime
    text: str
    mass_sent: bool  # 群发 (found only through datacube) rather than 发布
    msgid: str


class FakeWeChat(FakePlatform):
    def __init__(self, appid: str, secret: str, articles: list[FakeArticle], biz: str = "MzA5") -> None:
        super().__init__()
        self.appid, self.secret, self.biz = appid, secret, biz
        self.articles = sorted(articles, key=lambda a: a.published_at, reverse=True)
        self.token: str | None = None
        self.token_requests = 0

    def expire_token(self) -> None:
        """The platform invalidated the token (expiry, or someone called the legacy cgi-bin/token)."""
        self.token = None

    def error_body(self, fault: str) -> FakeResponse:
        if fault == "rate":
            return json_response({"errcode": 45009, "errmsg": "reach max api daily quota limit"})
        return json_response({"errcode": 42001, "errmsg": "access_token expired"})

    def route(self, request: FakeRequest) -> FakeResponse:
        if request.path == "/cgi-bin/stable_token":
            return self._stable_token(json.loads(request.body or b"{}"))
        if request.path == "/s":
            return self._page(request.query.get("mid", ""), request.query.get("idx", "1"))
        if self.token is None or request.query.get("access_token") != self.token:
            return json_response({"errcode": 40001, "errmsg": "invalid credential, access_token is invalid"})
        body = json.loads(request.body or b"{}")
        if request.path == "/cgi-bin/freepublish/batchget":
            return self._batchget(int(body.get("offset", 0)), min(int(body.get("count", 20)), 20))
        if request.path == "/datacube/getarticletotaldetail":
            return self._datacube(date.fromisoformat(body["begin_date"]), date.fromisoformat(body["end_date"]))
        return json_response({"errcode": 40066, "errmsg": "invalid url"}, 404)

    def _stable_token(self, body: dict) -> FakeResponse:
        if body.get("appid") != self.appid or body.get("secret") != self.secret:
            return json_response({"errcode": 40125, "errmsg": "invalid appsecret"})
        self.token_requests += 1
        if self.token is None or body.get("force_refresh"):
            self.token = secrets.token_hex(16)
        return json_response({"access_token": self.token, "expires_in": 7200})

    def _batchget(self, offset: int, count: int) -> FakeResponse:
        published = [a for a in self.articles if not a.mass_sent]
        page = published[offset:offset + count]
        items = [{"article_id": f"art_{a.msgid}", "update_time": int(a.published_at.timestamp()),
                  "content": {"news_item": [{"title": a.title, "author": "", "digest": a.text[:50],
                                             "content": f"<p>{escape(a.text)}</p>", "content_source_url": "",
                                             "url": f"https://mp.weixin.qq.com/s/{a.msgid}", "is_deleted": False}]}}
                 for a in page]
        return json_response({"total_count": len(published), "item_count": len(items), "item": items})

    def _datacube(self, begin: date, end: date) -> FakeResponse:
        if (end - begin).days > 0:
            return json_response({"errcode": 61501, "errmsg": "date range error"})
        rows = [{"ref_date": a.published_at.date().isoformat(), "msgid": a.msgid, "title": a.title,
                 "publish_type": 0 if a.mass_sent else 1, "detail_list": []}
                for a in self.articles if a.published_at.date() == begin]
        return json_response({"list": rows})

    def _page(self, mid: str, idx: str) -> FakeResponse:
        found = next((a for a in self.articles if a.msgid == f"{mid}_{idx}"), None)
        if found is None:
            return FakeResponse(404, "该内容已被发布者删除".encode(), {"Content-Type": "text/html"})
        html = (f'<html><head><meta property="og:title" content="{escape(found.title)}"></head><body>'
                f'<h1 id="activity-name">{escape(found.title)}</h1><div id="js_content"><p>{escape(found.text)}</p></div>'
                f'<script>var ct = "{int(found.published_at.timestamp())}";</script></body></html>')
        return FakeResponse(200, html.encode(), {"Content-Type": "text/html; charset=utf-8"})
