"""`govwatch setup import-tasks 任务分解表.xlsx`: the centre's task table into county.yaml's assignments.

The table is read as the seed's 附件1 lays it out: a title, a header row naming 保障单位, 保障栏目 and
更新周期 (any order, other columns ignored), then one row a column, the unit (and 序号) merged down over
its rows, several columns sometimes in one cell. Merged cells are filled from their top-left cell. Each row
is matched against the county.yaml already in the folder (the discover draft): its unit by name, alias or
the name without the county prefix (眉县民政局 is 县民政局), its column by name under that unit, which
carries the column's URL over. What cannot be matched or read is reported by file, row and field; a row
with no unit, no column or no readable cycle is skipped, everything else is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from govwatch.config.draft import draft_rules, flow, write_yaml, yaml_writer
from govwatch.domain.names import normalize_name
from govwatch.domain.onboarding import (
    DISCLOSURE_CHANNEL,
    NEWS_CHANNEL,
    UNKNOWN_UNIT,
    column_names,
    cycle_text,
    matching_key,
    unit_kind,
)

_HEADERS = {"unit": ("保障单位", "责任单位", "单位"), "column": ("保障栏目", "栏目名称", "栏目"),
            "cycle": ("更新周期", "更新频率", "更新要求", "周期", "频次"), "channel": ("频道",)}
_NEWS_TITLE = ("各镇快讯", "部门动态", "新闻动态")


class TaskTableError(ValueError):
    """The file cannot be read as a task table; the message names it."""


@dataclass(frozen=True)
class TaskProblem:
    file: str
    row: int
    field: str
    reason: str


@dataclass(frozen=True)
class TaskRow:
    file: str  # the file and its sheet, as problems name them
    row: int
    unit: str
    channel: str
    columns: tuple[str, ...]
    cycle: str


@dataclass
class ImportResult:
    written: Path
    units: int = 0
    tasks: int = 0
    with_url: int = 0
    problems: list[TaskProblem] = field(default_factory=list)


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


Grid = list[list[str]]


def _filled(rows: Grid, ranges: Any) -> Grid:
    """`rows` with each merged range (first row, last row, first column, last column; 0-based, inclusive)
    filled with its top-left value."""
    for top, bottom, left, right in ranges:
        if top >= len(rows) or left >= len(rows[top]):
            continue
        value = rows[top][left]
        for r in range(top, min(bottom, len(rows) - 1) + 1):
            for c in range(left, min(right, len(rows[r]) - 1) + 1):
                rows[r][c] = value
    return rows


def _xlsx_sheets(path: Path) -> list[tuple[str, Grid]]:
    import openpyxl

    book = openpyxl.load_workbook(path, data_only=True)
    return [(sheet.title, _filled([[_text(v) for v in row] for row in sheet.iter_rows(values_only=True)],
                                  [(m.min_row - 1, m.max_row - 1, m.min_col - 1, m.max_col - 1)
                                   for m in sheet.merged_cells.ranges]))
            for sheet in book.worksheets]


def _xls_sheets(path: Path) -> list[tuple[str, Grid]]:
    """An Excel 97-2003 table (xlrd; merged cells need its formatting information)."""
    import xlrd

    book = xlrd.open_workbook(path, formatting_info=True)
    sheets = []
    for sheet in book.sheets():
        rows = [[_text(_whole(c.value)) for c in sheet.row(r)] for r in range(sheet.nrows)]
        sheets.append((sheet.name, _filled(rows, [(rlo, rhi - 1, clo, chi - 1) for rlo, rhi, clo, chi in sheet.merged_cells])))
    return sheets


def _whole(value: Any) -> Any:
    """xlrd gives every number as a float: 序号 1.0 is 1."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _header(row: list[str]) -> dict[str, int] | None:
    """Which column holds what, when `row` is a header row (it names a unit and a column)."""
    found: dict[str, int] = {}
    for key, names in _HEADERS.items():
        for index, cell in enumerate(row):
            plain = normalize_name(cell)
            if any(name in plain for name in names) and index not in found.values():
                found[key] = index
                break
    return found if {"unit", "column"} <= found.keys() else None


