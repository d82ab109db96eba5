"""The `publish` asset: runs only after every blocking check on the marts has passed."""

import dagster as dg

from ingest.settings import load_settings
from orchestration.constants import DUCKDB_WRITER_POOL, TRANSIENT_RETRY
from serving.publish import publish

SERVING_MARTS = (
    "ikp_asn_neutrality",
    "sanction_funnel",
    "sanction_funnel_history",
    "neutrality_zone",
    "violation_categories",
    "bawaslu_case_summary",
    "news_facts",
    "news_vs_official",
    "dim_region",
    "dim_agency",
    "ppk_followup",
    "ppk_overdue",
)


@dg.asset(
    key=["serving", "serving_database"],
    deps=[dg.AssetKey(["marts", name]) for name in SERVING_MARTS],
    group_name="serving",
    description=(
        "serving.duckdb (the checked marts for BI tools), their Parquet exports and the HTML report, "
        "each replaced atomically."
    ),
    kinds={"duckdb"},
    pool=DUCKDB_WRITER_POOL,
    retry_policy=TRANSIENT_RETRY,
)
def serving_database(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    settings = load_settings()
    published = publish(settings.build_db, settings.serving_db, settings.exports_dir, settings.report_html)
    context.log.info(f"published {len(published.row_counts)} marts to {published.path}")
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(published.path)),
            "parquet_exports": dg.MetadataValue.path(str(published.exports)),
            "report": dg.MetadataValue.path(str(published.report)),
            "row_counts": published.row_counts,
        }
    )
