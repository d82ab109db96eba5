"""Names and policies shared across the Dagster definitions."""

import functools

import dagster as dg
import duckdb

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

# Who answers for the data, shown on every asset in the Dagster UI.
OWNER = "team:netra-data"


def transient(error: BaseException) -> bool:
    """Whether a retry may succeed: a lock, a full disk being cleared, a file still being copied."""
    return isinstance(error, OSError | duckdb.IOException)


def no_retry_unless_transient(step):
    """Decorator for a step body: an error a retry cannot fix (a bug, a refused input) fails at once,
    saying so, instead of repeating itself twice over 15 seconds."""

    @functools.wraps(step)
    def wrapper(*args, **kwargs):
        try:
            return step(*args, **kwargs)
        except dg.Failure:
            raise
        except Exception as error:
            if transient(error):
                raise
            raise dg.Failure(description=f"{type(error).__name__}: {error}", allow_retries=False) from error

    return wrapper
