"""Every CLI command module; importing one registers its commands on `govwatch.cli.app.app`."""

from govwatch.cli.commands import proofread  # noqa: F401
