"""The expectation suites for the raw, staging and serving layers, defined in code and versioned with it.

Each suite names the Dagster asset it checks, the SQL that reads its data from netra.duckdb, and its
severity: `error` suites are blocking (a failure stops `publish`), `warn` suites report without
stopping. A suite may ask for facts about the warehouse (the region reference, the row counts last
published) through `Facts`, so rules such as "no sudden drop" stay data-driven.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Protocol

import yaml


class _LazyExpectations:
    """`great_expectations.expectations`, imported on first use: the import costs about 4 s, and only a
    running check needs it, not every process that loads the Dagster definitions (UI, sensors, CLI)."""

    def __getattr__(self, name: str):
        import great_expectations.expectations as expectations

        return getattr(expectations, name)


gxe = _LazyExpectations()

THRESHOLDS_FILE = Path(__file__).with_name("thresholds.yaml")


@cache
def threshold(name: str) -> float:
    """A quality threshold from `thresholds.yaml` (reference data, not a constant in code)."""
    return float(yaml.safe_load(THRESHOLDS_FILE.read_text(encoding="utf-8"))[name])


class Facts(Protocol):
    def region_codes(self) -> list[str]: ...

    def published_rows(self, table: str) -> int | None: ...


@dataclass(frozen=True)
class SuiteSpec:
    name: str
    asset_key: tuple[str, ...]
    query: str
    expectations: Callable[[Facts], list]
    severity: str = "error"  # error (blocking) | warn
    description: str = ""
    # Raw tables, and the staging views over them, only change by whole files, so a run validates the
    # rows it loaded (the query takes the run's start as its parameter): the nightly cost follows the
    # new data, not years of snapshots.
    new_rows_only: bool = False


def _not_null(*columns: str) -> list:
    return [gxe.ExpectColumnValuesToNotBeNull(column=c) for c in columns]


def _no_sudden_drop(table: str) -> Callable[[Facts], list]:
    def build(facts: Facts) -> list:
        previous = facts.published_rows(table)
        if not previous:
            return [gxe.ExpectTableRowCountToBeBetween(min_value=1)]
        drop = threshold("max_row_drop")
        return [gxe.ExpectTableRowCountToBeBetween(min_value=max(1, math.ceil(previous * (1 - drop))))]

    return build


def _raw_cases(facts: Facts) -> list:
    return [
        *_not_null("nomor_laporan", "tanggal_laporan", "election_id", "region_code", "_batch_key"),
        gxe.ExpectCompoundColumnsToBeUnique(column_list=["_batch_key", "nomor_laporan"]),
        gxe.ExpectColumnValuesToBeInSet(column="region_code", value_set=facts.region_codes()),
    ]


def _raw_ikp(facts: Facts) -> list:
    return [
        *_not_null("edition_id", "region_code", "skor"),
        gxe.ExpectCompoundColumnsToBeUnique(column_list=["edition_id", "region_code", "pendekatan"]),
        gxe.ExpectColumnValuesToBeBetween(column="skor", min_value=0, max_value=100),
        gxe.ExpectColumnValuesToBeInSet(column="region_code", value_set=facts.region_codes()),
    ]


def _raw_register(facts: Facts) -> list:
    return [
        *_not_null("nomor_register", "election_id", "region_code"),
        gxe.ExpectCompoundColumnsToBeUnique(column_list=["_batch_key", "nomor_register"]),
        gxe.ExpectColumnValuesToBeInSet(column="region_code", value_set=facts.region_codes()),
        gxe.ExpectColumnValuesToBeBetween(column="jumlah_asn", min_value=0),
    ]


def _dates_in_election_period(_: Facts) -> list:
    return [
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(column_A="reported_date", column_B="period_start", or_equal=True),
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(column_A="period_end", column_B="reported_date", or_equal=True),
    ]


def _funnel(table: str, grain: list[str]) -> Callable[[Facts], list]:
    def build(facts: Facts) -> list:
        return [
            *_not_null(*grain),
            gxe.ExpectCompoundColumnsToBeUnique(column_list=grain),
            gxe.ExpectColumnValuesToBeInSet(column="region_code", value_set=facts.region_codes()),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="asn_reported", column_B="asn_recommended", or_equal=True
            ),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="asn_recommended", column_B="asn_followed_up", or_equal=True
            ),
            gxe.ExpectColumnValuesToBeBetween(column="stage_gap", min_value=0, max_value=0),
            gxe.ExpectColumnValuesToBeBetween(column="followup_rate", min_value=0, max_value=1),
            *_no_sudden_drop(table)(facts),
        ]

    return build


def _ikp(facts: Facts) -> list:
    return [
        *_not_null("edition_id", "region_code", "approach", "score"),
        gxe.ExpectCompoundColumnsToBeUnique(column_list=["edition_id", "region_code", "approach"]),
        gxe.ExpectColumnValuesToBeBetween(column="score", min_value=0, max_value=100),
        gxe.ExpectColumnValuesToBeInSet(column="category", value_set=["rendah", "sedang", "tinggi"]),
        gxe.ExpectColumnValuesToBeInSet(column="region_code", value_set=facts.region_codes()),
        *_no_sudden_drop("ikp_asn_neutrality")(facts),
    ]


def _category_shares(facts: Facts) -> list:
    return [
        gxe.ExpectCompoundColumnsToBeUnique(column_list=["election_id", "region_code", "category"]),
        gxe.ExpectColumnValuesToBeBetween(column="share_total", min_value=0.999999, max_value=1.000001),
        *_no_sudden_drop("violation_categories")(facts),
    ]


def _zones(facts: Facts) -> list:
    return [
        gxe.ExpectCompoundColumnsToBeUnique(column_list=["election_id", "region_code", "as_of_date"]),
        gxe.ExpectColumnValuesToBeInSet(column="zone", value_set=["merah", "kuning", "hijau"]),
        *_no_sudden_drop("neutrality_zone")(facts),
    ]


def _hand_over(_: Facts) -> list:
    return [
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="asn_reported_by_asn_body", column_B="asn_forwarded", or_equal=True
        ),
    ]


# Mart suites select the columns they check, not the whole row: the history marts hold a row per
# region and as-of date, and every column carried into pandas costs time on each nightly run.
_FUNNEL_QUERY = (
    "SELECT {grain}, asn_reported, asn_recommended, asn_followed_up, followup_rate, "
    "asn_reported - (asn_recommended + asn_not_proven + asn_incomplete + asn_pending) AS stage_gap "
    "FROM marts.{table}"
)


def _funnel_query_and_expectations(table: str, grain: list[str]) -> tuple[str, Callable[[Facts], list]]:
    """A funnel mart's query and expectations, from one grain, so the columns read are those checked."""
    return _FUNNEL_QUERY.format(table=table, grain=", ".join(grain)), _funnel(table, grain)


