"""Table definitions of the operational store (SQLAlchemy Core), the shape the latest migration creates.

Queries are written against these objects, so the same code runs on SQLite and PostgreSQL. A change here
needs a new migration in `store/migrations/versions/` (a test compares the two).
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
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
    Column("owner", String(200)),  # Identity.actor of who started it (NULL: begun before sign-in existed)
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

accounts = Table(
    "accounts",
    metadata,
    Column("username", String(64), primary_key=True),
    Column("password_hash", String(200), nullable=False),
    Column("role", String(16), nullable=False),
    Column("org_id", String(32)),  # seeker_id, firm_id or centre code, by role
    Column("display_name", String(100), nullable=False),
    Column("is_demo", Boolean, nullable=False, default=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", DateTime, nullable=False),
)

login_attempts = Table(
    "login_attempts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(64), nullable=False, index=True),
    Column("at", DateTime, nullable=False),
    Column("ok", Boolean, nullable=False),
)

sessions = Table(
    "sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),  # sha256 of the token: a leaked table opens no session
    Column("subject", String(200), nullable=False),
    Column("role", String(16), nullable=False),
    Column("org_id", String(32)),
    Column("display_name", String(100), nullable=False),
    Column("source", String(8), nullable=False),  # local | oidc
    Column("created_at", DateTime, nullable=False),
    Column("last_seen_at", DateTime, nullable=False),
    Column("closed_at", DateTime),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime, nullable=False, index=True),
    Column("actor", String(200), nullable=False, index=True),
    Column("actor_label", String(200), nullable=False),
    Column("role", String(16), nullable=False),
    Column("action", String(16), nullable=False),  # view | export | login | login_failed | logout | denied
    Column("record_type", String(32)),
    Column("record_id", String(64), index=True),
    Column("page", String(64)),
    Column("reason", Text),
    Column("detail", Text),
)

saved_postings = Table(
    "saved_postings",
    metadata,
    Column("draft_id", String(32), primary_key=True),
    Column("owner", String(200), nullable=False, index=True),  # Identity.actor of the employer who saved it
    Column("firm_id", String(32)),
    Column("title", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("conditions_json", Text, nullable=False),
    Column("backend", String(16), nullable=False),  # template | llm
    Column("created_at", DateTime, nullable=False),
)

posting_reviews = Table(
    "posting_reviews",
    metadata,
    Column("posting_key", String(64), primary_key=True),  # "wh:<posting_id>" or "file:<sha>:<id>"
    Column("decision", String(16), nullable=False),  # accepted | rejected | corrected
    Column("note", Text),
    Column("corrected_text", Text),
    Column("rules", String(200)),  # the checker's rule ids when it was decided
    Column("reviewer", String(200), nullable=False),
    Column("reviewer_label", String(200), nullable=False),
    Column("decided_at", DateTime, nullable=False),
    Column("version", Integer, nullable=False),  # 1, 2, …: a decision names the version it replaces
)

posting_review_events = Table(
    "posting_review_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("posting_key", String(64), nullable=False, index=True),
    Column("decision", String(16), nullable=False),
    Column("note", Text),
    Column("reviewer", String(200), nullable=False),
    Column("at", DateTime, nullable=False),
    Column("version", Integer, nullable=False),
    Column("reviewer_label", String(200)),  # the name people read (NULL for decisions before migration 0005)
    Column("corrected_text", Text),
)

saved_jobs = Table(
    "saved_jobs",
    metadata,
    Column("seeker_id", String(32), primary_key=True),
    Column("posting_id", String(32), primary_key=True),
    Column("saved_at", DateTime, nullable=False),
)

job_applications = Table(
    "job_applications",
    metadata,
    Column("application_id", String(32), primary_key=True),
    Column("seeker_id", String(32), nullable=False, index=True),
    Column("posting_id", String(32), nullable=False, index=True),
    Column("firm_id", String(32), index=True),  # the posting's firm: the employer's applicant list reads by it
    Column("applied_at", DateTime, nullable=False),
    Column("status", String(16), nullable=False),  # applied | withdrawn (later stages: applicant tracking)
    Column("source", String(32), nullable=False),  # recommended | search | direct
    Column("fit_score", Integer),  # the score shown when the seeker applied (for the next retraining)
    Column("cover_letter", Text),
)

qa_questions = Table(
    "qa_questions",
    metadata,
    Column("question_id", String(32), primary_key=True),
    Column("asked_at", DateTime, nullable=False, index=True),
    Column("channel", String(16), nullable=False),  # counsellor | chatbot
    Column("asked_by", String(128), nullable=False, index=True),  # Identity.actor: the asker reads only their own
    Column("role", String(16), nullable=False),
    Column("question", Text, nullable=False),
    Column("answer", Text, nullable=False),
    Column("abstained", Boolean, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("citations", Text, nullable=False),  # JSON list of cited article ids
    Column("backend", String(16), nullable=False),  # extractive | llm
    Column("helpful", Boolean),  # "도움이 됐나요?": True, False, or not answered
    Column("feedback_at", DateTime),
    Column("comment", Text),
    Column("handover_at", DateTime),  # 상담원 연결 asked for
    Column("contact", Text),  # how the asker wants to be reached (optional, given with the hand-over)
    Column("status", String(16), nullable=False),  # answered | unanswered | handover | resolved
    Column("resolved_by", String(128)),
    Column("resolved_at", DateTime),
    Column("staff_note", Text),
)

ats_stages = Table(  # a posting's own pipeline; a posting without rows uses the default (store.ats.DEFAULT_PIPELINE)
    "ats_stages",
    metadata,
    Column("posting_id", String(32), primary_key=True),
    Column("stage", String(32), primary_key=True),
    Column("label", String(40), nullable=False),
    Column("position", Integer, nullable=False),
    Column("folded", Boolean, nullable=False),  # kanban: the column is drawn folded
)

ats_cards = Table(  # an applicant in a posting's pipeline: the current stage, with a version for concurrent moves
    "ats_cards",
    metadata,
    Column("application_id", String(32), primary_key=True),  # job_applications.application_id
    Column("posting_id", String(32), nullable=False, index=True),
    Column("firm_id", String(32), nullable=False, index=True),
    Column("seeker_id", String(32), nullable=False),
    Column("stage", String(32), nullable=False),
    Column("version", Integer, nullable=False),  # +1 per move: a move made from an older version is refused
    Column("updated_at", DateTime, nullable=False),
    Column("hired_at", DateTime),  # stamped on entering the hired stage
    Column(
        "decided_at", DateTime
    ),  # 채용 여부 확정일: first entry into a result stage (documents' deadline runs from it)
)

ats_moves = Table(  # append-only (triggers): who moved whom, when, from where to where, and why
    "ats_moves",
    metadata,
    Column("move_id", String(32), primary_key=True),
    Column("application_id", String(32), nullable=False, index=True),
    Column("posting_id", String(32), nullable=False),
    Column("firm_id", String(32), nullable=False),
    Column("moved_at", DateTime, nullable=False),
    Column("actor", String(128), nullable=False),
    Column("from_stage", String(32)),
    Column("to_stage", String(32), nullable=False),
    Column("reason", Text),
)

ats_interviews = Table(
    "ats_interviews",
    metadata,
    Column("interview_id", String(32), primary_key=True),
    Column("application_id", String(32), nullable=False, index=True),
    Column("posting_id", String(32), nullable=False),
    Column("firm_id", String(32), nullable=False),  # every read and write is scoped by it (or by seeker_id)
    Column("seeker_id", String(32), nullable=False, index=True),
    Column("starts_at", DateTime, nullable=False),
    Column("minutes", Integer, nullable=False),
    Column("place", Text),
    Column("video_url", Text),
    Column("interviewers", Text),
    Column("status", String(16), nullable=False),  # scheduled | cancelled | done (spec.INTERVIEW_STATUSES)
    Column("outcome", String(16)),  # pass | fail | hold once done
    Column("note", Text),
    Column("updated_at", DateTime, nullable=False),
)

ats_contacts = Table(  # the e-mail an applicant wants notices at (set by the seeker; shown masked to employers)
    "ats_contacts",
    metadata,
    Column("seeker_id", String(32), primary_key=True),
    Column("email", String(254), nullable=False),
    Column("updated_at", DateTime, nullable=False),
)

ats_templates = Table(  # a firm's own notice template for entering a stage; absent rows use store.notices defaults
    "ats_templates",
    metadata,
    Column("firm_id", String(32), primary_key=True),
    Column("stage", String(32), primary_key=True),
    Column("kind", String(16), nullable=False),  # spec.NOTICE_KINDS
    Column("subject", String(200), nullable=False),
    Column("body", Text, nullable=False),
    Column("enabled", Boolean, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Column("updated_by", String(128), nullable=False),
)

ats_messages = Table(  # the communication history: every notice, sent by e-mail or not (status says which)
    "ats_messages",
    metadata,
    Column("message_id", String(32), primary_key=True),
    Column("application_id", String(32), nullable=False, index=True),
    Column("posting_id", String(32), nullable=False),
    Column("firm_id", String(32), nullable=False, index=True),
    Column("seeker_id", String(32), nullable=False, index=True),
    Column("kind", String(16), nullable=False),  # spec.NOTICE_KINDS
    Column("stage", String(32)),  # the stage whose entry sent it (NULL for a message written by hand)
    Column("subject", String(200), nullable=False),
    Column("body", Text, nullable=False),
    Column("recipient", String(254)),  # the address it went to (NULL when the applicant gave none)
    Column("status", String(16), nullable=False),  # spec.MESSAGE_STATUSES
    Column("error", Text),
    Column("created_at", DateTime, nullable=False),
    Column("actor", String(128), nullable=False),
)

ats_merged = Table(  # a second application of the same person to the same posting, merged into the first card
    "ats_merged",
    metadata,
    Column("application_id", String(32), primary_key=True),
    Column("into_application_id", String(32), nullable=False, index=True),
    Column("firm_id", String(32), nullable=False),
    Column("merged_at", DateTime, nullable=False),
)

ats_doc_policy = Table(  # 채용서류 반환 청구기간 of a posting: 14–180 days after the decision (시행령 제4조)
    "ats_doc_policy",
    metadata,
    Column("posting_id", String(32), primary_key=True),
    Column("firm_id", String(32), nullable=False),
    Column("return_days", Integer, nullable=False),
    Column("set_at", DateTime, nullable=False),
    Column("set_by", String(128), nullable=False),
)

ats_documents = Table(  # 채용서류 of an application; content is NULL once returned or destroyed
    "ats_documents",
    metadata,
    Column("document_id", String(32), primary_key=True),
    Column("application_id", String(32), nullable=False, index=True),
    Column("posting_id", String(32), nullable=False),
    Column("firm_id", String(32), nullable=False, index=True),
    Column("seeker_id", String(32), nullable=False, index=True),
    Column("filename", String(200), nullable=False),
    Column("kind", String(16), nullable=False),  # spec.DOCUMENT_KINDS
    Column("content", LargeBinary),
    Column("size_bytes", Integer, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("uploaded_at", DateTime, nullable=False),
    Column("status", String(16), nullable=False),  # spec.DOCUMENT_STATUSES
    Column("closed_at", DateTime),  # when it was returned or destroyed
)

ats_doc_requests = Table(  # 채용서류 반환 청구 (법 제11조①) and the employer's answer
    "ats_doc_requests",
    metadata,
    Column("request_id", String(32), primary_key=True),
    Column("application_id", String(32), nullable=False, index=True),
    Column("firm_id", String(32), nullable=False, index=True),
    Column("seeker_id", String(32), nullable=False),
    Column("requested_at", DateTime, nullable=False),
    Column("address", Text),  # 반환 장소 the applicant named (시행령 제2조③)
    Column("status", String(16), nullable=False),  # spec.RETURN_STATUSES
    Column("answered_at", DateTime),
    Column("answered_by", String(128)),
    Column("answer_note", Text),
)

ats_closures = Table(  # a posting whose recruiting the employer closed (only once every applicant was told the result)
    "ats_closures",
    metadata,
    Column("posting_id", String(32), primary_key=True),
    Column("firm_id", String(32), nullable=False),
    Column("closed_at", DateTime, nullable=False),
    Column("closed_by", String(128), nullable=False),
)

ats_purge_log = Table(  # one row per document the scheduled purge destroyed
    "ats_purge_log",
    metadata,
    Column("purge_id", String(32), primary_key=True),
    Column("ran_at", DateTime, nullable=False),
    Column("as_of", DateTime, nullable=False),  # the clock the purge ran by (a test's fake clock)
    Column("document_id", String(32), nullable=False),
    Column("application_id", String(32), nullable=False),
    Column("firm_id", String(32), nullable=False),
    Column("deadline", DateTime, nullable=False),
    Column("reason", String(16), nullable=False),  # deadline
)
