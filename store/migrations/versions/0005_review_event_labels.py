"""Review history names the reviewer as people read it and keeps each correction.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("posting_review_events") as batch:
        batch.add_column(sa.Column("reviewer_label", sa.String(200)))
        batch.add_column(sa.Column("corrected_text", sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("posting_review_events") as batch:
        batch.drop_column("corrected_text")
        batch.drop_column("reviewer_label")
