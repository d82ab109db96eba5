"""The dbt project as Dagster assets, joined to the ingest assets through its sources."""

import datetime as dt
import json
import os
import shutil
import sys
from collections.abc import Mapping
from functools import cached_property
from importlib import metadata
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, DbtProject, dbt_assets
from packaging import version

from ingest.digests import files_digest
from ingest.settings import REPO_ROOT, load_settings
from ingest.warehouse import connect, last_dbt_fingerprint, record_dbt_build
from orchestration.backfill import rebuild_window
from orchestration.constants import DUCKDB_WRITER_POOL, OWNER
from orchestration.refresh_lock import RefreshLockResource

DBT_PROJECT_DIR = REPO_ROOT / "dbt_project"

# The manifest is built once at set-up (`make setup` runs `dbt parse`), not at every import:
# parsing costs 8-9 s, loading a ready manifest well under one.
dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)
dbt_project.prepare_if_dev()


class NetraTranslator(DagsterDbtTranslator):
    """Sources point at the ingest assets that write them; models group by their layer folder."""

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            return dg.AssetKey(dbt_resource_props["meta"]["dagster"]["asset_key"])
        return super().get_asset_key(dbt_resource_props)

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        fqn = dbt_resource_props.get("fqn", [])
        if dbt_resource_props["resource_type"] == "seed":
            return "reference"
        return fqn[1] if len(fqn) > 2 else None

    def get_owners(self, dbt_resource_props: Mapping[str, Any]) -> list[str]:
        return [OWNER]

    def get_asset_check_spec(self, asset_spec, manifest, unique_id, project) -> dg.AssetCheckSpec | None:
        """dbt tests as asset checks that never stop a step in Dagster, described in words.

        Whether a failing test holds a mart back is the publish gate's decision (orchestration/gate.py),
        per mart: a blocking check would skip the whole publish step, holding every mart back for one.
        """
        spec = super().get_asset_check_spec(asset_spec, manifest, unique_id, project)
        if spec is None:
            return None
        test = manifest["nodes"][unique_id]
        severity = (test.get("config", {}).get("severity") or "error").lower()
        return dg.AssetCheckSpec(
            name=spec.name,
            asset=spec.asset_key,
            description=spec.description or describe_test(test, severity),
            additional_deps=spec.additional_deps,
            metadata={**spec.metadata, "severity": severity},
            blocking=False,
        )


def describe_test(test: Mapping[str, Any], severity: str) -> str:
    """A dbt data test in words, for the Dagster UI: "dbt test (error): not_null on region_code"."""
    metadata = test.get("test_metadata") or {}
    kwargs = {k: v for k, v in (metadata.get("kwargs") or {}).items() if k not in ("model", "column_name")}
    column = test.get("column_name")
    arguments = ", ".join(f"{k}={v}" for k, v in kwargs.items())
    what = metadata.get("name") or test.get("name")
    return (
        f"dbt test ({severity}): {what}"
        + (f" on {column}" if column else "")
        + (f" ({arguments})" if arguments else "")
        + ("; a failure holds back the marts built from this model" if severity == "error" else "; a warning only")
    )


def dbt_executable() -> str:
    """dbt from this interpreter's environment, so neither PATH nor shell activation matters.

    `dagster dev` starts its code server with the resolved interpreter, whose directory is not the
    venv's bin/; `sys.prefix` still names the venv.
    """
    for folder in (Path(sys.prefix) / "bin", Path(sys.executable).parent):
        if (folder / "dbt").exists():
            return str(folder / "dbt")
    return shutil.which("dbt") or "dbt"


class DbtBuildConfig(dg.Config):
    """Run config of the dbt step: `full_refresh: true` rebuilds the incremental models from scratch."""

    full_refresh: bool = False


def dbt_build_args(full_refresh: bool, window: tuple[dt.date, dt.date] | None) -> list[str]:
    """The `dbt build` command line for seeds and models: a full refresh, or an incremental build that
    also redoes a window.

    Tests run after it, in their own invocation (`DBT_TEST_ARGS`): in one `dbt build`, a failing test
    skips every model downstream of it, and one bad source would leave every mart unbuilt. dbt's unit
    tests check the SQL, not the data, so the refresh leaves them to `make test`.
    """
    args = ["build", "--exclude-resource-type", "test", "--exclude-resource-type", "unit_test"]
    if full_refresh:
        args.append("--full-refresh")
    if window:
        args += ["--vars", json.dumps({"window_start": window[0].isoformat(), "window_end": window[1].isoformat()})]
    return args


DBT_TEST_ARGS = ["test", "--exclude-resource-type", "unit_test"]


