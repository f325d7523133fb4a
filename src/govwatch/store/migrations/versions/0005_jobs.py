"""procrastinate's job queue (PostgreSQL only)

The workers' queue lives in the govwatch database, in the same schema: its tables, types and
functions come from procrastinate's own schema file (SchemaManager), so they match the installed
version. SQLite runs jobs in-process and needs nothing.

Revision ID: 0005
Revises: 0003
Create Date: 2026-11-30
"""
from alembic import op

revision = '0005'
down_revision = '0003'
branch_labels = None
depends_on = None

_OBJECTS = ("TABLE procrastinate_events", "TABLE procrastinate_periodic_defers", "TABLE procrastinate_jobs",
            "TABLE procrastinate_workers", "TYPE procrastinate_job_event_type", "TYPE procrastinate_job_status")
_DROP_REST = """
DO $$
DECLARE item record;
BEGIN
    FOR item IN SELECT p.oid::regprocedure AS signature FROM pg_proc p
                JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname = current_schema() AND p.proname LIKE 'procrastinate\\_%' LOOP
        EXECUTE 'DROP FUNCTION IF EXISTS ' || item.signature || ' CASCADE';
    END LOOP;
    FOR item IN SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                WHERE n.nspname = current_schema() AND t.typname LIKE 'procrastinate\\_%' AND t.typtype IN ('e', 'c')
                AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.reltype = t.oid AND c.relkind <> 'c') LOOP
        EXECUTE 'DROP TYPE IF EXISTS ' || quote_ident(item.typname) || ' CASCADE';
    END LOOP;
END
$$
"""


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    from govwatch.jobs.queue_app import schema_sql

    # psycopg itself, without parameters: the schema's own `%` (in RAISE messages) are not placeholders
    _driver(bind).execute(schema_sql())


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    for kind, name in (item.split(" ") for item in _OBJECTS):
        bind.exec_driver_sql(f"DROP {kind} IF EXISTS {name} CASCADE")
    # The schema's functions, whatever their arguments, and any type a later version adds.
    _driver(bind).execute(_DROP_REST)


def _driver(bind):
    """psycopg's own connection under SQLAlchemy's (always there on a live PostgreSQL connection)."""
    driver = bind.connection.driver_connection
    assert driver is not None
    return driver
