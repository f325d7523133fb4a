"""Accounts and audit entries of one county: in a database of many counties, a county's users sign in
to its dashboard only, and its audit log lists its own changes. NULL keeps what was there before: an
account of every county (a city's or province's), an entry every county's admins see.

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("county_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_users_county_id_counties", "counties", ["county_id"], ["id"])
    with op.batch_alter_table("audit_log") as batch:
        batch.add_column(sa.Column("county_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_audit_log_county_id_counties", "counties", ["county_id"], ["id"])
        batch.create_index("ix_audit_log_county_id", ["county_id"])


def downgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_index("ix_audit_log_county_id")
        batch.drop_constraint("fk_audit_log_county_id_counties", type_="foreignkey")
        batch.drop_column("county_id")
    with op.batch_alter_table("users") as batch:
        batch.drop_constraint("fk_users_county_id_counties", type_="foreignkey")
        batch.drop_column("county_id")
