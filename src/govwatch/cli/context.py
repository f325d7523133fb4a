"""Process-wide CLI state: the database URL chosen by `--db` (else the settings, GOVWATCH_DB) and `--debug`."""

from __future__ import annotations

from govwatch.settings import Settings

_database_url: str | None = None
_debug = False


def set_debug(on: bool) -> None:
    """Remember `--debug`: unexpected errors then show their traceback."""
    global _debug
    _debug = on


def debug() -> bool:
    """Whether `--debug` was given."""
    return _debug


def set_database_url(url: str | None) -> None:
    """Remember the URL given on the command line (None: from the settings)."""
    global _database_url
    _database_url = url


def database_url() -> str:
    """The URL to open: `--db`, else GOVWATCH_DB, else govwatch.db in the working folder."""
    return _database_url or Settings().database_url()


def explicit_database_url() -> str | None:
    """The URL the user chose (`--db` or GOVWATCH_DB), None when neither was given."""
    return _database_url or Settings().db
