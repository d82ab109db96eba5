"""Run a suite against a DataFrame and summarise the result for people and for Dagster metadata."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import pandas as pd

from quality.suites import SuiteSpec

FAILING_ROWS_SHOWN = 5


@dataclass
class Outcome:
    success: bool
    evaluated: int
    failures: list[str] = field(default_factory=list)


def validate(frame: pd.DataFrame, spec: SuiteSpec) -> Outcome:
    """Validate `frame` with the suite in a throw-away (ephemeral) GE context."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx

    context = gx.get_context(mode="ephemeral")
    batch = (
        context.data_sources.add_pandas(name="netra")
        .add_dataframe_asset(name=spec.name)
        .add_batch_definition_whole_dataframe("whole")
        .get_batch(batch_parameters={"dataframe": frame})
    )
    suite = context.suites.add(gx.ExpectationSuite(name=spec.name, expectations=spec.expectations()))
    result = batch.validate(suite, result_format={"result_format": "COMPLETE"})
    failures = [_describe(r) for r in result.results if not r.success]
    return Outcome(success=result.success, evaluated=len(result.results), failures=failures)


def _describe(expectation_result) -> str:
    config = expectation_result.expectation_config
    kwargs = {k: v for k, v in config.kwargs.items() if k not in ("batch_id",)}
    details = expectation_result.result or {}
    sample = details.get("partial_unexpected_list") or details.get("unexpected_list") or []
    text = f"{config.type}({kwargs}) failed"
    if "unexpected_count" in details:
        text += f": {details['unexpected_count']} unexpected"
    if sample:
        text += f", e.g. {sample[:FAILING_ROWS_SHOWN]}"
    if expectation_result.exception_info and expectation_result.exception_info.get("raised_exception"):
        text += f" (error: {expectation_result.exception_info.get('exception_message')})"
    return text
