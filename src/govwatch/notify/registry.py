"""The channel for a target: e-mail, 企业微信 or 钉钉, each with what it needs from the settings and environment."""

from __future__ import annotations

from collections.abc import Mapping

import httpx

from govwatch.notify.channels import Channel, DeliveryError
from govwatch.notify.digest import Target
from govwatch.notify.dingtalk import DingTalkRobot
from govwatch.notify.mail import EmailChannel
from govwatch.notify.recipients import web_address
from govwatch.notify.wecom import WeComRobot
from govwatch.settings import Settings


def open_channel(target: Target, settings: Settings, client: httpx.Client, secrets: Mapping[str, str]) -> Channel:
    """The channel that delivers to `target`; a robot's address (with `url_env`) and a DingTalk secret come
    from the variables the file names."""
    if target.channel == "email":
        return EmailChannel(settings, target.label)
    robot = target.robot
    assert robot is not None, "a robot target carries its robot"
    url = robot.url
    if url is None:
        url = _from_environment(secrets, robot.url_env, f"无法向{robot.label}发送")
        try:
            web_address(url)
        except ValueError as exc:
            raise DeliveryError(f"环境变量 {robot.url_env} 的值不是机器人地址：{exc}") from exc
    if robot.kind == "wecom":
        return WeComRobot(url, client)
    secret = _from_environment(secrets, robot.secret_env, f"无法为{robot.label}签名") if robot.secret_env else None
    return DingTalkRobot(url, client, secret)


def _from_environment(secrets: Mapping[str, str], name: str | None, why: str) -> str:
    value = secrets.get(name or "")
    if not value:
        raise DeliveryError(f"环境变量 {name} 未设置：{why}")
    return value
