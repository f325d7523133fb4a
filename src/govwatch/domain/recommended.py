"""推荐转载: whether a post is one of the centre's recommended articles for its month.

A repost matches its listed article by URL or by a title close enough: reposts often add a prefix such
as 【转载】 or trim a subtitle.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from govwatch.domain.model import PostKind
from govwatch.domain.names import normalize_name

TITLE_SIMILARITY = 0.8


@dataclass(frozen=True)
class Recommended:
    """One article of the centre's monthly list."""

    title: str
    url: str | None = None


def _same_title(a: str, b: str) -> bool:
    a, b = normalize_name(a), normalize_name(b)
    if not a or not b:
        return False
    if min(len(a), len(b)) >= 8 and (a in b or b in a):
        return True
    return SequenceMatcher(None, a, b).ratio() >= TITLE_SIMILARITY


def is_recommended(title: str, url: str | None, listed: list[Recommended]) -> bool:
    """Whether a post with this title and URL reposts one of the listed articles."""
    return any((item.url and url and item.url == url) or _same_title(title, item.title) for item in listed)


def kind_against_list(kind: PostKind, listed: bool) -> PostKind:
    """A stored post's kind once its month's list is known: listed means 推荐转载; a post that was
    推荐转载 and is no longer listed stays a repost (其它转载); any other keeps its kind."""
    if listed:
        return PostKind.RECOMMENDED
    return PostKind.OTHER_REPOST if kind == PostKind.RECOMMENDED else kind
