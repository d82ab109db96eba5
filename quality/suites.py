"""The expectation suites, one per validated table. Each names the table it reads."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import great_expectations.expectations as gxe


@dataclass(frozen=True)
class SuiteSpec:
    name: str
    table: str  # schema.table in netra.duckdb
    expectations: Callable[[], list]  # built lazily: GE is slow to import and only checks need it


def _sanction_funnel() -> list:
    return [
        *[gxe.ExpectColumnValuesToNotBeNull(column=c) for c in ("election_id", "region_code", "as_of_date")],
        gxe.ExpectCompoundColumnsToBeUnique(column_list=["election_id", "region_code"]),
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(column_A="asn_reported", column_B="asn_recommended", or_equal=True),
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="asn_recommended", column_B="asn_followed_up", or_equal=True
        ),
        gxe.ExpectColumnValuesToBeBetween(column="followup_rate", min_value=0, max_value=1),
        gxe.ExpectColumnValuesToBeBetween(column="asn_awaiting_ppk", min_value=0),
    ]


def _ikp() -> list:
    return [
        *[gxe.ExpectColumnValuesToNotBeNull(column=c) for c in ("edition_id", "region_code", "approach", "score")],
        gxe.ExpectCompoundColumnsToBeUnique(column_list=["edition_id", "region_code", "approach"]),
        gxe.ExpectColumnValuesToBeBetween(column="score", min_value=0, max_value=100),
        gxe.ExpectColumnValuesToBeInSet(column="category", value_set=["rendah", "sedang", "tinggi"]),
    ]


SUITES = {
    s.name: s
    for s in (
        SuiteSpec("sanction_funnel", "marts.sanction_funnel", _sanction_funnel),
        SuiteSpec("ikp_asn_neutrality", "marts.ikp_asn_neutrality", _ikp),
    )
}
