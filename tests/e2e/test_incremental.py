"""A nightly build is incremental, and what it leaves equals a full rebuild of the same data: after a
new snapshot, and after a late one older than the newest (whose as-of dates sit between built ones)."""

import shutil
from pathlib import Path

import duckdb
import pytest

from orchestration.constants import REFRESH_JOB
from orchestration.definitions import defs
from tests.conftest import SAMPLE_LANDING
from tests.e2e.test_pipeline import netra_environment, refresh
from tests.e2e.test_serving import add_october_snapshot

pytestmark = pytest.mark.e2e


def add_late_snapshot(landing: Path) -> None:
    """A 10 September export arriving after the 30 September one: every case reported by then."""
    september = landing / "kasn" / "kasn_netralitas_pilkada2020_2020-09-30.csv"
    lines = september.read_text(encoding="utf-8").splitlines()
    (landing / "kasn" / "kasn_netralitas_pilkada2020_2020-09-10.csv").write_text(
        "\n".join(line for line in lines if "15/09/2020" not in line) + "\n", encoding="utf-8"
    )


def built_tables(build_db: Path) -> dict[str, list]:
    with duckdb.connect(str(build_db), read_only=True) as con:
        tables = con.execute(
            "SELECT table_schema, table_name FROM information_schema.tables "
            "WHERE table_schema IN ('intermediate', 'marts') AND table_type = 'BASE TABLE'"
        ).fetchall()
        return {f"{s}.{t}": sorted(map(repr, con.execute(f"SELECT * FROM {s}.{t}").fetchall())) for s, t in tables}


def builds(build_db: Path) -> list[bool]:
    with duckdb.connect(str(build_db), read_only=True) as con:
        rows = con.execute("SELECT full_refresh FROM ops.dbt_builds ORDER BY built_at").fetchall()
        return [full for (full,) in rows]


def test_incremental_builds_equal_a_full_rebuild(tmp_path):
    landing, warehouse = tmp_path / "landing", tmp_path / "warehouse"
    shutil.copytree(SAMPLE_LANDING, landing)
    build_db = warehouse / "netra.duckdb"
    with netra_environment(landing, warehouse) as instance:
        assert refresh(instance).success
        add_october_snapshot(landing)
        assert refresh(instance).success
        add_late_snapshot(landing)
        assert refresh(instance).success
        incremental = built_tables(build_db)
        with duckdb.connect(str(build_db), read_only=True) as con:
            as_of = con.execute(
                "SELECT CAST(as_of_date AS VARCHAR), CAST(valid_until AS VARCHAR) FROM marts.sanction_funnel_history "
                "WHERE election_id = 'PILKADA_2020' AND region_code = 'ID' ORDER BY as_of_date"
            ).fetchall()
        assert as_of == [
            ("2020-08-19", "2020-09-09"),
            ("2020-09-10", "2020-09-29"),
            ("2020-09-30", "2020-10-30"),
            ("2020-10-31", "9999-12-31"),
        ]

        rebuilt = defs.resolve_job_def(REFRESH_JOB).execute_in_process(
            instance=instance, run_config={"ops": {"netra_dbt": {"config": {"full_refresh": True}}}}
        )
        assert rebuilt.success
    assert builds(build_db) == [True, False, False, True]  # first build, two nightly ones, the rebuild
    assert built_tables(build_db) == incremental
