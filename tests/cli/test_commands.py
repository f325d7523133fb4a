"""The CLI as a user runs it: exit codes, Chinese messages, the JSON contract, all-or-nothing imports."""

import json

import pytest
from sqlalchemy import create_engine, func, select
from typer.testing import CliRunner

from govwatch.cli.app import app
from govwatch.store.tables import PostRow

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def loaded(sqlite_url, meixian_dir):
    result = run("--db", sqlite_url, "load-config", meixian_dir)
    assert result.exit_code == 0, result.output
    assert "已载入“眉县”" in result.output
    return sqlite_url


def count_posts(url):
    engine = create_engine(url)
    with engine.connect() as connection:
        count = connection.scalar(select(func.count()).select_from(PostRow))
    engine.dispose()
    return count


def test_load_config_error_exits_2_with_file_and_line(sqlite_url, tmp_path, meixian_dir):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "county.yaml").write_text((meixian_dir / "county.yaml").read_text(encoding="utf-8").replace(
        "unit: 县人社局}", "unit: 县人事局}", 1), encoding="utf-8")
    (bad / "rules.yaml").write_text((meixian_dir / "rules.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    result = run("--db", sqlite_url, "load-config", bad)
    assert result.exit_code == 2
    assert "county.yaml:" in result.output and "县人事局" in result.output and "Traceback" not in result.output


def test_evaluate_json_follows_the_contract(tmp_path):
    result = run("demo", "--dir", tmp_path)
    assert result.exit_code == 0, result.output
    assert "附件3" in result.output and "人工调整" in result.output
    assert (tmp_path / "通报-2023-06.docx").is_file() and (tmp_path / "附件-2023-06.xlsx").is_file()
    url = f"sqlite:///{tmp_path / 'govwatch.db'}"
    result = run("--db", url, "evaluate", "--month", "2023-06", "--format", "json")
    data = json.loads(result.output)
    assert set(data) >= {"month", "disclosure", "news", "new_media"}
    assert set(data["disclosure"][0]) >= {"unit", "columns", "required", "actual", "grade", "reasons", "override"}
    assert set(data["disclosure"][0]["columns"][0]) == {"column", "cycle", "required", "actual"}
    assert set(data["news"][0]) >= {"unit", "posts", "grade", "reasons"}
    assert set(data["new_media"][0]) >= {"account", "platform", "original", "recommended", "reposts",
                                         "other_reposts", "total", "problems", "grade"}
    again = run("demo", "--dir", tmp_path)
    assert "采集网站文章新增 0 条" in again.output and "新媒体推文新增 0 条" in again.output


def test_empty_month_says_so(loaded):
    result = run("--db", loaded, "evaluate", "--month", "2023-05")
    assert result.exit_code == 0
    assert "没有任何已采集的信息" in result.output


def test_evaluate_without_config_is_a_clear_error(sqlite_url):
    result = run("--db", sqlite_url, "evaluate", "--month", "2023-06")
    assert result.exit_code == 2
    assert "load-config" in result.output


CSV_HEADER = "标题,发布时间,单位,栏目,类型,正文"


def test_import_is_all_or_nothing_and_idempotent(loaded, tmp_path):
    good = tmp_path / "posts.csv"
    good.write_text("\n".join([
        CSV_HEADER,
        "县人社局召开就业服务推进会,2023-06-05 10:30,县人社局,部门动态,原创,会议强调要压实责任。",
        "县人社局就业稳岗信息,2023-06-06 09:00,县人社局,就业稳岗信息,原创,本次公开内容包括项目名称。",
    ]) + "\n", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text(good.read_text(encoding="utf-8") + "齐镇快讯,2023-06-07 09:00,齐真,各镇快讯,原创,正文\n",
                   encoding="utf-8")
    result = run("--db", loaded, "import", "posts", bad)
    assert result.exit_code == 2
    assert f"{bad}:4" in result.output and "齐真" in result.output and "齐镇" in result.output
    assert count_posts(loaded) == 0

    first = run("--db", loaded, "import", "posts", good)
    assert first.exit_code == 0 and "新增 2 条" in first.output
    second = run("--db", loaded, "import", "posts", good)
    assert "新增 0 条" in second.output and "跳过 2 条" in second.output
    assert count_posts(loaded) == 2


def test_import_finds_text_errors(loaded, tmp_path):
    path = tmp_path / "posts.csv"
    path.write_text(CSV_HEADER + "\n县交通局部门动态,2023-06-05 10:30,县交通局,部门动态,原创,同舟共济、攻克时艰。\n",
                    encoding="utf-8")
    assert "发现问题 1 处" in run("--db", loaded, "import", "posts", path).output
    data = json.loads(run("--db", loaded, "evaluate", "--month", "2023-06", "--format", "json").output)
    row = next(r for r in data["news"] if r["unit"] == "县交通局")
    assert row["grade"] == "不合格"
    assert any("攻克时艰" in e["detail"] for r in row["reasons"] for e in r["evidence"])


def test_override_with_reason_changes_the_final_grade_and_keeps_history(loaded):
    base = ["--db", loaded, "override", "set", "--month", "2023-06", "--annex", "news", "--subject", "县供销社"]
    assert run(*base, "--grade", "最好", "--reason", "x", "--by", "张三").exit_code == 2
    assert run(*base, "--grade", "合格", "--reason", " ", "--by", "张三").exit_code == 2
    assert run(*base, "--grade", "合格", "--reason", "经复核已整改", "--by", "张三").exit_code == 0
    assert run(*base, "--grade", "优秀", "--reason", "复核后再次调整", "--by", "李四").exit_code == 0
    data = json.loads(run("--db", loaded, "evaluate", "--month", "2023-06", "--format", "json").output)
    row = next(r for r in data["news"] if r["unit"] == "县供销联社")
    assert (row["computed_grade"], row["grade"]) == ("不合格", "优秀")
    assert row["override"]["by"] == "李四" and row["override"]["reason"] == "复核后再次调整"
    history = run("--db", loaded, "override", "list", "--month", "2023-06").output
    assert "张三" in history and "李四" in history


def test_override_of_an_unknown_account_lists_close_matches(loaded):
    result = run("--db", loaded, "override", "set", "--month", "2023-06", "--annex", "new_media",
                 "--subject", "眉县反诈", "--grade", "合格", "--reason", "r", "--by", "b")
    assert result.exit_code == 2 and "眉县反诈中心" in result.output
