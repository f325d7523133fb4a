"""The `govwatch` command line: thin Typer commands over the domain and the adapters."""

import sys

import typer

from govwatch.cli.app import app
from govwatch.cli.common import user_errors


def main() -> None:
    """Entry point of the `govwatch` script: an error no command handled is shown as common.user_errors does."""
    try:
        with user_errors():
            app()
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
