"""Every CLI command module; importing one registers its commands on `govwatch.cli.app.app`."""

from govwatch.cli.commands import (  # noqa: F401
    config,
    demo,
    evaluate,
    imports,
    ledger,
    overrides,
    proofread,
    rectify,
    report,
)
