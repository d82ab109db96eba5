"""The publish gate: which marts may be published, judged per mart.

A mart is held back when a blocking check failed on it or on anything it is built from: a raw suite
on a source it reads, a dbt test on a model upstream of it, or its own audit. Lineage comes from the
asset graph, check outcomes from the Dagster instance (the latest evaluation of each check, so a
publish-only run judges by the last refresh's checks). The reason names the root cause in words a
data steward acts on: when rows of a source were quarantined, that comes first, with the commonest
quarantine reason, since an empty or shrunken mart usually starts there.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import dagster as dg
import duckdb
from dagster._core.storage.asset_check_execution_record import AssetCheckExecutionRecordStatus

from orchestration.constants import INGEST_GROUP

_EVALUATED = {AssetCheckExecutionRecordStatus.SUCCEEDED, AssetCheckExecutionRecordStatus.FAILED}


def failed_blocking_checks(graph, instance: dg.DagsterInstance, check_keys: Iterable[dg.AssetCheckKey]) -> dict:
    """The checks whose latest evaluation failed at ERROR severity, with what failed in words (the
    evaluation's own description, or the check's, as dbt tests report no description of their own)."""
    failed = {}
    for key in check_keys:
        history = instance.event_log_storage.get_asset_check_execution_history(key, limit=1, status=_EVALUATED)
        if not history or history[0].event is None:
            continue
        evaluation = history[0].event.dagster_event.event_specific_data
        if not evaluation.passed and evaluation.severity == dg.AssetCheckSeverity.ERROR:
            failed[key] = (evaluation.description or graph.get(key).description or "failed").strip()
    return failed


def holds(
    graph,
    instance: dg.DagsterInstance,
    marts: Iterable[str],
    audits: Mapping[str, list[str]],
    build_db: Path,
) -> dict[str, str]:
    """mart -> why it is held back, for the marts that may not be published."""
    upstream = {mart: graph.get_ancestor_asset_keys(dg.AssetKey(["marts", mart]), include_self=True) for mart in marts}
    relevant = {k for k in graph.asset_check_keys if any(k.asset_key in keys for keys in upstream.values())}
    failed = failed_blocking_checks(graph, instance, relevant)
    problems = {
        mart: [f"{k.asset_key.to_user_string()}:{k.name} failed: {d}" for k, d in failed.items() if k.asset_key in keys]
        + audits.get(mart, [])
        for mart, keys in upstream.items()
    }
    sources = {
        mart: sorted(k.path[1] for k in upstream[mart] if len(k.path) == 2 and k.path[0] == INGEST_GROUP)
        for mart, found in problems.items()
        if found
    }
    causes = quarantine_causes(build_db, sorted({s for names in sources.values() for s in names}))
    return {
        mart: "; ".join([*(c for source in names for c in causes.get(source, [])), *problems[mart]])
        for mart, names in sources.items()
    }


def quarantine_causes(build_db: Path, sources: list[str]) -> dict[str, list[str]]:
    """Per source with quarantined rows or files not loaded: how many, and the commonest reason."""
    if not sources or not build_db.exists():
        return {}
    causes: dict[str, list[str]] = {}
    with duckdb.connect(str(build_db), read_only=True) as con:
        for source in sources:
            read, quarantined = con.execute(
                "SELECT coalesce(sum(rows_read), 0), coalesce(sum(rows_quarantined), 0) FROM ops.load_log "
                "WHERE source = ? AND status = 'loaded'",
                [source],
            ).fetchone()
            if quarantined:
                reason, count = con.execute(
                    "SELECT reason, count(*) FROM ops.quarantine WHERE source = ? GROUP BY reason "
                    "ORDER BY count(*) DESC, reason LIMIT 1",
                    [source],
                ).fetchone()
                causes.setdefault(source, []).append(
                    f"{quarantined} of {read} {source} rows quarantined, {count} for: {reason}"
                )
            refused = con.execute(
                "SELECT count(*) FROM ops.load_log WHERE source = ? AND status IN ('rejected', 'unreadable', 'failed')",
                [source],
            ).fetchone()[0]
            if refused:
                causes.setdefault(source, []).append(f"{refused} {source} file(s) not loaded (see ops.load_log)")
    return causes
