"""原创 / 推荐转载 / 其它转载: a post that matches the centre's monthly list of recommended articles
(`domain.recommended`) is a recommended repost; another repost is 其它转载."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, RootModel

from govwatch.collect.platforms.base import PlatformPost
from govwatch.config.loader import validate_file
from govwatch.domain.model import PostKind
from govwatch.domain.names import normalize_name
from govwatch.domain.recommended import Recommended, is_recommended

# WeChat marks no repost in its API: editors mark them in the title, as 转载｜… or 【转载】….
REPOST_MARKERS = ("转载", "【转载】", "转自", "[转载]")


class _Item(BaseModel):
    title: str
    url: str | None = None


def classify(post: PlatformPost, recommended: list[Recommended]) -> PostKind:
    """The post's kind: recommended when listed, else a repost when the platform says so, else original."""
    if is_recommended(post.title, post.url, recommended):
        return PostKind.RECOMMENDED
    if post.repost or normalize_name(post.title).startswith(REPOST_MARKERS):
        return PostKind.OTHER_REPOST
    return PostKind.ORIGINAL


def load_recommended(path: Path) -> list[Recommended]:
    """The centre's list for a month: a YAML list of {title, url}."""
    items = validate_file(RootModel[list[_Item]], path).root
    return [Recommended(i.title, i.url) for i in items]
