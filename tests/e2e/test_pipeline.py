"""The whole graph, materialized for real: ingest -> dbt build -> GE checks -> publish.

Figures asserted here are computed by hand from the sample exports in data/sample/ (see
data/sample/README.md for the arithmetic).
"""

import json
import os
import re
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb
import pytest
import yaml

from ingest.news.articles import strip_furniture
from ingest.news.names import name_spans
from orchestration.constants import REFRESH_JOB
from orchestration.dbt import DBT_PROJECT_DIR, dbt_executable
from orchestration.definitions import defs
from tests.conftest import SAMPLE_LANDING

pytestmark = pytest.mark.e2e
SERVING_TABLES = {
    "ikp_asn_neutrality": [
        "edition_id",
        "region_code",
        "region_name",
        "region_level",
        "approach",
        "score",
        "category",
        "rank_in_level",
    ],
    "sanction_funnel": [
        "election_id",
        "region_code",
        "as_of_date",
        "asn_reported",
        "asn_recommended",
        "asn_not_proven",
        "asn_incomplete",
        "asn_pending",
        "asn_followed_up",
        "asn_awaiting_ppk",
        "followup_rate",
    ],
    "sanction_funnel_history": [
        "election_id",
        "region_code",
        "as_of_date",
        "asn_reported",
        "followup_rate",
    ],
    "neutrality_zone": [
        "election_id",
        "region_code",
        "as_of_date",
        "asn_reported",
        "zone",
        "threshold_version",
    ],
    "violation_categories": ["election_id", "region_code", "category", "asn_count", "share"],
    "bawaslu_case_summary": [
        "election_id",
        "region_code",
        "violation_type",
        "cases",
        "registered",
        "violations",
        "forwarded_to_asn_body",
    ],
    "news_facts": [
        "article_id",
        "source_url",
        "published_date",
        "metric",
        "region_code",
        "value",
        "value_text",
        "evidence",
    ],
    "news_fact_review": [
        "article_id",
        "source_url",
        "metric",
        "region_code",
        "value",
        "value_text",
        "confidence",
        "reasons",
        "evidence",
    ],
    "news_vs_official": [
        "article_id",
        "metric",
        "region_code",
        "news_value",
        "official_value",
        "official_as_of",
        "difference",
    ],
    "ppk_followup": [
        "election_id",
        "as_of_date",
        "ppk_id",
        "region_code",
        "asn_recommended",
        "asn_followed_up",
        "asn_awaiting_ppk",
        "followup_rate",
        "median_days_to_followup",
        "p90_days_to_followup",
        "oldest_open_days",
    ],
    "ppk_overdue": ["election_id", "case_source", "report_number", "ppk_id", "days_open", "deadline_version"],
    "dim_agency": ["agency_name", "region_code", "ppk_id", "ppk_name", "ppk_level", "unresolved_reason"],
    "dim_election": ["election_id", "election_name", "voting_date"],
    "dim_ikp_edition": ["edition_id", "edition_name", "in_methodology"],
}


def refresh(instance: dg.DagsterInstance) -> dg.ExecuteInProcessResult:
    return defs.resolve_job_def(REFRESH_JOB).execute_in_process(instance=instance, raise_on_error=False)


@contextmanager
def netra_environment(landing: Path, warehouse: Path):
    """The environment a user sets, pointed at a landing folder and a temporary warehouse."""
    with pytest.MonkeyPatch.context() as env:
        env.setenv("NETRA_LANDING_DIR", str(landing))
        env.setenv("NETRA_WAREHOUSE_DIR", str(warehouse))
        env.setenv("NETRA_PII_SALT", "e2e-salt")
        with dg.DagsterInstance.ephemeral() as instance:
            yield instance


