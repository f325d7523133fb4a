"""`govwatch load-config DIR`: validate a county folder and store it."""

from __future__ import annotations

from pathlib import Path

import typer

from govwatch.cli.app import app
from govwatch.cli.common import console, database, user_errors
from govwatch.config.loader import load_county_dir
from govwatch.store.counties import save_config


@app.command("load-config")
def load_config(directory: Path = typer.Argument(..., help="县区配置目录（含 county.yaml、rules.yaml，可选 notice.md.j2、lexicon/）")) -> None:
    """校验并载入县区配置：单位、栏目、任务分解表、政务新媒体账号、评定规则、通报措辞和校对词表。"""
    with user_errors():
        config = load_county_dir(directory)
        with database() as db, db.transaction() as session:
            save_config(session, config)
    county = config.county
    console.print(
        f"已载入“{county.county.name}”：单位 {len(county.units)} 个，栏目任务 {len(county.assignment_rows)} 项，"
        f"政务新媒体账号 {len(county.accounts)} 个；规则：{config.rules.name}；"
        f"校对白名单 {len(config.lexicon.allow)} 条、自定义错词 {len(config.lexicon.pairs)} 条、"
        f"本县领导 {len(config.lexicon.leaders)} 人"
    )
