"""Ingest assets: one per landing folder, each loading its files into `raw.<source>` of netra.duckdb."""

import datetime as dt
from collections import Counter

import dagster as dg

from ingest.landing import check_landing, source_folder, strays
from ingest.loader import LANDING, NOT_LOADED, SourceReport, load_source, log_stray
from ingest.news.load import extract_facts_for, load_articles
from ingest.settings import load_settings
from ingest.sources import NEWS_SOURCE, SOURCES, Source
from ingest.warehouse import connect
from orchestration.backfill import rebuild_window
from orchestration.checks import suite_check_spec, suite_result, suites_for
from orchestration.constants import (
    DUCKDB_WRITER_POOL,
    INGEST_GROUP,
    OWNER,
    TRANSIENT_RETRY,
    no_retry_unless_transient,
)
from orchestration.refresh_lock import RefreshLockResource


def _report_metadata(report: SourceReport) -> dict:
    return {
        # what this run did, for the run's summary (orchestration/summary.py)
        "files_by_status": dict(Counter(f.status for f in report.files)),
        "problems": [
            f"{report.source}/{f.file_name}: {f.status}: {(f.message or '').removeprefix(f.file_name + ': ')}"
            for f in report.with_status(*NOT_LOADED)
        ],
        "warnings": [f"{report.source}/{f.file_name}: {w}" for f in report.files for w in f.warnings],
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


@dg.asset(
    key=[INGEST_GROUP, "landing_folder"],
    group_name=INGEST_GROUP,
    description=(
        "The landing folder ($NETRA_LANDING_DIR) itself: fails, naming the folder and what belongs in it, when "
        "it is missing or empty, and logs entries that belong to no source folder."
    ),
    kinds={"python"},
    owners=[OWNER],
)
def landing_folder(context: dg.AssetExecutionContext, refresh_lock: RefreshLockResource) -> dg.MaterializeResult:
    settings = load_settings()
    folders = {name: source.description for name, source in SOURCES.items()}
    folders[NEWS_SOURCE] = "news articles: .txt, .html or .jsonl"
    check_landing(settings.landing_dir, folders)
    report = SourceReport(LANDING.name)
    with connect(settings.build_db) as con:
        report.files = [log_stray(con, entry) for entry in strays(settings.landing_dir, (*SOURCES, NEWS_SOURCE))]
    for refused in report.files:
        context.log.warning(refused.message)
    return dg.MaterializeResult(
        metadata={"path": dg.MetadataValue.path(str(settings.landing_dir)), **_report_metadata(report)}
    )


def _tabular_asset(source: Source) -> dg.AssetsDefinition:
    key = dg.AssetKey([INGEST_GROUP, source.name])
    # the raw suites validate the rows this step loaded, in this step, so their outcome is known
    # before anything downstream runs
    suites = [spec for spec in suites_for(INGEST_GROUP) if spec.asset_key == tuple(key.path)]

    @dg.asset(
        key=key,
        group_name=INGEST_GROUP,
        description=f"{source.description}. Files from $NETRA_LANDING_DIR/{source.name}/ into {source.raw_table}.",
        kinds={"python", "duckdb"},
        pool=DUCKDB_WRITER_POOL,
        retry_policy=TRANSIENT_RETRY,
        check_specs=[suite_check_spec(spec, key) for spec in suites],
        owners=[OWNER],
        deps=[landing_folder],
    )
    @no_retry_unless_transient
    def _ingest(context: dg.AssetExecutionContext, refresh_lock: RefreshLockResource) -> dg.MaterializeResult:
        started = dt.datetime.now()
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
        return dg.MaterializeResult(
            metadata=_report_metadata(report),
            check_results=[suite_result(spec, started) for spec in suites],
        )

    return _ingest


@dg.asset(
    key=[INGEST_GROUP, "news_articles"],
    group_name=INGEST_GROUP,
    description="Articles from $NETRA_LANDING_DIR/news/ (txt, html, jsonl), page furniture removed.",
    kinds={"python", "duckdb"},
    pool=DUCKDB_WRITER_POOL,
    retry_policy=TRANSIENT_RETRY,
    owners=[OWNER],
    deps=[landing_folder],
)
@no_retry_unless_transient
def news_articles(context: dg.AssetExecutionContext, refresh_lock: RefreshLockResource) -> dg.MaterializeResult:
    settings = load_settings()
    with connect(settings.build_db) as con:
        report = load_articles(con, source_folder(settings.landing_dir, NEWS_SOURCE), context.log.info)
    context.log.info(report.summary())
    return dg.MaterializeResult(metadata=_report_metadata(report))


NEWS_FACTS_KEY = dg.AssetKey([INGEST_GROUP, "news_facts"])
NEWS_REVIEW_KEY = dg.AssetKey([INGEST_GROUP, "news_fact_review"])


@dg.multi_asset(
    name="ingest__news_facts",  # the step reads as ingest/news_facts, as the other ingest steps do
    specs=[
        dg.AssetSpec(
            NEWS_FACTS_KEY,
            deps=[news_articles],
            group_name=INGEST_GROUP,
            description=(
                "ASN-neutrality facts extracted from the articles, each with its evidence sentence: the candidates "
                "the extractor is sure of. A nightly run extracts only articles not yet extracted by this extractor "
                "version; a backfill (a run tagged netra/backfill_from and netra/backfill_to, as `make backfill` "
                "starts it) re-extracts every article of those days: published on them, or, undated, first loaded "
                "on them."
            ),
            kinds={"python", "duckdb"},
            owners=[OWNER],
        ),
        dg.AssetSpec(
            NEWS_REVIEW_KEY,
            deps=[news_articles],
            group_name=INGEST_GROUP,
            description=(
                "The candidates the extractor is unsure of, with their confidence and the reasons, held in "
                "raw.news_fact_review for a person to confirm; extracted in the same pass as the facts."
            ),
            kinds={"python", "duckdb"},
            owners=[OWNER],
        ),
    ],
    pool=DUCKDB_WRITER_POOL,
    retry_policy=TRANSIENT_RETRY,
)
@no_retry_unless_transient
def news_facts(context: dg.AssetExecutionContext, refresh_lock: RefreshLockResource):
    window = rebuild_window(context.run.tags)
    settings = load_settings()
    with connect(settings.build_db) as con:
        extraction = extract_facts_for(con, window)
    context.log.info(
        f"news_facts: {extraction.articles} article(s) over {len(extraction.days)} day(s) extracted, "
        f"{len(extraction.facts)} fact(s), {len(extraction.review)} held for review"
    )
    days = {
        "articles_extracted": extraction.articles,
        "days": len(extraction.days),
        "first_day": extraction.days[0] if extraction.days else "",
        "last_day": extraction.days[-1] if extraction.days else "",
    }
    yield dg.MaterializeResult(
        asset_key=NEWS_FACTS_KEY,
        metadata={
            **days,
            "facts": len(extraction.facts),
            "facts_by_metric": dict(Counter(f.metric for f in extraction.facts)),
        },
    )
    yield dg.MaterializeResult(
        asset_key=NEWS_REVIEW_KEY,
        metadata={
            **days,
            "held_for_review": len(extraction.review),
            "held_by_metric": dict(Counter(c.fact.metric for c in extraction.review)),
        },
    )


ingest_assets = [landing_folder, *(_tabular_asset(source) for source in SOURCES.values())] + [
    news_articles,
    news_facts,
]
