"""Run a suite against a DataFrame, write its HTML report, and summarise the result for people and Dagster."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from quality.html_report import outcome_from, write_report
from quality.suites import Facts, SuiteSpec

FAILING_ROWS_SHOWN = 5


@dataclass
class Outcome:
    success: bool
    evaluated: int
    failures: list[str] = field(default_factory=list)
    failing_rows: list[dict] = field(default_factory=list)
    report: Path | None = None


def validate(frame: pd.DataFrame, spec: SuiteSpec, facts: Facts, report_dir: Path | None = None) -> Outcome:
    """Validate `frame` in a throw-away (ephemeral) GE context; with `report_dir`, also write the suite's
    page there and refresh the index of all suites (quality/html_report.py, not GE's Data Docs)."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    batch_definition = (
        context.data_sources.add_pandas(name="netra")
        .add_dataframe_asset(name=spec.name)
        .add_batch_definition_whole_dataframe("whole")
    )
    suite = context.suites.add(gx.ExpectationSuite(name=spec.name, expectations=spec.expectations(facts)))
    definition = context.validation_definitions.add(
        gx.ValidationDefinition(name=spec.name, data=batch_definition, suite=suite)
    )
    checkpoint = context.checkpoints.add(
        gx.Checkpoint(
            name=spec.name,
            validation_definitions=[definition],
            result_format={"result_format": "COMPLETE"},
        )
    )
    result = next(iter(checkpoint.run(batch_parameters={"dataframe": frame}).run_results.values()))
    failed = [r for r in result.results if not r.success]
    report = None
    if report_dir is not None:
        report = write_report(report_dir, outcome_from(result, spec.name, spec.description, spec.severity, len(frame)))
    return Outcome(
        success=result.success,
        evaluated=len(result.results),
        failures=[_describe(r) for r in failed],
        failing_rows=_failing_rows(frame, failed),
        report=report,
    )


def _describe(expectation_result) -> str:
    config = expectation_result.expectation_config
    kwargs = {k: v for k, v in config.kwargs.items() if k not in ("batch_id",)}
    details = expectation_result.result or {}
    sample = details.get("partial_unexpected_list") or []
    text = f"{config.type}({kwargs}) failed"
    if "unexpected_count" in details:
        text += f": {details['unexpected_count']} unexpected"
    elif "observed_value" in details:
        text += f": observed {details['observed_value']}"
    if sample:
        text += f", e.g. {sample[:FAILING_ROWS_SHOWN]}"
    info = expectation_result.exception_info or {}
    if info.get("raised_exception"):
        text += f" (error: {info.get('exception_message')})"
    return text


def _failing_rows(frame: pd.DataFrame, failed) -> list[dict]:
    """Up to a few whole rows that broke a row-level expectation, for the Dagster UI."""
    indexes: list = []
    for expectation_result in failed:
        indexes += (expectation_result.result or {}).get("partial_unexpected_index_list") or []
    rows = frame.loc[[i for i in dict.fromkeys(indexes) if i in frame.index][:FAILING_ROWS_SHOWN]]
    return rows.astype(str).to_dict(orient="records")
