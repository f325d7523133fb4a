"""The `govwatch` command line: thin Typer commands over the domain and the adapters."""

from govwatch.cli.app import app


def main() -> None:
    """Entry point of the `govwatch` script."""
    app()
