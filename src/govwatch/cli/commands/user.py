"""`govwatch user add|disable|list`: web accounts (管理员, 单位编辑, 领导), on the database `govwatch serve` uses."""

from __future__ import annotations

import sys

import typer
from rich.table import Table
from sqlalchemy import select

from govwatch.cli.app import app
from govwatch.cli.commands.serve import web_database_url
from govwatch.cli.common import console, database, user_errors
from govwatch.errors import InvalidInput, NotFound
from govwatch.services.accounts import ROLE_LABELS, Role, add_user, issue_token
from govwatch.store import audit
from govwatch.store.counties import load_stored_county
from govwatch.store.tables import CountyRow, UnitRow
from govwatch.store.users import all_users, disable_user, find_user, revoke_tokens, token_counts

user_app = typer.Typer(help="网页端账号：管理员、单位编辑（限本单位）、领导（只读）。", no_args_is_help=True)
app.add_typer(user_app, name="user")


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return typer.prompt("密码", hide_input=True, confirmation_prompt=True)


@user_app.command("add")
def add(
    name: str = typer.Argument(..., help="用户名"),
    role: Role = typer.Option(..., "--role", help="admin 管理员、editor 单位编辑、leader 领导"),
    unit: str = typer.Option(None, "--unit", help="单位编辑所属单位"),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="从标准输入读取密码（一行）"),
    county: str = typer.Option(None, "--county", help="账号所属县区（库中有多个县区时必填）"),
    all_counties: bool = typer.Option(False, "--all-counties", help="市级、省级账号：可登录库中每个县区的网页端（仅管理员、领导）"),
) -> None:
    """新建账号（已存在则重设密码、角色、单位和所属县区）；密码交互输入或从标准输入读取。"""
    with user_errors():
        password = _password(password_stdin)
        with database(web_database_url()) as db, db.transaction() as session:
            if all_counties and county:
                raise InvalidInput("--all-counties 与 --county 只能选一个")
            stored = None if all_counties else load_stored_county(session, county)
            row = add_user(session, stored, name, password, role, unit)
            audit.record(session, "命令行", "user.add", f"user:{row.name}", {"role": role.value, "unit": unit},
                         county_id=row.county_id)
    scope = "全部县区" if stored is None else stored.county.county.name
    console.print(f"已保存账号 {name}（{scope}，{ROLE_LABELS[role]}{'，' + unit if unit else ''}）。")


@user_app.command("disable")
def disable(name: str = typer.Argument(..., help="用户名")) -> None:
    """停用账号并使其所有登录立即失效（重新 add 即恢复）。"""
    with user_errors(), database(web_database_url()) as db, db.transaction() as session:
        row = find_user(session, name)
        if row is None or not disable_user(session, name):
            raise NotFound(f"没有账号 {name}")
        audit.record(session, "命令行", "user.disable", f"user:{name}", {}, county_id=row.county_id)
    console.print(f"已停用账号 {name}，其登录已全部失效。")


@user_app.command("token")
def token(
    name: str = typer.Argument(..., help="用户名"),
    label: str = typer.Option("", "--label", help="用途说明，如“OA 系统同步”"),
    revoke: bool = typer.Option(False, "--revoke", help="作废该账号的全部接口令牌"),
) -> None:
    """为账号生成接口令牌（只显示这一次），供脚本以该账号的权限读取 /api/；--revoke 作废其全部令牌。"""
    with user_errors(), database(web_database_url()) as db, db.transaction() as session:
        row = find_user(session, name)
        if row is None:
            raise NotFound(f"没有账号 {name}")
        if revoke:
            count = revoke_tokens(session, row.id)
            audit.record(session, "命令行", "token.revoke", f"user:{name}", {"tokens": count}, county_id=row.county_id)
        else:
            secret = issue_token(session, name, label)
            audit.record(session, "命令行", "token.add", f"user:{name}", {"label": label}, county_id=row.county_id)
    if revoke:
        console.print(f"已作废账号 {name} 的接口令牌 {count} 个。")
        return
    console.print(f"账号 {name} 的接口令牌（只显示这一次，请妥善保存）：")
    typer.echo(secret)
    console.print("用法：curl -H 'Authorization: Bearer <令牌>' http://127.0.0.1:8000/api/me")


@user_app.command("list")
def list_users() -> None:
    """列出网页端账号。"""
    with user_errors(), database(web_database_url()) as db, db.transaction() as session:
        counties = dict(session.execute(select(CountyRow.id, CountyRow.name)).all())
        units = dict(session.execute(select(UnitRow.id, UnitRow.name)).all())
        tokens = token_counts(session)
        table = Table(title="网页端账号")
        for header in ("用户名", "所属县区", "角色", "单位", "接口令牌", "创建时间"):
            table.add_column(header)
        for u in all_users(session):
            county = counties.get(u.county_id, "") if u.county_id is not None else "全部县区"
            table.add_row(u.name, county, ROLE_LABELS[Role(u.role)], units.get(u.unit_id, "") if u.unit_id is not None else "",
                          str(tokens.get(u.id, 0)), f"{u.created_at:%Y-%m-%d %H:%M}")
    console.print(table)