def read_task_table(path: Path, channel: str | None = None, known: frozenset[str] = frozenset()
                    ) -> tuple[list[TaskRow], list[TaskProblem]]:
    """The task rows of every sheet that has a header row, and the problems of the rows that were skipped."""
    try:
        sheets = _xls_sheets(path) if path.suffix.lower() == ".xls" else _xlsx_sheets(path)
    except FileNotFoundError:
        raise TaskTableError(f"{path}: 文件不存在") from None
    except Exception as exc:  # openpyxl's and xlrd's errors on a file that is no workbook are of many types
        raise TaskTableError(f"{path}: 不是可读取的 Excel 工作簿（.xlsx 或 .xls）（{type(exc).__name__}）") from None
    rows: list[TaskRow] = []
    problems: list[TaskProblem] = []
    for title, grid in sheets:
        found, skipped = _sheet_rows(f"{path.name}（{title}）", grid, channel, known)
        rows += found
        problems += skipped
    if not rows and not problems:
        raise TaskTableError(f"{path}: 没有找到表头（需含“保障单位”“保障栏目”“更新周期”等列名）")
    return rows, problems


def _sheet_rows(where: str, grid: Grid, channel: str | None, known: frozenset[str]) -> tuple[list[TaskRow], list[TaskProblem]]:
    header_at = next((i for i, row in enumerate(grid) if _header(row)), None)
    if header_at is None:
        return [], []
    header = _header(grid[header_at]) or {}
    title = "".join("".join(row) for row in grid[:header_at])
    default = channel or (NEWS_CHANNEL if any(w in title for w in _NEWS_TITLE) else DISCLOSURE_CHANNEL)
    rows, problems = [], []
    for number, row in enumerate(grid[header_at + 1:], start=header_at + 2):
        cells = {key: row[i] if i < len(row) else "" for key, i in header.items()}
        if not any(row) or _header(row):  # blank, or the header repeated after a page break
            continue
        if not cells["unit"]:
            problems.append(TaskProblem(where, number, "保障单位", "缺少单位，该行未导入"))
            continue
        if not cells["column"]:
            problems.append(TaskProblem(where, number, "保障栏目", "缺少栏目，该行未导入"))
            continue
        try:
            cycle = cycle_text(cells.get("cycle", ""))
        except ValueError as exc:
            problems.append(TaskProblem(where, number, "更新周期", f"{exc}，该行未导入"))
            continue
        rows.append(TaskRow(where, number, " ".join(cells["unit"].split()), cells.get("channel") or default,
                            tuple(column_names(cells["column"], known)), cycle))
    return rows, problems


def unit_key(name: str, county: str) -> str:
    """A unit's name without the county's prefix: 眉县民政局 and 县民政局 are one unit."""
    key = normalize_name(name)
    for prefix in (normalize_name(county), normalize_name(county)[:-1] if len(county) > 2 else "", "县"):
        if prefix and key.startswith(prefix) and len(key) > len(prefix) + 1:
            key = key[len(prefix):]
            break
    return key


class _County:
    """The county.yaml being rewritten, with its units and its columns' URLs indexed."""

    def __init__(self, data: CommentedMap) -> None:
        self.data = data
        self.name = str(data.get("county", {}).get("name", ""))
        self.units: CommentedSeq = data.setdefault("units", CommentedSeq())
        self.by_key: dict[str, CommentedMap] = {}
        for unit in self.units:
            for alias in (unit["name"], *unit.get("aliases", ())):
                self.by_key.setdefault(unit_key(str(alias), self.name), unit)
        self.urls: dict[tuple[str, str, str], str] = {}
        self.column_names: frozenset[str] = frozenset(
            "".join(str(item["column"]).split()) for group in data.get("assignments", ()) for item in group.get("columns", ()))
        # the draft's columns not (yet) matched by the table: their unit, name and line in the draft
        self.left: dict[tuple[str, str, str], tuple[str, str, int]] = {}
        for group in data.get("assignments", ()):
            for index, item in enumerate(group.get("columns", ())):
                key = (unit_key(str(group["unit"]), self.name), str(group["channel"]), matching_key(str(item["column"])))
                if item.get("url"):
                    self.urls.setdefault(key, str(item["url"]))
                self.left[key] = (str(group["unit"]), str(item["column"]), group["columns"].lc.item(index)[0] + 1)

    def unit(self, name: str) -> tuple[str, bool]:
        """The county's name for the table's unit (renaming a draft's 眉县民政局 to the table's 县民政局), and
        whether it is new."""
        key = unit_key(name, self.name)
        unit = self.by_key.get(key)
        if unit is None:
            unit = flow({"name": name, "kind": str(unit_kind(name))})
            self.units.append(unit)
            self.by_key[key] = unit
            return name, True
        if normalize_name(str(unit["name"])) != normalize_name(name):
            old = str(unit["name"])
            unit["name"] = name
            unit["aliases"] = [*unit.get("aliases", ()), old]
        return str(unit["name"]), False

    def url(self, unit: str, channel: str, column: str) -> str | None:
        """The draft's URL of the unit's column (or of a column of that name no page assigned to a unit);
        the draft's column counts as matched either way."""
        own = (unit_key(unit, self.name), channel, matching_key(column))
        self.left.pop(own, None)
        for key in (own, (unit_key(UNKNOWN_UNIT, self.name), channel, matching_key(column))):
            if key in self.urls:
                self.left.pop(key, None)
                return self.urls[key]
        return None


