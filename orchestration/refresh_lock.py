"""The refresh lock as a Dagster resource: every step that writes the warehouse requires it.

`make run` asks for the lock once and exits at once when another refresh holds it; a run started by
Dagster (the schedule, the sensor, the UI, the CLI) waits for it, logging who it waits for, since it
was queued to run anyway. See ingest/warehouse_lock.py.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import dagster as dg

from ingest.warehouse_lock import WAIT_SECONDS, refresh_lock


class RefreshLockResource(dg.ConfigurableResource):
    """Held by every step that writes the warehouse, for the whole run (the in-process executor sets it
    up once per run); a run started while another refresh holds it waits for that one to finish."""

    wait_seconds: float = WAIT_SECONDS

    @contextlib.contextmanager
    def yield_for_execution(self, context: dg.InitResourceContext) -> Iterator[RefreshLockResource]:
        run_id = context.run_id if context.dagster_run else None
        log = context.log.info if context.log else (lambda message: None)
        with refresh_lock(run_id, self.wait_seconds, log):
            yield self
