"""Names and policies shared across the Dagster definitions."""

import dagster as dg

# Every step that writes netra.duckdb runs in this pool. DuckDB allows one writing process per file
# ("Could not set lock on file ... Conflicting lock is held"), so writers must never overlap; the
# pool names that rule, and the in-process executor of the refresh job enforces it for a single run.
DUCKDB_WRITER_POOL = "duckdb_writer"

# Transient failures (a lock still held by a crashed process, a file still being copied into the landing
# folder) usually clear within seconds: retry a step twice, waiting 5 s and then 10 s.
TRANSIENT_RETRY = dg.RetryPolicy(max_retries=2, delay=5, backoff=dg.Backoff.EXPONENTIAL)

INGEST_GROUP = "ingest"
REFRESH_JOB = "netra_refresh"
PUBLISH_JOB = "netra_publish"
