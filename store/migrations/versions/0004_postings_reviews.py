"""Employer services: postings saved from the writer, and the ministry's posting reviews with their history.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "saved_postings",
        sa.Column("draft_id", sa.String(32), primary_key=True),
        sa.Column("owner", sa.String(200), nullable=False, index=True),
        sa.Column("firm_id", sa.String(32)),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("conditions_json", sa.Text, nullable=False),
        sa.Column("backend", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "posting_reviews",
        sa.Column("posting_key", sa.String(64), primary_key=True),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("corrected_text", sa.Text),
        sa.Column("rules", sa.String(200)),
        sa.Column("reviewer", sa.String(200), nullable=False),
        sa.Column("reviewer_label", sa.String(200), nullable=False),
        sa.Column("decided_at", sa.DateTime, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_table(
        "posting_review_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("posting_key", sa.String(64), nullable=False, index=True),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("reviewer", sa.String(200), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("posting_review_events")
    op.drop_table("posting_reviews")
    op.drop_table("saved_postings")
