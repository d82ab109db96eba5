"""The dirty corpus (tests/fixtures/dirty/README.md): exact counts, reasons, idempotency, no personal data."""

import json
import re
import shutil

import pytest

from ingest.loader import load_source
from ingest.sources import SOURCES
from ingest.warehouse import connect
from tests.conftest import FIXTURES

DIRTY = FIXTURES / "dirty" / "kasn"
EXPECTED_FILES = {
    "01_bom_english_headers_2020-08-19.csv": ("loaded", 4, 2, 2),
    "02_cp1252_semicolons_2020-09-30.csv": ("loaded", 5, 2, 3),
    "03_xlsx_title_rows.xlsx": ("loaded", 3, 2, 1),
    "04_missing_date_column_2020-10-31.csv": ("rejected", 2, 0, 0),
    "05_truncated_2020-11-30.csv": ("loaded", 3, 2, 1),
    "06_broken_download_2020-12-31.xlsx": ("unreadable", 0, 0, 0),
    "07_no_snapshot_date.csv": ("rejected", 1, 0, 0),
}
EXPECTED_REASONS = {
    ("01_bom_english_headers_2020-08-19.csv", 4): "duplicate nomor_laporan (first at row 2)",
    ("01_bom_english_headers_2020-08-19.csv", 5): "NIP was turned into a number by Excel",
    (
        "02_cp1252_semicolons_2020-09-30.csv",
        4,
    ): "ambiguous region 'Serang': Kabupaten Serang (36.04) or Kota Serang (36.73)",
    ("02_cp1252_semicolons_2020-09-30.csv", 5): "unreadable date 'kemarin' in tanggal_laporan",
    ("02_cp1252_semicolons_2020-09-30.csv", 6): "unknown pemilihan 'Pilkada 2019'",
    ("03_xlsx_title_rows.xlsx", 6): "region code '3601' is not a dotted Kemendagri code",
    ("05_truncated_2020-11-30.csv", 4): "row has 4 fields but the header has 7 (truncated or shifted row)",
}


@pytest.fixture
def loaded(tmp_path, salt):
    con = connect(tmp_path / "netra.duckdb")
    report = load_source(con, SOURCES["kasn"], DIRTY, salt)
    yield con, report
    con.close()


def test_every_file_is_accounted_for_with_exact_counts(loaded):
    con, report = loaded
    found = {f.file_name: (f.status, f.rows_read, f.rows_loaded, f.rows_quarantined) for f in report.files}
    assert found == EXPECTED_FILES
    logged = {
        name: (status, read, ok, bad)
        for name, status, read, ok, bad in con.execute(
            "SELECT file_name, status, rows_read, rows_loaded, rows_quarantined FROM ops.load_log"
        ).fetchall()
    }
    assert logged == EXPECTED_FILES
    for status, read, ok, bad in EXPECTED_FILES.values():
        if status == "loaded":
            assert read == ok + bad
    assert con.execute("SELECT count(*) FROM raw.kasn").fetchall()[0][0] == 8
    assert con.execute("SELECT count(*) FROM ops.quarantine").fetchall()[0][0] == 7


def test_quarantine_reasons_name_file_row_and_fix(loaded):
    con, _ = loaded
    reasons = {
        (f, r): reason
        for f, r, reason in con.execute("SELECT file_name, row_number, reason FROM ops.quarantine").fetchall()
    }
    assert reasons.keys() == EXPECTED_REASONS.keys()
    for key, expected in EXPECTED_REASONS.items():
        assert expected in reasons[key], (key, reasons[key])


def test_the_load_log_keeps_how_each_file_was_read(loaded):
    con, _ = loaded
    notes = dict(con.execute("SELECT file_name, message FROM ops.load_log WHERE status = 'loaded'").fetchall())
    assert notes["01_bom_english_headers_2020-08-19.csv"] == "encoding utf-8, delimiter ','"
    assert notes["02_cp1252_semicolons_2020-09-30.csv"] == "encoding cp1252, delimiter ';'"
    assert notes["03_xlsx_title_rows.xlsx"] == "sheet 'Data Kasus'"


