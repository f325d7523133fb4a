from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from govwatch.store.db import open_database
from govwatch.store import web_tables  # noqa: F401  (the web app's tables, migration 0004)
from govwatch.store import warnings as warning_tables  # noqa: F401  (early warnings, migration 0006)
from govwatch.store.tables import Base


def test_migrations_build_exactly_the_models(sqlite_url):
    db = open_database(sqlite_url)
    try:
        with db.engine.connect() as connection:
            diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    finally:
        db.dispose()
    assert diff == []


def test_migrating_twice_is_harmless(sqlite_url):
    for _ in range(2):
        open_database(sqlite_url).dispose()
