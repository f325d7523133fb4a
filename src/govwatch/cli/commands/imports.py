"""`govwatch import posts FILE`: load an export of posts (.csv / .xlsx / .jsonl), all or nothing."""

from __future__ import annotations

from pathlib import Path

import typer

from govwatch.cli.app import app
from govwatch.cli.common import console, database, user_errors
from govwatch.collect.files import ExportFileError, read_posts
from govwatch.services.checking import county_proofreader
from govwatch.services.ingest import RejectedPosts, ingest_posts
from govwatch.store.counties import load_stored_county

import_app = typer.Typer(help="导入数据。", no_args_is_help=True)
app.add_typer(import_app, name="import")


@import_app.command("posts")
def import_posts(
    file: Path = typer.Argument(..., help=".csv、.xlsx 或 .jsonl 文件；列名见 docs/import.md"),
    county: str = typer.Option(None, "--county", help="县区名称"),
) -> None:
    """导入信息（网站文章或新媒体推文）；有一行出错则整个文件不入库，重复导入不会重复计数。"""
    with user_errors():
        with database() as db, db.transaction() as session:
            stored = load_stored_county(session, county)
            rows = read_posts(file, stored.county.county.timezone)
            try:
                result = ingest_posts(session, stored, [r.post for r in rows], county_proofreader(session, stored.id))
            except RejectedPosts as exc:
                raise ExportFileError([f"{file}:{rows[i].line}: {message}" for i, message in exc.problems]) from None
    console.print(f"导入完成：新增 {result.added} 条，已存在跳过 {result.skipped} 条，发现问题 {result.findings} 处。")
