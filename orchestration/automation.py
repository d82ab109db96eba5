"""When the refresh runs: nightly at 02:00 Jakarta time, and whenever the landing folder changes."""

import hashlib
import json

import dagster as dg
import duckdb

from ingest.landing import source_folder, survey
from ingest.news.articles import ARTICLE_SUFFIXES
from ingest.readers import SUPPORTED_SUFFIXES
from ingest.settings import load_settings
from ingest.sources import NEWS_SOURCE, TABULAR_SOURCES
from orchestration.assets.publish import serving_database
from orchestration.constants import PUBLISH_JOB, REFRESH_JOB

refresh_job = dg.define_asset_job(
    REFRESH_JOB,
    selection=dg.AssetSelection.all(),
    description="Ingest every landing folder, build and test the dbt project, check, publish.",
    # One process, steps in sequence: every step writes the same DuckDB file, which takes one writer
    # at a time. Measured on this stack: ~27 s in-process vs ~50 s with a process per step.
    executor_def=dg.in_process_executor,
)

publish_job = dg.define_asset_job(
    PUBLISH_JOB,
    selection=dg.AssetSelection.assets(serving_database),
    description=(
        "Audit and publish without rebuilding: rerun the mart audits on the marts as they are in netra.duckdb "
        "and publish each mart that passes, judging its sources and models by the last refresh's checks "
        "(recovery after a failed publish)."
    ),
    executor_def=dg.in_process_executor,
)

nightly_refresh = dg.ScheduleDefinition(
    name="nightly_refresh",
    job=refresh_job,
    cron_schedule="0 2 * * *",
    execution_timezone="Asia/Jakarta",
    default_status=dg.DefaultScheduleStatus.RUNNING,
)


def landing_fingerprint() -> dict[str, list]:
    """ "<source>/<name>" -> [size, mtime] of every file the ingest assets would read."""
    landing = load_settings().landing_dir
    fingerprint = {}
    for source in TABULAR_SOURCES + (NEWS_SOURCE,):
        suffixes = ARTICLE_SUFFIXES if source == NEWS_SOURCE else SUPPORTED_SUFFIXES
        for entry in survey(source_folder(landing, source), suffixes, source):
            if entry.refused:
                continue
            stat = entry.path.stat()
            fingerprint[f"{source}/{entry.name}"] = [stat.st_size, stat.st_mtime_ns]
    return fingerprint


def unloaded(fingerprint: dict[str, list]) -> list[str] | None:
    """The files of a listing the warehouse has not logged, by folder and name; None when the build
    database cannot be read now (a refresh holds it), so the sensor asks again at its next tick."""
    build_db = load_settings().build_db
    if not build_db.exists():
        return sorted(fingerprint)
    try:
        with duckdb.connect(str(build_db), read_only=True) as con:
            rows = con.execute("SELECT source, file_name FROM ops.load_log").fetchall()
        logged = {f"{source}/{name}" for source, name in rows}
    except duckdb.Error:
        return None
    return sorted(path for path in fingerprint if path not in logged)


@dg.sensor(job=refresh_job, minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.RUNNING)
def landing_folder_sensor(context: dg.SensorEvaluationContext):
    """Start a refresh when a file appears in, changes in or leaves the landing folder.

    The first tick (a new instance, `make dev`'s first start) compares the folder with what the warehouse
    has already loaded rather than with nothing, so an unchanged folder starts no run. Each run key
    carries a sequence number, so a listing seen before (a file added, then removed again) still starts
    a run: Dagster never starts two runs with one key.
    """
    current = landing_fingerprint()
    state = json.loads(context.cursor) if context.cursor else None
    if state is not None and "files" not in state:  # a cursor written by an earlier version: the listing only
        state = {"files": state, "runs": 0}
    if state is None:
        changed = unloaded(current)
        if changed is None:
            return dg.SkipReason("the warehouse is being written; the landing folder is compared at the next tick")
        state = {"files": current, "runs": 0}
    else:
        previous = state["files"]
        changed = sorted(k for k in current.keys() | previous.keys() if current.get(k) != previous.get(k))
    if not changed:
        context.update_cursor(json.dumps({"files": current, "runs": state["runs"]}, sort_keys=True))
        return dg.SkipReason("no new, changed or removed files in the landing folder")
    runs = state["runs"] + 1
    listing = json.dumps(current, sort_keys=True)
    context.update_cursor(json.dumps({"files": current, "runs": runs}, sort_keys=True))
    return dg.RunRequest(
        run_key=f"landing-{runs}-" + hashlib.sha256(listing.encode()).hexdigest()[:12],
        tags={"netra/trigger": "landing_folder", "netra/changed_files": str(len(changed))},
    )
