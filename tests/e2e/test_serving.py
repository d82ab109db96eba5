"""What BI relies on: never a failed read during a refresh, Parquet and SQLAlchemy access, and a
publish that refuses marts failing their checks."""

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
import sqlalchemy

from orchestration.constants import PUBLISH_JOB
from orchestration.definitions import defs
from tests.conftest import REPO, SAMPLE_LANDING
from tests.e2e.test_pipeline import SERVING_TABLES, netra_environment, refresh

pytestmark = pytest.mark.e2e
READER = Path(__file__).with_name("reader.py")


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """A landing folder of our own and a warehouse with the sample data published once."""
    root = tmp_path_factory.mktemp("serving")
    landing, warehouse = root / "landing", root / "warehouse"
    shutil.copytree(SAMPLE_LANDING, landing)
    with netra_environment(landing, warehouse) as instance:
        assert refresh(instance).success
    return landing, warehouse


def add_october_snapshot(landing: Path) -> None:
    september = landing / "kasn" / "kasn_netralitas_pilkada2020_2020-09-30.csv"
    lines = september.read_text(encoding="utf-8").splitlines()
    extra = lines[-1].replace("KASN-2020-0012", "KASN-2020-0013").replace("15/09/2020", "05/10/2020")
    (landing / "kasn" / "kasn_netralitas_pilkada2020_2020-10-31.csv").write_text(
        "\n".join([*lines, extra]) + "\n", encoding="utf-8"
    )


def test_readers_never_fail_during_a_refresh_and_see_the_new_data(published, tmp_path):
    landing, warehouse = published
    out, stop = tmp_path / "reads.jsonl", tmp_path / "stop"
    reader = subprocess.Popen([sys.executable, str(READER), str(warehouse / "serving.duckdb"), str(out), str(stop)])
    try:
        time.sleep(1.0)
        add_october_snapshot(landing)
        with netra_environment(landing, warehouse) as instance:
            assert refresh(instance).success
        time.sleep(1.0)
    finally:
        stop.touch()
        reader.wait(timeout=30)
    reads = [json.loads(line) for line in out.read_text().splitlines()]
    failures = [r for r in reads if not r["ok"]]
    assert len(reads) > 50
    assert failures == []
    latest = [r["latest"] for r in reads]
    assert latest[0] == "2020-09-30" and latest[-1] == "2020-10-31"
    switch = latest.index("2020-10-31")
    assert set(latest[switch:]) == {"2020-10-31"}  # once published, never the old data again


def test_sqlalchemy_reads_every_mart_as_superset_does(published):
    _, warehouse = published
    engine = sqlalchemy.create_engine(f"duckdb:///{warehouse / 'serving.duckdb'}?access_mode=read_only")
    with engine.connect() as connection:
        for table, columns in SERVING_TABLES.items():
            result = connection.execute(sqlalchemy.text(f"SELECT * FROM marts.{table}"))
            assert set(columns) <= set(result.keys()), table
            assert len(result.fetchall()) > 0, table
    engine.dispose()


def test_parquet_exports_and_report_match_the_serving_database(published):
    _, warehouse = published
    exports = warehouse / "exports"
    assert exports.is_symlink()
    with duckdb.connect(str(warehouse / "serving.duckdb"), read_only=True) as con:
        for table in SERVING_TABLES:
            served = con.execute(f"SELECT count(*) FROM marts.{table}").fetchall()[0][0]
            exported = con.execute(f"SELECT count(*) FROM read_parquet('{exports / table}.parquet')").fetchall()[0][0]
            assert exported == served, table
    report = (warehouse / "report.html").read_text(encoding="utf-8")
    assert report.count("<svg") >= 4 and "Kabupaten Kepulauan Siau Tagulandang Biaro" in report
    # the PPK section names the slowest PPK of each election with the age of its oldest open recommendation
    ppk = report[report.index("Tindak lanjut PPK") :]
    assert "Pemerintah Provinsi Jawa Barat" in ppk and "<td>Pemerintah Kota Manado</td>" in ppk


