import json

import pytest
from openpyxl import Workbook

from govwatch.collect.files import ExportFileError, read_posts
from govwatch.domain.model import PostKind


def write_csv(path, rows):
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_csv_with_chinese_headers(tmp_path):
    path = write_csv(tmp_path / "posts.csv", [
        "标题,发布时间,单位,栏目,类型,链接,正文",
        "县人社局召开就业服务推进会,2023-06-05 10:30,县人社局,部门动态,原创,http://x/1.html,会议强调……",
    ])
    [row] = read_posts(path, "Asia/Shanghai")
    assert row.line == 2
    assert row.post.unit == "县人社局" and row.post.column == "部门动态"
    assert row.post.published_at.utcoffset().total_seconds() == 8 * 3600
    assert row.post.kind is PostKind.ORIGINAL


def test_jsonl_and_kinds(tmp_path):
    path = tmp_path / "posts.jsonl"
    lines = [{"title": "推荐｜防溺水提示", "published_at": "2023-06-05T08:00:00+08:00", "account": "眉县教育",
              "platform": "微信订阅号", "kind": "推荐转载", "external_id": "2247490098_1"}]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    [row] = read_posts(path, "Asia/Shanghai")
    assert row.post.kind is PostKind.RECOMMENDED and row.post.external_id == "2247490098_1"


def test_xlsx(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["标题", "发布时间", "账号", "平台"])
    sheet.append(["眉县交警提示", "2023-06-07 09:00", "眉县交警", "抖音号"])
    path = tmp_path / "posts.xlsx"
    book.save(path)
    [row] = read_posts(path, "Asia/Shanghai")
    assert (row.line, row.post.account, row.post.platform) == (2, "眉县交警", "抖音号")


def test_every_bad_row_is_named_by_line_and_field(tmp_path):
    path = write_csv(tmp_path / "bad.csv", [
        "title,published_at,unit,column,kind",
        "好的一行,2023-06-05,县人社局,部门动态,原创",
        ",2023-06-05,县人社局,部门动态,原创",
        "时间不对,六月五日,县人社局,部门动态,原创",
        "类型不对,2023-06-05,县人社局,部门动态,转发",
    ])
    with pytest.raises(ExportFileError) as caught:
        read_posts(path, "Asia/Shanghai")
    messages = caught.value.messages
    assert f"{path}:3: 字段 title: 必填" in messages
    assert any(m.startswith(f"{path}:4: 字段 published_at") for m in messages)
    assert any(m.startswith(f"{path}:5: 字段 kind") for m in messages)


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("posts.txt", b"x", "不支持的文件类型"),
    ("posts.csv", "标题,发布时间\n".encode("gbk") + "标题".encode("gbk"), "UTF-8"),
    ("posts.jsonl", b"{not json}\n", "JSON"),
    ("posts.xlsx", b"PK\x03\x04 broken", "Excel"),
    ("posts.csv", b"title,published_at\n", "没有数据行"),
])
def test_unreadable_files_get_a_clear_message(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ExportFileError, match=expected):
        read_posts(path, "Asia/Shanghai")
