from pathlib import Path

import pytest
from openpyxl import Workbook

from ingest.headers import canonical, fold
from ingest.readers import UnreadableFile, read_table

CASE_COLUMNS = ["nomor_laporan", "tanggal_laporan", "pemilihan", "provinsi", "status"]


def test_fold_and_aliases():
    assert fold(" No. Laporan ") == "no_laporan"
    assert canonical("No. Laporan") == "nomor_laporan"
    assert canonical("KABUPATEN/KOTA") == "kabupaten_kota"
    assert canonical("Report Date") == "tanggal_laporan"
    assert canonical("Kolom Baru") == "kolom_baru"


@pytest.mark.parametrize(
    ("content", "encoding"),
    [
        ("No Laporan;Tanggal Laporan;Pemilihan\nA-1;23/09/2020;Pilkada 2020\n", "utf-8"),
        ("\ufeffNo Laporan,Tanggal Laporan,Pemilihan\nA-1,23/09/2020,Pilkada 2020\n", "utf-8"),
        ("No Laporan\tTanggal Laporan\tPemilihan\nA-1\t23/09/2020\tPilkada 2020\n", "utf-8"),
        ("No Laporan;Tanggal Laporan;Pemilihan\nA-1;23/09/2020;Pilkada 2020\n", "cp1252"),
    ],
)
def test_csv_delimiters_and_encodings(tmp_path: Path, content: str, encoding: str):
    path = tmp_path / "export.csv"
    path.write_bytes(content.encode(encoding))
    table = read_table(path, CASE_COLUMNS)
    assert table.columns == ["nomor_laporan", "tanggal_laporan", "pemilihan"]
    assert table.rows == [(2, ["A-1", "23/09/2020", "Pilkada 2020"])]


def test_windows_1252_text_is_decoded(tmp_path: Path):
    path = tmp_path / "export.csv"
    path.write_bytes("No Laporan;Pemilihan;Instansi\nA-1;Pilkada 2020;Dinas Pariwisata – Café\n".encode("cp1252"))
    table = read_table(path, CASE_COLUMNS)
    assert table.rows[0][1][2] == "Dinas Pariwisata – Café"
    assert "encoding cp1252" in table.notes


def test_xlsx_with_title_rows_keeps_sheet_row_numbers_and_mangled_nip(tmp_path: Path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["REKAP KASUS NETRALITAS ASN"])
    sheet.append([])
    sheet.append(["No Laporan", "Tanggal Laporan", "Pemilihan", "NIP"])
    sheet.append(["A-1", 44097, "Pilkada 2020", 1.98e17])
    path = tmp_path / "rekap.xlsx"
    workbook.save(path)
    table = read_table(path, CASE_COLUMNS)
    assert table.header_row_number == 3
    assert table.rows == [(4, ["A-1", "44097", "Pilkada 2020", "1.98e+17"])]


def test_file_without_header_is_unreadable_with_reason(tmp_path: Path):
    path = tmp_path / "notes.csv"
    path.write_text("just,some,text\n1,2,3\n")
    with pytest.raises(UnreadableFile, match="no header row found"):
        read_table(path, CASE_COLUMNS)
