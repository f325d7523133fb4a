"""`govwatch override set|load|list`: manual grade adjustments, each with a reason, kept as history."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import typer
from rich.table import Table

from govwatch.cli.app import app
from govwatch.cli.common import console, database, user_errors
from govwatch.config.loader import validate_file
from govwatch.domain.calendar import Month
from govwatch.domain.grading.reasons import GradeOverride
from govwatch.services.evaluate import reevaluate_if_stored
from govwatch.services.overrides import ANNEX_NAMES, OverridesFile, load_overrides_file, record_override
from govwatch.store.counties import load_stored_county
from govwatch.store.overrides import override_history

override_app = typer.Typer(help="人工调整评定等次（须填写理由）。", no_args_is_help=True)
app.add_typer(override_app, name="override")


@override_app.command("set")
def set_override(
    month: str = typer.Option(..., "--month", help="月份，如 2023-06"),
    annex: str = typer.Option(..., "--annex", help="disclosure（附件1）、news（附件2）或 new_media（附件3）"),
    subject: str = typer.Option(..., "--subject", help="单位名称，或账号名称（同名时写 名称（平台））"),
    grade: str = typer.Option(..., "--grade", help="调整后的等次"),
    reason: str = typer.Option(..., "--reason", help="调整理由（必填）"),
    by: str = typer.Option(..., "--by", help="调整人"),
    county: str = typer.Option(None, "--county", help="县区名称"),
) -> None:
    """记录一次人工调整（该月已评定的，随即重新评定），原计算等次和理由一并保留。"""
    with user_errors():
        override = GradeOverride(annex, subject, grade, reason, by, datetime.now(UTC))
        judged = Month.parse(month)
        with database() as db, db.transaction() as session:
            stored = load_stored_county(session, county)
            saved = record_override(session, stored, judged, override)
            regraded = reevaluate_if_stored(session, stored, judged)
    console.print(f"已记录：{ANNEX_NAMES[saved.annex]} {saved.subject} 调整为“{saved.grade}”。"
                  + (f"已重新评定 {judged}。" if regraded else ""))


@override_app.command("load")
def load(file: Path = typer.Argument(..., help="调整记录文件（YAML）"), county: str = typer.Option(None, "--county")) -> None:
    """从文件载入人工调整记录（重复载入不会重复记录；该月已评定的，随即重新评定）。"""
    with user_errors(), database() as db, db.transaction() as session:
        stored = load_stored_county(session, county)
        saved = load_overrides_file(session, stored, file)
        month = Month.parse(validate_file(OverridesFile, file).month)
        regraded = reevaluate_if_stored(session, stored, month)
    console.print(f"已载入人工调整 {len(saved)} 条。" + (f"已重新评定 {month}。" if regraded else ""))


@override_app.command("list")
def list_overrides(month: str = typer.Option(..., "--month"), county: str = typer.Option(None, "--county")) -> None:
    """列出某月的全部人工调整（含历史记录）。"""
    with user_errors(), database() as db, db.transaction() as session:
        history = override_history(session, load_stored_county(session, county).id, Month.parse(month))
    table = Table(title=f"{month} 人工调整记录")
    for header in ("附件", "对象", "调整为", "理由", "调整人", "时间"):
        table.add_column(header)
    for o in history:
        table.add_row(ANNEX_NAMES[o.annex], o.subject, o.grade, o.reason, o.by, f"{o.at:%Y-%m-%d %H:%M}")
    console.print(table)
