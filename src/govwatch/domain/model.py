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
class Finding:
    """A problem in a post's text (文字问题), the one finding type on every path: the proofreader hands
    it out (no id, no post, status open), storage returns it with its id, post and the reviewer's verdict,
    grading counts it, the review queue and the API show it.

    The fields grading reads come first, so that `Finding(type, severity, certain, wrong, suggestion)`
    reads as it always did; the rest locate it in the text and say which rule raised it.
    """

    type: str
    severity: Severity
    certain: bool
    wrong: str
    suggestion: str
    status: FindingStatus = FindingStatus.OPEN
    rule: str = ""
    start: int = 0  # character offset in the checked text (title on line 1, body after it)
    line: int = 0
    offset: int = 0
    length: int = 0
    explanation: str = ""
    id: int | None = None  # None until stored
    post_id: int | None = None

    def counts(self, include_suspects: bool) -> bool:
        """Whether grading counts it: not a false alarm, and certain or confirmed by a reviewer."""
        if self.status is FindingStatus.FALSE_ALARM:
            return False
        return self.certain or include_suspects or self.status is FindingStatus.CONFIRMED


TextIssue = Finding
"""The name grading reads a finding by (domain/grading, reports/notice_model): the same type."""


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
    issues: tuple[Finding, ...] = field(default=())
