"""Merge the feature branches: web (0004), jobs (0005) and early warnings (0006).

Revision ID: 0007
Revises: 0004, 0005, 0006
"""

revision = "0007"
down_revision = ("0004", "0005", "0006")
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nothing to change: the branches touch different tables."""


def downgrade() -> None:
    """Nothing to change: the branches touch different tables."""
