"""The Typer application and its global options; each command lives in its own module."""

from __future__ import annotations

import typer

from govwatch.cli import context

app = typer.Typer(
    name="govwatch",
    help="政府网站与政务新媒体常态化监管工具：采集、检查、评定、通报。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _global(
    db: str = typer.Option(
        None, "--db", help="数据库地址（SQLAlchemy URL）；未指定时读取环境变量 GOVWATCH_DB，默认当前目录下的 govwatch.db。"
    ),
    debug: bool = typer.Option(False, "--debug", help="出现意外错误时显示完整的出错位置（traceback），便于报告问题。"),
) -> None:
    """Set the database every command uses, and whether unexpected errors show their traceback."""
    context.set_database_url(db)
    context.set_debug(debug)


def _register() -> None:
    """Import the command modules so that they attach themselves to `app`."""
    from govwatch.cli import commands  # noqa: F401


_register()
