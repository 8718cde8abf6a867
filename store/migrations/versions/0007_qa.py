"""Questions asked of the counselling Q&A and the public chatbot, their feedback and hand-overs to staff.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "qa_questions",
        sa.Column("question_id", sa.String(32), primary_key=True),
        sa.Column("asked_at", sa.DateTime, nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("asked_by", sa.String(128), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("question", sa.Text, nullable=False),
        sa.Column("answer", sa.Text, nullable=False),
        sa.Column("abstained", sa.Boolean, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("citations", sa.Text, nullable=False),
        sa.Column("backend", sa.String(16), nullable=False),
        sa.Column("helpful", sa.Boolean),
        sa.Column("feedback_at", sa.DateTime),
        sa.Column("comment", sa.Text),
        sa.Column("handover_at", sa.DateTime),
        sa.Column("contact", sa.Text),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("resolved_by", sa.String(128)),
        sa.Column("resolved_at", sa.DateTime),
        sa.Column("staff_note", sa.Text),
    )
    op.create_index("ix_qa_questions_asked_at", "qa_questions", ["asked_at"])
    op.create_index("ix_qa_questions_asked_by", "qa_questions", ["asked_by"])


def downgrade() -> None:
    op.drop_table("qa_questions")
