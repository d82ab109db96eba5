"""Great Expectations suites as blocking asset checks on the marts: a failure stops `publish`."""

import dagster as dg
import duckdb

from ingest.settings import load_settings
from quality.suites import SUITES, SuiteSpec
from quality.validate import validate


def _ge_check(spec: SuiteSpec) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=dg.AssetKey(spec.table.split(".")),
        name=f"ge_{spec.name}",
        description=f"Great Expectations suite '{spec.name}' on {spec.table}.",
        blocking=True,
    )
    def _check() -> dg.AssetCheckResult:
        with duckdb.connect(str(load_settings().build_db), read_only=True) as con:
            frame = con.execute(f"SELECT * FROM {spec.table}").df()
        outcome = validate(frame, spec)
        return dg.AssetCheckResult(
            passed=outcome.success,
            severity=dg.AssetCheckSeverity.ERROR,
            description=None if outcome.success else "; ".join(outcome.failures),
            metadata={
                "rows": len(frame),
                "expectations": outcome.evaluated,
                "failed_expectations": dg.MetadataValue.md("\n".join(f"- {f}" for f in outcome.failures) or "none"),
            },
        )

    return _check


ge_checks = [_ge_check(spec) for spec in SUITES.values()]
