"""The county's notice template (notice.md.j2) stored with its config, so that reports use it by default.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("counties", sa.Column("notice_template", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("counties") as batch:
        batch.drop_column("notice_template")
