"""Operational configuration that people copy: it must be accepted by the Dagster version pinned here."""

import shutil

import dagster as dg

from ingest.settings import REPO_ROOT


def test_production_instance_config_is_valid(tmp_path, monkeypatch):
    shutil.copy(REPO_ROOT / "docs" / "dagster.production.yaml", tmp_path / "dagster.yaml")
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path))
    with dg.DagsterInstance.get() as instance:
        assert type(instance.run_coordinator).__name__ == "QueuedRunCoordinator"
        assert instance.get_concurrency_config().pool_config.default_pool_limit == 1


def test_definitions_wire_one_connected_graph_with_its_jobs_and_automation():
    from orchestration.definitions import defs

    graph = defs.resolve_asset_graph()
    publish = dg.AssetKey(["serving", "serving_database"])
    upstream, frontier = set(), {publish}
    while frontier:
        parents = {p for key in frontier for p in graph.get(key).parent_keys}
        frontier = parents - upstream
        upstream |= parents
    for source in ("kasn", "bkn", "bawaslu_ikp", "bawaslu_cases", "news_articles", "news_facts", "news_fact_review"):
        assert dg.AssetKey(["ingest", source]) in upstream
    assert defs.resolve_schedule_def("nightly_refresh").cron_schedule == "0 2 * * *"
    assert defs.resolve_schedule_def("nightly_refresh").execution_timezone == "Asia/Jakarta"
    assert defs.resolve_sensor_def("landing_folder_sensor") is not None
    assert {j.name for j in defs.resolve_all_job_defs()} >= {"netra_refresh", "netra_publish"}
