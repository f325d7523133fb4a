"""Every table govwatch keeps, in one metadata: the core tables and each feature's own module.

Alembic's environment and the migrations test read this, so a feature's tables are never forgotten.
"""

from govwatch.store import attachments, recommended, sitecheck, tables, warnings, web_tables  # noqa: F401 - importing a module registers its tables

metadata = tables.Base.metadata
