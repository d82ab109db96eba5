"""Operating Netra as data engineers do: refreshes that overlap, a landing folder that is missing or empty,
a database held open by another process, Dagster's own CLI, and failures reaching someone."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration.alerts import refresh_failure_alert
from tests.conftest import REPO, SAMPLE_LANDING
from tests.e2e.test_pipeline import netra_environment, refresh
from tests.e2e.test_recovery import environment
from tests.e2e.test_serving import READER, add_october_snapshot

pytestmark = pytest.mark.e2e


def make_run(env: dict, *arguments: str, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "orchestration.run", *arguments],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_a_missing_or_empty_landing_folder_is_named_and_the_alert_hook_gets_the_summary(tmp_path):
    alert = tmp_path / "alert.txt"
    env = environment(tmp_path / "no-such-folder", tmp_path / "warehouse", tmp_path / "home")
    env["NETRA_ALERT_COMMAND"] = f'cat > "{alert}"; echo "$NETRA_OUTCOME" >> "{alert}"'
    missing = make_run(env)
    assert missing.returncode == 1
    assert "Netra refresh FAILED" in missing.stdout and "kept the previous serving database" in missing.stdout
    assert f"landing folder {tmp_path / 'no-such-folder'} does not exist: set NETRA_LANDING_DIR" in missing.stdout
    assert "Traceback" not in missing.stdout + missing.stderr
    sent = alert.read_text()
    assert "does not exist" in sent and sent.strip().endswith("failed")

    empty = tmp_path / "empty"
    (empty / "kasn").mkdir(parents=True)
    env["NETRA_LANDING_DIR"] = str(empty)
    done = make_run(env)
    assert done.returncode == 1
    assert f"landing folder {empty} holds no exports: drop files into kasn/ (KASN ASN-neutrality" in done.stdout


def test_two_refreshes_at_once_take_turns_and_readers_never_see_a_lock(tmp_path):
    """A refresh is running when a second starts: without --wait it exits at once naming the first; with
    --wait it runs after it. A BI reader polling the serving database meanwhile never fails."""
    landing, warehouse = tmp_path / "landing", tmp_path / "warehouse"
    shutil.copytree(SAMPLE_LANDING, landing)
    env = environment(landing, warehouse, tmp_path / "home")
    assert make_run(env).returncode == 0
    add_october_snapshot(landing)
    out, stop = tmp_path / "reads.jsonl", tmp_path / "stop"
    reader = subprocess.Popen([sys.executable, str(READER), str(warehouse / "serving.duckdb"), str(out), str(stop)])
    first = subprocess.Popen(
        [sys.executable, "-m", "orchestration.run"], cwd=REPO, env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        lock = warehouse / ".refresh.lock"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not (lock.exists() and lock.read_text()):
            time.sleep(0.05)
        second = make_run(env)
        waiting = make_run(env, "--wait")
        assert first.wait(timeout=600) == 0
    finally:
        stop.touch()
        reader.wait(timeout=30)
        first.kill()
    assert second.returncode == 75
    assert second.stdout.startswith("Netra refresh not started: a refresh is already running (run ")
    assert waiting.returncode == 0, waiting.stdout[-2000:]
    assert "waiting for the refresh already running" in waiting.stdout
    reads = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(reads) > 50 and [r for r in reads if not r["ok"]] == []
    assert not list(warehouse.glob("serving.duckdb.*.new"))


def test_a_build_database_held_open_by_another_process_is_named_in_one_line(tmp_path):
    landing, warehouse = tmp_path / "landing", tmp_path / "warehouse"
    shutil.copytree(SAMPLE_LANDING, landing)
    env = environment(landing, warehouse, tmp_path / "home")
    assert make_run(env).returncode == 0
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(warehouse / 'netra.duckdb')!r}); "
         "print('open', flush=True); time.sleep(120)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "open"
        done = make_run(env)
    finally:
        holder.kill()
    assert done.returncode == 1
    assert "another process holds netra.duckdb open for writing: close it and run again" in done.stdout
    assert "Traceback" not in done.stdout


def test_dagsters_own_cli_materializes_the_whole_graph(tmp_path):
    """The contract's command, as a data engineer types it, with no partition option needed."""
    landing, warehouse, home = tmp_path / "landing", tmp_path / "warehouse", tmp_path / "home"
    shutil.copytree(SAMPLE_LANDING, landing)
    env = environment(landing, warehouse, home)
    done = subprocess.run(
        [str(Path(sys.executable).parent / "dagster"), "asset", "materialize", "-m", "orchestration.definitions",
         "--select", "*"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, (done.stdout + done.stderr)[-3000:]
    with duckdb.connect(str(warehouse / "serving.duckdb"), read_only=True) as con:
        assert set(s for (s,) in con.execute("SELECT status FROM marts.publish_status").fetchall()) == {"published"}
    with dg.DagsterInstance.from_config(str(home)) as instance:
        assert len(instance.get_runs()) == 1


def test_the_failure_sensor_sends_a_failed_runs_summary_to_the_hook(tmp_path, monkeypatch):
    alert = tmp_path / "alert.txt"
    monkeypatch.setenv("NETRA_ALERT_COMMAND", f'cat > "{alert}"')
    with netra_environment(tmp_path / "nowhere", tmp_path / "warehouse") as instance:
        result = refresh(instance)
        assert not result.success
        run = instance.get_run_by_id(result.run_id)
        [failure] = instance.all_logs(result.run_id, of_type=dg.DagsterEventType.RUN_FAILURE)
        context = dg.build_run_status_sensor_context(
            sensor_name="refresh_failure_alert",
            dagster_event=failure.dagster_event,
            dagster_instance=instance,
            dagster_run=run,
        ).for_run_failure()
        refresh_failure_alert(context)
    sent = alert.read_text()
    assert sent.startswith("Netra refresh FAILED") and "does not exist" in sent
