"""`govwatch crawl`, `govwatch ingest` and `govwatch demo-site` as a user runs them."""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from ruamel.yaml import YAML
from typer.testing import CliRunner

from govwatch.cli.app import app
from govwatch.collect.fakes.server import LocalServer
from govwatch.collect.fakes.social import FakeItem, FakeWeibo
from govwatch.services.crawl import dry_run
from govwatch.services.demo_site import county_with_urls
from tests.collect.conftest import FAST

runner = CliRunner()


def run(*args, env=None):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False, env=env)


def test_dry_run_prints_one_json_line_per_article(portal, portal_server):
    column = min(portal.columns, key=lambda c: (c.articles, c.url))  # default politeness: 0.5 s between requests
    result = run("crawl", "--dry-run", column.url, "--format", "jsonl", "--proxy", portal_server.url)
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    articles = [x for x in lines if x["kind"] == "article"]
    assert len(articles) == column.articles
    assert set(articles[0]) >= {"url", "title", "published_at", "source", "column", "text"}
    assert datetime.fromisoformat(articles[0]["published_at"]).tzinfo is not None


def test_dry_run_reports_dead_links_with_status_and_page(portal, portal_server, meixian_config):
    county = meixian_config.county.model_copy(update={"crawl": FAST})
    out = io.StringIO()
    for column in portal.columns:
        if column.key in portal.dead_links.values():
            dry_run(column.url, county, out, proxy=portal_server.url)
    dead = [json.loads(line) for line in out.getvalue().splitlines() if '"dead_link"' in line]
    assert {d["url"] for d in dead} == set(portal.dead_links)
    assert all(d["status"] == 404 and d["page"] for d in dead)


def test_crawl_from_the_county_config(tmp_path, sqlite_url, portal, portal_server, meixian_dir):
    folder = tmp_path / "county"
    folder.mkdir()
    (folder / "rules.yaml").write_text((meixian_dir / "rules.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    data = county_with_urls(meixian_dir, portal, portal_server.url)
    # keep the test quick: only the first columns get a URL
    keep = {c.url for c in portal.columns[:6]}
    for group in data["assignments"]:
        for item in group["columns"]:
            if item.get("url") not in keep:
                item.pop("url", None)
    with (folder / "county.yaml").open("w", encoding="utf-8") as handle:
        YAML().dump(data, handle)
    assert run("--db", sqlite_url, "load-config", folder).exit_code == 0
    result = run("--db", sqlite_url, "crawl")
    assert result.exit_code == 0, result.output
    assert f"新增 {sum(c.articles for c in portal.columns[:6])}" in result.output
    assert "新增 0" in run("--db", sqlite_url, "crawl").output


def test_crawl_without_urls_says_what_to_configure(sqlite_url, meixian_dir):
    run("--db", sqlite_url, "load-config", meixian_dir)
    result = run("--db", sqlite_url, "crawl")
    assert result.exit_code == 2 and "url" in result.output


def test_ingest_weibo_account_twice_adds_nothing_the_second_time(tmp_path, sqlite_url, meixian_dir):
    zone = ZoneInfo("Asia/Shanghai")
    now = datetime.now(zone)
    fake = FakeWeibo("2718", "tok", [FakeItem(900 + i, f"眉县发布消息{i}", now - timedelta(days=i)) for i in range(30)])
    folder = tmp_path / "county"
    folder.mkdir()
    (folder / "rules.yaml").write_text((meixian_dir / "rules.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    with LocalServer(fake) as server:
        text = (meixian_dir / "county.yaml").read_text(encoding="utf-8").replace(
            "{name: 眉县发布, platform: 新浪微博, unit: 县政府办公室}",
            f"{{name: 眉县发布, platform: 新浪微博, unit: 县政府办公室, external_id: '2718', "
            f"source: {{kind: api, url: '{server.url}', credential_env: MEIXIAN_WEIBO_TOKEN}}}}")
        (folder / "county.yaml").write_text(text, encoding="utf-8")
        assert run("--db", sqlite_url, "load-config", folder).exit_code == 0
        env = {"MEIXIAN_WEIBO_TOKEN": "tok"}
        first = run("--db", sqlite_url, "ingest", env=env)
        assert first.exit_code == 0, first.output
        assert "30" in first.output
        second = run("--db", sqlite_url, "ingest", env=env)
        assert second.exit_code == 0 and "│ 0 " in second.output.replace("┃", "│")
        failed = run("--db", sqlite_url, "ingest", env={"MEIXIAN_WEIBO_TOKEN": "old"})
        assert failed.exit_code == 1 and "重新授权" in failed.output