def row_counts(path: Path, schema: str) -> dict[str, int]:
    with duckdb.connect(str(path), read_only=True) as con:
        tables = con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = ?", [schema]
        ).fetchall()
        return {t: con.execute(f"SELECT count(*) FROM {schema}.{t}").fetchall()[0][0] for (t,) in tables}


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory):
    """Two full refreshes of the sample data into a temporary warehouse."""
    warehouse = tmp_path_factory.mktemp("warehouse")
    with netra_environment(SAMPLE_LANDING, warehouse) as instance:
        first = refresh(instance)
        counts_after_first = row_counts(warehouse / "serving.duckdb", "marts")
        raw_after_first = row_counts(warehouse / "netra.duckdb", "raw")
        second = refresh(instance)
        yield {
            "warehouse": warehouse,
            "results": (first, second),
            "counts": (counts_after_first, row_counts(warehouse / "serving.duckdb", "marts")),
            "raw": (raw_after_first, row_counts(warehouse / "netra.duckdb", "raw")),
        }


@pytest.fixture(scope="module")
def serving(pipeline):
    with duckdb.connect(str(pipeline["warehouse"] / "serving.duckdb"), read_only=True) as con:
        yield con


def test_runs_succeed_with_every_check_passing(pipeline):
    for result in pipeline["results"]:
        assert result.success
        evaluations = result.get_asset_check_evaluations()
        assert {e.check_name for e in evaluations} >= {"ge_sanction_funnel", "ge_ikp_asn_neutrality"}
        failed = [e for e in evaluations if not e.passed]
        # the bundled exports are years old: only the freshness warnings fire, and they say so
        assert {(e.asset_key.path[-1], e.check_name) for e in failed} == {
            ("kasn", "export_freshness"),
            ("bkn", "export_freshness"),
            ("bawaslu_cases", "export_freshness"),
        }
        assert all(e.severity == dg.AssetCheckSeverity.WARN and "days old" in e.description for e in failed)


def test_dbt_unit_tests_pass_against_the_built_warehouse(pipeline, tmp_path):
    """The refresh leaves dbt's unit tests out (they test the SQL, not the data); here they run."""
    done = subprocess.run(
        [dbt_executable(), "test", "--select", "test_type:unit", "--profiles-dir", ".", "--target-path", tmp_path],
        cwd=DBT_PROJECT_DIR,
        env={**os.environ, "NETRA_WAREHOUSE_DIR": str(pipeline["warehouse"])},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout[-3000:]
    defined = len(yaml.safe_load((DBT_PROJECT_DIR / "models" / "_unit_tests.yml").read_text())["unit_tests"])
    assert re.search(rf"PASS={defined}\b.*ERROR=0", done.stdout), done.stdout[-3000:]


def test_every_serving_table_has_its_key_columns_and_rows(serving):
    for table, columns in SERVING_TABLES.items():
        present = {
            c
            for (c,) in serving.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = 'marts' AND table_name = ?",
                [table],
            ).fetchall()
        }
        assert set(columns) <= present, (table, set(columns) - present)
        assert serving.execute(f"SELECT count(*) FROM marts.{table}").fetchall()[0][0] > 0, table


def test_second_run_changes_no_count(pipeline):
    assert pipeline["counts"][0] == pipeline["counts"][1]
    assert pipeline["raw"][0] == pipeline["raw"][1]


def funnel(serving, election, region, as_of=None):
    query = (
        "SELECT asn_reported, asn_recommended, asn_not_proven, asn_incomplete, asn_pending, "
        "asn_followed_up, asn_awaiting_ppk, round(followup_rate, 4) FROM marts.{table} "
        "WHERE election_id = ? AND region_code = ?"
    )
    if as_of:
        return serving.execute(
            query.format(table="sanction_funnel_history") + " AND as_of_date = ?",
            [election, region, as_of],
        ).fetchall()
    return serving.execute(query.format(table="sanction_funnel"), [election, region]).fetchall()


