"""Fake Sina Weibo (user_timeline) and Douyin (video/list) APIs with their paging and error shapes."""

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

    def error_body(self, fault: str) -> FakeResponse:
        code, text = (2100004, "rate limit") if fault == "rate" else (2190008, "access_token过期,请刷新或重新授权")
        return json_response({"data": {"error_code": code, "description": text}, "extra": {"error_code": code}})

    def route(self, request: FakeRequest) -> FakeResponse:
        if request.headers.get("access-token") != self.token:
            return self.error_body("expired")
        cursor, count = int(request.query.get("cursor", 0)), int(request.query.get("count", 10))
        page = self.items[cursor:cursor + count]
        videos = [{"item_id": f"@{i.id}", "title": i.text, "create_time": int(i.published_at.timestamp()),
                   "is_top": i.pinned, "share_url": f"https://www.iesdouyin.com/share/video/{i.id}/",
                   "cover": "", "statistics": {"digg_count": 0}} for i in page]
        more = cursor + count < len(self.items)
        return json_response({"data": {"cursor": cursor + len(page), "has_more": more, "list": videos,
                                       "error_code": 0, "description": ""}, "extra": {"logid": "fake"}})
