"""A refresh killed with SIGKILL during ingest, during dbt and during publish: the serving database is
untouched each time, and the next run completes with no manual step and the counts of a run that was
never interrupted."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tests.conftest import REPO, SAMPLE_LANDING
from tests.e2e.test_pipeline import netra_environment, refresh
from tests.e2e.test_serving import add_october_snapshot

pytestmark = pytest.mark.e2e
TIMEOUT = 300


def environment(landing: Path, warehouse: Path, home: Path) -> dict:
    home.mkdir(exist_ok=True)
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    return {
        **os.environ,
        "NETRA_LANDING_DIR": str(landing),
        "NETRA_WAREHOUSE_DIR": str(warehouse),
        "NETRA_PII_SALT": "e2e-salt",
        "DAGSTER_HOME": str(home),
        "GX_ANALYTICS_ENABLED": "false",
    }


def run_refresh(env: dict, log: Path, kill_when=None) -> int:
    """`make run`'s refresh in its own process group; with `kill_when`, SIGKILL the whole group (the run and
    the dbt process it started) as soon as the condition holds, as a crash or an OOM kill would."""
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "orchestration.run"],
            cwd=REPO,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + TIMEOUT
        while process.poll() is None and time.monotonic() < deadline:
            if kill_when is not None and kill_when(log):
                os.killpg(process.pid, signal.SIGKILL)
                break
            time.sleep(0.002)
        return process.wait(timeout=TIMEOUT)


def logged(warehouse: Path, text: str):
    """True once the refresh's log file (where dbt's and Dagster's detail go) holds `text`."""

    def condition(_console: Path) -> bool:
        logs = sorted((warehouse / "logs").glob("refresh-*.log"))
        return bool(logs) and text in logs[-1].read_text(errors="replace")

    return condition


def publishing(warehouse: Path) -> bool:
    """A publish is writing its staging copy of the serving database."""
    return any(warehouse.glob("serving.duckdb.*.new"))


def counts(warehouse: Path) -> dict:
    found = {}
    with duckdb.connect(str(warehouse / "netra.duckdb"), read_only=True) as con:
        for schema in ("raw", "marts"):
            for (table,) in con.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ?", [schema]
            ).fetchall():
                found[f"{schema}.{table}"] = con.execute(f"SELECT count(*) FROM {schema}.{table}").fetchall()[0][0]
        found["load_log"] = sorted(
            con.execute("SELECT source, file_name, status, rows_loaded, rows_quarantined FROM ops.load_log").fetchall()
        )
        found["quarantine"] = con.execute("SELECT count(*) FROM ops.quarantine").fetchall()[0][0]
    return found


def test_sigkill_at_three_points_leaves_serving_untouched_and_the_next_run_recovers(tmp_path):
    landing, warehouse, home = tmp_path / "landing", tmp_path / "warehouse", tmp_path / "home"
    shutil.copytree(SAMPLE_LANDING, landing)
    env = environment(landing, warehouse, home)
    assert run_refresh(env, tmp_path / "first.log") == 0
    published = (warehouse / "serving.duckdb").read_bytes()

    add_october_snapshot(landing)  # new work for every step
    kill_points = {
        "ingest": logged(warehouse, "kasn: "),  # the new KASN file is in; the other sources are being loaded
        "dbt": logged(warehouse, "Running dbt command"),
        "publish": lambda _console: publishing(warehouse),
    }
    for point, condition in kill_points.items():
        code = run_refresh(env, tmp_path / f"killed_{point}.log", kill_when=condition)
        assert code == -signal.SIGKILL, f"the run was not killed during {point}"
        serving = warehouse / "serving.duckdb"
        if point != "publish" or publishing(warehouse):
            assert serving.read_bytes() == published, point
        with duckdb.connect(str(serving), read_only=True) as con:  # readable, whole, either way
            assert con.execute("SELECT count(*) FROM marts.sanction_funnel").fetchall()[0][0] > 0

    assert run_refresh(env, tmp_path / "rerun.log") == 0, (tmp_path / "rerun.log").read_text()[-3000:]
    assert not publishing(warehouse)

    reference = tmp_path / "reference"
    with netra_environment(landing, reference) as instance:
        assert refresh(instance).success
    assert counts(warehouse) == counts(reference)
    with duckdb.connect(str(warehouse / "serving.duckdb"), read_only=True) as con:
        latest = con.execute(
            "SELECT CAST(max(as_of_date) AS VARCHAR) FROM marts.sanction_funnel WHERE election_id = 'PILKADA_2020'"
        ).fetchall()
    assert latest == [("2020-10-31",)]
