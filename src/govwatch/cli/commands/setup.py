"""`govwatch setup discover URL` and `govwatch setup import-tasks FILE`: a county folder from the county's own
portal and its 任务分解表, for `govwatch load-config` to validate."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from govwatch.cli.app import app
from govwatch.cli.common import PROXY_OPTION, console, errors, user_errors
from govwatch.config.draft import write_draft
from govwatch.domain.county import CrawlSettings
from govwatch.errors import InvalidInput
from govwatch.services.setup_discover import DiscoverLimits, DiscoveryError, discover, latest
from govwatch.services.setup_tasks import TaskTableError, import_tasks

setup_app = typer.Typer(help="新县区上线：从门户网站和任务分解表生成县区配置草稿", no_args_is_help=True)
app.add_typer(setup_app, name="setup")


@setup_app.command("discover")
def discover_command(
    url: str = typer.Argument(..., help="门户网站首页地址，如 http://www.meixian.gov.cn/"),
    out: Path = typer.Option(..., "--out", help="写出县区配置草稿的目录（county.yaml、rules.yaml）"),
    proxy: str = PROXY_OPTION,
    delay: float = typer.Option(0.5, "--delay", help="同一网站两次请求的间隔秒数"),
    max_pages: int = typer.Option(DiscoverLimits.max_pages, "--max-pages", help="最多读取的页面数"),
    sample: int = typer.Option(DiscoverLimits.sample_articles, "--sample", help="每个栏目读取几篇文章以判断发布单位"),
) -> None:
    """读取门户网站的导航和信息公开目录，写出县区配置草稿：每个栏目的地址、名称、最近更新、条数和发布单位。"""
    with user_errors(DiscoveryError):
        if (out / "county.yaml").exists():
            raise InvalidInput(f"{out / 'county.yaml'} 已存在；请换一个目录，以免覆盖已有配置")
        settings = CrawlSettings(proxy=proxy, delay_seconds=delay)
        limits = DiscoverLimits(max_pages=max_pages, sample_articles=sample)
        with Progress(SpinnerColumn(), TextColumn("[bold]发现栏目[/bold] 已读页面 {task.completed}"),
                      TimeElapsedColumn(), console=errors) as progress:
            task = progress.add_task("discover", total=None)
            found = discover(url, settings, limits, on_page=lambda n: progress.update(task, completed=n))
        written = write_draft(found, out, proxy, delay)
    table = Table(title=f"发现栏目 {len(found.columns)} 个", show_lines=False)
    for header in ("栏目", "发布单位", "条数", "最近更新", "地址"):
        table.add_column(header)
    for column in found.columns:
        units = "、".join(column.sources) or "未注明"
        table.add_row(column.name, units, f"{column.items}{'+' if column.items_capped else ''}", latest(column),
                      column.url)
    console.print(table)
    if found.capped:
        console.print(f"[yellow]已达页数上限 {max_pages}，可能有栏目未发现（--max-pages 调大后重试）[/yellow]")
    console.print(f"已写出县区配置草稿 {written}；请核对注释中标明的推测内容，然后：govwatch load-config {out}")


@setup_app.command("import-tasks")
def import_tasks_command(
    table_file: Path = typer.Argument(..., help="任务分解表（.xlsx 或 .xls），格式同通报附件1：保障单位、保障栏目、更新周期"),
    into: Path = typer.Option(Path("."), "--into", help="县区配置目录（其 county.yaml 将被更新；没有则新建）"),
    channel: str = typer.Option(None, "--channel", help="表中栏目所属频道（默认按表头判断，否则为“政府信息公开”）"),
) -> None:
    """把任务分解表（单位、栏目、更新周期；可含合并单元格）写入 county.yaml，并列出未能匹配的行及原因。"""
    with user_errors(TaskTableError):
        result = import_tasks(table_file, into, channel)
    console.print(f"已写入 {result.written}：单位 {result.units} 个，栏目任务 {result.tasks} 项"
                  f"（其中 {result.with_url} 项带有栏目地址）")
    if result.problems:
        table = Table(title=f"未能匹配或已跳过的行 {len(result.problems)} 处")
        for header in ("文件", "行", "字段", "原因"):
            table.add_column(header)
        for problem in result.problems:
            table.add_row(problem.file, str(problem.row), problem.field, problem.reason)
        console.print(table)
    console.print(f"请核对后校验：govwatch load-config {into}")
