"""Export files a careless or hostile user imports: odd dates, long fields, deep JSON, UTF-16, NUL bytes and
URLs longer than the key column, on SQLite and PostgreSQL; each imported or refused by line and field."""

import json

import pytest
from sqlalchemy import select

from govwatch.collect.files import ExportFileError, read_posts
from govwatch.store.db import open_database
from govwatch.store.tables import PostRow
from tests.conftest import MEIXIAN
from tests.hostile import assert_clear_outcome, govwatch, snapshot

HEADER = "title,published_at,unit,column,url,text"


def csv_file(path, *rows, encoding="utf-8"):
    path.write_text("\n".join((HEADER, *rows)) + "\n", encoding=encoding)
    return path


@pytest.mark.parametrize("moment", ["0001-01-01 00:00", "9999-12-31 23:59", "1900-06-05 10:00"])
def test_dates_outside_any_posts_years_are_refused_by_line_and_field(tmp_path, moment):
    path = csv_file(tmp_path / "posts.csv", "标题,2023-06-05 10:00,县发改局,部门动态,,", f"标题,{moment},县发改局,部门动态,,")
    with pytest.raises(ExportFileError) as caught:
        read_posts(path, "America/New_York")
    assert caught.value.messages == [f"{path}:3: 字段 published_at: 发布时间 {moment[:10]} 不在 1990 至 2099 年之间"]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<b>x</b>", "/art/2023/6/5/a.html", "http://[::1/bad"])
def test_a_url_that_is_no_web_address_is_refused_by_line_and_field(tmp_path, url):
    path = csv_file(tmp_path / "posts.csv", "标题,2023-06-05 10:00,县发改局,部门动态,https://www.meixian.gov.cn/a.html,",
                    f'标题,2023-06-05 10:00,县发改局,部门动态,"{url}",')
    with pytest.raises(ExportFileError) as caught:
        read_posts(path, "Asia/Shanghai")
    assert caught.value.messages == [f"{path}:3: 字段 url: 应为 http(s) 网址，收到“{url}”"]


def test_a_field_longer_than_the_csv_modules_default_cap_is_read(tmp_path):
    text = "长" * 200_000
    [row] = read_posts(csv_file(tmp_path / "posts.csv", f"标题,2023-06-05 10:00,县发改局,部门动态,,{text}"), "Asia/Shanghai")
    assert row.post.text == text


def test_deeply_nested_json_is_refused_by_line(tmp_path):
    path = tmp_path / "posts.jsonl"
    path.write_text('{"title": "t", "published_at": "2023-06-05 10:00"}\n{"title": ' + "[" * 100_000 + "]" * 100_000 + "}\n",
                    encoding="utf-8")
    with pytest.raises(ExportFileError) as caught:
        read_posts(path, "Asia/Shanghai")
    assert caught.value.messages == [f"{path}:2: JSON 嵌套过深"]


def test_an_object_where_text_belongs_is_refused_by_field(tmp_path):
    path = tmp_path / "posts.jsonl"
    path.write_text(json.dumps({"title": {"a": 1}, "published_at": "2023-06-05 10:00", "column": "部门动态"}) + "\n")
    with pytest.raises(ExportFileError) as caught:
        read_posts(path, "Asia/Shanghai")
    assert caught.value.messages == [f"{path}:1: 字段 title: 应为文字或数值，收到对象"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_unicode_text_with_a_byte_order_mark_is_read(tmp_path, encoding):
    path = tmp_path / "posts.csv"
    body = f"{HEADER}\n县发改局召开会议,2023-06-05 10:00,县发改局,部门动态,,正文\n"
    mark = {"utf-16-be": "\ufeff"}.get(encoding, "")
    path.write_bytes((mark + body).encode(encoding))
    [row] = read_posts(path, "Asia/Shanghai")
    assert row.post.title == "县发改局召开会议"


def test_control_characters_never_reach_the_post(tmp_path):
    [row] = read_posts(csv_file(tmp_path / "posts.csv", "县发改局\x00召开\x0b会议,2023-06-05 10:00,县发改局,部门动态,,正\x01文"),
                       "Asia/Shanghai")
    assert (row.post.title, row.post.text) == ("县发改局召开会议", "正文")


def imported(url, tmp_path, *rows):
    """Import `rows` into a freshly loaded 眉县 at `url`; the result and the stored (title, url) pairs."""
    assert govwatch("--db", url, "load-config", str(MEIXIAN)).exit_code == 0
    result = govwatch("--db", url, "import", "posts", str(csv_file(tmp_path / "posts.csv", *rows)))
    db = open_database(url)
    try:
        with db.transaction() as session:
            return result, list(session.execute(select(PostRow.title, PostRow.url, PostRow.natural_key)))
    finally:
        db.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_database(request, tmp_path):
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("postgres_url")


def test_a_url_longer_than_the_key_column_is_stored_once(any_database, tmp_path):
    long_url = "http://www.meixian.gov.cn/" + "a" * 600 + ".html"
    row = f"县发改局召开会议,2023-06-05 10:00,县发改局,部门动态,{long_url},正文"
    result, stored = imported(any_database, tmp_path, row)
    assert result.exit_code == 0, result.output
    [(_title, url, key)] = stored
    assert url == long_url and key.startswith("url-sha256:")
    again = govwatch("--db", any_database, "import", "posts", str(tmp_path / "posts.csv"))
    assert "新增 0 条" in again.output and "跳过 1 条" in again.output


def test_a_nul_byte_is_dropped_not_refused_by_the_database(any_database, tmp_path):
    result, stored = imported(any_database, tmp_path, "县发改局\x00召开会议,2023-06-05 10:00,县发改局,部门动态,http://x.gov.cn/\x00a,正文")
    assert result.exit_code == 0, result.output
    assert [(t, u) for t, u, _ in stored] == [("县发改局召开会议", "http://x.gov.cn/a")]


def test_a_refused_import_stores_nothing(sqlite_url, tmp_path):
    assert govwatch("--db", sqlite_url, "load-config", str(MEIXIAN)).exit_code == 0
    db = open_database(sqlite_url)
    before = snapshot(db)
    path = csv_file(tmp_path / "posts.csv", "好的一行,2023-06-05 10:00,县发改局,部门动态,,", "坏的一行,0001-01-01,县发改局,部门动态,,")
    result = govwatch("--db", sqlite_url, "import", "posts", str(path))
    assert_clear_outcome(result)
    assert result.exit_code == 2 and f"{path}:3" in result.output
    assert snapshot(db) == before
    db.dispose()
