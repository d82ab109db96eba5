"""The dbt project as Dagster assets, joined to the ingest assets through its sources."""

import os
import shutil
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, DbtProject, dbt_assets

from ingest.settings import REPO_ROOT, load_settings
from orchestration.constants import DUCKDB_WRITER_POOL

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


def dbt_executable() -> str:
    """dbt from this interpreter's environment, so neither PATH nor shell activation matters.

    `dagster dev` starts its code server with the resolved interpreter, whose directory is not the
    venv's bin/; `sys.prefix` still names the venv.
    """
    for folder in (Path(sys.prefix) / "bin", Path(sys.executable).parent):
        if (folder / "dbt").exists():
            return str(folder / "dbt")
    return shutil.which("dbt") or "dbt"


@dbt_assets(
    manifest=dbt_project.manifest_path,
    dagster_dbt_translator=NetraTranslator(),
    pool=DUCKDB_WRITER_POOL,
)
def netra_dbt(context: dg.AssetExecutionContext, dbt: DbtCliResource):
    """`dbt build`: seeds, models and their tests, in dependency order.

    No automatic retry here, unlike the ingest and publish steps: a dbt failure is nearly always a
    failing test or model, which a retry would only repeat.
    """
    # dbt's profile reads the build database path from the environment; make it absolute here so a
    # relative NETRA_WAREHOUSE_DIR cannot resolve against dbt's working directory instead.
    os.environ["NETRA_WAREHOUSE_DIR"] = str(load_settings().warehouse_dir)
    yield from dbt.cli(["build"], context=context).stream()


dbt_resource = DbtCliResource(project_dir=dbt_project, dbt_executable=dbt_executable())
