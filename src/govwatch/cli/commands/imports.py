"""`govwatch import posts FILE`: load an export of posts (.csv / .xlsx / .jsonl), all or nothing.

With `--format` (wechat, weibo, douyin, channels) the file is one account's export from its platform's
own back-end (`collect.export_formats`): its rows are read with the format's column map (and the
county's `exports:` map over it) and classified as `govwatch ingest` classifies that account's posts.
"""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import typer

from govwatch.cli.app import app
from govwatch.cli.common import console, database, user_errors
from govwatch.collect.export_formats import FORMATS, column_map
from govwatch.collect.files import ExportFileError, read_posts
from govwatch.collect.platforms.exports import exported_posts
from govwatch.domain.calendar import Month
from govwatch.errors import InvalidInput
from govwatch.services.checking import county_proofreader
from govwatch.services.collect_posts import to_incoming
from govwatch.services.ingest import RejectedPosts, ingest_posts
from govwatch.store.counties import load_stored_county
from govwatch.store.recommended import month_lists

import_app = typer.Typer(help="导入数据。", no_args_is_help=True)
app.add_typer(import_app, name="import")


@import_app.command("posts")
def import_posts(
    file: Path = typer.Argument(..., help=".csv、.xlsx 或 .jsonl 文件；列名见 docs/import.md"),
    county: str = typer.Option(None, "--county", help="县区名称"),
    export_format: str = typer.Option(
        None, "--format", help=f"平台后台导出文件的格式：{'、'.join(FORMATS)}；需同时给出 --account"),
    account: str = typer.Option(None, "--account", help="导出文件所属的账号名称（与 --format 一起用）"),
    platform: str = typer.Option(None, "--platform", help="账号的平台，两个账号同名时必填（如 视频号）"),
) -> None:
    """导入信息（网站文章或新媒体推文）；有一行出错则整个文件不入库，重复导入不会重复计数。"""
    with user_errors(), database() as db, db.transaction() as session:
        stored = load_stored_county(session, county)
        zone = stored.county.county.timezone
        if export_format:
            if not account:
                raise InvalidInput("--format 需要同时给出 --account（导出文件所属的账号）")
            owner = stored.county.account(account, platform)
            rows = read_posts(file, zone, header_map=column_map(export_format, stored.county.exports))
            lists = month_lists(session, stored.id)
            posts = [to_incoming(owner, p, lists.get(Month.of(p.published_at.astimezone(ZoneInfo(zone)).date()),
                                                     [])) for p in exported_posts(owner, rows)]
        else:
            rows = read_posts(file, zone)
            posts = [r.post for r in rows]
        try:
            result = ingest_posts(session, stored, posts, county_proofreader(session, stored.id))
        except RejectedPosts as exc:
            raise ExportFileError([f"{file}:{rows[i].line}: {message}" for i, message in exc.problems]) from None
    console.print(f"导入完成：新增 {result.added} 条，已存在跳过 {result.skipped} 条，发现问题 {result.findings} 处。")