def test_sanction_funnel_matches_hand_computed_figures(serving):
    # 12 KASN cases at 30 Sep 2020: 7 terbukti (5 followed up), 2 tidak terbukti, 1 incomplete, 2 pending
    assert funnel(serving, "PILKADA_2020", "ID") == [(12, 7, 2, 1, 2, 5, 2, 0.7143)]
    assert funnel(serving, "PILKADA_2020", "36") == [(6, 3, 1, 0, 2, 3, 0, 1.0)]
    assert funnel(serving, "PILKADA_2020", "71") == [(3, 1, 1, 1, 0, 0, 1, 0.0)]
    assert funnel(serving, "PILKADA_2020", "ID", "2020-08-19") == [(8, 4, 1, 1, 2, 2, 2, 0.5)]
    assert funnel(serving, "PILKADA_2024", "ID") == [(5, 3, 1, 0, 1, 2, 1, 0.6667)]
    # Sulawesi Selatan: nothing recommended, so no rate rather than a rate of zero
    assert funnel(serving, "PILKADA_2024", "73") == [(2, 0, 1, 0, 1, 0, 0, None)]


def test_zones_use_the_thresholds_valid_at_each_snapshot(serving):
    zones = serving.execute(
        "SELECT region_code, CAST(as_of_date AS VARCHAR), zone, threshold_version FROM marts.neutrality_zone "
        "WHERE election_id = 'PILKADA_2020' AND region_code IN ('36', '36.01') ORDER BY 1, 2"
    ).fetchall()
    assert zones == [
        ("36", "2020-08-19", "hijau", "KASN_2020_08"),
        ("36", "2020-09-30", "kuning", "KASN_2020_08"),
        ("36.01", "2020-08-19", None, None),
        ("36.01", "2020-09-30", "kuning", "KASN_2020_09"),
    ]


def test_ikp_scores_aggregates_and_ranks(serving):
    rows = serving.execute(
        "SELECT region_code, approach, score, score_recomputed, score_differs, rank_in_level "
        "FROM marts.ikp_asn_neutrality WHERE region_code IN ('74.07', '73.10', '36', '82') ORDER BY 1, 2"
    ).fetchall()
    assert rows == [
        ("36", "agregat_kabupaten", 6.43, 6.4213, False, 5),
        ("36", "kejadian_provinsi", 22.98, None, False, 3),
        ("73.10", "kejadian_kabupaten", 27.40, 27.4038, False, 6),
        ("74.07", "kejadian_kabupaten", 86.54, 86.5385, False, 2),
        # computed, not published: the mean of Maluku Utara's one listed regency (Kota Ternate)
        ("82", "agregat_kabupaten", 69.23, 69.23, False, 3),
        ("82", "kejadian_provinsi", 100.0, None, False, 1),
    ]


def test_violation_categories_and_bawaslu_summary(serving):
    shares = serving.execute(
        "SELECT category, asn_count, round(share, 4) FROM marts.violation_categories "
        "WHERE election_id = 'PILKADA_2020' AND region_code = 'ID' ORDER BY asn_count DESC, category"
    ).fetchall()
    assert shares == [
        ("media_sosial", 6, 0.5),
        ("deklarasi", 2, 0.1667),
        ("foto_simbol", 2, 0.1667),
        ("keberpihakan", 1, 0.0833),
        ("pendekatan_parpol", 1, 0.0833),
    ]
    summary = serving.execute(
        "SELECT cases, registered, violations, forwarded_to_asn_body, asn_forwarded, asn_cases_linked, "
        "asn_reported_by_asn_body "
        "FROM marts.bawaslu_case_summary WHERE election_id = 'PILKADA_2020' AND region_code = 'ID' "
        "AND violation_type = 'netralitas_asn'"
    ).fetchall()
    assert summary == [(5, 5, 4, 4, 5, 5, 12)]


