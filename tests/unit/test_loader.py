"""The loader on small real files in a real DuckDB database: accounting, quarantine, idempotency."""

import json
from pathlib import Path

import pytest

from ingest.loader import load_source
from ingest.sources import SOURCES
from ingest.warehouse import connect

HEADER = "No. Laporan;Tanggal Laporan;Pemilihan;Nama;NIP;Provinsi;Kabupaten/Kota;Status;Tindak Lanjut PPK\n"
ROWS = [
    "K-1;23/09/2020;Pilkada 2020;Ani;198503122010011004;Banten;Kab. Pandeglang;Terbukti;",
    "K-2;Rabu (23/9/2020);Pilkada 2020;Budi;198503122010011005;Banten;Serang;Terbukti;",
    "K-3;kemarin;Pilkada 2020;Cici;198503122010011006;Banten;Kota Cilegon;Dilaporkan;",
    "K-1;24/09/2020;Pilkada 2020;Dedi;198503122010011007;Banten;Kota Cilegon;Dilaporkan;",
    "K-5;25/09/2020;Pilkada 2020;Euis;1.98503E+17;Banten;Tangsel;Dilaporkan;",
    "K-6;25/09/2020;Pilkada 2019;Fani;198503122010011009;Banten;Kab. Lebak;Dilaporkan;",
]


def write(folder: Path, name: str, lines: list[str], header: str = HEADER) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def con(tmp_path):
    connection = connect(tmp_path / "netra.duckdb")
    yield connection
    connection.close()


def test_every_row_is_loaded_or_quarantined_with_a_reason(con, tmp_path, salt):
    folder = tmp_path / "kasn"
    write(folder, "kasn_2020-09-30.csv", ROWS)
    report = load_source(con, SOURCES["kasn"], folder, salt)
    assert [(f.status, f.rows_read, f.rows_loaded, f.rows_quarantined) for f in report.files] == [("loaded", 6, 1, 5)]
    reasons = dict(con.execute("SELECT row_number, reason FROM ops.quarantine ORDER BY row_number").fetchall())
    assert "ambiguous region 'Serang'" in reasons[3]
    assert reasons[4] == "unreadable date 'kemarin' in tanggal_laporan"
    assert reasons[5] == "duplicate nomor_laporan (first at row 2)"
    assert "Excel" in reasons[6]
    assert "unknown pemilihan 'Pilkada 2019'" in reasons[7]
    loaded = con.execute("SELECT nomor_laporan, region_code, election_id FROM raw.kasn").fetchall()
    assert loaded == [("K-1", "36.01", "PILKADA_2020")]


def test_no_name_or_clear_nip_is_stored(con, tmp_path, salt):
    folder = tmp_path / "kasn"
    write(folder, "kasn_2020-09-30.csv", ROWS)
    load_source(con, SOURCES["kasn"], folder, salt)
    stored = json.dumps(
        con.execute("SELECT * FROM raw.kasn").fetchall()
        + con.execute("SELECT row_data FROM ops.quarantine").fetchall(),
        default=str,
    )
    for name in ("Ani", "Budi", "Cici", "Dedi", "Euis", "Fani"):
        assert name not in stored
    assert "19850312201001100" not in stored and "1.98503E+17" not in stored


def test_reload_is_idempotent_and_a_corrected_export_replaces_its_snapshot(con, tmp_path, salt):
    folder = tmp_path / "kasn"
    write(folder, "kasn_2020-09-30.csv", ROWS[:1])
    load_source(con, SOURCES["kasn"], folder, salt)
    again = load_source(con, SOURCES["kasn"], folder, salt)
    assert [f.status for f in again.files] == ["skipped"]
    assert con.execute("SELECT count(*) FROM raw.kasn").fetchall()[0][0] == 1

    (folder / "kasn_2020-09-30.csv").unlink()
    write(
        folder,
        "kasn_koreksi_2020-09-30.csv",
        ROWS[:1] + [ROWS[1].replace(";Serang;", ";Kota Serang;")],
    )
    load_source(con, SOURCES["kasn"], folder, salt)
    assert con.execute("SELECT count(*) FROM raw.kasn").fetchall()[0][0] == 2
    statuses = dict(con.execute("SELECT file_name, status FROM ops.load_log").fetchall())
    assert statuses == {"kasn_2020-09-30.csv": "replaced", "kasn_koreksi_2020-09-30.csv": "loaded"}


def test_bad_files_are_reported_by_name_and_others_still_load(con, tmp_path, salt):
    folder = tmp_path / "kasn"
    write(folder, "a_missing_column_2020-09-30.csv", ROWS[:1], header="No. Laporan;Pemilihan;Status\n")
    (folder / "b_broken_2020-09-30.xlsx").write_bytes(b"not a workbook")
    write(folder, "c_no_date.csv", ROWS[:1])
    write(folder, "d_good_2020-10-01.csv", ROWS[:1])
    report = load_source(con, SOURCES["kasn"], folder, salt)
    by_name = {f.file_name: f for f in report.files}
    assert by_name["a_missing_column_2020-09-30.csv"].status == "rejected"
    assert "missing required column(s) tanggal_laporan" in by_name["a_missing_column_2020-09-30.csv"].message
    assert "columns found: No. Laporan, Pemilihan, Status" in by_name["a_missing_column_2020-09-30.csv"].message
    assert by_name["b_broken_2020-09-30.xlsx"].status == "unreadable"
    assert "no snapshot date" in by_name["c_no_date.csv"].message
    assert by_name["d_good_2020-10-01.csv"].rows_loaded == 1
