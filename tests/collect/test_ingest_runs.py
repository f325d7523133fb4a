"""`govwatch ingest` over several runs: periods, a failed item read again, an edit updating its post."""

from __future__ import annotations

from dataclasses import replace

import pytest
from typer.testing import CliRunner

from govwatch.cli.app import app
from govwatch.collect.fakes.month import ZONE, ServedMonth, county_folder, stored_posts
from govwatch.collect.fakes.server import LocalServer
from govwatch.collect.fakes.wechat import FakeArticle, FakeWeChat
from govwatch.domain.calendar import period_moments
from govwatch.domain.model import Platform, PostKind
from tests.collect.test_platforms import _day

runner = CliRunner()


def test_period_options(tmp_path):
    start, end = period_moments("2023-06", None, None, "Asia/Shanghai")
    assert (start.isoformat(), end.isoformat()) == ("2023-06-01T00:00:00+08:00", "2023-07-01T00:00:00+08:00")
    start, end = period_moments(None, "2023-06-01", "2023-06-15", "Asia/Shanghai")
    assert end.isoformat() == "2023-06-16T00:00:00+08:00"
    for bad, message in (({"month": "2023-06", "since": "2023-06-01"}, "只能选一种"),
                         ({"since": "2023-06-10", "until": "2023-06-01"}, "早于")):
        try:
            period_moments(bad.get("month"), bad.get("since"), bad.get("until"), "Asia/Shanghai")
        except ValueError as exc:
            assert message in str(exc)
        else:
            raise AssertionError(bad)


def result_row(output: str, account: str) -> dict[str, str]:
    """The printed table's row of `account`, by column header."""
    lines = [line.replace("┃", "│") for line in output.splitlines()]
    header = next(line for line in lines if "账号" in line and "找到" in line)
    row = next(line for line in lines if line.startswith("│") and account in line)

    def cells(line: str) -> list[str]:
        return [c.strip() for c in line.strip("│").split("│")]

    return dict(zip(cells(header), cells(row), strict=True))


@pytest.mark.slow
def test_a_failed_page_is_read_next_run_and_an_edit_updates_its_post(tmp_path, sqlite_url, meixian_dir):
    articles = [FakeArticle("公示一", _day(2), "公示。", True, "2247490001_1"),
                FakeArticle("公示二", _day(5), "公示。", True, "2247490002_1")]
    fake = FakeWeChat("wxappid", "s3cret", articles)
    fake.page_faults["2247490002_1"] = 1
    with LocalServer(fake) as server:
        served = ServedMonth([], {("眉县民政", Platform.WECHAT_SUBSCRIPTION.value): {
            "external_id": "wxappid", "source": {"kind": "api", "url": server.url, "credential_env": "SECRET"}}}, {})
        folder = county_folder(meixian_dir, tmp_path, served)
        env = {"SECRET": "s3cret", "GOVWATCH_TODAY": "2023-07-10"}

        def run(*args):
            return runner.invoke(app, ["--db", sqlite_url, *args], env=env, catch_exceptions=False)

        assert run("load-config", str(folder)).exit_code == 0
        first = run("ingest", "--month", "2023-06", "--account", "眉县民政")
        assert first.exit_code == 1 and "失败 2247490002_1《公示二》：文章页面打不开（HTTP 500）" in first.output
        assert {t for _, _, t, _, _ in stored_posts(sqlite_url)} == {"公示一"}
        second = run("ingest", "--account", "眉县民政")  # reads back to the failed item's day
        assert second.exit_code == 0, second.output
        assert {t for _, _, t, _, _ in stored_posts(sqlite_url)} == {"公示一", "公示二"}
        fake.articles[-1] = replace(fake.articles[-1], text="公示，修改后。\n来源：陕西民政")  # edited into a repost
        third = run("ingest", "--since", "2023-06-01", "--until", "2023-06-30", "--today", "2023-07-11")
        assert third.exit_code == 0, third.output
        edited = next(p for p in stored_posts(sqlite_url) if p[2] == "公示一")
        assert edited[3] == _day(2).astimezone(ZONE).isoformat() and edited[4] == PostKind.OTHER_REPOST.value
        assert result_row(third.output, "眉县民政") == {"账号": "眉县民政", "平台": "微信订阅号", "找到": "2", "新增": "0",
                                                      "更新": "1", "原创": "1", "转载": "1", "跳过": "1", "失败": "0"}
