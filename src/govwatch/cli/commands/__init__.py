"""Every CLI command module; importing one registers its commands on `govwatch.cli.app.app`."""

from govwatch.cli.commands import config, demo, evaluate, imports, overrides, proofread  # noqa: F401
