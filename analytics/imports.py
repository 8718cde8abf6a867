"""What the import page shows about past imports (quarantined rows)."""

from __future__ import annotations

import duckdb
import pandas as pd


def recent_quarantine(con: duckdb.DuckDBPyConnection, limit: int = 50) -> pd.DataFrame:
    """The latest rows that imports set aside, with their Korean reason."""
    return con.execute(
        """SELECT imported_at, source_file, target_table, row_number, reason_ko FROM quarantine
                          ORDER BY imported_at DESC LIMIT ?""",
        [int(limit)],
    ).df()
