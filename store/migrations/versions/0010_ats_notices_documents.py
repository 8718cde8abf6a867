"""Applicant tracking, second layer: lawful notices (templates, the communication history, the applicant's e-mail),
merged duplicate applications, and application documents with their retention, return requests and purge log.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("ats_cards") as batch:
        batch.add_column(sa.Column("decided_at", sa.DateTime))
    op.create_table(
        "ats_contacts",
        sa.Column("seeker_id", sa.String(32), primary_key=True),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "ats_templates",
        sa.Column("firm_id", sa.String(32), primary_key=True),
        sa.Column("stage", sa.String(32), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("subject", sa.String(200), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("enabled", sa.Boolean, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("updated_by", sa.String(128), nullable=False),
    )
    op.create_table(
        "ats_messages",
        sa.Column("message_id", sa.String(32), primary_key=True),
        sa.Column("application_id", sa.String(32), nullable=False),
        sa.Column("posting_id", sa.String(32), nullable=False),
        sa.Column("firm_id", sa.String(32), nullable=False),
        sa.Column("seeker_id", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("stage", sa.String(32)),
        sa.Column("subject", sa.String(200), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("recipient", sa.String(254)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("error", sa.Text),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("actor", sa.String(128), nullable=False),
    )
    op.create_index("ix_ats_messages_application_id", "ats_messages", ["application_id"])
    op.create_index("ix_ats_messages_seeker_id", "ats_messages", ["seeker_id"])
    op.create_index("ix_ats_messages_firm_id", "ats_messages", ["firm_id"])
    op.create_table(
        "ats_merged",
        sa.Column("application_id", sa.String(32), primary_key=True),
        sa.Column("into_application_id", sa.String(32), nullable=False),
        sa.Column("firm_id", sa.String(32), nullable=False),
        sa.Column("merged_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_ats_merged_into_application_id", "ats_merged", ["into_application_id"])
    op.create_table(
        "ats_doc_policy",
        sa.Column("posting_id", sa.String(32), primary_key=True),
        sa.Column("firm_id", sa.String(32), nullable=False),
        sa.Column("return_days", sa.Integer, nullable=False),
        sa.Column("set_at", sa.DateTime, nullable=False),
        sa.Column("set_by", sa.String(128), nullable=False),
    )
    op.create_table(
        "ats_documents",
        sa.Column("document_id", sa.String(32), primary_key=True),
        sa.Column("application_id", sa.String(32), nullable=False),
        sa.Column("posting_id", sa.String(32), nullable=False),
        sa.Column("firm_id", sa.String(32), nullable=False),
        sa.Column("seeker_id", sa.String(32), nullable=False),
        sa.Column("filename", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("content", sa.LargeBinary),
        sa.Column("size_bytes", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("uploaded_at", sa.DateTime, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("closed_at", sa.DateTime),
    )
    op.create_index("ix_ats_documents_application_id", "ats_documents", ["application_id"])
    op.create_index("ix_ats_documents_firm_id", "ats_documents", ["firm_id"])
    op.create_index("ix_ats_documents_seeker_id", "ats_documents", ["seeker_id"])
    op.create_table(
        "ats_doc_requests",
        sa.Column("request_id", sa.String(32), primary_key=True),
        sa.Column("application_id", sa.String(32), nullable=False),
        sa.Column("firm_id", sa.String(32), nullable=False),
        sa.Column("seeker_id", sa.String(32), nullable=False),
        sa.Column("requested_at", sa.DateTime, nullable=False),
        sa.Column("address", sa.Text),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("answered_at", sa.DateTime),
        sa.Column("answered_by", sa.String(128)),
        sa.Column("answer_note", sa.Text),
    )
    op.create_index("ix_ats_doc_requests_application_id", "ats_doc_requests", ["application_id"])
    op.create_index("ix_ats_doc_requests_firm_id", "ats_doc_requests", ["firm_id"])
    op.create_table(
        "ats_closures",
        sa.Column("posting_id", sa.String(32), primary_key=True),
        sa.Column("firm_id", sa.String(32), nullable=False),
        sa.Column("closed_at", sa.DateTime, nullable=False),
        sa.Column("closed_by", sa.String(128), nullable=False),
    )
    op.create_table(
        "ats_purge_log",
        sa.Column("purge_id", sa.String(32), primary_key=True),
        sa.Column("ran_at", sa.DateTime, nullable=False),
        sa.Column("as_of", sa.DateTime, nullable=False),
        sa.Column("document_id", sa.String(32), nullable=False),
        sa.Column("application_id", sa.String(32), nullable=False),
        sa.Column("firm_id", sa.String(32), nullable=False),
        sa.Column("deadline", sa.DateTime, nullable=False),
        sa.Column("reason", sa.String(16), nullable=False),
    )


def downgrade() -> None:
    for table in ("ats_purge_log", "ats_closures", "ats_doc_requests", "ats_documents", "ats_doc_policy", "ats_merged",
                  "ats_messages", "ats_templates", "ats_contacts"):  # fmt: skip
        op.drop_table(table)
    with op.batch_alter_table("ats_cards") as batch:
        batch.drop_column("decided_at")
