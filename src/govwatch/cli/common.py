"""What every command shares: the console, opening the database, and errors shown as plain Chinese messages."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console
from rich.markup import escape
from typer.exceptions import TyperException

from govwatch.cli import context
from govwatch.errors import GovwatchError
from govwatch.store.db import Database, open_database

# Piped output (files, CI logs) gets room for the annex tables; a terminal keeps its own width.
console = Console(width=None if sys.stdout.isatty() else 160)
errors = Console(stderr=True)

DEBUG_HINT = "这可能是 govwatch 的程序缺陷，而非输入有误；加 --debug 重新运行可看到详细的出错位置（traceback），请附上它报告问题。"

# --proxy of every command that crawls: the demo portal (govwatch demo-site) is reached through it.
PROXY_OPTION = typer.Option(None, "--proxy", help="经由 HTTP 代理抓取（如 govwatch demo-site 给出的地址）")


@contextmanager
def user_errors(*also: type[Exception]) -> Iterator[None]:
    """Show the errors a user can fix (govwatch's own types, `also` these, and the operating system refusing a
    named file) as a red message with exit code 2; anything else is a defect: a short message, the `--debug`
    hint and exit code 1, or the traceback itself under `--debug`."""
    expected: tuple[type[Exception], ...] = (GovwatchError, *also)
    try:
        yield
    except (typer.Exit, typer.Abort, TyperException):
        raise  # typer's own ways out: an exit code chosen by the command, a usage error
    except expected as exc:
        _fail(str(exc))
        raise typer.Exit(2) from None
    except OSError as exc:
        if exc.filename is None or context.debug():
            raise
        _fail(f"无法访问文件 {exc.filename}：{exc.strerror or exc}")
        raise typer.Exit(2) from None
    except Exception as exc:
        if context.debug():
            raise
        _fail(f"内部错误（{type(exc).__name__}）：{exc}\n{DEBUG_HINT}")
        raise typer.Exit(1) from None


def _fail(message: str) -> None:
    errors.print(f"[bold red]错误：[/bold red]{escape(message)}", highlight=False, soft_wrap=True)


@contextmanager
def database(url: str | None = None) -> Iterator[Database]:
    """The database of `--db` (or `url`), migrated to the current schema."""
    db = open_database(url or context.database_url())
    try:
        yield db
    finally:
        db.dispose()