_CASE_DATES_QUERY = (
    "SELECT c.report_number, c.election_id, c.reported_date, e.period_start, e.period_end "
    "FROM staging.{model} c JOIN reference.ref_elections e USING (election_id) WHERE c.loaded_at >= ?"
)

SUITES: dict[str, SuiteSpec] = {
    s.name: s
    for s in (
        *(
            SuiteSpec(
                f"raw_{source}",
                ("ingest", source),
                # the columns the suite checks and those that locate a row, not the whole table: at a
                # million snapshot rows, SELECT * into pandas cost seconds and a gigabyte
                "SELECT _file_name, _row_number, _batch_key, nomor_laporan, tanggal_laporan, election_id, "
                f"region_code FROM raw.{source} WHERE _loaded_at >= ?",
                _raw_cases,
                description=f"raw.{source} rows loaded by this run: keys present and unique per snapshot, "
                "regions in the reference",
                new_rows_only=True,
            )
            for source in ("kasn", "bkn")
        ),
        SuiteSpec(
            "raw_bawaslu_ikp",
            ("ingest", "bawaslu_ikp"),
            "SELECT * FROM raw.bawaslu_ikp WHERE _loaded_at >= ?",
            _raw_ikp,
            description="raw.bawaslu_ikp rows loaded by this run: scores 0-100, one per edition, region and approach",
            new_rows_only=True,
        ),
        SuiteSpec(
            "raw_bawaslu_cases",
            ("ingest", "bawaslu_cases"),
            "SELECT * FROM raw.bawaslu_cases WHERE _loaded_at >= ?",
            _raw_register,
            description="raw.bawaslu_cases rows loaded by this run: register numbers unique per snapshot",
            new_rows_only=True,
        ),
        *(
            SuiteSpec(
                f"{model}_dates",
                ("staging", model),
                _CASE_DATES_QUERY.format(model=model),
                _dates_in_election_period,
                severity="warn",
                description=f"staging.{model} rows loaded by this run: report dates inside the election's "
                "period (ref_elections)",
                new_rows_only=True,
            )
            for model in ("stg_kasn__cases", "stg_bkn__cases")
        ),
        SuiteSpec(
            "sanction_funnel",
            ("marts", "sanction_funnel"),
            *_funnel_query_and_expectations("sanction_funnel", ["election_id", "region_code"]),
            description="marts.sanction_funnel: unique, monotonic, stages add up, rates 0-1, no sudden drop",
        ),
        SuiteSpec(
            "sanction_funnel_history",
            ("marts", "sanction_funnel_history"),
            *_funnel_query_and_expectations("sanction_funnel_history", ["election_id", "region_code", "as_of_date"]),
            description="marts.sanction_funnel_history: as sanction_funnel, per as-of date",
        ),
        SuiteSpec(
            "ikp_asn_neutrality",
            ("marts", "ikp_asn_neutrality"),
            "SELECT * FROM marts.ikp_asn_neutrality",
            _ikp,
            description="marts.ikp_asn_neutrality: unique, scores 0-100, known categories",
        ),
        SuiteSpec(
            "violation_categories",
            ("marts", "violation_categories"),
            # the table's own rows (the row-count guard compares them with the published table's), each
            # with the total of its election's and region's shares
            "SELECT *, sum(share) OVER (PARTITION BY election_id, region_code) AS share_total "
            "FROM marts.violation_categories",
            _category_shares,
            description="marts.violation_categories: shares sum to 1 per election and region",
        ),
        SuiteSpec(
            "neutrality_zone",
            ("marts", "neutrality_zone"),
            "SELECT election_id, region_code, as_of_date, zone FROM marts.neutrality_zone",
            _zones,
            description="marts.neutrality_zone: one zone per election, region and date",
        ),
        SuiteSpec(
            "bawaslu_hand_over",
            ("marts", "bawaslu_case_summary"),
            "SELECT * FROM marts.bawaslu_case_summary WHERE violation_type = 'netralitas_asn'",
            _hand_over,
            severity="warn",
            description="ASN forwarded by Bawaslu to KASN/BKN do not exceed the ASN cases those bodies report",
        ),
    )
}
