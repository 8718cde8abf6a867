"""Applicant tracking (AI 채용마당), first layer: each posting's stages, each applicant's card, the history of moves.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

APPEND_ONLY_SQLITE = [
    """CREATE TRIGGER ats_moves_no_update BEFORE UPDATE ON ats_moves
       BEGIN SELECT RAISE(ABORT, 'ats_moves is append-only'); END""",
    """CREATE TRIGGER ats_moves_no_delete BEFORE DELETE ON ats_moves
       BEGIN SELECT RAISE(ABORT, 'ats_moves is append-only'); END""",
]
APPEND_ONLY_POSTGRES = [
    """CREATE FUNCTION ats_moves_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'ats_moves is append-only'; END $$""",
    """CREATE TRIGGER ats_moves_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ats_moves
       FOR EACH STATEMENT EXECUTE FUNCTION ats_moves_append_only()""",
]


def upgrade() -> None:
    op.create_table(
        "ats_stages",
        sa.Column("posting_id", sa.String(32), primary_key=True),
        sa.Column("stage", sa.String(32), primary_key=True),
        sa.Column("label", sa.String(40), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("folded", sa.Boolean, nullable=False),
    )
    op.create_table(
        "ats_cards",
        sa.Column("application_id", sa.String(32), primary_key=True),
        sa.Column("posting_id", sa.String(32), nullable=False),
        sa.Column("firm_id", sa.String(32), nullable=False),
        sa.Column("seeker_id", sa.String(32), nullable=False),
        sa.Column("stage", sa.String(32), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("hired_at", sa.DateTime),
    )
    op.create_index("ix_ats_cards_posting_id", "ats_cards", ["posting_id"])
    op.create_index("ix_ats_cards_firm_id", "ats_cards", ["firm_id"])
    op.create_table(
        "ats_moves",
        sa.Column("move_id", sa.String(32), primary_key=True),
        sa.Column("application_id", sa.String(32), nullable=False),
        sa.Column("posting_id", sa.String(32), nullable=False),
        sa.Column("firm_id", sa.String(32), nullable=False),
        sa.Column("moved_at", sa.DateTime, nullable=False),
        sa.Column("actor", sa.String(128), nullable=False),
        sa.Column("from_stage", sa.String(32)),
        sa.Column("to_stage", sa.String(32), nullable=False),
        sa.Column("reason", sa.Text),
    )
    op.create_index("ix_ats_moves_application_id", "ats_moves", ["application_id"])
    dialect = op.get_bind().dialect.name
    for sql in APPEND_ONLY_POSTGRES if dialect == "postgresql" else APPEND_ONLY_SQLITE:
        op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS ats_moves_append_only ON ats_moves")
        op.execute("DROP FUNCTION IF EXISTS ats_moves_append_only()")
    op.drop_table("ats_moves")
    op.drop_table("ats_cards")
    op.drop_table("ats_stages")
