"""The golden new-media month: several accounts on every platform, collected with `govwatch ingest
--month 2023-06` as a user runs it; the stored month must equal the planned month exactly."""

from __future__ import annotations

from collections import Counter

import pytest
from typer.testing import CliRunner

from govwatch.cli.app import app
from govwatch.collect.fakes.month import (
    MONTH,
    TODAY,
    county_folder,
    planned_posts,
    served_month,
    stored_posts,
)
from tests.collect.test_ingest_runs import result_row

runner = CliRunner()


@pytest.mark.slow
def test_the_stored_month_equals_the_planned_month(tmp_path, sqlite_url, meixian_dir):
    with served_month(tmp_path) as served:
        folder = county_folder(meixian_dir, tmp_path, served)
        env = {**served.secrets, "GOVWATCH_TODAY": TODAY.isoformat()}

        def run(*args):
            return runner.invoke(app, ["--db", sqlite_url, *map(str, args)], env=env, catch_exceptions=False)

        assert run("load-config", folder).exit_code == 0
        assert run("recommend", "load", tmp_path / "recommended.yaml", "--month", str(MONTH)).exit_code == 0
        planned = planned_posts(served.plan)

        first = run("ingest", "--month", str(MONTH))
        assert first.exit_code == 1, first.output  # one article page failed: said, and kept for the next run
        assert "眉县民政（微信订阅号） 失败 2247481003_1《婚姻登记预约》：文章页面打不开（HTTP 500）" in first.output
        assert "眉县教育（微信订阅号） 跳过 2247480007_1《已删除的通知》：已被发布者删除" in first.output
        missing = planned - stored_posts(sqlite_url)
        assert [title for _, _, title, _, _ in missing] == ["婚姻登记预约"]
        assert stored_posts(sqlite_url) == planned - missing
        assert served.fakes["眉县民政"].token_requests == 2  # the token died mid-run: fetched again once

        second = run("ingest")  # the daily run reads back to the failed article's day
        assert second.exit_code == 0, second.output
        assert "2023-07-10 起的群发文章统计接口次日才提供" in second.output
        assert stored_posts(sqlite_url) == planned

        again = run("ingest", "--month", str(MONTH))
        assert again.exit_code == 0 and stored_posts(sqlite_url) == planned
        assert {result_row(again.output, name)["新增"] for name in served.fakes} == {"0"}  # nothing new on a re-run


def test_the_golden_month_covers_every_kind_on_every_platform(tmp_path):
    with served_month(tmp_path) as served:
        kinds = Counter((p.platform.value, p.kind.value if p.kind else "不入库") for p in served.plan)
    assert {platform for platform, _ in kinds} == {"微信订阅号", "新浪微博", "抖音号", "视频号"}
    assert all(kinds[(platform, "其它转载")] for platform in ("微信订阅号", "新浪微博", "抖音号", "视频号"))
    assert kinds[("微信订阅号", "推荐转载")] == 2 and kinds[("微信订阅号", "不入库")] == 3
