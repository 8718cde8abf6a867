"""Store tests use the `store_url` fixture of tests/conftest.py (SQLite, and PostgreSQL under .ci/run)."""