def test_news_facts_keep_their_evidence_and_meet_the_official_figures(serving):
    facts = serving.execute(
        "SELECT metric, region_code, value, evidence FROM marts.news_facts WHERE article_id = 'netralitas_pilkada_2020'"
    ).fetchall()
    assert {(m, r, v) for m, r, v, _ in facts} == {
        ("asn_reported", "ID", 694),
        ("asn_recommended", "ID", 492),
        ("asn_followed_up", "ID", 256),
        ("followup_rate_pct", "ID", 52),
    }
    assert all("694" in e or "492" in e for *_, e in facts)
    compared = serving.execute(
        "SELECT news_value, official_value, CAST(official_as_of AS VARCHAR), difference FROM marts.news_vs_official "
        "WHERE article_id = 'netralitas_pilkada_2020' AND metric = 'asn_reported'"
    ).fetchall()
    assert compared == [(694.0, 12.0, "2020-09-30", 682.0)]


def test_figures_the_extractor_doubts_are_held_for_review_apart_from_the_facts(serving):
    held = serving.execute(
        "SELECT article_id, metric, region_code, value_text, confidence, reasons FROM marts.news_fact_review"
    ).fetchall()
    facts = set(serving.execute("SELECT article_id, metric, region_code, value_text FROM marts.news_facts").fetchall())
    assert all(0.3 <= confidence < 0.7 and reasons for *_, confidence, reasons in held)
    assert not {row[:4] for row in held} & facts


def test_ppk_followup_ages_recommendations_as_of_each_snapshot(serving):
    """data/sample/README.md, "PPK follow-up": KASN-2020-0002 (SMPN 2 Cilegon) waits 28 days at 19 Aug
    and is carried out after 42 days by 30 Sep; a provincial school's case goes to the province."""
    rows = serving.execute(
        "SELECT CAST(as_of_date AS VARCHAR), ppk_id, asn_recommended, asn_followed_up, asn_awaiting_ppk, asn_overdue, "
        "median_days_to_followup, p90_days_to_followup, oldest_open_days FROM marts.ppk_followup "
        "WHERE election_id = 'PILKADA_2020' ORDER BY 1, 2"
    ).fetchall()
    assert rows == [
        ("2020-08-19", "PEMDA.33.11", 1, 1, 0, 0, 13.0, 13.0, None),
        ("2020-08-19", "PEMDA.36.01", 1, 1, 0, 0, 16.0, 16.0, None),
        ("2020-08-19", "PEMDA.36.72", 1, 0, 1, 1, None, None, 28),
        ("2020-08-19", "PEMDA.71.71", 1, 0, 1, 0, None, None, 9),
        ("2020-09-30", "PEMDA.33.11", 2, 2, 0, 0, 10.5, 12.5, None),
        ("2020-09-30", "PEMDA.33.74", 1, 0, 1, 1, None, None, 25),
        ("2020-09-30", "PEMDA.36.01", 1, 1, 0, 0, 16.0, 16.0, None),
        ("2020-09-30", "PEMDA.36.72", 1, 1, 0, 0, 42.0, 42.0, None),
        ("2020-09-30", "PEMDA.36.74", 1, 1, 0, 0, 15.0, 15.0, None),
        ("2020-09-30", "PEMDA.71.71", 1, 0, 1, 1, None, None, 51),
    ]
    west_java = serving.execute(
        "SELECT ppk_name, ppk_level, oldest_open_days FROM marts.ppk_followup "
        "WHERE election_id = 'PILKADA_2024' AND ppk_id = 'PEMDA.32'"
    ).fetchall()
    assert west_java == [("Pemerintah Provinsi Jawa Barat", "province", 48)]


def test_ppk_overdue_lists_cases_by_report_number_only(serving):
    overdue = serving.execute(
        "SELECT election_id, report_number, ppk_id, days_open, days_overdue, deadline_version "
        "FROM marts.ppk_overdue ORDER BY 1, 2"
    ).fetchall()
    assert overdue == [
        ("PILKADA_2020", "KASN-2020-0005", "PEMDA.33.74", 25, 5, "SKB_2020"),
        ("PILKADA_2020", "KASN-2020-0006", "PEMDA.71.71", 51, 31, "SKB_2020"),
        ("PILKADA_2024", "BKN-2024-002", "PEMDA.32", 48, 28, "SKB_2022"),
    ]