def test_marts_failing_their_audits_keep_their_last_good_version_and_the_rest_publish(published, tmp_path):
    """A duplicate key, a score of 140 and a funnel where followed up > recommended, put straight into the
    build database: the publish job's audits fail for those three marts, which keep their published version
    (marked stale, with the failed expectation as the reason), while every other mart is published."""
    landing, source_warehouse = published
    warehouse = tmp_path / "warehouse"
    shutil.copytree(source_warehouse, warehouse, symlinks=True)
    broken = ("sanction_funnel", "ikp_asn_neutrality", "sanction_funnel_history")
    with duckdb.connect(str(warehouse / "netra.duckdb")) as con:
        con.execute("INSERT INTO marts.sanction_funnel SELECT * FROM marts.sanction_funnel WHERE region_code = 'ID'")
        con.execute(
            "UPDATE marts.ikp_asn_neutrality SET score = 140 "
            "WHERE region_code = '36' AND approach = 'kejadian_provinsi'"
        )
        con.execute(
            "UPDATE marts.sanction_funnel_history SET asn_followed_up = asn_recommended + 1 WHERE region_code = 'ID'"
        )
    with duckdb.connect(str(warehouse / "serving.duckdb"), read_only=True) as con:
        before = {t: sorted(con.execute(f"SELECT * FROM marts.{t}").fetchall(), key=str) for t in broken}
    with netra_environment(landing, warehouse) as instance:
        result = defs.resolve_job_def(PUBLISH_JOB).execute_in_process(instance=instance, raise_on_error=False)
    failed = {e.check_name: e.description for e in result.get_asset_check_evaluations() if not e.passed}
    assert set(failed) == {"ge_sanction_funnel", "ge_ikp_asn_neutrality", "ge_sanction_funnel_history"}
    assert "expect_compound_columns_to_be_unique" in failed["ge_sanction_funnel"]
    assert "'column': 'score'" in failed["ge_ikp_asn_neutrality"] and "140" in failed["ge_ikp_asn_neutrality"]
    assert "'column_B': 'asn_followed_up'" in failed["ge_sanction_funnel_history"]
    assert result.success
    with duckdb.connect(str(warehouse / "serving.duckdb"), read_only=True) as con:
        status = {
            m: (s, r) for m, s, r in con.execute("SELECT mart, status, reason FROM marts.publish_status").fetchall()
        }
        after = {t: sorted(con.execute(f"SELECT * FROM marts.{t}").fetchall(), key=str) for t in broken}
        exported = {
            t: con.execute(f"SELECT count(*) FROM read_parquet('{warehouse / 'exports' / t}.parquet')").fetchone()[0]
            for t in broken
        }
    assert {m for m, (s, _) in status.items() if s == "stale"} == set(broken)
    assert {s for m, (s, _) in status.items() if m not in broken} == {"published"}
    assert "audit ge_ikp_asn_neutrality failed" in status["ikp_asn_neutrality"][1]
    assert after == before
    assert exported == {t: len(rows) for t, rows in before.items()}
    report = (warehouse / "report.html").read_text(encoding="utf-8")
    assert "ikp_asn_neutrality" in report and "stale" in report


OLD_DUCKDB = REPO / ".tools" / "duckdb-1.0" / "bin" / "python"
OLD_CLIENT_READS = """
import json, sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
tables = [t for (t,) in con.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'marts'").fetchall()]
print(json.dumps({
    "version": duckdb.__version__,
    "rows": {t: con.execute(f"SELECT count(*) FROM marts.{t}").fetchone()[0] for t in tables},
    "described_columns": con.execute("SELECT count(*) FROM duckdb_columns() WHERE comment IS NOT NULL").fetchone()[0],
    "funnel_comment": con.execute(
        "SELECT comment FROM duckdb_tables() WHERE table_name = 'sanction_funnel'").fetchone()[0],
}))
"""


def test_a_duckdb_1_0_client_reads_every_mart_with_its_descriptions(published):
    """What BI drivers bundle: DuckDB 1.0 (installed apart by `make test`) opens serving.duckdb read-only,
    reads every mart and sees the table and column descriptions."""
    _, warehouse = published
    assert OLD_DUCKDB.exists(), "the DuckDB 1.0 client is missing: run the tests with `make test`, which installs it"
    done = subprocess.run(
        [str(OLD_DUCKDB), "-c", OLD_CLIENT_READS, str(warehouse / "serving.duckdb")],
        capture_output=True,
        text=True,
        check=True,
    )
    seen = json.loads(done.stdout)
    assert seen["version"] == "1.0.0"
    assert set(SERVING_TABLES) | {"publish_status"} <= set(seen["rows"])
    assert all(seen["rows"][t] > 0 for t in SERVING_TABLES)
    assert seen["described_columns"] > 150
    assert "sanction funnel" in seen["funnel_comment"].lower()


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# The flags a closed network needs: without the background-networking ones Chromium keeps trying to reach
# its update and sync services.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (Debian package 'chromium'; .ci/run installs it)"
)
def test_report_renders_in_headless_chromium_with_its_charts_drawn(published, tmp_path):
    from PIL import Image

    _, warehouse = published
    url = (warehouse / "report.html").as_uri()
    common = [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1100,9000"]
    dom = subprocess.run([*common, "--dump-dom", url], capture_output=True, text=True, timeout=120, check=True).stdout
    assert dom.count("<svg") >= 4 and 'class="bar"' in dom
    shot = tmp_path / "report.png"
    subprocess.run([*common, f"--screenshot={shot}", url], capture_output=True, timeout=120, check=True)
    image = Image.open(shot).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20)
    drawn = {colour: count for count, colour in colours}
    # the bars are drawn: the 'tinggi' red of the IKP chart and the funnel's 'reported' blue fill many pixels
    assert drawn.get((0xC0, 0x39, 0x2B), 0) > 2000
    assert drawn.get((0x34, 0x49, 0x5E), 0) > 2000
    # and the ageing of open recommendations per PPK
    assert drawn.get((0xD3, 0x54, 0x00), 0) > 500
