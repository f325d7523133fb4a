"""钉钉 custom robot: markdown messages, optionally signed, at most 20 a minute per robot."""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from collections import deque
from collections.abc import Callable
from urllib.parse import quote_plus

import httpx

from govwatch.notify.channels import post_robot

# DingTalk documents no byte limit for markdown; 20,000 bytes keeps clear of what it is known to accept.
DINGTALK_MAX_BYTES = 20_000
PER_MINUTE = 20


def sign(secret: str, timestamp_ms: int) -> str:
    """The `sign` parameter: HMAC-SHA256 of "timestamp\\nsecret" keyed by the secret, base64, URL-encoded."""
    digest = hmac.new(secret.encode(), f"{timestamp_ms}\n{secret}".encode(), hashlib.sha256).digest()
    return quote_plus(base64.b64encode(digest).decode())


class RateLimit:
    """At most `per_minute` sends in any 60 seconds: waits (rather than being refused with errcode 130101)."""

    def __init__(self, per_minute: int = PER_MINUTE, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.per_minute, self.clock, self.sleep = per_minute, clock, sleep
        self.sent: deque[float] = deque()

    def wait(self) -> None:
        now = self.clock()
        while self.sent and now - self.sent[0] >= 60:
            self.sent.popleft()
        if len(self.sent) >= self.per_minute:
            self.sleep(60 - (now - self.sent[0]))
            self.sent.popleft()
        self.sent.append(self.clock())


class DingTalkRobot:
    max_bytes = DINGTALK_MAX_BYTES
    markdown = True

    def __init__(self, url: str, client: httpx.Client, secret: str | None = None,
                 limit: RateLimit | None = None, clock: Callable[[], float] = time.time) -> None:
        self.url, self.client, self.secret, self.clock = url, client, secret, clock
        self.limit = limit or RateLimit()

    def signed_url(self) -> str:
        """The webhook with `&timestamp=…&sign=…` when the robot has a signing secret."""
        if not self.secret:
            return self.url
        timestamp = int(self.clock() * 1000)
        joiner = "&" if "?" in self.url else "?"
        return f"{self.url}{joiner}timestamp={timestamp}&sign={sign(self.secret, timestamp)}"

    def send(self, title: str, body: str) -> None:
        self.limit.wait()
        payload = {"msgtype": "markdown", "markdown": {"title": title, "text": body}}
        post_robot(self.client, self.signed_url(), payload, "钉钉机器人")
