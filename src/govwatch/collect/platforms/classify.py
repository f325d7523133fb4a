"""原创 / 推荐转载 / 其它转载: a post that matches the centre's monthly list of recommended articles
(by URL, or by a title close enough) is a recommended repost; another repost is 其它转载."""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from pydantic import BaseModel, RootModel

from govwatch.collect.platforms.base import PlatformPost
from govwatch.config.loader import validate_file
from govwatch.domain.model import PostKind
from govwatch.domain.names import normalize_name

TITLE_SIMILARITY = 0.8  # reposts often add a prefix such as 【转载】 or trim a subtitle
# WeChat marks no repost in its API: editors mark them in the title, as 转载｜… or 【转载】….
REPOST_MARKERS = ("转载", "【转载】", "转自", "[转载]")


class _Item(BaseModel):
    title: str
    url: str | None = None


@dataclass(frozen=True)
class Recommended:
    title: str
    url: str | None = None


def _same_title(a: str, b: str) -> bool:
    a, b = normalize_name(a), normalize_name(b)
    if not a or not b:
        return False
    if min(len(a), len(b)) >= 8 and (a in b or b in a):
        return True
    return SequenceMatcher(None, a, b).ratio() >= TITLE_SIMILARITY


def classify(post: PlatformPost, recommended: list[Recommended]) -> PostKind:
    """The post's kind: recommended when listed, else a repost when the platform says so, else original."""
    for item in recommended:
        if (item.url and post.url and item.url == post.url) or _same_title(post.title, item.title):
            return PostKind.RECOMMENDED
    if post.repost or normalize_name(post.title).startswith(REPOST_MARKERS):
        return PostKind.OTHER_REPOST
    return PostKind.ORIGINAL


def load_recommended(path: Path) -> list[Recommended]:
    """The centre's list for a month: a YAML list of {title, url}."""
    items = validate_file(RootModel[list[_Item]], path).root
    return [Recommended(i.title, i.url) for i in items]
