"""Every CLI command module; importing one registers its commands on `govwatch.cli.app.app`."""

from govwatch.cli.commands import (  # noqa: F401
    check,
    config,
    crawl,
    demo,
    demo_site,
    evaluate,
    imports,
    ingest,
    ledger,
    lexicon,
    overrides,
    proofread,
    recommend,
    rectify,
    report,
    serve,
    setup,
    user,
    warn,
    worker,
)
