"""`govwatch recommend load|list`: the centre's monthly list of recommended articles (推荐转载)."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from govwatch.cli.app import app
from govwatch.cli.common import console, database, user_errors
from govwatch.collect.platforms.classify import load_recommended
from govwatch.domain.calendar import Month
from govwatch.services.recommended import load_month_list
from govwatch.store.counties import load_stored_county
from govwatch.store.recommended import month_lists

recommend_app = typer.Typer(help="每月推荐转载文章清单：各账号应转载的文章。", no_args_is_help=True)
app.add_typer(recommend_app, name="recommend")


@recommend_app.command("load")
def load(
    path: Path = typer.Argument(..., help="清单文件（YAML 列表：title、url）"),
    month: str = typer.Option(..., "--month", help="月份，如 2023-06"),
    county: str = typer.Option(None, "--county", help="县区名称"),
) -> None:
    """保存该月清单（替换此前的清单），并按清单重新认定该月已入库推文是否为推荐转载；此后每次采集（含每日任务）都按所属月份的清单认定。"""
    with user_errors():
        items = load_recommended(path)
        with database() as db, db.transaction() as session:
            stored = load_stored_county(session, county)
            changed = load_month_list(session, stored, Month.parse(month), items)
    console.print(f"已保存 {month} 推荐转载清单 {len(items)} 篇；已入库推文中 {changed} 条的类别随之更新。再次评定后生效。")


@recommend_app.command("list")
def list_month(
    month: str = typer.Option(..., "--month", help="月份，如 2023-06"),
    county: str = typer.Option(None, "--county", help="县区名称"),
) -> None:
    """列出该月保存的推荐转载清单。"""
    with user_errors(), database() as db, db.transaction() as session:
        stored = load_stored_county(session, county)
        items = month_lists(session, stored.id).get(Month.parse(month), [])
    table = Table(title=f"{month} 推荐转载清单（{len(items)} 篇）")
    table.add_column("标题")
    table.add_column("链接")
    for item in items:
        table.add_row(item.title, item.url or "")
    console.print(table)
