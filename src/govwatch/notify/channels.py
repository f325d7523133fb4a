"""What every channel does: send one titled message, or raise DeliveryError saying why in Chinese."""

from __future__ import annotations

from typing import Protocol

import httpx

from govwatch.errors import ServiceUnavailable


class DeliveryError(ServiceUnavailable):
    """A message was not delivered; it is recorded and tried again on the next run."""


class Channel(Protocol):
    """One destination's way of sending: its size limit, whether it reads markdown, and `send`."""

    @property
    def max_bytes(self) -> int | None:
        """The largest message the destination takes, in UTF-8 bytes (None: no limit)."""

    markdown: bool

    def send(self, title: str, body: str) -> None:
        """Deliver one message; raise DeliveryError when the destination refuses it or cannot be reached."""


def post_robot(client: httpx.Client, url: str, payload: dict, what: str) -> None:
    """POST `payload` to a robot webhook; both robots answer {"errcode": 0, "errmsg": "ok"} when it is taken."""
    try:
        response = client.post(url, json=payload)
    except httpx.TimeoutException:
        raise DeliveryError(f"{what}超时未响应") from None
    except httpx.HTTPError as exc:
        raise DeliveryError(f"{what}无法连接：{exc}") from None
    if response.status_code != 200:
        raise DeliveryError(f"{what}返回 HTTP {response.status_code}")
    try:
        answer = response.json()
    except ValueError:
        raise DeliveryError(f"{what}的应答不是 JSON：{response.text[:100]}") from None
    code = answer.get("errcode") if isinstance(answer, dict) else None
    if code != 0:
        message = answer.get("errmsg", "") if isinstance(answer, dict) else answer
        raise DeliveryError(f"{what}拒绝了消息：errcode {code}，{message}{_hint(code)}")


def _hint(code: object) -> str:
    return {
        310000: "（钉钉：签名或关键词校验未通过，请检查 secret_env 和机器人安全设置）",
        130101: "（钉钉：发送过快，每分钟最多20条）",
        45009: "（企业微信：接口调用超过频率限制）",
        93000: "（企业微信：webhook 地址无效）",
    }.get(code, "") if isinstance(code, int) else ""
