"""The build database's bookkeeping tables and connection helper, shared by every loader."""

from __future__ import annotations

from pathlib import Path

import duckdb

PARSE_MACROS = Path(__file__).parent / "sql" / "parse_macros.sql"

OPS_DDL = """
CREATE SCHEMA IF NOT EXISTS raw;
CREATE SCHEMA IF NOT EXISTS ops;
CREATE TABLE IF NOT EXISTS ops.load_log (
    source VARCHAR NOT NULL,
    file_name VARCHAR NOT NULL,
    file_sha256 VARCHAR NOT NULL,
    parser_version VARCHAR NOT NULL,
    status VARCHAR NOT NULL,          -- loaded | replaced | rejected | unreadable
    rows_read BIGINT NOT NULL,
    rows_loaded BIGINT NOT NULL,
    rows_quarantined BIGINT NOT NULL,
    batch_key VARCHAR,                -- snapshot date or IKP edition(s) the file holds
    message VARCHAR,                  -- why a file was rejected, what replaced it
    loaded_at TIMESTAMP NOT NULL,
    snapshot_date DATE                -- the export's as-of date, for snapshot sources
);
CREATE TABLE IF NOT EXISTS ops.quarantine (
    source VARCHAR NOT NULL,
    file_name VARCHAR NOT NULL,
    file_sha256 VARCHAR NOT NULL,
    row_number BIGINT NOT NULL,
    reason VARCHAR NOT NULL,
    row_data JSON NOT NULL,           -- the row as read, names removed and NIPs pseudonymised
    quarantined_at TIMESTAMP NOT NULL
);
"""


def connect(path: Path) -> duckdb.DuckDBPyConnection:
    """Open the build database with the bookkeeping tables and parsing macros in place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path))
    con.execute(OPS_DDL)
    con.execute("ALTER TABLE ops.load_log ADD COLUMN IF NOT EXISTS snapshot_date DATE")
    # rows logged before snapshot_date existed: their snapshot date is the batch key (an IKP edition is not a date)
    con.execute(
        "UPDATE ops.load_log SET snapshot_date = TRY_CAST(batch_key AS DATE) "
        "WHERE snapshot_date IS NULL AND batch_key IS NOT NULL"
    )
    con.execute(PARSE_MACROS.read_text())
    return con
