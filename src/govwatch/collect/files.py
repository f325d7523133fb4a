"""Post exports in .csv, .xlsx or .jsonl (导入): one row a post, headers in English or Chinese.

| field | accepted headers | required |
|---|---|---|
| title | title, 标题 | yes |
| published_at | published_at, 发布时间, 发布日期 | yes (ISO 8601 or 2023-06-05 10:00; no zone = the county's) |
| unit | unit, 单位, 发布单位, 来源 | for shared columns |
| channel | channel, 频道 | no |
| column | column, 栏目 | a column or an account |
| account | account, 账号, 账号名称 | a column or an account |
| platform | platform, 平台, 媒体类型 | where two accounts share a name |
| kind | kind, 类型, 信息类型 (原创 / 推荐转载 / 其它转载) | no (原创) |
| url | url, 链接, 网址 | no (an absolute http(s) address) |
| text | text, 正文, 内容 | no |
| external_id | external_id, 编号, id | no |
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from govwatch.collect.extract.links import web_url
from govwatch.domain.characters import writable
from govwatch.domain.incoming import IncomingPost, check_published_at
from govwatch.domain.model import PostKind
from govwatch.encodings import marked_encoding
from govwatch.errors import InputFileError

HEADERS: dict[str, tuple[str, ...]] = {
    "title": ("title", "标题"),
    "published_at": ("published_at", "发布时间", "发布日期"),
    "unit": ("unit", "单位", "发布单位", "来源"),
    "channel": ("channel", "频道"),
    "column": ("column", "栏目"),
    "account": ("account", "账号", "账号名称"),
    "platform": ("platform", "平台", "媒体类型"),
    "kind": ("kind", "类型", "信息类型"),
    "url": ("url", "链接", "网址"),
    "text": ("text", "正文", "内容"),
    "external_id": ("external_id", "编号", "id"),
}
MAX_FIELD_CHARS = 64 * 2**20  # far beyond any post; a bound on one field's memory, not on posts
_BY_HEADER = {h.lower(): field for field, names in HEADERS.items() for h in names}
_KIND_WORDS = {"原创": PostKind.ORIGINAL, "推荐转载": PostKind.RECOMMENDED, "其它转载": PostKind.OTHER_REPOST,
               "其他转载": PostKind.OTHER_REPOST, "转载": PostKind.OTHER_REPOST,
               "original": PostKind.ORIGINAL, "recommended": PostKind.RECOMMENDED, "repost": PostKind.OTHER_REPOST}


class ExportFileError(InputFileError):
    """A bad file or row; every message names the file, the line and the field."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("\n".join(messages))
        self.messages = messages


@dataclass(frozen=True)
class ImportedRow:
    line: int
    post: IncomingPost


Rows = Iterator[tuple[int, dict[str, Any]]]


def _text(path: Path) -> str:
    """The file's text: the encoding its byte-order mark names (UTF-16 from Excel's "Unicode text"), else UTF-8."""
    data = path.read_bytes()
    return data.decode(marked_encoding(data) or "utf-8")


def _csv_rows(path: Path) -> Rows:
    # A post's text may be long; the csv module's default cap (128 KB a field) is not a property of the file.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_FIELD_CHARS))
    reader = csv.DictReader(io.StringIO(_text(path), newline=""))
    try:
        for row in reader:
            yield reader.line_num, row
    except csv.Error as exc:
        raise ExportFileError([f"{path}:{reader.line_num}: CSV 格式错误：{exc}"]) from None


def _jsonl_rows(path: Path) -> Rows:
    for number, line in enumerate(_text(path).splitlines(), 1):
        if line.strip():
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ExportFileError([f"{path}:{number}: JSON 格式错误：{exc.msg}"]) from None
            except RecursionError:
                raise ExportFileError([f"{path}:{number}: JSON 嵌套过深"]) from None
            if not isinstance(value, dict):
                raise ExportFileError([f"{path}:{number}: 每行应为一个 JSON 对象"])
            yield number, value


