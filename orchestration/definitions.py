"""The one Dagster `Definitions` for Netra: ingest -> dbt -> checks -> publish, plus automation."""

from __future__ import annotations

import dagster as dg

from orchestration.alerts import alert_sensors
from orchestration.assets.ingest import ingest_assets
from orchestration.assets.publish import serving_database
from orchestration.automation import landing_folder_sensor, nightly_refresh, publish_job, refresh_job
from orchestration.checks import articles_add_up, freshness_checks, ge_checks, quarantine_checks
from orchestration.dbt import dbt_resource, netra_dbt
from orchestration.progress import progress_logger
from orchestration.refresh_lock import RefreshLockResource

defs = dg.Definitions(
    assets=[*ingest_assets, netra_dbt, serving_database],
    asset_checks=[*ge_checks, *quarantine_checks, *freshness_checks, articles_add_up],
    jobs=[refresh_job, publish_job],
    schedules=[nightly_refresh],
    sensors=[landing_folder_sensor, *alert_sensors],
    resources={"dbt": dbt_resource, "refresh_lock": RefreshLockResource()},
    # Any run, the UI's "Materialize all" and Dagster's CLI included, runs its steps in one process, in
    # sequence: every step writes one DuckDB file, which takes one writer at a time.
    executor=dg.in_process_executor,
    loggers={"console": dg.colored_console_logger, "netra_progress": progress_logger},
)
