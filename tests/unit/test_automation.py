"""How refreshes start and take turns: the landing-folder sensor, the refresh lock, the instance `make dev`
uses, and what the Dagster UI shows about each asset."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import dagster as dg
import pytest

from ingest.loader import load_source
from ingest.settings import REPO_ROOT
from ingest.sources import SOURCES
from ingest.warehouse import connect
from ingest.warehouse_lock import RefreshRunning, refresh_lock
from orchestration.automation import landing_folder_sensor

EXPORT = (
    "No Laporan;Tanggal Laporan;Pemilihan;Provinsi;Kabupaten/Kota;Status;Tindak Lanjut PPK\n"
    "K-1;01/09/2020;Pilkada 2020;Banten;Kab. Lebak;Dilaporkan;\n"
)


@pytest.fixture
def folders(tmp_path, monkeypatch):
    landing, warehouse = tmp_path / "landing", tmp_path / "warehouse"
    (landing / "kasn").mkdir(parents=True)
    (landing / "kasn" / "kasn_2020-09-30.csv").write_text(EXPORT, encoding="utf-8")
    monkeypatch.setenv("NETRA_LANDING_DIR", str(landing))
    monkeypatch.setenv("NETRA_WAREHOUSE_DIR", str(warehouse))
    with connect(warehouse / "netra.duckdb") as con:
        load_source(con, SOURCES["kasn"], landing / "kasn", b"salt")
    return landing, warehouse


def tick(instance, cursor):
    context = dg.build_sensor_context(instance=instance, cursor=cursor)
    result = landing_folder_sensor(context)
    return result, context.cursor


def test_the_sensor_starts_no_run_for_files_already_loaded_and_never_reuses_a_run_key(folders):
    landing, _ = folders
    with dg.DagsterInstance.ephemeral() as instance:
        first, cursor = tick(instance, None)  # make dev's first start: the folder is what the warehouse holds
        assert isinstance(first, dg.SkipReason)
        again, cursor = tick(instance, cursor)
        assert isinstance(again, dg.SkipReason)

        added = landing / "kasn" / "kasn_2020-10-31.csv"
        added.write_text(EXPORT, encoding="utf-8")
        on_add, cursor = tick(instance, cursor)
        assert on_add.tags["netra/changed_files"] == "1"
        added.unlink()  # back to the first listing: still a change, and a run key never used before
        on_remove, cursor = tick(instance, cursor)
        assert isinstance(on_remove, dg.RunRequest) and on_remove.run_key != on_add.run_key
        assert on_remove.run_key.startswith("landing-2-")


def test_a_file_not_yet_loaded_starts_a_run_on_the_first_tick(folders):
    landing, _ = folders
    (landing / "kasn" / "kasn_2020-10-31.csv").write_text(EXPORT, encoding="utf-8")
    with dg.DagsterInstance.ephemeral() as instance:
        request, _ = tick(instance, None)
    assert isinstance(request, dg.RunRequest) and request.tags["netra/changed_files"] == "1"


def test_a_second_refresh_is_told_who_holds_the_lock_or_waits_for_it(tmp_path, monkeypatch):
    monkeypatch.setenv("NETRA_WAREHOUSE_DIR", str(tmp_path))
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import time; from ingest.warehouse_lock import refresh_lock\n"
            "with refresh_lock('run-held-elsewhere'):\n    print('held', flush=True); time.sleep(3)",
        ],
        cwd=REPO_ROOT,
        env={**os.environ, "NETRA_WAREHOUSE_DIR": str(tmp_path)},
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "held"
    held_elsewhere = r"a refresh is already running \(run run-held, started .* \(process \d+\)"
    with pytest.raises(RefreshRunning, match=held_elsewhere), refresh_lock(None):
        pass
    waited: list[str] = []
    started = time.monotonic()
    with refresh_lock("second", wait_seconds=30, on_wait=waited.append):
        assert time.monotonic() - started > 0.5
    assert waited and waited[0].startswith("waiting for the refresh already running (run run-held")
    holder.wait(timeout=10)


def test_make_run_exits_at_once_with_the_holder_named_while_a_refresh_runs(tmp_path):
    env = {**os.environ, "NETRA_WAREHOUSE_DIR": str(tmp_path)}
    holder = subprocess.Popen(
        [sys.executable, "-c", "import time; from ingest.warehouse_lock import refresh_lock\n"
         "with refresh_lock('nightly-run-1234'):\n    print('held', flush=True); time.sleep(20)"],
        cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "held"
        done = subprocess.run(
            [sys.executable, "-m", "orchestration.run"], cwd=REPO_ROOT, env=env, capture_output=True, text=True
        )
    finally:
        holder.kill()
    assert done.returncode == 75
    assert done.stdout.startswith("Netra refresh not started: a refresh is already running (run nightly-")
    assert "Traceback" not in done.stdout + done.stderr


def test_the_instance_make_dev_uses_runs_one_refresh_and_one_writer_at_a_time(monkeypatch):
    monkeypatch.setenv("DAGSTER_HOME", str(REPO_ROOT / ".dagster"))
    with dg.DagsterInstance.get() as instance:
        assert type(instance.run_coordinator).__name__ == "QueuedRunCoordinator"
        assert instance.get_concurrency_config().run_queue_config.max_concurrent_runs == 1
        assert instance.get_concurrency_config().pool_config.default_pool_limit == 1


def test_every_asset_has_a_description_and_an_owner_and_every_check_a_description():
    from orchestration.definitions import defs

    graph = defs.resolve_asset_graph()
    undocumented = [
        key.to_user_string()
        for key in graph.get_all_asset_keys()
        if graph.get(key).is_materializable and not (graph.get(key).description or "").strip()
    ]
    unowned = [
        key.to_user_string()
        for key in graph.get_all_asset_keys()
        if graph.get(key).is_materializable and not graph.get(key).owners
    ]
    silent_checks = [key for key in graph.asset_check_keys if not (graph.get(key).description or "").strip()]
    assert undocumented == [] and unowned == [] and silent_checks == []


def test_the_venv_defaults_dagster_home_to_the_repository(tmp_path):
    """Dagster's own CLI, run from the venv outside make, records its runs in the repo's instance."""
    env = {k: v for k, v in os.environ.items() if k != "DAGSTER_HOME"}
    found = subprocess.run(
        [str(Path(sys.executable)), "-c", "import os; print(os.environ.get('DAGSTER_HOME'))"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert Path(found) == REPO_ROOT / ".dagster"


def test_a_full_disk_is_named_in_one_line_without_a_stack_trace(tmp_path, monkeypatch):
    """The summary of a run whose step ran out of disk space (after its retries) says what to do."""
    monkeypatch.setenv("NETRA_WAREHOUSE_DIR", str(tmp_path))
    from ingest.settings import load_settings
    from orchestration.summary import summarise

    @dg.asset(retry_policy=dg.RetryPolicy(max_retries=1))
    def disk_hungry() -> None:
        raise OSError(28, "No space left on device")

    with dg.DagsterInstance.ephemeral() as instance:
        result = dg.materialize([disk_hungry], instance=instance, raise_on_error=False)
        summary = summarise(instance, result.run_id, load_settings())
    [line] = [line for line in summary.lines if "step" in line]
    assert line == f"  ! step disk_hungry failed: the disk is full: free space in {tmp_path} and run again"
    assert summary.outcome == "failed" and "Traceback" not in summary.text()
