"""Setting a county up (上线配置) from what it already has: its portal's column tree and its 任务分解表.

Pure rules over what the discovery crawl and the task table's reader gathered: which unit a column
belongs to, whether a column is shared (several units publish to it, as 部门动态), what kind a unit is
by its name, how a task table's cells name columns and cycles. Every guess is marked as one, so the
draft county.yaml can say in a comment what the centre must check.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from govwatch.domain.cycles import Cycle
from govwatch.domain.model import UnitKind
from govwatch.domain.names import normalize_name

UNKNOWN_UNIT = "待确认单位"  # columns whose pages name no publisher go here, for the centre to assign
DISCLOSURE_CHANNEL = "政府信息公开"
NEWS_CHANNEL = "新闻动态"
_DISCLOSURE_WORDS = ("信息公开", "政务公开", "政府信息")
_TOWN = re.compile(r"(?:镇|乡|街道|街办|街道办事处)(?:人民政府)?$")
_ZONE = re.compile(r"(?:管委会|管理委员会|园区|开发区|新区|旅游区)$")
_LINE_SEPARATORS = re.compile(r"[\n\r；;]+")
_NAME_SEPARATORS = re.compile(r"[\s、，,／/]+")
_NOTE = re.compile(r"[（(][^）)]*[）)]")
_CONNECTIVES = ("和", "与", "及", "或", "的", "、")


@dataclass(frozen=True)
class DiscoveredColumn:
    """A list page found on the portal, with what its pages say about it.

    name_from: where the name came from — "meta" (ColumnName), "heading" (<h2>/<title>) or "link"
    (the text of the link that led here); items_capped: the pager was not followed to its end, so
    `items` is a lower bound; sources: the publishers named by the sampled articles (ContentSource
    meta, 来源 or 发布机构 text), most frequent first; trail: the link texts from the home page here.
    """

    url: str
    name: str
    name_from: str
    items: int
    items_capped: bool
    last_update: datetime | None
    sources: tuple[str, ...]
    trail: tuple[str, ...] = ()

    @property
    def shared(self) -> bool:
        """Several units publish here (部门动态, 各镇快讯): a shared column whose items name their unit."""
        return len(set(self.sources)) > 1

    @property
    def unit(self) -> str | None:
        """The one unit its articles name, when they name exactly one."""
        return self.sources[0] if len(set(self.sources)) == 1 else None

    @property
    def disclosure(self) -> bool:
        """Found under the portal's 信息公开 tree (the per-unit disclosure channel)."""
        return any(word in step for step in self.trail for word in _DISCLOSURE_WORDS)


@dataclass(frozen=True)
class Discovery:
    """What `govwatch setup discover` found: the site's name and its columns."""

    home: str
    site_name: str | None
    columns: tuple[DiscoveredColumn, ...]
    pages_read: int
    capped: bool = False  # the page bound of the discovery was reached: columns may be missing
    notes: tuple[str, ...] = field(default=())


def unit_kind(name: str) -> UnitKind:
    """镇街 by a town's or sub-district's name, 园区 by a zone's, else 部门 (a guess the draft marks)."""
    if _TOWN.search(name):
        return UnitKind.TOWNSHIP
    if _ZONE.search(name):
        return UnitKind.PARK
    return UnitKind.DEPARTMENT


def county_name(site_name: str | None) -> str | None:
    """眉县 from 眉县人民政府 (the SiteName meta); None when the name does not end so."""
    if not site_name:
        return None
    found = re.match(r"^(.+?[县区市旗])(?:人民政府|政府)", site_name.strip())
    return found.group(1) if found else None


def most_common(values: list[str]) -> tuple[str, ...]:
    """The distinct values, most frequent first (ties in order of first appearance)."""
    counts = Counter(values)
    return tuple(sorted(counts, key=lambda v: (-counts[v], values.index(v))))


def column_names(cell: str, known: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """The column names one task-table cell holds.

    Line breaks and semicolons always separate. A cell may also name several columns with a space, as the
    seed's merged cell "政府机构 权责清单" does, or with 、，/ — but a space is also where a long name wraps
    ("国有土地使用权和 矿业权出让") and 、 is part of names ("督查、审计信息公开"). So, where the pieces are
    all `known` column names (the portal's), they are taken apart; otherwise 、，/ stay in the name and a
    space separates unless the piece before it ends in a connective (和, 与, 及 …).
    """
    names = []
    for part in _LINE_SEPARATORS.split(cell):
        whole = "".join(part.split())
        if not whole:
            continue
        pieces = [p for p in _NAME_SEPARATORS.split(part) if p]
        if whole in known:
            names.append(whole)
        elif len(pieces) > 1 and known and all(p in known for p in pieces):
            names.extend(pieces)
        else:
            names.extend(_wrapped(part.split()))
    return names


def matching_key(column: str) -> str:
    """A column name for matching the table against the portal: 批准服务和实施信息（施工竣工、质量安全行政处罚）
    and 批准服务和实施信息 are one column."""
    return normalize_name(_NOTE.sub("", column)) or normalize_name(column)


def _wrapped(pieces: list[str]) -> list[str]:
    """Join the pieces a line wrap split (the first ends in a connective), keep the others apart."""
    joined = [pieces[0]]
    for piece in pieces[1:]:
        if joined[-1].endswith(_CONNECTIVES) or len(piece) == 1 or len(joined[-1]) == 1:
            joined[-1] += piece
        else:
            joined.append(piece)
    return joined


def cycle_text(cell: str) -> str:
    """A cycle as county.yaml writes it: "1 条/季度" → "1条/季度"; ValueError (in Chinese) when it is none."""
    text = re.sub(r"\s+", "", cell or "").replace("／", "/")
    text = "实时更新" if text == "实时" else re.sub(r"^每", "1条/", text)
    return str(Cycle.parse(text))


def same_name(a: str, b: str) -> bool:
    return normalize_name(a) == normalize_name(b)
