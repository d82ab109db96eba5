"""The dbt command a refresh runs: incremental by default, a window for backfills, a full rebuild when needed."""

import datetime as dt
import shutil

import pytest

from orchestration.backfill import BackfillTagError, rebuild_window
from orchestration.dbt import DBT_PROJECT_DIR, DBT_TEST_ARGS, dbt_build_args, project_fingerprint


def test_a_backfill_range_reaches_dbt_as_its_window():
    tags = {"netra/backfill_from": "2024-01-01", "netra/backfill_to": "2024-01-31"}
    assert rebuild_window(tags) == (dt.date(2024, 1, 1), dt.date(2024, 2, 1))
    assert rebuild_window({"netra/backfill_from": "2024-01-05"}) == (dt.date(2024, 1, 5), dt.date(2024, 1, 6))
    assert rebuild_window({}) is None
    with pytest.raises(BackfillTagError, match="ends .* before it starts"):
        rebuild_window({"netra/backfill_from": "2024-02-01", "netra/backfill_to": "2024-01-01"})
    with pytest.raises(BackfillTagError, match="YYYY-MM-DD"):
        rebuild_window({"netra/backfill_from": "January"})
    models_only = ["build", "--exclude-resource-type", "test", "--exclude-resource-type", "unit_test"]
    assert dbt_build_args(False, None) == models_only
    assert dbt_build_args(True, (dt.date(2024, 1, 1), dt.date(2024, 2, 1))) == [
        *models_only,
        "--full-refresh",
        "--vars",
        '{"window_start": "2024-01-01", "window_end": "2024-02-01"}',
    ]
    # the data tests run after every model is built, so a failing one holds back marts, never skips models
    assert DBT_TEST_ARGS == ["test", "--exclude-resource-type", "unit_test"]


def test_a_change_to_the_methodology_changes_the_project_fingerprint(tmp_path):
    project = tmp_path / "dbt_project"
    for folder in ("models", "macros", "seeds"):
        shutil.copytree(DBT_PROJECT_DIR / folder, project / folder)
    before = project_fingerprint(project)
    assert project_fingerprint(project) == before
    statuses = project / "seeds" / "methodology" / "ref_case_status.csv"
    statuses.write_text(statuses.read_text() + "Diproses,pending,,added alias,2014-01-15,\n")
    assert project_fingerprint(project) != before
