from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from govwatch.store.db import open_database
from govwatch.store.schema import metadata


def test_migrations_build_exactly_the_models(sqlite_url):
    db = open_database(sqlite_url)
    try:
        with db.engine.connect() as connection:
            diff = compare_metadata(MigrationContext.configure(connection), metadata)
    finally:
        db.dispose()
    assert diff == []


def test_migrating_twice_is_harmless(sqlite_url):
    for _ in range(2):
        open_database(sqlite_url).dispose()
