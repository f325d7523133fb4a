"""`govwatch import posts FILE --format …`: the platforms' own back-end exports, read with column maps."""

from __future__ import annotations

from ruamel.yaml import YAML
from sqlalchemy import select
from typer.testing import CliRunner

from govwatch.cli.app import app
from govwatch.collect.export_formats import FORMATS, column_map
from govwatch.domain.model import Platform
from govwatch.store.db import Database
from govwatch.store.tables import PostRow

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def _county(tmp_path, meixian_dir, exports=None):
    yaml = YAML()
    data = yaml.load((meixian_dir / "county.yaml").read_text(encoding="utf-8"))
    if exports:
        data["exports"] = exports
    folder = tmp_path / "county"
    folder.mkdir()
    with (folder / "county.yaml").open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    (folder / "rules.yaml").write_text((meixian_dir / "rules.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def _stored(url):
    with Database(url).transaction() as session:
        return sorted(session.execute(select(PostRow.title, PostRow.kind)).all())


def test_every_platform_has_a_format_and_the_county_map_wins():
    assert {p for f in FORMATS.values() for p in f.platforms} >= {Platform.WECHAT_SUBSCRIPTION, Platform.WEIBO,
                                                                  Platform.DOUYIN, Platform.CHANNELS}
    assert column_map("channels", {"channels": {"视频标题": "title"}})["视频标题"] == "title"


def test_channels_export_is_stored_once_with_reposts_from_captions(tmp_path, sqlite_url, meixian_dir):
    export = tmp_path / "视频号助手.csv"
    export.write_text("视频描述,发表时间,视频ID,播放量\n反诈宣传进社区,2023/06/04 09:00,v1,120\n"
                      "警惕刷单诈骗（来源：@陕西反诈）,2023/06/13 09:00,v2,80\n", encoding="utf-8")
    assert run("--db", sqlite_url, "load-config", _county(tmp_path, meixian_dir)).exit_code == 0
    args = ("--db", sqlite_url, "import", "posts", export, "--format", "channels", "--account", "眉县反诈中心",
            "--platform", "视频号")
    first = run(*args)
    assert first.exit_code == 0, first.output
    assert _stored(sqlite_url) == [("反诈宣传进社区", "原创"), ("警惕刷单诈骗（来源：@陕西反诈）", "其它转载")]
    assert "新增 0 条" in run(*args).output


def test_a_county_column_map_reads_an_export_whose_headers_differ(tmp_path, sqlite_url, meixian_dir):
    export = tmp_path / "发表记录.csv"
    export.write_text("标题名称,发表日期,原文链接\n县教体局召开安全工作会,2023-06-02 09:00,https://mp.weixin.qq.com/s/abc\n",
                      encoding="utf-8")
    folder = _county(tmp_path, meixian_dir, {"wechat": {"标题名称": "title", "发表日期": "published_at",
                                                         "原文链接": "url"}})
    assert run("--db", sqlite_url, "load-config", folder).exit_code == 0
    result = run("--db", sqlite_url, "import", "posts", export, "--format", "wechat", "--account", "眉县教育")
    assert result.exit_code == 0, result.output
    assert _stored(sqlite_url) == [("县教体局召开安全工作会", "原创")]


def test_an_export_without_its_account_or_with_bad_rows_is_refused_whole(tmp_path, sqlite_url, meixian_dir):
    export = tmp_path / "douyin.csv"
    export.write_text("作品名称,发布时间\n好视频,2023-06-02 09:00\n坏视频,昨天\n", encoding="utf-8")
    assert run("--db", sqlite_url, "load-config", _county(tmp_path, meixian_dir)).exit_code == 0
    no_account = run("--db", sqlite_url, "import", "posts", export, "--format", "douyin")
    assert no_account.exit_code != 0 and "--account" in no_account.output
    bad = run("--db", sqlite_url, "import", "posts", export, "--format", "douyin", "--account", "眉县交警")
    assert bad.exit_code != 0 and "douyin.csv:3: 字段 published_at" in bad.output and _stored(sqlite_url) == []
