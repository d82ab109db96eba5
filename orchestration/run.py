"""`make run` (and `make full-refresh`): one refresh recorded in the Dagster instance, then a short summary.

Runs the same job the schedule and sensor start, in this process, so its run shows in `make dev`.
Exits non-zero when any step or blocking check failed, saying which.
"""

from __future__ import annotations

import argparse
import sys
import time

import dagster as dg
import duckdb

from ingest.settings import load_settings
from orchestration.constants import REFRESH_JOB
from orchestration.definitions import defs


def summary_lines(result: dg.ExecuteInProcessResult, seconds: float) -> list[str]:
    settings = load_settings()
    lines = [f"Netra refresh {'succeeded' if result.success else 'FAILED'} in {seconds:.1f} s"]
    with duckdb.connect(str(settings.build_db), read_only=True) as con:
        rows = con.execute(
            """SELECT count(*), count(*) FILTER (status IN ('loaded', 'replaced')),
                      coalesce(sum(rows_loaded) FILTER (status = 'loaded'), 0),
                      coalesce(sum(rows_quarantined) FILTER (status = 'loaded'), 0)
               FROM ops.load_log"""
        ).fetchall()[0]
        problems = con.execute(
            "SELECT file_name, status, message FROM ops.load_log "
            "WHERE status IN ('rejected', 'unreadable', 'failed') ORDER BY source, file_name"
        ).fetchall()
    lines.append(
        f"  files: {rows[0]} logged, {rows[1]} loaded; rows: {rows[2]} loaded, {rows[3]} quarantined"
        " (see ops.quarantine)"
    )
    lines += [f"  ! {name}: {status}: {message}" for name, status, message in problems]
    evaluations = result.get_asset_check_evaluations()
    passed = [e for e in evaluations if e.passed]
    failed = [e for e in evaluations if not e.passed and e.severity == dg.AssetCheckSeverity.ERROR]
    warned = [e for e in evaluations if not e.passed and e.severity != dg.AssetCheckSeverity.ERROR]
    lines.append(f"  checks: {len(passed)} passed, {len(failed)} failed, {len(warned)} warnings")
    lines += [f"  ! check {e.asset_key.to_user_string()}:{e.check_name}: {e.description}" for e in failed]
    lines += [f"  ~ warning {e.asset_key.to_user_string()}:{e.check_name}: {e.description}" for e in warned]
    for event in result.get_step_failure_events():
        lines.append(f"  ! step {event.step_key} failed: {event.event_specific_data.error.message.strip()}")
    if settings.serving_db.exists():
        with duckdb.connect(str(settings.serving_db), read_only=True) as con:
            marts = con.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'marts' ORDER BY table_name"
            ).fetchall()
        lines.append(f"  published: {settings.serving_db} ({len(marts)} marts: " + ", ".join(m for (m,) in marts) + ")")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the Netra refresh once, in this process.")
    parser.add_argument("--full-refresh", action="store_true", help="rebuild the incremental dbt models from scratch")
    args = parser.parse_args(argv)
    # INFO shows each file, step and check as it happens; Dagster's DEBUG events stay in the run log
    run_config: dict = {"loggers": {"console": {"config": {"log_level": "INFO"}}}}
    if args.full_refresh:
        run_config["ops"] = {"netra_dbt": {"config": {"full_refresh": True}}}
    started = time.monotonic()
    with dg.DagsterInstance.get() as instance:
        result = defs.resolve_job_def(REFRESH_JOB).execute_in_process(
            run_config=run_config,
            instance=instance,
            raise_on_error=False,
        )
    print("\n".join(summary_lines(result, time.monotonic() - started)))
    return 0 if result.success else 1


if __name__ == "__main__":
    sys.exit(main())
