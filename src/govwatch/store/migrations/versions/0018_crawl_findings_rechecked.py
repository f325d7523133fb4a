"""Crawl findings say whether a second check confirmed them (a dead link is re-checked before it is stored).

Rows stored before this revision were dead links confirmed the same way, but nothing recorded it: they
read as not re-checked until a crawl meets them again.

Revision ID: 0018
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("crawl_findings") as batch:
        batch.add_column(sa.Column("rechecked", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("crawl_findings") as batch:
        batch.drop_column("rechecked")
