"""The build database's bookkeeping tables and connection helper, shared by every loader."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
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
    status VARCHAR NOT NULL,          -- loaded | replaced | refused | rejected | unreadable | failed | retracted
    rows_read BIGINT NOT NULL,
    rows_loaded BIGINT NOT NULL,
    rows_quarantined BIGINT NOT NULL,
    batch_key VARCHAR,                -- snapshot date or IKP edition(s) the file holds
    message VARCHAR,                  -- why a file was rejected, what replaced it
    loaded_at TIMESTAMP NOT NULL,
    snapshot_date DATE,               -- the date the file's rows describe (snapshot and register sources)
    warning VARCHAR                   -- what a data steward should act on although the file loaded
);
CREATE TABLE IF NOT EXISTS ops.dbt_builds (
    project_fingerprint VARCHAR NOT NULL, -- hash of the dbt project's models, macros and seeds
    full_refresh BOOLEAN NOT NULL,
    built_at TIMESTAMP NOT NULL
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
    con.execute("ALTER TABLE ops.load_log ADD COLUMN IF NOT EXISTS warning VARCHAR")
    # rows logged before snapshot_date existed: their snapshot date is the batch key (an IKP edition is not a date)
    con.execute(
        "UPDATE ops.load_log SET snapshot_date = TRY_CAST(batch_key AS DATE) "
        "WHERE snapshot_date IS NULL AND batch_key IS NOT NULL"
    )
    con.execute(PARSE_MACROS.read_text())
    return con


def last_dbt_fingerprint(con: duckdb.DuckDBPyConnection) -> str | None:
    """The project fingerprint of the last successful dbt build, if any."""
    row = con.execute("SELECT project_fingerprint FROM ops.dbt_builds ORDER BY built_at DESC LIMIT 1").fetchone()
    return row[0] if row else None


def record_dbt_build(con: duckdb.DuckDBPyConnection, fingerprint: str, full_refresh: bool) -> None:
    con.execute("INSERT INTO ops.dbt_builds VALUES (?, ?, now())", [fingerprint, full_refresh])


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """One DuckDB transaction: committed when the block ends, rolled back if it raises (or is killed)."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
