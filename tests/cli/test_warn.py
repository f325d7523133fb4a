"""`govwatch load-notify` and `govwatch warn` as a user runs them on the demo month."""

import pytest
from typer.testing import CliRunner

from govwatch.cli.app import app

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def demo_url(demo_copy):
    return demo_copy.url.render_as_string(hide_password=False)


def test_dry_run_prints_the_warnings_and_the_digests_planned(demo_url, meixian_dir):
    loaded = run("--db", demo_url, "load-notify", meixian_dir)
    assert loaded.exit_code == 0 and "已载入“眉县”的预警接收人：单位 6 个，接收地址 9 个" in loaded.output
    result = run("--db", demo_url, "warn", "--date", "2023-06-06", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "眉县 2023-06-06 预警（12条）" in result.output
    assert "健康眉县（微信订阅号）已连续5天（06-01起）未发布原创信息" in result.output.replace("\n", "").replace("│", "").replace(" ", "")
    assert "预警发送（预演，未发送）" in result.output and "xxzx@meixian.example.gov.cn" in result.output
    assert "以下单位未配置接收人" in result.output


def test_without_recipients_nothing_is_sent(demo_url):
    result = run("--db", demo_url, "warn", "--date", "2023-06-06")
    assert result.exit_code == 0 and "尚未配置预警接收人" in result.output


def test_failed_deliveries_exit_1(demo_url, tmp_path, monkeypatch):
    monkeypatch.delenv("GOVWATCH_SMTP_HOST", raising=False)
    notify = tmp_path / "notify.yaml"
    notify.write_text("centre:\n  email: [xxzx@meixian.example.gov.cn]\n", encoding="utf-8")
    assert run("--db", demo_url, "load-notify", notify).exit_code == 0
    result = run("--db", demo_url, "warn", "--date", "2023-06-06", "--county", "眉县")
    assert result.exit_code == 1
    assert "未配置邮件服务器" in result.output


def test_bad_input_is_a_chinese_error(demo_url, tmp_path):
    bad_date = run("--db", demo_url, "warn", "--date", "2023-6-31")
    assert bad_date.exit_code == 2 and "日期格式应为 YYYY-MM-DD" in bad_date.output
    notify = tmp_path / "notify.yaml"
    notify.write_text("units:\n  - unit: 县不存在局\n", encoding="utf-8")
    bad_file = run("--db", demo_url, "load-notify", notify)
    assert bad_file.exit_code == 2 and f"{notify}:2: 字段 units[0].unit" in bad_file.output
    unknown = run("--db", demo_url, "warn", "--county", "岐山县")
    assert unknown.exit_code == 2 and "未找到县区“岐山县”" in unknown.output


def test_an_empty_database_says_so(sqlite_url):
    result = run("--db", sqlite_url, "warn")
    assert result.exit_code == 2 and "数据库中还没有县区配置" in result.output
