"""`govwatch lexicon list`: every knowledge list the proofreader ships and loads, and a county's own."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from govwatch.cli.app import app
from govwatch.cli.commands.proofread import lexicon_dir
from govwatch.cli.common import console
from govwatch.proofread.catalogue import ListInfo, packaged_catalogue
from govwatch.proofread.county_files import county_catalogue
from govwatch.proofread.data_files import DataFileError

lexicon_app = typer.Typer(help="校对知识库：程序自带的词表与本县词表。", no_args_is_help=True)
app.add_typer(lexicon_app, name="lexicon")


@lexicon_app.command("list")
def list_lexicons(
    county: Path = typer.Option(None, "--county", help="同时列出本县词表：县区配置目录（用其 lexicon/）或词表目录本身。"),
) -> None:
    """列出校对所用的每个词表：名称、来源、版本或日期、许可、条数；词表过期时据此更新。"""
    console.print(_table("程序自带的校对词表", packaged_catalogue()))
    if county is None:
        return
    try:
        folder = lexicon_dir(county)
        lists = county_catalogue(folder)
    except DataFileError as exc:
        typer.echo(f"错误：{exc}", err=True)
        raise typer.Exit(2) from None
    if not lists:
        console.print(f"{folder}：没有本县词表文件（allow.txt、pairs.tsv、leaders.tsv、places.txt、bodies.txt、banned.tsv）")
        return
    console.print(_table(f"本县词表（{folder}）", lists))


def _table(title: str, lists: list[ListInfo]) -> Table:
    table = Table(title=title, show_lines=True)
    for column in ("文件", "名称", "来源", "版本/日期", "许可", "条数"):
        table.add_column(column)
    for info in lists:
        header = info.header
        when = " / ".join(filter(None, (header.edition, header.date)))
        table.add_row(Path(info.file).name, header.name or "—", header.source or "—", when or "—", header.licence or "—",
                      f"{info.entries:,}")
    return table
