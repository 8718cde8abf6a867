"""Interest tests belong to the identity that started them (a test id in a URL opens nobody else's test).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("interest_tests") as batch:
        batch.add_column(sa.Column("owner", sa.String(200)))  # Identity.actor; NULL for tests begun before sign-in


def downgrade() -> None:
    with op.batch_alter_table("interest_tests") as batch:
        batch.drop_column("owner")
