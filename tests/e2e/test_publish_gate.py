"""Per-mart publishing: one failing source holds back only the marts built from it, with its root cause
in words; the others publish; a held-back mart keeps its last good version; and a file loaded by
mistake can be withdrawn."""

from __future__ import annotations

import shutil
import subprocess
import sys

import duckdb
import pytest

from ingest.retract import main as retract_main
from ingest.settings import load_settings
from orchestration.summary import summarise
from tests.conftest import REPO, SAMPLE_LANDING
from tests.e2e.test_pipeline import netra_environment, refresh
from tests.e2e.test_recovery import environment

pytestmark = pytest.mark.e2e
IKP_FILE = "ikp_2024_isu_strategis_netralitas_asn.csv"
SEPTEMBER = "kasn_netralitas_pilkada2020_2020-09-30.csv"


def statuses(warehouse) -> dict[str, tuple]:
    with duckdb.connect(str(warehouse / "serving.duckdb"), read_only=True) as con:
        return {
            mart: (status, reason)
            for mart, status, reason in con.execute("SELECT mart, status, reason FROM marts.publish_status").fetchall()
        }


def test_an_unusable_ikp_table_holds_back_only_the_ikp_mart_and_says_why(tmp_path):
    """Every IKP row names an edition the loader cannot place: the IKP mart would be empty, so it is held
    back with the quarantine's reason; every other mart is published and `make run` exits 2."""
    landing, warehouse = tmp_path / "landing", tmp_path / "warehouse"
    shutil.copytree(SAMPLE_LANDING, landing)
    ikp = landing / "bawaslu_ikp" / IKP_FILE
    ikp.write_text(
        ikp.read_text(encoding="utf-8").replace("IKP 2024 Isu Strategis Netralitas ASN", "IKP Nasional"),
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "orchestration.run"],
        cwd=REPO,
        env=environment(landing, warehouse, tmp_path / "home"),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 2, done.stdout[-3000:]
    found = statuses(warehouse)
    assert found["ikp_asn_neutrality"][0] == "held_back"
    assert found["ikp_asn_neutrality"][1].startswith(
        "18 of 18 bawaslu_ikp rows quarantined, 18 for: unknown edisi 'IKP Nasional' without one year to name it "
        "by: add it to dbt_project/seeds/methodology/ref_ikp_edition_aliases.csv"
    )
    assert {mart for mart, (status, _) in found.items() if status != "published"} == {"ikp_asn_neutrality"}
    assert "Netra refresh published 14 of 15 marts" in done.stdout
    assert "! held back ikp_asn_neutrality (held_back): 18 of 18 bawaslu_ikp rows quarantined" in done.stdout
    assert "Traceback" not in done.stdout


def test_a_partial_export_keeps_the_last_good_funnel_and_a_retraction_removes_it(tmp_path):
    """A new snapshot in which every status was lost: the cumulative stages fall, so the marts built from the
    cases keep their last good version (stale) while the others publish. Retracting the file and refreshing
    publishes them again, without its rows."""
    landing, warehouse = tmp_path / "landing", tmp_path / "warehouse"
    shutil.copytree(SAMPLE_LANDING, landing)
    with netra_environment(landing, warehouse) as instance:
        assert refresh(instance).success
        lines = (landing / "kasn" / SEPTEMBER).read_text(encoding="utf-8").splitlines()
        blanked = [
            lines[0],
            *(";".join(c if i != 10 else "Dilaporkan" for i, c in enumerate(r.split(";"))) for r in lines[1:]),
        ]
        partial = landing / "kasn" / "kasn_netralitas_pilkada2020_2020-10-31.csv"
        partial.write_text("\n".join(blanked) + "\n", encoding="utf-8")

        result = refresh(instance)
        summary = summarise(instance, result.run_id, load_settings())
        found = statuses(warehouse)
        stale = {mart for mart, (status, _) in found.items() if status == "stale"}
        assert {"sanction_funnel", "sanction_funnel_history", "neutrality_zone", "ppk_followup"} <= stale
        assert {"ikp_asn_neutrality", "news_facts", "dim_region"}.isdisjoint(stale)
        assert "cumulative_stages_do_not_fall" in found["sanction_funnel"][1]
        assert summary.outcome == "partial"
        with duckdb.connect(str(warehouse / "serving.duckdb"), read_only=True) as con:
            latest = con.execute(
                "SELECT CAST(max(as_of_date) AS VARCHAR), max(asn_recommended) FROM marts.sanction_funnel "
                "WHERE election_id = 'PILKADA_2020' AND region_code = 'ID'"
            ).fetchall()
        assert latest == [("2020-09-30", 7)]  # the last good version, not the partial export

        assert retract_main([f"kasn/{partial.name}"]) == 0
        partial.unlink()
        assert refresh(instance).success
    assert set(s for s, _ in statuses(warehouse).values()) == {"published"}
    with duckdb.connect(str(warehouse / "netra.duckdb"), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM raw.kasn WHERE _file_name = ?", [partial.name]).fetchone() == (0,)
        assert con.execute(
            "SELECT count(*) FROM intermediate.int_cases__as_of WHERE as_of_date = '2020-10-31'"
        ).fetchone() == (0,)
        assert con.execute("SELECT status FROM ops.load_log WHERE file_name = ?", [partial.name]).fetchall() == [
            ("retracted",)
        ]
