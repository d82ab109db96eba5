"""Names shared across the Dagster definitions."""

# Every step that writes netra.duckdb runs in this pool. DuckDB allows one writing process per file
# ("Could not set lock on file ... Conflicting lock is held"), so writers must never overlap; the
# pool names that rule, and the in-process executor of the refresh job enforces it for a single run.
DUCKDB_WRITER_POOL = "duckdb_writer"

INGEST_GROUP = "ingest"
REFRESH_JOB = "netra_refresh"
PUBLISH_JOB = "netra_publish"
