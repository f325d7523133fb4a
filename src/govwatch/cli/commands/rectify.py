"""`govwatch rectify list|respond|close`: the rectification items (整改) a notice opens, and late ones."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import typer
from rich.table import Table

from govwatch.cli.app import app
from govwatch.cli.common import console, database, user_errors
from govwatch.domain.calendar import Month
from govwatch.domain.rectification import STATUS_LABELS, Status
from govwatch.services import rectification
from govwatch.services.report import notice_model
from govwatch.store.counties import load_stored_county

rectify_app = typer.Typer(help="整改事项：通报中存在问题的单位和账号，反馈、销号和逾期提醒。", no_args_is_help=True)
app.add_typer(rectify_app, name="rectify")

_ANNEX = {"disclosure": "附件1", "news": "附件2", "new_media": "附件3"}


@rectify_app.command("open")
def open_items(month: str = typer.Option(..., "--month"), county: str = typer.Option(None, "--county")) -> None:
    """按某月评定结果建立整改事项（生成通报时会自动建立；重复运行不会重复建立）。"""
    with user_errors(), database() as db, db.transaction() as session:
        stored = load_stored_county(session, county)
        rows = rectification.open_items(session, stored, notice_model(session, stored, Month.parse(month)))
    console.print(f"{month} 整改事项 {len(rows)} 项。")


@rectify_app.command("list")
def list_items(
    month: str = typer.Option(None, "--month", help="只列某月"),
    status: Status = typer.Option(None, "--status", help="open 待整改、responded 已反馈、closed 已销号、withdrawn 已撤销"),
    overdue: bool = typer.Option(False, "--overdue", help="只列逾期（截止时间已过仍未反馈，或逾期反馈）的事项"),
    county: str = typer.Option(None, "--county"),
) -> None:
    """列出整改事项；有逾期未反馈的事项时以退出码 1 结束，便于定时任务发出提醒。"""
    now = datetime.now(UTC)
    with user_errors(), database() as db, db.transaction() as session:
        stored = load_stored_county(session, county)
        rows = rectification.list_items(session, stored, now, Month.parse(month) if month else None,
                                        (status,) if status else (), overdue)
        zone = ZoneInfo(stored.county.county.timezone)
        late = [r for r in rows if r.status == Status.OPEN.value and rectification.item_overdue(r, now)]
        table = Table(title="整改事项", show_lines=True)
        for header in ("编号", "月份", "附件", "对象", "问题", "截止时间", "状态", "整改反馈"):
            table.add_column(header)
        for r in rows:
            state = STATUS_LABELS[Status(r.status)] + ("（逾期）" if rectification.item_overdue(r, now) else "")
            table.add_row(str(r.id), r.month, _ANNEX[r.annex], r.subject, "\n".join(p["text"] for p in r.problems),
                          f"{r.deadline.astimezone(zone):%m-%d %H:%M}", state, r.response)
    console.print(table)
    if late:
        console.print(f"[bold red]逾期未反馈 {len(late)} 项：{'、'.join(r.subject for r in late)}[/bold red]", soft_wrap=True)
        raise typer.Exit(1)


@rectify_app.command("respond")
def respond(
    item: int = typer.Argument(..., help="整改事项编号"),
    text: str = typer.Option(..., "--text", help="整改情况"),
    by: str = typer.Option(..., "--by", help="反馈人或单位"),
    county: str = typer.Option(None, "--county"),
) -> None:
    """记录单位报送的整改情况。"""
    with user_errors(), database() as db, db.transaction() as session:
        row = rectification.respond(session, load_stored_county(session, county), item, text, by, datetime.now(UTC))
        late = rectification.item_overdue(row, datetime.now(UTC))
    console.print(f"已记录 {row.subject} 的整改反馈" + ("（已逾期）。" if late else "。"))


@rectify_app.command("close")
def close(
    item: int = typer.Argument(..., help="整改事项编号"),
    by: str = typer.Option(..., "--by", help="销号人"),
    note: str = typer.Option("", "--note", help="销号说明"),
    county: str = typer.Option(None, "--county"),
) -> None:
    """核实整改情况后销号。"""
    with user_errors(), database() as db, db.transaction() as session:
        row = rectification.close(session, load_stored_county(session, county), item, by, datetime.now(UTC), note)
    console.print(f"已销号：{row.subject}（{row.month}）。")
