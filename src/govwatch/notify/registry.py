"""The channel for a target: e-mail, 企业微信 or 钉钉, each with what it needs from the settings and environment."""

from __future__ import annotations

from collections.abc import Mapping

import httpx

from govwatch.notify.channels import Channel, DeliveryError
from govwatch.notify.digest import Target
from govwatch.notify.dingtalk import DingTalkRobot
from govwatch.notify.mail import EmailChannel
from govwatch.notify.wecom import WeComRobot
from govwatch.settings import Settings


def open_channel(target: Target, settings: Settings, client: httpx.Client, secrets: Mapping[str, str]) -> Channel:
    """The channel that delivers to `target`; a DingTalk secret comes from the variable its `secret_env` names."""
    if target.channel == "email":
        return EmailChannel(settings, target.label)
    robot = target.robot
    assert robot is not None, "a robot target carries its robot"
    if robot.kind == "wecom":
        return WeComRobot(robot.url, client)
    secret = None
    if robot.secret_env:
        secret = secrets.get(robot.secret_env)
        if not secret:
            raise DeliveryError(f"环境变量 {robot.secret_env} 未设置：无法为{robot.label}签名")
    return DingTalkRobot(robot.url, client, secret)