def project_fingerprint(project_dir: Path = DBT_PROJECT_DIR) -> str:
    """A hash of the dbt project's SQL, YAML and seeds: when it changes, incremental tables were built
    by other logic or methodology (a new status alias reclassifies old snapshots), so they are rebuilt."""
    files = [
        path
        for folder in ("models", "macros", "seeds")
        for path in sorted((project_dir / folder).rglob("*"))
        if path.is_file()
    ]
    return files_digest(files, project_dir)


@dbt_assets(
    manifest=dbt_project.manifest_path,
    dagster_dbt_translator=NetraTranslator(),
    pool=DUCKDB_WRITER_POOL,
)
def netra_dbt(
    context: dg.AssetExecutionContext,
    dbt: DbtCliResource,
    config: DbtBuildConfig,
    refresh_lock: RefreshLockResource,
):
    """`dbt build`: seeds, models and their tests, in dependency order; incremental where models allow.

    A full refresh happens when asked for, and by itself when the project (models, macros or seeds)
    changed since the last successful build. No automatic retry here, unlike the ingest and publish
    steps: a dbt failure is nearly always a failing test or model, which a retry would only repeat.
    """
    settings = load_settings()
    # dbt's profile reads the build database path from the environment; make it absolute here so a
    # relative NETRA_WAREHOUSE_DIR cannot resolve against dbt's working directory instead.
    os.environ["NETRA_WAREHOUSE_DIR"] = str(settings.warehouse_dir)
    fingerprint = project_fingerprint()
    with connect(settings.build_db) as con:
        changed = last_dbt_fingerprint(con) != fingerprint
    full_refresh = config.full_refresh or changed
    if changed and not config.full_refresh:
        context.log.info("dbt project changed since the last build: rebuilding incremental models in full")
    args = dbt_build_args(full_refresh, rebuild_window(context.run.tags))
    build = dbt.cli(args, context=context)
    built = 0
    for event in build.stream():
        built += 1
        yield event
    with connect(settings.build_db) as con:
        record_dbt_build(con, fingerprint, full_refresh)
    # failing tests are reported as failed checks, not as a failed step: the publish gate holds back
    # the marts they concern and publishes the rest
    tests = dbt.cli(DBT_TEST_ARGS, context=context, raise_on_error=False)
    outcomes = []
    for event in tests.stream():
        if isinstance(event, dg.AssetCheckResult):
            outcomes.append(event.passed)
        yield event
    keep_partial_parse(Path(tests.target_path))
    context.log.info(
        f"dbt: {built} seeds and models built{' in full' if full_refresh else ''}; "
        f"{sum(outcomes)} of {len(outcomes)} tests passed"
    )
    prune_targets(DBT_PROJECT_DIR / "target")


def keep_partial_parse(run_target: Path) -> None:
    """Make this run's parse state the one the next run starts from.

    Each run starts from `target/partial_parse.msgpack`, written by `make setup`. dbt discards it when
    the profile differs (another NETRA_WAREHOUSE_DIR), and a full parse costs 8-9 s on every run; the
    state this run wrote matches the current profile, so later runs parse only what changed.
    """
    state = run_target / "partial_parse.msgpack"
    if state.exists():
        shared = DBT_PROJECT_DIR / "target" / "partial_parse.msgpack"
        staged = shared.with_suffix(".msgpack.new")
        shutil.copyfile(state, staged)
        os.replace(staged, shared)


# Each dagster-dbt invocation leaves a folder of artefacts (about 1 MB) under target/; the last few
# are kept for debugging a failed run, older ones are removed.
KEEP_TARGET_RUNS = 6


def prune_targets(target: Path, keep: int = KEEP_TARGET_RUNS) -> None:
    """Remove all but the newest `keep` per-invocation folders dagster-dbt leaves under target/."""
    runs = sorted((p for p in target.glob("netra_dbt-*") if p.is_dir()), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in runs[keep:]:
        shutil.rmtree(old, ignore_errors=True)


class NetraDbtCliResource(DbtCliResource):
    """dagster-dbt's CLI resource without two start-up costs that buy Netra nothing (7.4 s of a 37 s
    refresh, measured with cProfile): running `dbt --version` in a subprocess to learn the version of
    the dbt installed beside this interpreter, and loading dbt's adapter in this process, which only
    `fetch_row_counts` / `fetch_column_metadata` use (not used here; they also hold DuckDB open, see
    STACK.md). Both are private hooks of the dagster-dbt version pinned in uv.lock; the e2e tests run
    every dbt step through this class.
    """

    @cached_property
    def _cli_version(self) -> version.Version:
        return version.parse(metadata.version("dbt-core"))

    def _initialize_dbt_core_adapter(self, args):
        return None


dbt_resource = NetraDbtCliResource(project_dir=dbt_project, dbt_executable=dbt_executable())
