"""Ingest assets: one per landing folder, each loading its files into `raw.<source>` of netra.duckdb."""

import dagster as dg

from ingest.loader import SourceReport, load_source
from ingest.news.load import extract_all, load_articles
from ingest.settings import load_settings
from ingest.sources import NEWS_SOURCE, SOURCES, Source
from ingest.warehouse import connect
from orchestration.constants import DUCKDB_WRITER_POOL, INGEST_GROUP, TRANSIENT_RETRY


def _report_metadata(report: SourceReport) -> dict:
    return {
        "files": dg.MetadataValue.md(
            "| file | status | read | loaded | quarantined | note |\n|---|---|---|---|---|---|\n"
            + "\n".join(
                f"| {f.file_name} | {f.status} | {f.rows_read} | {f.rows_loaded} | "
                f"{f.rows_quarantined} | {(f.message or '').replace('|', '/')} |"
                for f in report.files
            )
        ),
        "files_seen": len(report.files),
        "rows_loaded": report.total("rows_loaded"),
        "rows_quarantined": report.total("rows_quarantined"),
        "files_not_loaded": [f.file_name for f in report.with_status("rejected", "unreadable", "failed")],
    }


def _tabular_asset(source: Source) -> dg.AssetsDefinition:
    @dg.asset(
        key=[INGEST_GROUP, source.name],
        group_name=INGEST_GROUP,
        description=f"{source.description}. Files from $NETRA_LANDING_DIR/{source.name}/ into {source.raw_table}.",
        kinds={"python", "duckdb"},
        pool=DUCKDB_WRITER_POOL,
        retry_policy=TRANSIENT_RETRY,
    )
    def _ingest(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
        settings = load_settings()
        with connect(settings.build_db) as con:
            report = load_source(
                con,
                source,
                settings.landing_dir / source.name,
                settings.pii_salt(),
                context.log.info,
            )
        for failed in report.with_status("rejected", "unreadable", "failed"):
            context.log.warning(f"{failed.status}: {failed.message}")
        return dg.MaterializeResult(metadata=_report_metadata(report))

    return _ingest


@dg.asset(
    key=[INGEST_GROUP, "news_articles"],
    group_name=INGEST_GROUP,
    description="Articles from $NETRA_LANDING_DIR/news/ (txt, html, jsonl), page furniture removed.",
    kinds={"python", "duckdb"},
    pool=DUCKDB_WRITER_POOL,
    retry_policy=TRANSIENT_RETRY,
)
def news_articles(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    settings = load_settings()
    with connect(settings.build_db) as con:
        report = load_articles(con, settings.landing_dir / NEWS_SOURCE, context.log.info)
    return dg.MaterializeResult(metadata=_report_metadata(report))


@dg.asset(
    key=[INGEST_GROUP, "news_facts"],
    deps=[news_articles],
    group_name=INGEST_GROUP,
    description="ASN-neutrality facts extracted from the articles, each with its evidence sentence.",
    kinds={"python", "duckdb"},
    pool=DUCKDB_WRITER_POOL,
    retry_policy=TRANSIENT_RETRY,
)
def news_facts(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    settings = load_settings()
    with connect(settings.build_db) as con:
        facts = extract_all(con)
    by_metric: dict[str, int] = {}
    for fact in facts:
        by_metric[fact.metric] = by_metric.get(fact.metric, 0) + 1
    return dg.MaterializeResult(metadata={"facts": len(facts), "facts_by_metric": by_metric})


ingest_assets = [_tabular_asset(source) for source in SOURCES.values()] + [
    news_articles,
    news_facts,
]
