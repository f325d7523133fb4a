"""Site self-check runs (govwatch site-check): one row per run with its figures and its whole result.

Revision ID: 0017
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

import govwatch.store.tables

revision = "0017"
down_revision = "0015"
branch_labels = None
depends_on = None

_TS = govwatch.store.tables.UtcDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "site_checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("county_id", sa.Integer(), nullable=True),
        sa.Column("url", sa.String(length=1000), nullable=False),
        sa.Column("today", sa.Date(), nullable=False),
        sa.Column("started_at", _TS, nullable=False),
        sa.Column("finished_at", _TS, nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("total", sa.Float(), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=False),
        sa.Column("vetoes", sa.Integer(), nullable=False),
        sa.Column("findings", sa.Integer(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["county_id"], ["counties.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_site_checks_county_id", "site_checks", ["county_id"])


def downgrade() -> None:
    op.drop_index("ix_site_checks_county_id", table_name="site_checks")
    op.drop_table("site_checks")
