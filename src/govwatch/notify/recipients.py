"""Who gets which warnings (预警接收人), read from a county's `notify.yaml`.

Each unit names its mailboxes and group robots; the centre's own recipients get the county's digest.
Secrets stay out of the file: a DingTalk robot's signing secret, and any robot's address (which
carries its key) when the file gives `url_env`, are read from the environment variables the file
names, as accounts' credentials are.
"""

from __future__ import annotations

import hashlib
import re
from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from govwatch.domain.county import County, UnknownName
from govwatch.domain.warnings import EarlyWarning, WarningKind

CHANNEL_LABELS = {"email": "邮件", "wecom": "企业微信", "dingtalk": "钉钉"}
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_ENV_RE = re.compile(r"^[A-Z_][A-Z0-9_]*$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Robot(_Strict):
    """A group robot's webhook: 企业微信 (`wecom`) or 钉钉 (`dingtalk`).

    Its address carries the key that lets anyone post to the group, so it may be kept out of the file
    too: `url_env` names the environment variable that holds it, as `secret_env` does for DingTalk's
    signing secret."""

    kind: Literal["wecom", "dingtalk"]
    url: str | None = Field(default=None, description="the webhook address with its key / access_token")
    url_env: str | None = Field(default=None, description="or: the environment variable holding that address")
    name: str = Field(default="", description="what to call it in reports, e.g. 教体局工作群")
    secret_env: str | None = Field(default=None, description="DingTalk: environment variable holding the SEC… secret")

    @field_validator("url")
    @classmethod
    def _http(cls, value: str | None) -> str | None:
        if value is not None:
            web_address(value)
        return value

    @field_validator("secret_env", "url_env")
    @classmethod
    def _env_name(cls, value: str | None) -> str | None:
        if value is not None and not _ENV_RE.match(value):
            raise ValueError(f"应为环境变量名（大写字母、数字、下划线），不是密钥本身：{value!r}")
        return value

    @model_validator(mode="after")
    def _one_address(self) -> Robot:
        if (self.url is None) == (self.url_env is None):
            raise ValueError("机器人须填写 url 或 url_env 之一（url_env：存放地址的环境变量名）")
        return self

    @property
    def address(self) -> str:
        """A stable id that does not show the key: kind and a digest of the URL (or of its variable's name)."""
        where = self.url if self.url is not None else f"env:{self.url_env}"
        return f"{self.kind}:{hashlib.sha256(where.encode()).hexdigest()[:16]}"

    @property
    def label(self) -> str:
        where = urlsplit(self.url).hostname if self.url is not None else self.url_env
        return f"{CHANNEL_LABELS[self.kind]}机器人" + (f"“{self.name}”" if self.name else f"（{where}）")


def web_address(value: str) -> str:
    """A robot's address, which must be http(s)."""
    if urlsplit(value).scheme not in ("http", "https"):
        raise ValueError(f"机器人地址应以 https:// 开头，收到：{value!r}")
    return value


class Recipients(_Strict):
    """Mailboxes and robots, and which kinds of warning they want (none listed: all)."""

    email: tuple[str, ...] = ()
    robots: tuple[Robot, ...] = ()
    kinds: tuple[WarningKind, ...] = ()

    @field_validator("email")
    @classmethod
    def _emails(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        bad = [v for v in value if not _EMAIL_RE.match(v)]
        if bad:
            raise ValueError(f"邮箱地址无效：{'、'.join(bad)}")
        return value

    def wants(self, warning: EarlyWarning) -> bool:
        return not self.kinds or warning.kind in self.kinds


class UnitRecipients(Recipients):
    unit: str


class NotifyConfig(_Strict):
    """A county's `notify.yaml`."""

    centre: Recipients = Field(default=Recipients(), description="the centre: the digest of the whole county")
    units: tuple[UnitRecipients, ...] = ()

    def reference_problems(self, county: County) -> list[tuple[tuple[str | int, ...], str]]:
        """Units the county does not have, or named twice, with the path of the field."""
        problems: list[tuple[tuple[str | int, ...], str]] = []
        seen: set[str] = set()
        for i, entry in enumerate(self.units):
            try:
                name = county.unit(entry.unit).name
            except UnknownName as exc:
                problems.append((("units", i, "unit"), str(exc)))
                continue
            if name in seen:
                problems.append((("units", i, "unit"), f"单位“{name}”重复配置"))
            seen.add(name)
        return problems

    def for_unit(self, county: County, unit: str) -> Recipients | None:
        """The recipients configured for `unit` (by name or alias)."""
        return next((entry for entry, name in self.known_units(county) if name == unit), None)

    def known_units(self, county: County) -> list[tuple[UnitRecipients, str]]:
        """Each unit's entry with the unit's name, leaving out units that county.yaml no longer has (a later
        load-config dropped or renamed them): their warnings still reach the centre's digest."""
        known = []
        for entry in self.units:
            try:
                known.append((entry, county.unit(entry.unit).name))
            except UnknownName:
                continue
        return known
