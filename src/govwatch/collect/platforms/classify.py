"""原创 / 推荐转载 / 其它转载, decided in one place for every platform.

Order of evidence (附件3 counts originals and recommended reposts, so a repost taken for an original
changes a grade):
1. the centre's monthly list of recommended articles (`domain.recommended`): 推荐转载;
2. what the platform or the post itself declares — Weibo `retweeted_status`, WeChat's 转载 notice
   ("以下文章来源于…") or 原创 mark, RSS/Atom `<source>`, `dc:source`, a caption's repost marker
   (`repost_marker`), a 来源 line naming someone else (`source_line`): adapters set `repost` / `original`;
3. last resort, a title that starts with a repost marker (转载｜…, 【转载】…, 转自…).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel, RootModel

from govwatch.collect.platforms.base import PlatformPost
from govwatch.config.loader import validate_file
from govwatch.domain.model import PostKind
from govwatch.domain.names import normalize_name
from govwatch.domain.recommended import Recommended, is_recommended

_VERB = r"(?:转载自?|转自|转发自?|来源|素材来源|视频来源|信息来源|稿件来源)"
# Leading forms: 转载｜…, 【转载】…, [转载]…, 转自@某某：…, 转自某某：…, 来源：某某 …, and the quoting "@某某：…".
_LEADING = re.compile(rf"^(?:[【\[]\s*{_VERB}[^】\]]{{0,30}}[】\]]|{_VERB}\s*(?:[|｜丨:：]|@)"
                      rf"|(?:转自|转载自)[^\s:：，,。@]{{1,30}}[:：]|@[^\s:：@]{{1,30}}[:：])")
# The last resort, as editors mark reposts in a title: 转载｜…, 【转载】…, 转自…
TITLE_MARKERS = ("转载", "【转载】", "转自", "[转载]")
# Trailing forms: …（来源：@某某）, …(转自 某某), … 来源：某某, … 转载自@某某.
_TRAILING = re.compile(
    rf"(?:[（(【\[]\s*{_VERB}\s*[:：]?\s*@?(?P<bracketed>[^（）()【】\[\]]{{1,40}})[）)】\]]"
    rf"|{_VERB}\s*[:：]?\s*@(?P<handle>[^\s@]{{1,40}})|{_VERB}\s*[:：]\s*(?P<named>[^\s:：]{{1,40}}))\s*[。.!！]?\s*$")
_LEADING_SOURCE = re.compile(rf"^{_VERB}\s*[:：|｜丨]?\s*@?(?P<name>[^\s:：，,。|｜]{{1,40}})")
_LINE = re.compile(rf"^\s*{_VERB}\s*[:：]\s*@?(?P<name>[^\s，,。]{{1,40}})")


def _own(name: str, own: Iterable[str]) -> bool:
    key = normalize_name(name).strip("@")
    return any(key and (key == normalize_name(o) or normalize_name(o) in key) for o in own if o)


def repost_marker(caption: str, own: Iterable[str] = ()) -> str | None:
    """The source a caption names as a repost marker (Douyin, 视频号, Weibo text), leading or trailing;
    None when there is none or it names the account itself (`own`: its name and unit)."""
    text = caption.strip()
    leading = _LEADING.match(text)
    if leading:
        named = _LEADING_SOURCE.match(text)
        name = named.group("name") if named else leading.group(0).strip("@:：【】[]|｜丨 ")
        return None if _own(name, own) else name
    trailing = _TRAILING.search(text)
    if trailing:
        name = next(g for g in trailing.group("bracketed", "handle", "named") if g)
        return None if _own(name, own) else name.strip()
    return None


def source_line(text: str, own: Iterable[str] = ()) -> str | None:
    """The source named by an article's 来源/转自 line (its first or last non-empty line), unless it is
    the account itself: government articles carry their origin as "来源：某某" in the body."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in (lines[:1] + lines[-1:]) if lines else []:
        found = _LINE.match(line)
        if found and not _own(found.group("name"), own):
            return found.group("name")
    return None


def title_marked(title: str) -> bool:
    """The last resort: the title itself starts with a repost marker."""
    return normalize_name(title).startswith(TITLE_MARKERS)


class _Item(BaseModel):
    title: str
    url: str | None = None


def classify(post: PlatformPost, recommended: list[Recommended]) -> PostKind:
    """The post's kind: recommended when listed, else what the platform declares, else the title's marker."""
    if is_recommended(post.title, post.url, recommended):
        return PostKind.RECOMMENDED
    if post.repost:
        return PostKind.OTHER_REPOST
    if post.original:
        return PostKind.ORIGINAL
    return PostKind.OTHER_REPOST if title_marked(post.title) else PostKind.ORIGINAL


def load_recommended(path: Path) -> list[Recommended]:
    """The centre's list for a month: a YAML list of {title, url}."""
    items = validate_file(RootModel[list[_Item]], path).root
    return [Recommended(i.title, i.url) for i in items]
