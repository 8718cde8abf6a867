"""Table definitions of the operational store (SQLAlchemy Core), the shape the latest migration creates.

Queries are written against these objects, so the same code runs on SQLite and PostgreSQL. A change here
needs a new migration in `store/migrations/versions/` (a test compares the two).
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

interest_tests = Table(
    "interest_tests",
    metadata,
    Column("test_id", String(32), primary_key=True),
    Column("form", String(16), nullable=False),
    Column("max_job_zone", Integer),
    Column("created_at", DateTime, nullable=False),
    Column("finished_at", DateTime),
)

interest_answers = Table(
    "interest_answers",
    metadata,
    Column("test_id", String(32), ForeignKey("interest_tests.test_id", ondelete="CASCADE"), primary_key=True),
    Column("item_id", String(16), primary_key=True),
    Column("answer", Integer, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("answered_at", DateTime, nullable=False),
)

import_log = Table(
    "import_log",
    metadata,
    Column("import_id", String(40), primary_key=True),
    Column("started_at", DateTime, nullable=False),
    Column("finished_at", DateTime),
    Column("source_file", String(400), nullable=False),
    Column("target_table", String(64), nullable=False),
    Column("file_kind", String(200)),
    Column("rows_read", Integer, nullable=False),
    Column("rows_loaded", Integer, nullable=False),
    Column("rows_quarantined", Integer, nullable=False),
    Column("status", String(16), nullable=False),  # running | ok | failed | interrupted
    Column("message_ko", Text),
)

quarantine = Table(
    "quarantine",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("import_id", String(40), ForeignKey("import_log.import_id", ondelete="CASCADE"), nullable=False, index=True),
    Column("source_file", String(400), nullable=False),
    Column("target_table", String(64), nullable=False),
    Column("row_number", Integer),
    Column("column_name", String(200)),
    Column("reason_ko", Text, nullable=False),
    Column("raw_json", Text),
)
