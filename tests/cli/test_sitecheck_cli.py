"""`govwatch site-check` as a user runs it: JSON lines only on stdout, the score with --format json, runs stored."""

import json

import pytest
from sqlalchemy import create_engine, func, select
from typer.testing import CliRunner

from govwatch.cli.app import app
from govwatch.collect.fakes.server import LocalServer
from govwatch.store.sitecheck import SiteCheckRow
from tests.collect.site.portals import BASE, handmade_portal

runner = CliRunner()


@pytest.fixture(scope="module")
def proxy():
    with LocalServer(handmade_portal()) as server:  # a small site: the CLI crawls with the polite default delays
        yield server.url


def site_check(sqlite_url, proxy, *args):
    return runner.invoke(app, ["--db", sqlite_url, "site-check", BASE + "/", "--today", "2024-06-20", "--proxy", proxy,
                               *map(str, args)], catch_exceptions=False)


def test_jsonl_prints_only_json_lines_one_per_finding(sqlite_url, proxy):
    result = site_check(sqlite_url, proxy, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines and all(set(line) >= {"kind", "severity", "url", "page", "column", "detail"} for line in lines)
    assert {(line["kind"], line["severity"]) for line in lines} == {("meta_missing", "notice"),
                                                                     ("identity_missing", "deduct")}
    assert "自查完成" in result.stderr and "自查完成" not in result.stdout


def test_json_prints_the_national_score_and_each_run_is_stored(sqlite_url, proxy):
    result = site_check(sqlite_url, proxy, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    score = data["score"]
    assert score["vetoes"] == [] and [d["indicator"] for d in score["deductions"]] == ["网站标识"]
    assert all({"indicator", "points", "findings"} <= set(d) for d in score["deductions"])
    assert score["total"] == round(100 - sum(d["points"] for d in score["deductions"]), 2)
    assert score["verdict"] == "合格" and len(data["findings"]) == sum(data["counts"].values())
    engine = create_engine(sqlite_url)
    with engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(SiteCheckRow)) == 1
    engine.dispose()


def test_bad_input_is_a_clear_error(sqlite_url, proxy, tmp_path):
    result = site_check(sqlite_url, proxy, "--format", "xml")
    assert result.exit_code == 2 and "xml" in result.output and "Traceback" not in result.output
    result = site_check(sqlite_url, proxy, "--report", tmp_path / "r.pdf")
    assert result.exit_code == 2 and "r.pdf" in result.output
    result = runner.invoke(app, ["--db", sqlite_url, "site-check"])
    assert result.exit_code == 2 and "load-config" in result.output


def test_a_loaded_county_checks_with_its_rules_and_writes_the_report(sqlite_url, proxy, meixian_dir, tmp_path):
    assert runner.invoke(app, ["--db", sqlite_url, "load-config", str(meixian_dir)]).exit_code == 0
    report = tmp_path / "自查报告.xlsx"
    result = site_check(sqlite_url, proxy, "--report", report, "--no-store")
    assert result.exit_code == 0, result.output
    assert report.is_file() and "自查报告已写入" in result.stderr
    assert {json.loads(line)["kind"] for line in result.stdout.splitlines()} == {"meta_missing", "identity_missing"}
    engine = create_engine(sqlite_url)
    with engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(SiteCheckRow)) == 0  # --no-store
    engine.dispose()
