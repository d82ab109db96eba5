"""What one refresh did, in a few lines a person reads: `make run` prints it, the alert hook sends it.

Built from the run's own events in the Dagster instance and from the serving database's
`marts.publish_status`, so it counts this run's files and rows (not all history), says plainly when
the previous serving database was kept, and names each failure in one line without a stack trace.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import dagster as dg
import duckdb

from ingest.settings import Settings
from orchestration.progress import step_label

# Failures people can act on without a stack trace, recognised by their root cause.
_KNOWN_CAUSES = (
    ("No space left on device", "the disk is full: free space in {warehouse} and run again"),
    ("Could not set lock", "another process holds netra.duckdb open for writing: close it and run again"),
    ("Conflicting lock", "another process holds netra.duckdb open for writing: close it and run again"),
)


@dataclass
class RunSummary:
    run_id: str
    success: bool
    seconds: float | None
    lines: list[str] = field(default_factory=list)
    published: int = 0
    held_back: list[str] = field(default_factory=list)
    published_this_run: bool = False

    @property
    def outcome(self) -> str:
        """published | partial (some marts held back) | failed (the previous serving database was kept)."""
        if not self.published_this_run:
            return "failed"
        return "partial" if self.held_back else "published"

    def text(self) -> str:
        return "\n".join(self.lines)


def summarise(instance: dg.DagsterInstance, run_id: str, settings: Settings, log_file=None) -> RunSummary:
    run = instance.get_run_by_id(run_id)
    record = instance.get_run_record_by_id(run_id)
    seconds = (record.end_time - record.start_time) if record and record.end_time and record.start_time else None
    success = run is not None and run.status == dg.DagsterRunStatus.SUCCESS
    events = [e.dagster_event for e in instance.all_logs(run_id) if e.dagster_event is not None]
    summary = RunSummary(run_id, success, seconds)
    lines = summary.lines

    materialized = {e.asset_key for e in events if e.event_type == dg.DagsterEventType.ASSET_MATERIALIZATION}
    summary.published_this_run = dg.AssetKey(["serving", "serving_database"]) in materialized
    statuses = _publish_status(settings) if summary.published_this_run else []
    summary.held_back = [f"{mart} ({status}): {reason}" for mart, status, reason in statuses if status != "published"]
    summary.published = sum(1 for _, status, _ in statuses if status == "published")

    took = f" in {seconds:.1f} s" if seconds is not None else ""
    if summary.outcome == "published":
        lines.append(f"Netra refresh succeeded{took}: published all {summary.published} marts")
    elif summary.outcome == "partial":
        lines.append(
            f"Netra refresh published {summary.published} of {len(statuses)} marts{took}; "
            f"{len(summary.held_back)} held back (their last good version stays published)"
        )
    else:
        lines.append(f"Netra refresh FAILED{took}: nothing published, kept the previous serving database")

    lines += _ingest_lines(events)
    lines += _check_lines(events)
    lines += [f"  ! step {step_label(step)} failed: {message}" for step, message in _step_failures(events, settings)]
    lines += [f"  ! held back {line}" for line in summary.held_back]
    if settings.serving_db.exists():
        lines.append(f"  serving database: {settings.serving_db}")
        lines.append(
            f"  report: {settings.report_html} · Parquet: {settings.exports_dir}/ · "
            f"quality reports: {settings.quality_dir / 'index.html'}"
        )
    if log_file is not None:
        lines.append(f"  full log (dbt and Dagster detail): {log_file}")
    return summary


def _ingest_lines(events) -> list[str]:
    """This run's files and rows, from the ingest steps' own accounts."""
    statuses, rows, problems, warnings = Counter(), Counter(), [], []
    for event in events:
        if event.event_type != dg.DagsterEventType.ASSET_MATERIALIZATION:
            continue
        metadata = event.step_materialization_data.materialization.metadata
        if "files_by_status" not in metadata:
            continue
        statuses.update(metadata["files_by_status"].value)
        rows.update({k: metadata[k].value for k in ("rows_loaded", "rows_quarantined")})
        problems += metadata["problems"].value
        warnings += metadata["warnings"].value
    if not statuses:
        return []
    new = statuses["loaded"]
    unchanged = statuses["skipped"]
    refused = sum(statuses[s] for s in ("refused", "rejected", "unreadable", "failed"))
    lines = [
        f"  files: {new} new, {unchanged} unchanged, {refused} not loaded; rows this run: "
        f"{rows['rows_loaded']:,} loaded, {rows['rows_quarantined']:,} quarantined (see ops.quarantine)"
    ]
    lines += [f"  ! {problem}" for problem in problems]
    lines += [f"  ~ {warning}" for warning in warnings]
    return lines


def _check_lines(events) -> list[str]:
    evaluations = [e.event_specific_data for e in events if e.event_type == dg.DagsterEventType.ASSET_CHECK_EVALUATION]
    failed = [e for e in evaluations if not e.passed and e.severity == dg.AssetCheckSeverity.ERROR]
    warned = [e for e in evaluations if not e.passed and e.severity != dg.AssetCheckSeverity.ERROR]
    passed = len(evaluations) - len(failed) - len(warned)
    lines = [f"  checks: {passed} passed, {len(failed)} failed, {len(warned)} warnings"]
    lines += [f"  ! check {e.asset_key.to_user_string()}:{e.check_name}: {_short(e.description)}" for e in failed]
    lines += [f"  ~ warning {e.asset_key.to_user_string()}:{e.check_name}: {_short(e.description)}" for e in warned]
    return lines


def _step_failures(events, settings: Settings) -> list[tuple[str, str]]:
    """(step, one line) per failed step: the root cause of the error, in words where it is a known one."""
    failures = []
    for event in events:
        if event.event_type != dg.DagsterEventType.STEP_FAILURE:
            continue
        error = event.step_failure_data.error
        while error is not None and error.cause is not None and "max_retries" in (error.message or ""):
            error = error.cause
        root = error
        while root is not None and root.cause is not None:
            root = root.cause
        message = _first_line(root.message if root else "unknown error")
        for needle, words in _KNOWN_CAUSES:
            if needle in (error.message if error else "") or needle in message:
                message = words.format(warehouse=settings.warehouse_dir, message=message)
                break
        failures.append((event.step_key, message))
    return failures


def _first_line(message: str) -> str:
    line = message.strip().splitlines()[0] if message.strip() else "unknown error"
    # "dagster._core.errors.DagsterExecutionStepExecutionError: Error occurred ..." -> the message itself
    head, _, rest = line.partition(": ")
    return rest if rest and "." in head and " " not in head else line


def _short(text: str | None, limit: int = 400) -> str:
    text = (text or "failed").strip().replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _publish_status(settings: Settings) -> list[tuple[str, str, str | None]]:
    try:
        with duckdb.connect(str(settings.serving_db), read_only=True) as con:
            return con.execute("SELECT mart, status, reason FROM marts.publish_status ORDER BY mart").fetchall()
    except duckdb.Error:
        return []
