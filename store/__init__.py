"""The operational store: what users and staff create (tests and answers, imports and quarantine, …).

A transactional database apart from the analytical warehouse, so a warehouse rebuild never touches it:
SQLite in WAL mode by default (no server), PostgreSQL given a URL (see `config.store_url`). The schema is
versioned with Alembic migrations in `store/migrations/versions/`, applied on first use.
"""
