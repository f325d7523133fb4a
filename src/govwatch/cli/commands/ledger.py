"""`govwatch ledger --year 2023 [--out FILE]`: the annual assessment ledger (年度考核台账)."""

from __future__ import annotations

from datetime import UTC, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import typer
from rich.table import Table

from govwatch.cli.app import app
from govwatch.cli.common import console, database, user_errors
from govwatch.reports.annex_xlsx import SHEETS
from govwatch.reports.ledger_xlsx import write_ledger
from govwatch.services.ledger import build_ledger
from govwatch.store.counties import load_stored_county


@app.command("ledger")
def ledger(
    year: int = typer.Option(..., "--year", help="考核年度，如 2023"),
    out: Path = typer.Option(None, "--out", help="导出 .xlsx（单位汇总、扣分明细、月度等次）"),
    unit: str = typer.Option(None, "--unit", help="只看一个单位：各月等次和扣分"),
    county: str = typer.Option(None, "--county"),
) -> None:
    """按县区规则把各月通报的问题折算为年度考核扣分，按单位和月份汇总。"""
    with user_errors():
        with database() as db, db.transaction() as session:
            stored = load_stored_county(session, county)
            result = build_ledger(session, stored, year, datetime.now(UTC))
            name = stored.county.unit(unit).name if unit else None
            issuer, zone = stored.county.county.issuer, ZoneInfo(stored.county.county.timezone)
        if out is not None:
            out.parent.mkdir(parents=True, exist_ok=True)
            write_ledger(out, result, issuer, datetime.combine(datetime.now(zone).date(), time(), zone))
    if name:
        table = Table(title=f"{name} {year}年各月等次")
        for header in ("月份", "附件", "对象", "等次"):
            table.add_column(header)
        for g in result.grades:
            if g.unit == name:
                table.add_row(g.month, SHEETS[g.annex], g.subject, g.grade)
        console.print(table)
    table = Table(title=f"{year}年度{result.assessment}扣分（分）")
    table.add_column("单位")
    for month in range(1, 13):
        table.add_column(f"{month}月", justify="right")
    table.add_column("合计", justify="right")
    for unit_name, months in result.unit_totals().items():
        if name is None or unit_name == name:
            table.add_row(unit_name, *(f"{months[m]:g}" if m in months else "" for m in range(1, 13)),
                          f"{sum(months.values()):g}")
    console.print(table)
    if result.months_without_items:
        console.print(f"[yellow]提示：{'、'.join(result.months_without_items)} 已评定但尚未生成通报或整改事项"
                      f"（govwatch report 或 govwatch rectify open）。[/yellow]")
    if out is not None:
        console.print(f"[green]已导出[/green] {out}")
