"""Asset checks: Great Expectations suites on every layer, and the quarantine share of each source.

Error-level suites gate publishing per mart (orchestration/gate.py): a failure holds back the marts
built from the failing data and publishes the rest. Warn-level suites report without holding back.
"""

import datetime as dt
from zoneinfo import ZoneInfo

import dagster as dg
import duckdb

from ingest.news.consistency import inconsistencies
from ingest.news.extract import Fact
from ingest.settings import load_settings
from ingest.sources import SOURCES, Source
from orchestration.constants import INGEST_GROUP
from quality.facts import WarehouseFacts
from quality.suites import SUITES, SuiteSpec
from quality.validate import validate

JAKARTA = ZoneInfo("Asia/Jakarta")


def _query(sql: str, params: list | None = None) -> list[tuple]:
    """Rows from the build database, opened read-only for just this query (checks never write)."""
    with duckdb.connect(str(load_settings().build_db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def _markdown_table(rows: list[dict]) -> str:
    if not rows:
        return "none"
    header = list(rows[0])
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(r[h]).replace("|", "/") for h in header) + " |" for r in rows]
    return "\n".join(lines)


def run_started_at(context: dg.AssetCheckExecutionContext) -> dt.datetime:
    """When this run started, in the local time the loaders stamp rows with (`_loaded_at`)."""
    record = context.instance.get_run_record_by_id(context.run.run_id)
    started = record.start_time if record and record.start_time else None
    return dt.datetime.fromtimestamp(started) if started else dt.datetime.min


def suite_result(
    spec: SuiteSpec,
    since: dt.datetime | None,
    asset_key: dg.AssetKey | None = None,
    check_name: str | None = None,
) -> dg.AssetCheckResult:
    """Validate one suite against the build database and say so as a Dagster check result.

    `since` is when the rows a raw or staging suite checks started arriving (the run's or step's start).
    """
    settings = load_settings()
    params = [since or dt.datetime.min] if spec.new_rows_only else []
    with duckdb.connect(str(settings.build_db), read_only=True) as con:
        frame = con.execute(spec.query, params).df()
    outcome = validate(frame, spec, WarehouseFacts(settings.serving_db), settings.quality_dir)
    return dg.AssetCheckResult(
        asset_key=asset_key,
        check_name=check_name or suite_check_name(spec),
        passed=outcome.success,
        severity=dg.AssetCheckSeverity.ERROR if spec.severity == "error" else dg.AssetCheckSeverity.WARN,
        description=None if outcome.success else "; ".join(outcome.failures),
        metadata={
            "rows": len(frame),
            "expectations": outcome.evaluated,
            "failed_expectations": dg.MetadataValue.md("\n".join(f"- {f}" for f in outcome.failures) or "none"),
            "failing_rows_sample": dg.MetadataValue.md(_markdown_table(outcome.failing_rows)),
            "report": dg.MetadataValue.path(str(outcome.report)),
        },
    )


def suite_check_name(spec: SuiteSpec) -> str:
    return f"ge_{spec.name}"


def suite_check_spec(spec: SuiteSpec, asset_key: dg.AssetKey) -> dg.AssetCheckSpec:
    """A suite run inside the step that writes its data (raw suites) or publishes it (mart audits).

    Never blocking in Dagster's sense: the publish gate decides, per mart, what a failure holds back.
    """
    return dg.AssetCheckSpec(
        suite_check_name(spec),
        asset=asset_key,
        description=f"Great Expectations suite '{spec.name}' ({spec.severity}): {spec.description}",
    )


def suites_for(layer: str) -> list[SuiteSpec]:
    """The suites on one layer's assets: ingest (raw), staging or marts."""
    return [spec for spec in SUITES.values() if spec.asset_key[0] == layer]


def _staging_check(spec: SuiteSpec) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=dg.AssetKey(list(spec.asset_key)),
        name=suite_check_name(spec),
        description=f"Great Expectations suite '{spec.name}' ({spec.severity}): {spec.description}",
    )
    def _check(context: dg.AssetCheckExecutionContext) -> dg.AssetCheckResult:
        return suite_result(spec, run_started_at(context))

    return _check


