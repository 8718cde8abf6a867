"""Applicant tracking: interviews (schedule, reschedule, cancel, outcome).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ats_interviews",
        sa.Column("interview_id", sa.String(32), primary_key=True),
        sa.Column("application_id", sa.String(32), nullable=False),
        sa.Column("posting_id", sa.String(32), nullable=False),
        sa.Column("firm_id", sa.String(32), nullable=False),
        sa.Column("seeker_id", sa.String(32), nullable=False),
        sa.Column("starts_at", sa.DateTime, nullable=False),
        sa.Column("minutes", sa.Integer, nullable=False),
        sa.Column("place", sa.Text),
        sa.Column("video_url", sa.Text),
        sa.Column("interviewers", sa.Text),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("outcome", sa.String(16)),
        sa.Column("note", sa.Text),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_ats_interviews_application_id", "ats_interviews", ["application_id"])
    op.create_index("ix_ats_interviews_seeker_id", "ats_interviews", ["seeker_id"])


def downgrade() -> None:
    op.drop_table("ats_interviews")
