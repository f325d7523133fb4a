"""What every command shares: the console, opening the database, and errors shown as plain Chinese messages."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console
from rich.markup import escape

from govwatch.cli import context
from govwatch.config.yaml_positions import ConfigError
from govwatch.domain.county import UnknownName
from govwatch.store.counties import CountyNotFound
from govwatch.store.db import Database, open_database

# Piped output (files, CI logs) gets room for the annex tables; a terminal keeps its own width.
console = Console(width=None if sys.stdout.isatty() else 160)
errors = Console(stderr=True)

EXPECTED_ERRORS = (ConfigError, CountyNotFound, UnknownName, ValueError, LookupError, OSError)


@contextmanager
def user_errors(*also: type[Exception]) -> Iterator[None]:
    """Turn the errors a user can cause (and `also` these) into a red message and exit code 2, never a traceback."""
    try:
        yield
    except (*EXPECTED_ERRORS, *also) as exc:
        errors.print(f"[bold red]错误：[/bold red]{escape(str(exc))}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None


@contextmanager
def database(url: str | None = None) -> Iterator[Database]:
    """The database of `--db` (or `url`), migrated to the current schema."""
    db = open_database(url or context.database_url())
    try:
        yield db
    finally:
        db.dispose()
