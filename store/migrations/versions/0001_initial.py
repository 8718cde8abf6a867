"""Initial operational store: interest tests and answers, import log and quarantine.

Revision ID: 0001
Revises:
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "interest_tests",
        sa.Column("test_id", sa.String(32), primary_key=True),
        sa.Column("form", sa.String(16), nullable=False),
        sa.Column("max_job_zone", sa.Integer),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("finished_at", sa.DateTime),
    )
    op.create_table(
        "interest_answers",
        sa.Column(
            "test_id",
            sa.String(32),
            sa.ForeignKey("interest_tests.test_id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("item_id", sa.String(16), primary_key=True),
        sa.Column("answer", sa.Integer, nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("answered_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "import_log",
        sa.Column("import_id", sa.String(40), primary_key=True),
        sa.Column("started_at", sa.DateTime, nullable=False),
        sa.Column("finished_at", sa.DateTime),
        sa.Column("source_file", sa.String(400), nullable=False),
        sa.Column("target_table", sa.String(64), nullable=False),
        sa.Column("file_kind", sa.String(200)),
        sa.Column("rows_read", sa.Integer, nullable=False),
        sa.Column("rows_loaded", sa.Integer, nullable=False),
        sa.Column("rows_quarantined", sa.Integer, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("message_ko", sa.Text),
    )
    op.create_table(
        "quarantine",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "import_id", sa.String(40), sa.ForeignKey("import_log.import_id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("source_file", sa.String(400), nullable=False),
        sa.Column("target_table", sa.String(64), nullable=False),
        sa.Column("row_number", sa.Integer),
        sa.Column("column_name", sa.String(200)),
        sa.Column("reason_ko", sa.Text, nullable=False),
        sa.Column("raw_json", sa.Text),
    )
    op.create_index("ix_quarantine_import_id", "quarantine", ["import_id"])


def downgrade() -> None:
    op.drop_table("quarantine")
    op.drop_table("import_log")
    op.drop_table("interest_answers")
    op.drop_table("interest_tests")
