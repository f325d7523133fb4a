"""Fake Sina Weibo (user_timeline) and Douyin (video/list) APIs with their paging and error shapes.

Weibo, open.weibo.com/wiki/2/statuses/user_timeline: GET with access_token, uid, since_id, max_id
(statuses with id ≤ max_id), count (default 20, at most 100), trim_user; answers statuses[] (created_at
as "Tue May 31 17:46:55 +0800 2011", id, idstr, mid, text, source, pic_urls, reposts_count,
comments_count, attitudes_count; a repost carries `retweeted_status`), total_number, previous_cursor,
next_cursor. Errors are {error, error_code, request} (open.weibo.com/wiki/Error_code): 21327
expired_token, 10023 "User requests out of rate limit!", 20003 "User does not exists!".

Douyin, developer.open-douyin.com 视频管理 › 查询授权账号视频列表: GET /video/list/ with the
`access-token` header, open_id, cursor (0 first), count; answers data{list[{item_id, title,
create_time, is_top, share_url, cover, is_reviewed, statistics}], cursor, has_more, error_code,
description}, extra{logid, error_code}. No repost flag: a repost says so in its title (caption).
Error codes 2190008 (access_token 过期), 2100004 (rate limit).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from govwatch.collect.fakes.platform_base import FakePlatform, json_response
from govwatch.collect.fakes.server import FakeRequest, FakeResponse
from govwatch.collect.platforms.weibo import CREATED_FORMAT


@dataclass(frozen=True)
class FakeItem:
    id: int
    text: str
    published_at: datetime
    repost: bool = False
    pinned: bool = False


class FakeWeibo(FakePlatform):
    def __init__(self, uid: str, token: str, items: list[FakeItem]) -> None:
        super().__init__()
        self.uid, self.token = uid, token
        self.items = sorted(items, key=lambda i: i.id, reverse=True)

    def error_body(self, fault: str) -> FakeResponse:
        if fault == "rate":
            return json_response({"error": "User requests out of rate limit!", "error_code": 10023,
                                  "request": "/2/statuses/user_timeline.json"}, 403)
        return json_response({"error": "expired_token", "error_code": 21327,
                              "request": "/2/statuses/user_timeline.json"}, 401)

    def route(self, request: FakeRequest) -> FakeResponse:
        q = request.query
        if q.get("access_token") != self.token:
            return self.error_body("expired")
        if q.get("uid") not in (None, "", self.uid):
            return json_response({"error": "User does not exists!", "error_code": 20003,
                                  "request": "/2/statuses/user_timeline.json"}, 400)
        max_id, since_id = int(q.get("max_id") or 2**62), int(q.get("since_id") or 0)
        chosen = [i for i in self.items if since_id < i.id <= max_id][: int(q.get("count", 20))]
        statuses = []
        for item in chosen:
            status = {"id": item.id, "idstr": str(item.id), "mid": str(item.id), "text": item.text,
                      "created_at": item.published_at.strftime(CREATED_FORMAT), "isLongText": False,
                      "reposts_count": 0, "comments_count": 0, "attitudes_count": 0, "pic_urls": []}
            if item.repost:
                status["retweeted_status"] = {"id": item.id + 1, "text": "原微博"}
            statuses.append(status)
        return json_response({"statuses": statuses, "total_number": len(self.items),
                              "previous_cursor": 0, "next_cursor": 0})


class FakeDouyin(FakePlatform):
    def __init__(self, open_id: str, token: str, items: list[FakeItem]) -> None:
        super().__init__()
        self.open_id, self.token = open_id, token
        self.items = sorted(items, key=lambda i: (not i.pinned, -i.published_at.timestamp()))
        self.garbled: set[int] = set()  # ids of videos served without their create_time

    def error_body(self, fault: str) -> FakeResponse:
        code, text = (2100004, "rate limit") if fault == "rate" else (2190008, "access_token过期,请刷新或重新授权")
        return json_response({"data": {"error_code": code, "description": text}, "extra": {"error_code": code}})

    def route(self, request: FakeRequest) -> FakeResponse:
        if request.headers.get("access-token") != self.token:
            return self.error_body("expired")
        cursor, count = int(request.query.get("cursor", 0)), int(request.query.get("count", 10))
        page = self.items[cursor:cursor + count]
        videos = [{"item_id": f"@{i.id}", "title": i.text,
                   "create_time": None if i.id in self.garbled else int(i.published_at.timestamp()),
                   "is_top": i.pinned, "share_url": f"https://www.iesdouyin.com/share/video/{i.id}/",
                   "cover": "", "is_reviewed": True, "statistics": {"digg_count": 0}} for i in page]
        more = cursor + count < len(self.items)
        return json_response({"data": {"cursor": cursor + len(page), "has_more": more, "list": videos,
                                       "error_code": 0, "description": ""}, "extra": {"logid": "fake"}})
