"""Writing a county folder (county.yaml, rules.yaml) as YAML with comments a centre reads and corrects.

The draft from `govwatch setup discover` says beside each value what was guessed and from what (a meta
tag, a heading, a link text, the articles' publisher); `govwatch setup import-tasks` rewrites the
assignments of an existing county.yaml, keeping the rest of the file and its comments.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from govwatch.domain.onboarding import (
    DISCLOSURE_CHANNEL,
    NEWS_CHANNEL,
    UNKNOWN_UNIT,
    DiscoveredColumn,
    Discovery,
    county_name,
    unit_kind,
)

GUESSED_CYCLE = "实时更新"  # a discovered column's cycle is unknown until the task table gives it
NEWS_CYCLE = "1条/月"  # the seed's rule for 各镇快讯/部门动态: at least one item a month from each unit
_NAME_FROM = {"meta": "名称取自 ColumnName 元数据", "heading": "名称取自页面标题（无 ColumnName 元数据）",
              "link": "名称取自链接文字（无 ColumnName 元数据和标题）"}


def yaml_writer() -> YAML:
    yaml = YAML()
    yaml.allow_unicode = True
    yaml.width = 200
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def flow(data: dict[str, Any]) -> CommentedMap:
    item = CommentedMap(data)
    item.fa.set_flow_style()
    return item


def _column_comment(column: DiscoveredColumn) -> str:
    count = f"{column.items} 条" + ("以上（分页未读完）" if column.items_capped else "")
    last = f"最近更新 {column.last_update:%Y-%m-%d}" if column.last_update else "列表无日期"
    return f"{count}，{last}；{_NAME_FROM[column.name_from]}"


def _unit_of(column: DiscoveredColumn) -> tuple[str, str]:
    if column.unit:
        return column.unit, "单位取自文章的来源/发布机构"
    return UNKNOWN_UNIT, "页面未注明发布单位，请指定"


def draft_county(discovery: Discovery, proxy: str | None = None, delay: float | None = None) -> CommentedMap:
    """county.yaml's content for what discovery found, each guess commented."""
    name = county_name(discovery.site_name)
    info = CommentedMap({"name": name or "待填写", "issuer": f"{name}人民政府办公室" if name else "待填写",
                         "centre": "", "timezone": "Asia/Shanghai", "portal": discovery.home})
    info.yaml_add_eol_comment(f"取自 SiteName“{discovery.site_name}”" if name else "网站未给出 SiteName，请填写", "name")
    info.yaml_add_eol_comment("发文机关：按县名推测，请核对", "issuer")
    info.yaml_add_eol_comment("监管中心名称，请填写", "centre")

    own: dict[str, list[DiscoveredColumn]] = defaultdict(list)
    shared: list[DiscoveredColumn] = []
    for column in discovery.columns:
        if column.shared:
            shared.append(column)
        else:
            own[_unit_of(column)[0]].append(column)
    shared_names = list(dict.fromkeys(c.name for c in shared))
    unit_names = list(dict.fromkeys([*own, *(s for c in shared for s in c.sources)]))

    units = CommentedSeq()
    for i, unit in enumerate(unit_names):
        units.append(flow({"name": unit, "kind": str(unit_kind(unit))}))
        units.yaml_add_eol_comment("类别按名称推测" if unit != UNKNOWN_UNIT else "占位：页面未注明发布单位的栏目", i)

    channels = CommentedSeq()
    if own:
        channels.append(CommentedMap({"name": DISCLOSURE_CHANNEL, "per_unit": True}))
    if shared:
        channels.append(CommentedMap({"name": NEWS_CHANNEL, "per_unit": False, "columns": shared_names}))

    assignments = CommentedSeq()
    for unit, columns in own.items():
        assignments.append(_group(unit, DISCLOSURE_CHANNEL, columns, GUESSED_CYCLE))
    by_unit: dict[str, list[DiscoveredColumn]] = defaultdict(list)
    for column in shared:
        for source in dict.fromkeys(column.sources):
            by_unit[source].append(column)
    for unit, columns in by_unit.items():
        assignments.append(_group(unit, NEWS_CHANNEL, columns, NEWS_CYCLE))

    data = CommentedMap({"county": info, "units": units, "channels": channels, "assignments": assignments})
    crawl = CommentedMap()
    if proxy:
        crawl["proxy"] = proxy
        crawl.yaml_add_eol_comment("发现时使用的代理；直接访问门户时删除", "proxy")
    if delay is not None:
        crawl["delay_seconds"] = delay
        crawl.yaml_add_eol_comment("发现时使用的请求间隔（秒）", "delay_seconds")
    if crawl:
        data["crawl"] = crawl
    capped = "（已达页数上限，可能有栏目未发现）" if discovery.capped else ""
    data.yaml_set_start_comment(
        f"{name or '本县'} 县区配置草稿：由 govwatch setup discover 从 {discovery.home} 自动生成{capped}。\n"
        f"共发现栏目 {len(discovery.columns)} 个，读取页面 {discovery.pages_read} 个。\n"
        "以下内容多为推测（见各行注释），请县数字化信息服务中心核对：单位名称与类别、栏目归属、更新周期。\n"
        "更新周期可由任务分解表导入：govwatch setup import-tasks 任务分解表.xlsx --into 本目录\n"
        "改好后：govwatch load-config 本目录")
    return data


def _group(unit: str, channel: str, columns: list[DiscoveredColumn], cycle: str) -> CommentedMap:
    items = CommentedSeq()
    seen: set[str] = set()
    for column in columns:
        if column.name in seen:  # the same name twice for one unit: the first is kept, the other said
            items.yaml_add_eol_comment(f"另有同名栏目 {column.url} 未列出，请核对", len(items) - 1)
            continue
        seen.add(column.name)
        items.append(flow({"column": column.name, "cycle": cycle, "url": column.url}))
        items.yaml_add_eol_comment(_column_comment(column) + "；周期为推测", len(items) - 1)
    group = CommentedMap({"unit": unit, "channel": channel, "columns": items})
    group.yaml_add_eol_comment(_unit_of(columns[0])[1] if channel == DISCLOSURE_CHANNEL else
                               "共享栏目：按文章来源列出的报送单位", "unit")
    return group


def draft_rules(county: str | None) -> CommentedMap:
    data = CommentedMap({"preset": "national", "name": f"{county or '本县'}政府网站和政务新媒体评定规则（草稿）"})
    data.yaml_set_start_comment("评定规则草稿：以全国检查指标为基础（preset: national），可逐项覆盖；参见 docs/rules.md")
    return data


def write_yaml(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        yaml_writer().dump(data, handle)


def write_draft(discovery: Discovery, out: Path, proxy: str | None = None, delay: float | None = None) -> Path:
    """Write county.yaml and (if absent) rules.yaml into `out`; returns the county.yaml path."""
    county = out / "county.yaml"
    write_yaml(county, draft_county(discovery, proxy, delay))
    if not (out / "rules.yaml").exists():
        write_yaml(out / "rules.yaml", draft_rules(county_name(discovery.site_name)))
    return county