def _load(path: Path) -> CommentedMap:
    if path.exists():
        with path.open(encoding="utf-8") as handle:
            data = yaml_writer().load(handle)
        if not isinstance(data, CommentedMap):
            raise TaskTableError(f"{path}: 不是县区配置（应为键值映射）")
        return data
    data = CommentedMap({"county": CommentedMap({"name": "待填写", "issuer": "待填写", "timezone": "Asia/Shanghai"}),
                         "units": CommentedSeq(), "channels": CommentedSeq(), "assignments": CommentedSeq()})
    data.yaml_set_start_comment("县区配置：由 govwatch setup import-tasks 从任务分解表生成；请填写县名和发文机关")
    return data


def import_tasks(table: Path, into: Path, channel: str | None = None) -> ImportResult:
    """Write the task table's assignments into `into`/county.yaml (created when absent)."""
    path = into / "county.yaml"
    county = _County(_load(path))
    rows, problems = read_task_table(table, channel, county.column_names)
    result = ImportResult(path, problems=problems)
    groups: dict[tuple[str, str], CommentedSeq] = {}
    seen: set[tuple[str, str, str]] = set()
    had_units = bool(county.units)
    for row in rows:
        unit, new = county.unit(row.unit)
        if new and had_units:
            result.problems.append(TaskProblem(row.file, row.row, "保障单位",
                                               f"门户草稿中没有单位“{row.unit}”，已按任务分解表新增，请核对名称"))
        for column in row.columns:
            key = (unit, row.channel, normalize_name(column))
            if key in seen:
                result.problems.append(TaskProblem(row.file, row.row, "保障栏目", f"任务重复：{unit} 的“{column}”已列出"))
                continue
            seen.add(key)
            item = flow({"column": column, "cycle": row.cycle})
            url = county.url(unit, row.channel, column)
            if url:
                item["url"] = url
                result.with_url += 1
            elif county.urls:
                result.problems.append(TaskProblem(row.file, row.row, "保障栏目",
                                                   f"门户草稿中没有 {unit} 的“{column}”栏目，未填地址，抓取不到"))
            groups.setdefault((unit, row.channel), CommentedSeq()).append(item)
            result.tasks += 1
    _replace_assignments(county, groups)
    for (_, channel_name, _), (unit, column, line) in county.left.items():
        if channel_name in {c for _, c in groups}:
            result.problems.append(TaskProblem("county.yaml（导入前）", line, "assignments",
                                               f"门户上 {unit} 的栏目“{column}”未列入任务分解表，已从任务中移除"))
    result.units = len(county.units)
    write_yaml(path, county.data)
    if not (into / "rules.yaml").exists():
        write_yaml(into / "rules.yaml", draft_rules(county.name if county.name != "待填写" else None))
    return result


def _replace_assignments(county: _County, groups: dict[tuple[str, str], CommentedSeq]) -> None:
    """The table's channels take the table's groups; other channels' groups stay; channels are declared."""
    data = county.data
    replaced = {channel for _, channel in groups}
    kept = [g for g in data.get("assignments", ()) if str(g["channel"]) not in replaced]
    assignments = CommentedSeq(kept)
    for (unit, channel), columns in groups.items():
        assignments.append(CommentedMap({"unit": unit, "channel": channel, "columns": columns}))
    data["assignments"] = assignments
    channels: CommentedSeq = data.setdefault("channels", CommentedSeq())
    names = {str(c["name"]) for c in channels}
    for channel in replaced - names:
        channels.append(CommentedMap({"name": channel, "per_unit": True}))
    used = {str(g["unit"]) for g in assignments}
    if UNKNOWN_UNIT not in used:
        for index in reversed(range(len(county.units))):
            if str(county.units[index]["name"]) == UNKNOWN_UNIT:
                del county.units[index]

