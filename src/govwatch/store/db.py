"""Opening a database (SQLite file by default, PostgreSQL via psycopg 3) and migrating it to the latest schema."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from govwatch.store import schema  # noqa: F401 - every table in the ORM's metadata wherever a database is opened


def _migrations_dir() -> str:
    return str(resources.files("govwatch.store").joinpath("migrations"))


def alembic_config(engine: Engine) -> Config:
    """An Alembic config that runs the packaged migrations on `engine`."""
    config = Config()
    config.set_main_option("script_location", _migrations_dir())
    config.attributes["engine"] = engine
    return config


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


class Database:
    """An engine, its sessions, and the migration step every command runs first."""

    def __init__(self, url: str) -> None:
        parsed = make_url(url)
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        if parsed.get_backend_name() == "sqlite" and parsed.database:
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        self.url = parsed
        self.engine = create_engine(parsed)
        if parsed.get_backend_name() == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def migrate(self) -> None:
        """Bring the schema to the newest migration of every branch (idempotent; features add branches)."""
        command.upgrade(alembic_config(self.engine), "heads")

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed whole or not at all."""
        with self._sessions.begin() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str, migrate: bool = True) -> Database:
    database = Database(url)
    if migrate:
        database.migrate()
    return database
