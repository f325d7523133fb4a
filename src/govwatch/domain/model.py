"""Value types shared by the domain: unit kinds, platforms, post kinds, and the records grading reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class UnitKind(StrEnum):
    """单位类别."""

    DEPARTMENT = "部门"
    TOWNSHIP = "镇街"
    PARK = "园区"


class Platform(StrEnum):
    """政务新媒体平台."""

    WECHAT_SUBSCRIPTION = "微信订阅号"
    WECHAT_SERVICE = "微信服务号"
    WEIBO = "新浪微博"
    DOUYIN = "抖音号"
    CHANNELS = "视频号"
    TOUTIAO = "今日头条"
    KUAISHOU = "快手号"
    OTHER = "其它"


class PostKind(StrEnum):
    """原创 / 推荐转载 (the centre's recommended articles) / 其它转载."""

    ORIGINAL = "原创"
    RECOMMENDED = "推荐转载"
    OTHER_REPOST = "其它转载"


class Severity(StrEnum):
    """How bad a text finding is; the county's rules say which severities fail a unit."""

    SERIOUS = "serious"
    ERROR = "error"
    WARNING = "warning"


class FindingStatus(StrEnum):
    """A reviewer's verdict on a finding (问题审核)."""

    OPEN = "open"
    CONFIRMED = "confirmed"
    FALSE_ALARM = "false_alarm"


@dataclass(frozen=True)
class ColumnKey:
    """A portal column: channel, the unit that owns its copy (None for shared columns), name."""

    channel: str
    owner: str | None
    name: str

    def __str__(self) -> str:
        return f"{self.channel}/{self.owner + '/' if self.owner else ''}{self.name}"


@dataclass(frozen=True)
class AccountKey:
    """A new-media account: two accounts may share a name on different platforms."""

    name: str
    platform: Platform

    def __str__(self) -> str:
        return f"{self.name}（{self.platform}）"


@dataclass(frozen=True)
class TextIssue:
    """A checker finding on a post's text, as grading needs it."""

    type: str
    severity: Severity
    certain: bool
    wrong: str
    suggestion: str
    status: FindingStatus = FindingStatus.OPEN
    finding_id: int | None = None  # the stored finding, when read from storage (grades cite it as evidence)

    def counts(self, include_suspects: bool) -> bool:
        """Whether grading counts it: not a false alarm, and certain or confirmed by a reviewer."""
        if self.status is FindingStatus.FALSE_ALARM:
            return False
        return self.certain or include_suspects or self.status is FindingStatus.CONFIRMED


@dataclass(frozen=True)
class PostRecord:
    """One published item: a portal article (column set) or a new-media post (account set)."""

    id: int
    unit: str
    title: str
    published_at: datetime
    kind: PostKind = PostKind.ORIGINAL
    column: ColumnKey | None = None
    account: AccountKey | None = None
    url: str | None = None
    issues: tuple[TextIssue, ...] = field(default=())
