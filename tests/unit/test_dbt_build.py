"""The dbt command a refresh runs: incremental by default, a window for backfills, a full rebuild when needed."""

import shutil

from orchestration.dbt import DBT_PROJECT_DIR, dbt_build_args, project_fingerprint, rebuild_window


def test_a_backfill_range_reaches_dbt_as_its_window():
    tags = {
        "dagster/asset_partition_range_start": "2024-01-01",
        "dagster/asset_partition_range_end": "2024-01-31",
    }
    assert rebuild_window(tags) == ("2024-01-01", "2024-02-01")
    assert rebuild_window({"dagster/partition": "2024-01-05"}) == ("2024-01-05", "2024-01-06")
    assert rebuild_window({}) is None
    assert dbt_build_args(False, None) == ["build", "--exclude-resource-type", "unit_test"]
    assert dbt_build_args(True, ("2024-01-01", "2024-02-01")) == [
        "build",
        "--exclude-resource-type",
        "unit_test",
        "--full-refresh",
        "--vars",
        '{"window_start": "2024-01-01", "window_end": "2024-02-01"}',
    ]


def test_a_change_to_the_methodology_changes_the_project_fingerprint(tmp_path):
    project = tmp_path / "dbt_project"
    for folder in ("models", "macros", "seeds"):
        shutil.copytree(DBT_PROJECT_DIR / folder, project / folder)
    before = project_fingerprint(project)
    assert project_fingerprint(project) == before
    statuses = project / "seeds" / "methodology" / "ref_case_status.csv"
    statuses.write_text(statuses.read_text() + "Diproses,pending,,added alias,2014-01-15,\n")
    assert project_fingerprint(project) != before
