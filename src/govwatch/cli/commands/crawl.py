"""`govwatch crawl`: visit every configured column (or, with --dry-run, one list page) and store what changed."""

from __future__ import annotations

import logging

import typer

from govwatch.cli.app import app
from govwatch.cli.common import PROXY_OPTION, console, database, errors, user_errors
from govwatch.cli.progress import crawl_progress
from govwatch.cli.queued import job_runner, print_submitted
from govwatch.domain.calendar import since_moment
from govwatch.errors import ConfigError, InvalidInput
from govwatch.jobs.bodies import site_hosts
from govwatch.jobs.runner import uses_workers
from govwatch.services.checking import county_proofreader
from govwatch.services.crawl import column_targets, dry_run, run_crawl
from govwatch.store.counties import load_stored_county


@app.command("crawl")
def crawl_command(
    county: str = typer.Option(None, "--county", help="县区名称"),
    since: str = typer.Option(None, "--since", help="只翻页到该日期（YYYY-MM-DD）为止；默认读完整个栏目"),
    dry_run_url: str = typer.Option(None, "--dry-run", help="只抓取这一个栏目列表页，不入库，逐条输出"),
    output: str = typer.Option("jsonl", "--format", help="--dry-run 的输出格式（jsonl）"),
    proxy: str = PROXY_OPTION,
) -> None:
    """抓取县区配置中每个栏目的列表页、翻页和文章，入库新增和变更的文章，检查页面上的链接。"""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    with user_errors():
        if dry_run_url:
            if output != "jsonl":
                raise InvalidInput(f"不支持的输出格式“{output}”，应为 jsonl")
            _dry_run(dry_run_url, county, proxy)
            return
        with database() as db:
            with db.transaction() as session:
                stored = load_stored_county(session, county)
                proofreader = county_proofreader(session, stored.id)
            settings = stored.county.crawl.through(proxy)
            targets = column_targets(stored.county)
            if not targets:
                raise ConfigError(["县区配置中没有栏目列表页地址：请在 county.yaml 的任务分解表中为栏目填写 url（见 docs/collectors.md）"])
            if uses_workers(db):
                with job_runner(db) as runner:
                    hosts = site_hosts(stored.county)
                    item = runner.submit("crawl", county=stored.county.county.name, hosts=hosts, since=since,
                                         proxy=proxy)
                print_submitted([(item, "、".join(hosts))])
                return
            with crawl_progress(f"抓取 {len(targets)} 个栏目") as on_progress:
                report = run_crawl(db, stored, proofreader, targets, since_moment(since, stored.county.county.timezone),
                                   settings, on_progress)
    stats = report.stats
    console.print(f"抓取完成：请求 {stats.requests} 次，列表页 {stats.list_pages} 页，文章 {stats.articles} 篇"
                  f"（新增 {report.added}，变更 {report.changed}，未变 {stats.unchanged}），"
                  f"发现问题 {stats.findings} 处，已消除 {report.resolved} 处。")
    for kind, count in sorted(stats.by_kind.items()):
        console.print(f"  {kind}: {count}")


def _dry_run(url: str, county: str | None, proxy: str | None) -> None:
    """Crawl one column with the settings of `--county` when given, else the defaults; nothing is opened or stored."""
    stored_county = None
    if county:
        with database() as db, db.transaction() as session:
            stored_county = load_stored_county(session, county).county
    stats = dry_run(url, stored_county, proxy=proxy)
    errors.print(f"试抓完成：文章 {stats.articles} 篇，发现问题 {stats.findings} 处（未入库）。")
