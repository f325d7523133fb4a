"""Collect failures: the items of an account that an ingest could not read, retried on the next run.

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

import govwatch.store.tables

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

_TS = govwatch.store.tables.UtcDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "collect_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("item_key", sa.String(length=1000), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("published_at", _TS, nullable=True),
        sa.Column("first_failed", _TS, nullable=False),
        sa.Column("last_failed", _TS, nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["accounts.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("account_id", "item_key"),
    )
    op.create_index("ix_collect_failures_account_id", "collect_failures", ["account_id"])


def downgrade() -> None:
    op.drop_index("ix_collect_failures_account_id", table_name="collect_failures")
    op.drop_table("collect_failures")
