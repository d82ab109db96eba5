"""Ingest assets: one per landing folder, each loading its files into `raw.<source>` of netra.duckdb."""

import dagster as dg

from ingest.landing import source_folder
from ingest.loader import NOT_LOADED, SourceReport, load_source
from ingest.news.load import extract_facts_for, load_articles
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
        "files_not_loaded": [f.file_name for f in report.with_status(*NOT_LOADED)],
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
                source_folder(settings.landing_dir, source.name),
                settings.pii_salt(),
                context.log.info,
            )
        for failed in report.with_status(*NOT_LOADED):
            context.log.warning(f"{failed.status}: {failed.message}")
        context.log.info(report.summary())
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
        report = load_articles(con, source_folder(settings.landing_dir, NEWS_SOURCE), context.log.info)
    context.log.info(report.summary())
    return dg.MaterializeResult(metadata=_report_metadata(report))


# Facts are partitioned by the article's day: its publication date, or for an undated article the day
# it was first loaded. Dates before the first election in the reference data have no partition.
NEWS_PARTITIONS = dg.DailyPartitionsDefinition(start_date="2017-01-01", end_offset=1)


@dg.asset(
    key=[INGEST_GROUP, "news_facts"],
    deps=[news_articles],
    group_name=INGEST_GROUP,
    description=(
        "ASN-neutrality facts extracted from the articles, each with its evidence sentence. Partitioned by "
        "the article's day. The nightly (unpartitioned) run extracts only articles not yet extracted by this "
        "extractor version and records the days it touched; a backfill of a range of days re-extracts every "
        "article in it, in one run."
    ),
    kinds={"python", "duckdb"},
    partitions_def=NEWS_PARTITIONS,
    backfill_policy=dg.BackfillPolicy.single_run(),
    pool=DUCKDB_WRITER_POOL,
    retry_policy=TRANSIENT_RETRY,
)
def news_facts(context: dg.AssetExecutionContext):
    window = None
    if context.has_partition_key or context.has_partition_key_range:
        time_window = context.partition_time_window
        window = (time_window.start.date(), time_window.end.date())
    settings = load_settings()
    with connect(settings.build_db) as con:
        extraction = extract_facts_for(con, window)
    by_metric: dict[str, int] = {}
    for fact in extraction.facts:
        by_metric[fact.metric] = by_metric.get(fact.metric, 0) + 1
    context.log.info(
        f"news_facts: {extraction.articles} article(s) over {len(extraction.days)} day(s) extracted, "
        f"{len(extraction.facts)} fact(s)"
    )
    if window is None:
        # a run without a partition still shows, per day, which partitions now hold current facts
        for day in extraction.days:
            if NEWS_PARTITIONS.has_partition_key(day):
                yield dg.AssetMaterialization(asset_key=context.asset_key, partition=day)
    yield dg.MaterializeResult(
        metadata={
            "articles_extracted": extraction.articles,
            "days": len(extraction.days),
            "facts": len(extraction.facts),
            "facts_by_metric": by_metric,
        }
    )


ingest_assets = [_tabular_asset(source) for source in SOURCES.values()] + [
    news_articles,
    news_facts,
]
