"""A post as collectors, imports and the demo hand it over, before it is tied to the county's names."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields
from datetime import datetime

from govwatch.domain import limits
from govwatch.domain.characters import writable
from govwatch.domain.county import County, UnknownName
from govwatch.domain.model import AccountKey, ColumnKey, PostKind
from govwatch.domain.names import close_matches, normalize_name
from govwatch.errors import InvalidInput


@dataclass(frozen=True)
class IncomingPost:
    """A published item named the way a source names it: unit, column or account by name."""

    title: str
    published_at: datetime
    text: str = ""
    url: str | None = None
    kind: PostKind = PostKind.ORIGINAL
    unit: str | None = None
    channel: str | None = None
    column: str | None = None
    account: str | None = None
    platform: str | None = None
    external_id: str | None = None
    source: str = "import"

    def __post_init__(self) -> None:
        """Drop the characters no column or annex can hold (NUL, other controls, lone surrogates) as the
        post arrives, so that what is stored, checked and written is the same text."""
        for field in fields(self):
            value = getattr(self, field.name)
            if type(value) is str:  # not the kind, a StrEnum
                object.__setattr__(self, field.name, writable(value))


def check_published_at(moment: datetime) -> None:
    """Refuse a publication time outside the years a post can have (a typo, or 0001-01-01 from an empty cell)."""
    if not limits.FIRST_YEAR <= moment.year <= limits.LAST_YEAR:
        raise InvalidInput(f"发布时间 {moment.date().isoformat()} 不在 {limits.FIRST_YEAR} 至 {limits.LAST_YEAR} 年之间")


@dataclass(frozen=True)
class ResolvedPost:
    """An incoming post tied to the county's own names, with the key that makes storing it idempotent."""

    post: IncomingPost
    unit: str
    column: ColumnKey | None
    account: AccountKey | None
    natural_key: str
    content_hash: str


def content_hash(title: str, text: str) -> str:
    """Hash of the normalised title and text: the same item re-published unchanged hashes the same."""
    return hashlib.sha256(f"{normalize_name(title)}\n{normalize_name(text)}".encode()).hexdigest()


def _column(county: County, post: IncomingPost, unit: str | None) -> tuple[ColumnKey, str]:
    candidates = [c for c in county.columns() if c.name == post.column and (not post.channel or c.channel == post.channel)]
    shared = [c for c in candidates if c.owner is None]
    if shared:
        if unit is None:
            raise InvalidInput(f"栏目“{post.column}”为多个单位共用，需注明发布单位（来源）")
        return shared[0], unit
    owned = [c for c in candidates if unit is None or c.owner == unit]
    if len(owned) == 1:
        return owned[0], owned[0].owner or ""
    pool = [c.name for c in county.columns() if unit is None or c.owner in (None, unit)]
    if len(owned) > 1:
        raise InvalidInput(f"栏目“{post.column}”属于多个单位，需注明发布单位")
    raise UnknownName("栏目" if unit is None else f"栏目（{unit}）", post.column or "", close_matches(post.column or "", pool))


def resolve(county: County, post: IncomingPost) -> ResolvedPost:
    """Tie `post` to the county's unit, column or account; UnknownName lists close matches."""
    if post.published_at.tzinfo is None:
        raise InvalidInput("发布时间缺少时区")
    check_published_at(post.published_at)
    if not post.title.strip():
        raise InvalidInput("标题为空")
    unit = county.unit(post.unit).name if post.unit else None
    column = account = None
    if post.account:
        found = county.account(post.account, post.platform)
        if unit is not None and unit != found.unit:
            raise InvalidInput(f"账号“{found.name}”属于{found.unit}，不属于{unit}")
        account, unit = found.key, found.unit
    elif post.column:
        column, unit = _column(county, post, unit)
    else:
        raise InvalidInput("需注明栏目（column）或账号（account）")
    digest = content_hash(post.title, post.text)
    if post.url:
        key = f"url:{post.url.strip()}"
    elif account and post.external_id:
        key = f"post:{account.platform}:{account.name}:{post.external_id}"
    else:
        key = f"hash:{digest}:{post.published_at.isoformat()}"
    return ResolvedPost(post, unit, column, account, _bounded(key), digest)


def _bounded(key: str) -> str:
    """The key as it is, or, when longer than its column (a URL of 600 characters), its kind and a hash."""
    if len(key) <= limits.NATURAL_KEY:
        return key
    kind = key.split(":", 1)[0]
    return f"{kind}-sha256:{hashlib.sha256(key.encode()).hexdigest()}"
