"""`govwatch ingest`: pull the posts of every configured new-media account through its platform adapter."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from govwatch.cli.app import app
from govwatch.cli.common import console, database, errors, user_errors
from govwatch.cli.queued import job_runner, print_submitted
from govwatch.collect.platforms.classify import load_recommended
from govwatch.domain.calendar import period_moments
from govwatch.errors import ConfigError
from govwatch.jobs.runner import uses_workers
from govwatch.services.checking import county_proofreader
from govwatch.services.collect_posts import AccountResult, ingest_accounts
from govwatch.settings import Settings
from govwatch.store.collection import StoredTokens
from govwatch.store.counties import load_stored_county


@app.command("ingest")
def ingest(
    county: str = typer.Option(None, "--county", help="县区名称"),
    account: list[str] = typer.Option(None, "--account", help="只采集这些账号（可重复）"),
    recommended: Path = typer.Option(
        None, "--recommended", help="本次采集另加的推荐转载清单（YAML：title、url）；按月保存请用 govwatch recommend load"
    ),
    since: str = typer.Option(None, "--since", help="从该日期（YYYY-MM-DD）起重新读取；默认从已入库最新推文的前两天起"),
    until: str = typer.Option(None, "--until", help="读到该日期（YYYY-MM-DD，含当天）为止；默认到今天"),
    month: str = typer.Option(None, "--month", help="采集整月（YYYY-MM），如 2023-06；与 --since/--until 二选一"),
    today: str = typer.Option(None, "--today", help="把这一天（YYYY-MM-DD）当作今天；默认环境变量 GOVWATCH_TODAY 或当地日期"),
) -> None:
    """经各平台接口（或订阅源、导出文件）采集政务新媒体账号的推文，入库并校对；重复采集不会重复计数。"""
    with user_errors(), database() as db:
        with db.transaction() as session:
            stored = load_stored_county(session, county)
            proofreader = county_proofreader(session, stored.id)
        start, end = period_moments(month, since, until, stored.county.county.timezone)
        day = Settings.fixed_today(today)
        chosen = [a for a in stored.county.accounts if a.source and (not account or a.name in account)]
        if not chosen:
            raise ConfigError(["没有配置采集来源（source）的账号：请在 county.yaml 的 accounts 中填写 source（见 docs/collectors.md）"])
        listed = load_recommended(recommended) if recommended else []
        if uses_workers(db):
            with job_runner(db) as runner:
                items = [(runner.submit("ingest", county=stored.county.county.name, account=str(a.key),
                                        recommended=[vars(r) for r in listed], since=since, until=until,
                                        month=month, today=day.isoformat() if day else None), a.name)
                         for a in chosen]
            print_submitted(items)
            return
        with console.status("采集中…") as status:
            results = ingest_accounts(db, stored, proofreader, chosen, listed, StoredTokens(db), since=start,
                                      until=end, today=day, on_account=lambda name: status.update(f"采集 {name}…"))
    print_results(results)
    if any(r.error or r.failed for r in results):
        errors.print("[yellow]部分账号或条目采集失败，见上表；失败的条目下次采集时会重新读取，其它推文已入库。[/yellow]")
        raise typer.Exit(1)


def print_results(results: list[AccountResult]) -> None:
    """Per account: found, new, updated, originals, reposts, skipped, failed; then each item left out, with why."""
    table = Table(title="政务新媒体采集结果")
    for header in ("账号", "平台", "找到", "新增", "更新", "原创", "转载", "跳过", "失败"):
        table.add_column(header)
    for r in results:
        counts = ["-"] * 6 + ["账号失败"] if r.error else [
            str(n) for n in (r.fetched, r.added, r.updated, r.originals, r.reposts, len(r.skipped), len(r.failed))]
        table.add_row(r.account, r.platform, *counts)
    console.print(table)
    for r in results:
        name = f"{r.account}（{r.platform}）"
        lines = ([f"[red]{name} 整个账号失败：{r.error}[/red]"] if r.error else []) + \
            [f"{name} 跳过 {item}" for item in r.skipped] + \
            [f"[red]{name} 失败 {item}[/red]" for item in r.failed] + [f"[yellow]{name}：{gap}[/yellow]" for gap in r.gaps]
        for line in lines:
            console.print(line, soft_wrap=True)
