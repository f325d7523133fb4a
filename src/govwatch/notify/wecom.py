"""企业微信 group robot: markdown messages of at most 4096 bytes posted to its webhook."""

from __future__ import annotations

import httpx

from govwatch.notify.channels import post_robot

# "markdown.content: 必填，markdown内容，最长不超过4096个字节，必须是utf8编码"
WECOM_MAX_BYTES = 4096


class WeComRobot:
    max_bytes = WECOM_MAX_BYTES
    markdown = True

    def __init__(self, url: str, client: httpx.Client) -> None:
        self.url, self.client = url, client

    def send(self, title: str, body: str) -> None:
        # The title is the body's first line already: WeCom markdown has no separate title.
        post_robot(self.client, self.url, {"msgtype": "markdown", "markdown": {"content": body}}, "企业微信机器人")
