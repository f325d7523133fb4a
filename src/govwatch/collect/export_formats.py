"""The files the platforms' own back-ends export (导出), one registry: a centre without API credentials
still counts every account by importing them (`govwatch import posts FILE --format NAME --account NAME`).

Each format lists the headers its export is known to carry for govwatch's fields. None of these
header sets could be confirmed from public material (the back-ends are behind a login and change
their exports without notice), so `exports: {NAME: {header: field}}` in county.yaml adds or overrides
headers: a county reads its own files whatever they say. docs/import.md shows a map for each.
"""

from __future__ import annotations

from dataclasses import dataclass

from govwatch.domain.model import Platform
from govwatch.errors import InvalidInput


@dataclass(frozen=True)
class ExportFormat:
    name: str
    platforms: tuple[Platform, ...]
    origin: str  # where in the back-end the file is exported
    columns: dict[str, str]  # the export's header → govwatch field (files.HEADERS)


FORMATS: dict[str, ExportFormat] = {f.name: f for f in (
    ExportFormat("wechat", (Platform.WECHAT_SUBSCRIPTION, Platform.WECHAT_SERVICE),
                 "微信公众平台 → 内容与互动 → 发表记录，或 数据 → 内容分析 → 导出",
                 {"内容标题": "title", "文章标题": "title", "发表时间": "published_at", "群发时间": "published_at",
                  "文章链接": "url", "内容链接": "url"}),
    ExportFormat("weibo", (Platform.WEIBO,), "微博创作者中心 → 数据中心 → 内容分析 → 导出",
                 {"微博内容": "title", "微博正文": "title", "发布时间": "published_at", "微博链接": "url",
                  "微博ID": "external_id", "mid": "external_id"}),
    ExportFormat("douyin", (Platform.DOUYIN,), "抖音创作者中心 → 数据中心 → 作品数据 → 导出",
                 {"作品名称": "title", "作品描述": "title", "发布时间": "published_at", "作品ID": "external_id",
                  "作品链接": "url"}),
    ExportFormat("channels", (Platform.CHANNELS,), "视频号助手 → 数据中心 → 动态数据 → 导出",
                 {"视频描述": "title", "动态描述": "title", "发表时间": "published_at", "发布时间": "published_at",
                  "视频ID": "external_id", "动态ID": "external_id"}),
)}


def column_map(name: str, county_maps: dict[str, dict[str, str]]) -> dict[str, str]:
    """The headers to read a `name` export with: the format's own, then the county's map over them."""
    if name not in FORMATS:
        raise InvalidInput(f"未知的导出格式“{name}”，可用：{'、'.join(FORMATS)}")
    return {**FORMATS[name].columns, **county_maps.get(name, {})}
