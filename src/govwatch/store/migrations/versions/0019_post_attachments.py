"""Post attachments: the text of the files (附件) an article links, checked with the post.

Revision ID: 0019
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

import govwatch.store.tables

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

_TS = govwatch.store.tables.UtcDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "post_attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("filename", sa.String(length=500), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("truncated", sa.Text(), nullable=True),
        sa.Column("fetched_at", _TS, nullable=False),
        sa.ForeignKeyConstraint(["post_id"], ["posts.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("post_id", "url"),
    )
    op.create_index("ix_post_attachments_post_id", "post_attachments", ["post_id"])


def downgrade() -> None:
    op.drop_index("ix_post_attachments_post_id", table_name="post_attachments")
    op.drop_table("post_attachments")
