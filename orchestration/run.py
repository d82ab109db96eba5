"""`make run` (and `make full-refresh`, `make backfill`): one refresh recorded in the Dagster instance,
then a short summary.

Runs the same job the schedule and sensor start, in this process, so its run shows in `make dev`.
The console shows one line per step; dbt's per-model lines and Dagster's detail go to a log file under
the warehouse folder, whose path the summary prints. Exit codes: 0 every mart published; 1 the
refresh failed and the previous serving database was kept; 2 published, with marts held back (their
last good version stays, `marts.publish_status` says why); 75 another refresh is running.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import sys
import time
import traceback
import uuid
from pathlib import Path

from ingest.settings import load_settings

EXIT_CODES = {"published": 0, "failed": 1, "partial": 2}
EXIT_BUSY = 75  # EX_TEMPFAIL: try again later
KEEP_LOGS = 30


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the Netra refresh once, in this process.")
    parser.add_argument("--full-refresh", action="store_true", help="rebuild the incremental dbt models from scratch")
    parser.add_argument("--wait", action="store_true", help="wait for a refresh already running instead of exiting")
    parser.add_argument("--backfill-from", metavar="YYYY-MM-DD", help="first day a backfill redoes")
    parser.add_argument("--backfill-to", metavar="YYYY-MM-DD", help="last day a backfill redoes")
    args = parser.parse_args(argv)
    # dbt's lines go to the log file: without colour codes
    os.environ.setdefault("DBT_USE_COLORS", "false")

    from ingest.warehouse_lock import WAIT_SECONDS, RefreshRunning, refresh_lock

    settings = load_settings()
    log_file = _log_file(settings.warehouse_dir)
    run_id = str(uuid.uuid4())
    with contextlib.ExitStack() as stack:
        try:
            stack.enter_context(refresh_lock(run_id, WAIT_SECONDS if args.wait else 0, print))
        except RefreshRunning as exc:
            print(f"Netra refresh not started: {exc}. Wait for it to finish, or run again with --wait.")
            return EXIT_BUSY
        print(f"Netra refresh of {settings.landing_dir} (run {run_id[:8]})")
        started = time.monotonic()
        try:
            summary = _refresh(args, run_id, log_file)
        except Exception:  # anything before Dagster could record a run: one line here, the trace in the log
            with log_file.open("a", encoding="utf-8") as log:
                traceback.print_exc(file=log)
            kind, error = sys.exc_info()[:2]
            print(f"Netra refresh FAILED after {time.monotonic() - started:.1f} s: {kind.__name__}: {error}")
            print(f"  kept the previous serving database; details in {log_file}")
            return EXIT_CODES["failed"]
    print(summary.text())
    if summary.outcome != "published":
        from orchestration.alerts import send_alert

        for line in send_alert(summary):
            print(f"  {line}")
    return EXIT_CODES[summary.outcome]


def _refresh(args, run_id: str, log_file: Path):
    """The refresh itself, with this process's output sent to the log file while it runs."""
    with (
        log_file.open("a", encoding="utf-8") as log,
        contextlib.redirect_stdout(log),
        contextlib.redirect_stderr(log),
    ):
        import dagster as dg

        from orchestration.alerts import ALERTED_BY_TAG
        from orchestration.backfill import WINDOW_TAGS
        from orchestration.constants import REFRESH_JOB
        from orchestration.definitions import defs
        from orchestration.summary import summarise

        run_config: dict = {"loggers": {"netra_progress": {"config": {"log_file": str(log_file)}}}}
        if args.full_refresh:
            run_config["ops"] = {"netra_dbt": {"config": {"full_refresh": True}}}
        tags = {ALERTED_BY_TAG: "make run"}
        if args.backfill_from or args.backfill_to:
            days = (args.backfill_from or args.backfill_to, args.backfill_to or args.backfill_from)
            tags |= dict(zip(WINDOW_TAGS, days, strict=True))
        with dg.DagsterInstance.get() as instance:
            defs.resolve_job_def(REFRESH_JOB).execute_in_process(
                run_config=run_config, instance=instance, raise_on_error=False, run_id=run_id, tags=tags
            )
            return summarise(instance, run_id, load_settings(), log_file)


def _log_file(warehouse: Path) -> Path:
    folder = warehouse / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    for old in sorted(folder.glob("refresh-*.log"))[:-KEEP_LOGS]:
        old.unlink(missing_ok=True)
    return folder / f"refresh-{dt.datetime.now():%Y%m%dT%H%M%S}.log"


if __name__ == "__main__":
    sys.exit(main())