# Staging suites are warnings, run as checks of their own; raw suites run in the ingest step and mart
# suites in the publish step (see suite_check_spec).
ge_checks = [_staging_check(spec) for spec in suites_for("staging")]


def _quarantine_share_check(source: Source) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=dg.AssetKey([INGEST_GROUP, source.name]),
        name="quarantine_share",
        description=(
            f"Warns when more than {source.max_quarantine_share:.0%} of the rows in the loaded "
            f"{source.name} files are quarantined (see ops.quarantine for the reasons)."
        ),
    )
    def _check() -> dg.AssetCheckResult:
        per_file = _query(
            "SELECT file_name, rows_read, rows_quarantined FROM ops.load_log "
            "WHERE source = ? AND status = 'loaded' ORDER BY file_name",
            [source.name],
        )
        read = sum(r for _, r, _ in per_file)
        quarantined = sum(q for _, _, q in per_file)
        share = quarantined / read if read else 0.0
        worst = max(per_file, key=lambda f: f[2] / f[1] if f[1] else 0, default=None)
        return dg.AssetCheckResult(
            passed=share <= source.max_quarantine_share,
            severity=dg.AssetCheckSeverity.WARN,
            description=f"{quarantined} of {read} rows quarantined ({share:.1%})",
            metadata={
                "quarantine_share": share,
                "threshold": source.max_quarantine_share,
                "rows_read": read,
                "rows_quarantined": quarantined,
                "worst_file": worst[0] if worst else "",
            },
        )

    return _check


quarantine_checks = [_quarantine_share_check(source) for source in SOURCES.values()]


def _freshness_check(source: Source) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=dg.AssetKey([INGEST_GROUP, source.name]),
        name="export_freshness",
        description=(
            f"Warns when the newest {source.name} export is more than {source.max_export_age_days} days old "
            "(its snapshot date, or for IKP the day its file was loaded)."
        ),
    )
    def _check() -> dg.AssetCheckResult:
        [(newest,)] = _query(
            "SELECT max(coalesce(snapshot_date, CAST(loaded_at AS DATE))) FROM ops.load_log "
            "WHERE source = ? AND status = 'loaded'",
            [source.name],
        )
        today = dt.datetime.now(JAKARTA).date()
        if newest is None:
            return dg.AssetCheckResult(
                passed=False, severity=dg.AssetCheckSeverity.WARN, description=f"no {source.name} export loaded yet"
            )
        age = (today - newest).days
        return dg.AssetCheckResult(
            passed=age <= source.max_export_age_days,
            severity=dg.AssetCheckSeverity.WARN,
            description=f"newest {source.name} export is from {newest} ({age} days old)",
            metadata={"newest_export": str(newest), "age_days": age, "max_age_days": source.max_export_age_days},
        )

    return _check


freshness_checks = [_freshness_check(source) for source in SOURCES.values()]


@dg.asset_check(
    asset=dg.AssetKey([INGEST_GROUP, "news_facts"]),
    name="articles_add_up",
    description="Warns about articles whose own figures do not add up (a total unlike the sum of its parts).",
)
def articles_add_up() -> dg.AssetCheckResult:
    rows = _query(
        "SELECT article_id, metric, region_code, value, value_text, evidence, CAST(as_of_date AS VARCHAR), "
        "election_id FROM raw.news_facts"
    )
    problems = inconsistencies(Fact(*row) for row in rows)
    return dg.AssetCheckResult(
        passed=not problems,
        severity=dg.AssetCheckSeverity.WARN,
        description=f"{len(problems)} article(s) whose figures do not add up" if problems else None,
        metadata={
            "articles_checked": len({r[0] for r in rows}),
            "inconsistent_articles": dg.MetadataValue.md(
                "\n".join(f"- {a}: {'; '.join(p)}" for a, p in sorted(problems.items())) or "none"
            ),
        },
    )
