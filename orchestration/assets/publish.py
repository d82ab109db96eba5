"""The `publish` asset: audit each mart, then publish those that passed and keep the last good version of the rest.

Write-audit-publish per mart: the mart suites run here, after the marts are built and before anything
is published, so their outcome is known when the gate (orchestration/gate.py) decides. Their results
are this asset's checks; a failed one marks its mart `stale` in `marts.publish_status`, not the run
as failed, and the refresh's summary names it with the reason.
"""

import dagster as dg

from ingest.settings import load_settings
from orchestration.checks import suite_check_spec, suite_result, suites_for
from orchestration.constants import DUCKDB_WRITER_POOL, OWNER, TRANSIENT_RETRY, no_retry_unless_transient
from orchestration.gate import holds
from orchestration.refresh_lock import RefreshLockResource
from serving.publish import publish

SERVING_KEY = dg.AssetKey(["serving", "serving_database"])
SERVING_MARTS = (
    "ikp_asn_neutrality",
    "sanction_funnel",
    "sanction_funnel_history",
    "neutrality_zone",
    "violation_categories",
    "bawaslu_case_summary",
    "news_facts",
    "news_fact_review",
    "news_vs_official",
    "dim_region",
    "dim_election",
    "dim_ikp_edition",
    "dim_agency",
    "ppk_followup",
    "ppk_overdue",
)
AUDITS = suites_for("marts")


@dg.asset(
    key=SERVING_KEY,
    deps=[dg.AssetKey(["marts", name]) for name in SERVING_MARTS],
    group_name="serving",
    description=(
        "serving.duckdb (the checked marts for BI tools), their Parquet exports and the HTML report, each "
        "replaced atomically. Each mart is audited here first; one that fails its audit, or whose sources "
        "or models failed a blocking check, keeps its last good version and is marked stale in "
        "marts.publish_status."
    ),
    kinds={"duckdb"},
    pool=DUCKDB_WRITER_POOL,
    retry_policy=TRANSIENT_RETRY,
    check_specs=[suite_check_spec(spec, SERVING_KEY) for spec in AUDITS],
    owners=[OWNER],
)
@no_retry_unless_transient
def serving_database(context: dg.AssetExecutionContext, refresh_lock: RefreshLockResource) -> dg.MaterializeResult:
    settings = load_settings()
    results = [suite_result(spec, None, SERVING_KEY) for spec in AUDITS]
    audits: dict[str, list[str]] = {}
    for spec, result in zip(AUDITS, results, strict=True):
        if not result.passed and result.severity == dg.AssetCheckSeverity.ERROR:
            audits.setdefault(spec.asset_key[1], []).append(f"audit {result.check_name} failed: {result.description}")
    from orchestration.definitions import defs  # the whole graph's lineage, whatever this run selected

    held = holds(defs.resolve_asset_graph(), context.instance, SERVING_MARTS, audits, settings.build_db)
    published = publish(
        settings.build_db, settings.serving_db, settings.exports_dir, settings.report_html, held, SERVING_MARTS
    )
    for status in published.held:
        context.log.warning(f"{status.mart} held back ({status.status}): {status.reason}")
    context.log.info(
        f"published {len(SERVING_MARTS) - len(published.held)} of {len(SERVING_MARTS)} marts to {published.path}"
    )
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(published.path)),
            "parquet_exports": dg.MetadataValue.path(str(published.exports)),
            "report": dg.MetadataValue.path(str(published.report)),
            "row_counts": published.row_counts,
            "held_back": dg.MetadataValue.md(
                "\n".join(f"- {s.mart} ({s.status}): {s.reason}" for s in published.held) or "none"
            ),
        },
        check_results=results,
    )
