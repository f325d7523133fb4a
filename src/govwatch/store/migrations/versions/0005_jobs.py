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


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    from govwatch.jobs.queue_app import schema_sql

    # psycopg itself, without parameters: the schema's own `%` (in RAISE messages) are not placeholders
    bind.connection.driver_connection.execute(schema_sql())


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    for name in _OBJECTS:
        bind.exec_driver_sql(f"DROP {name} CASCADE")