def _xlsx_rows(path: Path) -> Rows:
    from openpyxl import load_workbook

    # openpyxl raises many kinds for a broken file, and in read-only mode some only while rows are read.
    try:
        sheet = load_workbook(path, read_only=True, data_only=True).worksheets[0]
        rows = list(sheet.iter_rows(values_only=True))
    except Exception as exc:
        raise ExportFileError([f"{path}: 无法读取 Excel 文件（{type(exc).__name__}：{exc}）"]) from None
    header = [str(h).strip() if h is not None else "" for h in (rows[0] if rows else ())]
    for number, values in enumerate(rows[1:], 2):
        if any(v not in (None, "") for v in values):
            yield number, dict(zip(header, values, strict=False))


# The readers by file suffix: each yields (line, raw row) pairs, line being the file's (header = 1).
READERS: dict[str, Callable[[Path], Rows]] = {".csv": _csv_rows, ".jsonl": _jsonl_rows, ".xlsx": _xlsx_rows}


def _rows(path: Path) -> Rows:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        accepted = "、".join(READERS)
        raise ExportFileError([f"{path}: 不支持的文件类型 {path.suffix or '（无扩展名）'}，应为 {accepted}"])
    return reader(path)


def _date(value: Any, zone: ZoneInfo) -> datetime:
    if isinstance(value, datetime):
        moment = value
    else:
        text = str(value).strip().replace("/", "-")
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise ValueError(f"无法识别的时间“{value}”，应为 2023-06-05 10:00 或 ISO 8601") from None
    moment = moment if moment.tzinfo else moment.replace(tzinfo=zone)
    check_published_at(moment)
    return moment


def _post(raw: dict[str, Any], zone: ZoneInfo, source: str,
          by_header: dict[str, str]) -> tuple[IncomingPost | None, list[tuple[str, str]]]:
    fields: dict[str, Any] = {}
    problems = []
    for header, value in raw.items():
        field = by_header.get(str(header).strip().lower())
        if field and isinstance(value, (dict, list)):
            problems.append((field, f"应为文字或数值，收到{'对象' if isinstance(value, dict) else '数组'}"))
        elif field and value is not None and (text := writable(str(value)).strip()):
            # a cell of blanks or control characters is an empty cell: a required field stays 必填
            fields[field] = value if field == "published_at" else text
    problems += [(f, "必填") for f in ("title", "published_at") if f not in fields and f not in dict(problems)]
    if "published_at" in fields:
        try:
            fields["published_at"] = _date(fields["published_at"], zone)
        except ValueError as exc:
            problems.append(("published_at", str(exc)))
    if "url" in fields and not web_url(fields["url"]):  # javascript:, data:, a bare path: never a link
        problems.append(("url", f"应为 http(s) 网址，收到“{fields['url'][:80]}”"))
    if "kind" in fields:
        kind = _KIND_WORDS.get(fields["kind"].lower())
        if kind is None:
            problems.append(("kind", f"应为 原创、推荐转载 或 其它转载，收到“{fields['kind']}”"))
        fields["kind"] = kind
    if problems:
        return None, problems
    return IncomingPost(source=source, **fields), []


def read_posts(path: Path, timezone: str, header_map: dict[str, str] | None = None) -> list[ImportedRow]:
    """Every row of an export as IncomingPost; ExportFileError lists every bad row by line and field.

    `header_map` adds a source's own headers (header → field name) to the accepted ones.
    """
    path = Path(path)
    unknown = sorted(set((header_map or {}).values()) - set(HEADERS))
    if unknown:
        raise ExportFileError([f"表头映射中的未知字段：{'、'.join(unknown)}，可用：{'、'.join(HEADERS)}"])
    by_header = {**_BY_HEADER, **{h.strip().lower(): f for h, f in (header_map or {}).items()}}
    if not path.is_file():
        raise ExportFileError([f"{path}: 文件不存在"])
    zone = ZoneInfo(timezone)
    rows, messages = [], []
    try:
        for line, raw in _rows(path):
            post, problems = _post(raw, zone, f"import:{path.name}", by_header)
            messages += [f"{path}:{line}: 字段 {field}: {message}" for field, message in problems]
            if post is not None:
                rows.append(ImportedRow(line, post))
    except UnicodeDecodeError:
        raise ExportFileError([f"{path}: 不是 UTF-8 编码的文本，请另存为 UTF-8"]) from None
    if messages:
        raise ExportFileError(messages)
    if not rows:
        raise ExportFileError([f"{path}: 文件中没有数据行"])
    return rows
