"""Stored grade results carry their model's version: rows written before the typed result (domain/result.py)
are marked 0 and re-evaluated from the stored posts before anything reads them.

The old rows held reasons and 附件3 problems only as Chinese sentences; turning them into kinds, figures and
days would mean parsing those sentences, which the typed result exists to end. Their grades (the columns
`grade`, `computed_grade`) stay as they were until the month is re-evaluated (docs/decisions.md).

Revision ID: 0015
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("evaluations") as batch:
        batch.add_column(sa.Column("schema_version", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("evaluations") as batch:
        batch.drop_column("schema_version")
