"""What a landing folder offers, how files are dated and editions named, and the housekeeping around them,
on small real files."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pandas as pd
import pytest

from ingest.batches import BatchError, batch_of
from ingest.editions import distinguishing_words, match_edition
from ingest.landing import LandingFolderError, check_landing, strays, survey
from ingest.loader import load_source
from ingest.readers import SUPPORTED_SUFFIXES, read_table
from ingest.sources import SOURCES
from ingest.warehouse import connect
from orchestration.dbt import prune_targets

TODAY = dt.date(2026, 11, 24)
HEADER = "No Laporan;Tanggal Laporan;Pemilihan;Provinsi;Kabupaten/Kota;Status;Tindak Lanjut PPK\n"


def parse(value: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(value, "%d/%m/%Y").date()
    except ValueError:
        return None


@pytest.mark.parametrize(
    ("name", "edition"),
    [
        ("Indeks Kerawanan Pemilu 2024 - Isu Strategis: Netralitas ASN", "IKP_2024_ASN"),
        ("netralitas asn (ikp 2024)", "IKP_2024_ASN"),
        ("IKP Tematik Netralitas ASN 2023", "IKP_2024_ASN"),
        ("IKP PEMILIHAN SERENTAK 2020", "IKP_PILKADA_2020"),
        ("Pemilu 2019 IKP", "IKP_2019"),
    ],
)
def test_known_editions_match_whatever_the_order_case_punctuation_and_filler(name, edition):
    assert match_edition(name).edition_id == edition
    assert not match_edition(name).is_new


def test_a_new_edition_gets_an_id_from_its_words_and_one_without_a_year_a_reason():
    new = match_edition("IKP Pilkada Serentak 2024 Kabupaten/Kota")
    assert (new.edition_id, new.is_new) == ("IKP_PEMILIHAN_KABUPATEN_KOTA_2024", True)
    # an extra word that tells editions apart makes another edition, never a guess at a known one
    assert match_edition("IKP 2024 Netralitas TNI").edition_id == "IKP_NETRALITAS_TNI_2024"
    unplaceable = match_edition("IKP Nasional")
    assert unplaceable.edition_id is None and "without one year" in unplaceable.problem
    assert distinguishing_words("Indeks Kerawanan Pemilu (IKP) Pilkada 2020") == ["pemilihan", "2020"]


def test_the_survey_offers_readable_files_and_refuses_everything_else_by_name(tmp_path):
    folder = tmp_path / "kasn"
    folder.mkdir()
    for name in ("b.csv", "A.XLSX", "old.xls", "notes.pdf", "~$open.xlsx", ".DS_Store"):
        (folder / name).write_bytes(b"x")
    (folder / "archive.csv").mkdir()
    (folder / "link.csv").symlink_to(tmp_path / "elsewhere.csv")
    found = {e.name: e.refused for e in survey(folder, SUPPORTED_SUFFIXES, "kasn")}
    assert found["b.csv"] is None and found["A.XLSX"] is None
    assert "save it as .xlsx" in found["old.xls"]
    assert "unsupported file type '.pdf'" in found["notes.pdf"]
    assert "lock file" in found["~$open.xlsx"] and "hidden" in found[".DS_Store"]
    assert "a folder" in found["archive.csv"] and "symbolic link" in found["link.csv"]


def test_the_landing_folder_must_exist_and_hold_something(tmp_path):
    folders = {"kasn": "KASN case exports"}
    with pytest.raises(LandingFolderError, match="does not exist: set NETRA_LANDING_DIR"):
        check_landing(tmp_path / "missing", folders)
    (tmp_path / "kasn").mkdir()
    with pytest.raises(LandingFolderError, match=r"holds no exports: drop files into kasn/ \(KASN case exports\)"):
        check_landing(tmp_path, folders)
    (tmp_path / "KASN_upper").mkdir()
    (tmp_path / "kasn" / "x.csv").write_text("x")
    check_landing(tmp_path, folders)
    (tmp_path / "loose.csv").write_text("x")
    assert [e.name for e in strays(tmp_path, ("kasn",))] == ["KASN_upper", "loose.csv"]


def test_batches_date_snapshots_refuse_the_future_and_date_registers_by_their_entries(tmp_path):
    cases, registers = SOURCES["kasn"], SOURCES["bawaslu_cases"]
    named = batch_of(cases, Path("kasn_2020-09-30.csv"), pd.DataFrame({"x": [1]}), parse, TODAY)
    assert (named.keys, named.as_of) == (["2020-09-30"], dt.date(2020, 9, 30))
    with pytest.raises(BatchError, match="after today"):
        batch_of(cases, Path("kasn.csv"), pd.DataFrame({"tanggal_ekspor": ["01/01/2029"]}), parse, TODAY)
    with pytest.raises(BatchError, match="no snapshot date"):
        batch_of(cases, Path("kasn.csv"), pd.DataFrame({"x": [1]}), parse, TODAY)
    register = batch_of(
        registers, Path("reg.csv"), pd.DataFrame({"tanggal": ["02/07/2020", "15/07/2020"]}), parse, TODAY
    )
    assert (register.keys, register.as_of, register.as_of_from) == (["reg.csv"], dt.date(2020, 7, 15), "latest tanggal")


def test_a_header_only_export_alone_loads_as_an_empty_snapshot(tmp_path):
    folder = tmp_path / "kasn"
    folder.mkdir()
    (folder / "kasn_2020-09-30.csv").write_text(HEADER, encoding="utf-8")
    with connect(tmp_path / "netra.duckdb") as con:
        report = load_source(con, SOURCES["kasn"], folder, b"salt")
    assert [(f.status, f.rows_read, f.rows_loaded, f.rows_quarantined) for f in report.files] == [("loaded", 0, 0, 0)]


def test_utf16_and_a_megabyte_cell_are_read(tmp_path):
    path = tmp_path / "export.csv"
    long = "x" * (1 << 20)
    path.write_bytes((HEADER + f"K-1;01/09/2020;Pilkada 2020;Banten;Kab. Lebak;{long};\n").encode("utf-16"))
    table = read_table(path, SOURCES["kasn"].column_names)
    assert "encoding utf-16" in table.notes and len(table.rows[0][1][5]) == 1 << 20


def test_only_the_newest_dbt_run_folders_are_kept(tmp_path):
    for i in range(9):
        folder = tmp_path / f"netra_dbt-{i:07d}-abc"
        folder.mkdir()
        stamp = 1_700_000_000 + i
        os.utime(folder, (stamp, stamp))
    (tmp_path / "manifest.json").write_text("{}")
    prune_targets(tmp_path, keep=3)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "manifest.json",
        "netra_dbt-0000006-abc",
        "netra_dbt-0000007-abc",
        "netra_dbt-0000008-abc",
    ]