def test_every_model_seed_and_column_is_described_and_the_exposures_declared(pipeline):
    """What the dbt docs site, the Dagster UI and BI tools (through serving.duckdb's comments) show."""
    manifest = json.loads((DBT_PROJECT_DIR / "target" / "manifest.json").read_text())
    nodes = [n for n in manifest["nodes"].values() if n["resource_type"] in ("model", "seed")]
    assert [n["name"] for n in nodes if not n["description"].strip()] == []
    undescribed = []
    with duckdb.connect(str(pipeline["warehouse"] / "netra.duckdb"), read_only=True) as con:
        for node in nodes:
            built = con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ?",
                [node["schema"], node["alias"]],
            ).fetchall()
            described = {c for c, v in node["columns"].items() if v.get("description", "").strip()}
            undescribed += [f"{node['name']}.{c}" for (c,) in built if c not in described]
    assert undescribed == []
    assert {e["name"] for e in manifest["exposures"].values()} == {"serving_database", "report"}
    assert "doc.netra.__overview__" in manifest["docs"]


def _people_the_sample_articles_name() -> set[str]:
    """Names of two words or more in the sample landing's articles, as they were written."""
    found = set()
    for path in (SAMPLE_LANDING / "news").glob("*.txt"):
        text = strip_furniture(path.read_text(encoding="utf-8"))
        found |= {text[a:b] for a, b in name_spans(text) if " " in text[a:b]}
    return found


def test_no_personal_data_in_any_database(pipeline):
    people = _people_the_sample_articles_name()
    assert len(people) >= 2  # the officials the sample articles quote
    names = ["Ahmad Fauzi", "Siti Rahmawati", "Asep Sunandar", "Lina Marlina", *people]
    nip_shaped = re.compile(r"(?<!\d)\d{18}(?!\d)")
    for database in ("netra.duckdb", "serving.duckdb"):
        with duckdb.connect(str(pipeline["warehouse"] / database), read_only=True) as con:
            tables = con.execute(
                "SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
            ).fetchall()
            for schema, table in tables:
                texts = [
                    str(cell)
                    for row in con.execute(f'SELECT * FROM "{schema}"."{table}"').fetchall()
                    for cell in row
                    if isinstance(cell, str)
                ]
                assert not any(nip_shaped.search(t) for t in texts), (database, schema, table)
                assert not any(name in t for t in texts for name in names), (
                    database,
                    schema,
                    table,
                )


def test_an_out_of_range_score_is_quarantined_and_the_rest_still_publishes(pipeline, tmp_path):
    """Banten's province score exported as 140: that row waits in quarantine with its reason; the
    other scores and every other mart are published."""
    landing = tmp_path / "landing"
    shutil.copytree(SAMPLE_LANDING, landing)
    ikp = landing / "bawaslu_ikp" / "ikp_2024_isu_strategis_netralitas_asn.csv"
    ikp.write_text(
        ikp.read_text(encoding="utf-8").replace(";Banten;;kejadian_provinsi;22,98", ";Banten;;kejadian_provinsi;140"),
        encoding="utf-8",
    )
    warehouse = tmp_path / "warehouse"
    with netra_environment(landing, warehouse) as instance:
        result = refresh(instance)
    assert result.success
    with duckdb.connect(str(warehouse / "netra.duckdb"), read_only=True) as con:
        reasons = con.execute("SELECT row_number, reason FROM ops.quarantine WHERE source = 'bawaslu_ikp'").fetchall()
    assert reasons == [(4, "skor 140 is outside its range: it must be between 0 and 100")]
    with duckdb.connect(str(warehouse / "serving.duckdb"), read_only=True) as con:
        provinces = con.execute(
            "SELECT region_code FROM marts.ikp_asn_neutrality WHERE approach = 'kejadian_provinsi' ORDER BY 1"
        ).fetchall()
    assert provinces == [("71",), ("82",)]
