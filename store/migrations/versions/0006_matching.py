"""Saved jobs and applications written by seekers (AI 일자리 매칭): the employer's applicant list and the next
re-ranker training read them.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "saved_jobs",
        sa.Column("seeker_id", sa.String(32), primary_key=True),
        sa.Column("posting_id", sa.String(32), primary_key=True),
        sa.Column("saved_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "job_applications",
        sa.Column("application_id", sa.String(32), primary_key=True),
        sa.Column("seeker_id", sa.String(32), nullable=False),
        sa.Column("posting_id", sa.String(32), nullable=False),
        sa.Column("firm_id", sa.String(32)),
        sa.Column("applied_at", sa.DateTime, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("source", sa.String(32), nullable=False),
        sa.Column("fit_score", sa.Integer),
        sa.Column("cover_letter", sa.Text),
    )
    op.create_index("ix_job_applications_seeker_id", "job_applications", ["seeker_id"])
    op.create_index("ix_job_applications_posting_id", "job_applications", ["posting_id"])
    op.create_index("ix_job_applications_firm_id", "job_applications", ["firm_id"])


def downgrade() -> None:
    op.drop_table("job_applications")
    op.drop_table("saved_jobs")
