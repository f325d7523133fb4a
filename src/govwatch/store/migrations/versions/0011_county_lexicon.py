"""The county's proofreading words and pairs (lexicon/) stored with its config, so that every check uses them.

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("counties", sa.Column("lexicon", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("counties") as batch:
        batch.drop_column("lexicon")
