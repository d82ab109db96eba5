"""Failure reaches someone: a failed refresh, or one that held marts back, calls the configured hook.

The hook is configuration, not code: `NETRA_ALERT_COMMAND` (a shell command, given the run's summary
on standard input and NETRA_RUN_ID / NETRA_OUTCOME in its environment: `mail -s netra ops@...`, a
chat CLI) and/or `NETRA_ALERT_WEBHOOK` (a URL the summary is POSTed to as JSON). Runs started by the
schedule, the sensor or the UI are watched by the run-status sensors below (in `make dev` or a
production daemon); `make run` calls the hook itself, and tags its run so the sensors stay quiet.
"""

from __future__ import annotations

import json
import os
import subprocess
import urllib.request

import dagster as dg

from ingest.settings import load_settings
from orchestration.automation import publish_job, refresh_job
from orchestration.summary import RunSummary, summarise

COMMAND_VARIABLE = "NETRA_ALERT_COMMAND"
WEBHOOK_VARIABLE = "NETRA_ALERT_WEBHOOK"
# Runs whose starter alerts by itself (make run) carry this tag.
ALERTED_BY_TAG = "netra/alerted_by"
_TIMEOUT_SECONDS = 30


def send_alert(summary: RunSummary) -> list[str]:
    """Call every configured hook with the summary; what was done, or why it failed, one line each."""
    done = []
    command = os.environ.get(COMMAND_VARIABLE)
    if command:
        env = {**os.environ, "NETRA_RUN_ID": summary.run_id, "NETRA_OUTCOME": summary.outcome}
        try:
            finished = subprocess.run(
                command,
                shell=True,
                input=summary.text(),
                text=True,
                env=env,
                timeout=_TIMEOUT_SECONDS,
                capture_output=True,
                check=False,
            )
            done.append(f"alert command exited {finished.returncode}")
        except (OSError, subprocess.TimeoutExpired) as exc:
            done.append(f"alert command failed: {exc}")
    webhook = os.environ.get(WEBHOOK_VARIABLE)
    if webhook:
        body = json.dumps({"run_id": summary.run_id, "outcome": summary.outcome, "summary": summary.text()})
        request = urllib.request.Request(
            webhook, data=body.encode(), headers={"Content-Type": "application/json"}, method="POST"
        )
        try:
            with urllib.request.urlopen(request, timeout=_TIMEOUT_SECONDS) as response:
                done.append(f"alert webhook answered {response.status}")
        except OSError as exc:
            done.append(f"alert webhook failed: {exc}")
    return done


def _alert(context, only_when_held_back: bool) -> None:
    """Send the run's summary through the hooks, unless its starter alerts by itself."""
    if ALERTED_BY_TAG in context.dagster_run.tags:
        return
    summary = summarise(context.instance, context.dagster_run.run_id, load_settings())
    if only_when_held_back and summary.outcome == "published":
        return
    for line in send_alert(summary):
        context.log.info(line)


@dg.run_failure_sensor(
    name="refresh_failure_alert",
    monitored_jobs=[refresh_job, publish_job],
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Calls the alert hook (NETRA_ALERT_COMMAND, NETRA_ALERT_WEBHOOK) with a failed refresh's summary.",
)
def refresh_failure_alert(context: dg.RunFailureSensorContext) -> None:
    _alert(context, only_when_held_back=False)


@dg.run_status_sensor(
    name="partial_publish_alert",
    run_status=dg.DagsterRunStatus.SUCCESS,
    monitored_jobs=[refresh_job, publish_job],
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Calls the alert hook when a refresh succeeded but held marts back (marts.publish_status).",
)
def partial_publish_alert(context: dg.RunStatusSensorContext) -> None:
    _alert(context, only_when_held_back=True)


alert_sensors = [refresh_failure_alert, partial_publish_alert]
