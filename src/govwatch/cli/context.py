"""Process-wide CLI state: the database URL chosen by `--db` / GOVWATCH_DB."""

from __future__ import annotations

from pathlib import Path

DEFAULT_DB_FILE = "govwatch.db"

_database_url: str | None = None


def set_database_url(url: str | None) -> None:
    """Remember the URL given on the command line (None: the default file)."""
    global _database_url
    _database_url = url


def database_url() -> str:
    """The URL to open: the one given, else a SQLite file in the working folder."""
    if _database_url:
        return _database_url
    return f"sqlite:///{Path.cwd() / DEFAULT_DB_FILE}"
