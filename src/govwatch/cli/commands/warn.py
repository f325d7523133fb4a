"""`govwatch warn`: today's early warnings (预警) and their digests; `govwatch load-notify FILE`: who receives them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer
from rich.table import Table

from govwatch.cli.app import app
from govwatch.cli.common import console, database, user_errors
from govwatch.config.notify import load_notify
from govwatch.errors import InvalidInput
from govwatch.notify.recipients import CHANNEL_LABELS
from govwatch.services.warnings import CountyWarnings, send_daily_warnings, store_recipients
from govwatch.store.counties import load_stored_county


@app.command("load-notify")
def load_notify_command(
    path: Path = typer.Argument(..., help="预警接收人配置文件 notify.yaml（或含该文件的县区目录）"),
    county: str = typer.Option(None, "--county", help="县区名称（数据库中有多个县区时必填）"),
) -> None:
    """校验并载入预警接收人：各单位的邮箱、企业微信/钉钉群机器人，以及中心的全县汇总接收人。"""
    with user_errors(), database() as db:
        with db.transaction() as session:
            stored = load_stored_county(session, county)
        config = load_notify(path, stored.county)
        name = store_recipients(db, config, stored.county.county.name)
    targets = len(config.centre.email) + len(config.centre.robots)
    targets += sum(len(u.email) + len(u.robots) for u in config.units)
    console.print(f"已载入“{name}”的预警接收人：单位 {len(config.units)} 个，接收地址 {targets} 个（含中心）。")


def _warnings_table(result: CountyWarnings) -> Table:
    table = Table(title=f"{result.county} {result.today:%Y-%m-%d} 预警（{len(result.warnings)}条）", show_lines=True)
    for header in ("序号", "单位", "类别", "对象", "预警内容", "期限"):
        table.add_column(header, overflow="fold")
    for number, w in enumerate(result.warnings, 1):
        deadline = f"{w.deadline:%m-%d}" if w.deadline else ""
        style = "bold red" if w.broken else ""
        table.add_row(str(number), w.unit, f"[{style}]{w.label}[/{style}]" if style else w.label, w.subject,
                      w.message, deadline)
    return table


def _deliveries_table(result: CountyWarnings, dry_run: bool) -> Table:
    table = Table(title="预警发送（预演，未发送）" if dry_run else "预警发送", show_lines=True)
    for header in ("接收对象", "渠道", "接收地址", "本次发送", "今日已发", "待发送", "错误"):
        table.add_column(header)
    for d in result.deliveries:
        table.add_row(d.scope, CHANNEL_LABELS[d.target.channel], d.target.label, str(d.sent), str(d.already),
                      str(d.pending), "\n".join(d.errors))
    return table


def _parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(f"日期格式应为 YYYY-MM-DD，收到：{text!r}") from None


@app.command("warn")
def warn(
    day: str = typer.Option(None, "--date", help="预警日期 YYYY-MM-DD，默认各县区当地的今天"),
    dry_run: bool = typer.Option(False, "--dry-run", help="只列出预警和将发送的汇总，不发送、不记录"),
    county: str = typer.Option(None, "--county", help="只处理这个县区（默认数据库中的全部县区）"),
) -> None:
    """发送今日预警：在违反规则之前提醒责任单位（新媒体连续未更新、栏目本周期更新不足、整改即将到期）。

    每个接收地址每天一条汇总；同一天重复运行不会重复发送；发送失败的在下次运行时重试，有失败时以退出码 1 结束。
    """
    with user_errors():
        when = _parse_day(day) if day else None
        with database() as db:
            results = send_daily_warnings(db, when, dry_run=dry_run, county=county)
    failed = False
    for result in results:
        console.print(_warnings_table(result))
        if not result.configured:
            console.print(f"“{result.county}”尚未配置预警接收人（govwatch load-notify FILE），未发送。")
            continue
        console.print(_deliveries_table(result, dry_run))
        if result.unrouted:
            console.print(f"以下单位未配置接收人，其预警仅发给中心：{'、'.join(result.unrouted)}", soft_wrap=True)
        failed = failed or any(d.errors for d in result.deliveries)
    if failed:
        raise typer.Exit(1)
