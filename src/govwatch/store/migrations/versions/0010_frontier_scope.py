"""A crawl frontier per (county, hosts): the per-host jobs of one county no longer share, resume or
clear each other's requests. The table holds only runs in progress, so it is made anew: a crawl killed
before this upgrade starts again from its column pages.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

import govwatch.store.tables

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def _frontier(*scope: sa.Column, unique: tuple[str, ...]) -> None:
    op.create_table(
        "crawl_frontier",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("county_id", sa.Integer(), sa.ForeignKey("counties.id", ondelete="CASCADE"), nullable=False),
        *scope,
        sa.Column("key_hash", sa.String(64), nullable=False),
        sa.Column("request", sa.JSON(), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("updated_at", govwatch.store.tables.UtcDateTime(timezone=True), nullable=False),
        sa.UniqueConstraint(*unique),
    )


def upgrade() -> None:
    op.drop_table("crawl_frontier")
    _frontier(sa.Column("scope", sa.Text(), nullable=False), unique=("county_id", "scope", "key_hash"))


def downgrade() -> None:
    op.drop_table("crawl_frontier")
    _frontier(unique=("county_id", "key_hash"))