def test_unreadable_and_rejected_files_are_named_with_the_fix(loaded):
    _, report = loaded
    messages = {f.file_name: f.message for f in report.files if f.status != "loaded"}
    assert (
        "missing required column(s) tanggal_laporan; columns found: No Laporan, Pemilihan, Provinsi, Status"
        in (messages["04_missing_date_column_2020-10-31.csv"])
    )
    assert messages["06_broken_download_2020-12-31.xlsx"].startswith(
        "06_broken_download_2020-12-31.xlsx: not a readable XLSX workbook"
    )
    assert "end the file name with _YYYY-MM-DD" in messages["07_no_snapshot_date.csv"]


def test_values_are_typed_and_regions_resolved(loaded):
    con, _ = loaded
    rows = {
        n: (code, match, str(date))
        for n, code, match, date in con.execute(
            "SELECT nomor_laporan, region_code, region_match, tanggal_laporan FROM raw.kasn"
        ).fetchall()
    }
    assert rows == {
        "D-001": ("36.01", "name", "2020-08-03"),
        "D-002": ("36.01", "fuzzy", "2020-08-04"),
        "D-101": ("36.04", "name", "2020-09-23"),
        "D-102": ("36.73", "name", "2020-09-23"),
        "D-201": ("36.74", "alias", "2020-10-01"),
        "D-202": ("93.01", "crosswalk", "2020-10-01"),
        "D-401": ("36.71", "name", "2020-11-01"),
        "D-402": ("36.03", "name", "2020-11-02"),
    }
    snapshot = con.execute("SELECT DISTINCT _batch_key FROM raw.kasn WHERE nomor_laporan LIKE 'D-2%'").fetchall()
    assert snapshot == [("2020-10-31",)]


def test_loading_twice_changes_nothing(loaded, salt):
    con, _ = loaded
    before = con.execute(
        "SELECT (SELECT count(*) FROM raw.kasn), (SELECT count(*) FROM ops.quarantine), "
        "(SELECT count(*) FROM ops.load_log)"
    ).fetchall()
    again = load_source(con, SOURCES["kasn"], DIRTY, salt)
    assert {f.status for f in again.files} == {"skipped"}
    after = con.execute(
        "SELECT (SELECT count(*) FROM raw.kasn), (SELECT count(*) FROM ops.quarantine), "
        "(SELECT count(*) FROM ops.load_log)"
    ).fetchall()
    assert after == before


def test_a_corrected_re_export_replaces_its_snapshot(loaded, tmp_path, salt):
    con, _ = loaded
    folder = tmp_path / "landing"
    shutil.copytree(DIRTY, folder)
    fixed = folder / "02_cp1252_semicolons_2020-09-30.csv"
    text = fixed.read_bytes().decode("cp1252").replace(";Banten;Serang;", ";Banten;Kota Serang;")
    fixed.unlink()
    (folder / "02_koreksi_2020-09-30.csv").write_bytes(text.replace("kemarin", "24/09/2020").encode("cp1252"))
    report = load_source(con, SOURCES["kasn"], folder, salt)
    corrected = next(f for f in report.files if f.file_name == "02_koreksi_2020-09-30.csv")
    assert (corrected.rows_loaded, corrected.rows_quarantined) == (4, 1)
    assert con.execute("SELECT count(*) FROM raw.kasn WHERE _batch_key = '2020-09-30'").fetchall()[0][0] == 4
    statuses = dict(
        con.execute("SELECT file_name, status FROM ops.load_log WHERE snapshot_date = '2020-09-30'").fetchall()
    )
    assert statuses == {"02_cp1252_semicolons_2020-09-30.csv": "replaced", "02_koreksi_2020-09-30.csv": "loaded"}
    old_reasons = con.execute(
        "SELECT count(*) FROM ops.quarantine WHERE file_name = '02_cp1252_semicolons_2020-09-30.csv'"
    ).fetchall()
    assert old_reasons == [(0,)]


def test_no_name_or_nip_reaches_the_database(loaded):
    con, _ = loaded
    dump = json.dumps(
        [con.execute(f"SELECT * FROM {t}").fetchall() for t in ("raw.kasn", "ops.quarantine", "ops.load_log")],
        default=str,
    )
    assert "Dirty" not in dump
    assert not re.search(r"(?<!\d)\d{18}(?!\d)", dump)
    assert "1.98503E+17" not in dump
