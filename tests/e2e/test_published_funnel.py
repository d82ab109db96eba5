"""KASN's published Pilkada 2020 funnel, rebuilt from case-level snapshots and read back from serving.

Published (DOMAIN.md): 490 reported / 372 recommended / 194 followed up as of 19 Aug 2020; 694 / 492 /
256 as of 30 Sep 2020; at the end 2,007 / 1,588 / 1,365 with 311 not proven, 108 incomplete, none
pending and 223 awaiting the PPK. The fixture writes three exports whose cases progress consistently
(a case never goes back from a decision), the way KASN's own exports would.
"""

import csv
import itertools
import shutil
from pathlib import Path

import duckdb
import pytest

from ingest.reference_data import read_seed
from tests.conftest import SAMPLE_LANDING
from tests.e2e.test_pipeline import netra_environment, refresh

pytestmark = pytest.mark.e2e
HEADER = [
    "No. Laporan",
    "Tanggal Laporan",
    "Pemilihan",
    "Nama",
    "NIP",
    "Provinsi",
    "Kabupaten/Kota",
    "Jenis Pelanggaran",
    "Status",
    "Tindak Lanjut PPK",
]
# Final outcome of every case: 1,588 proven (the first 1,365 followed up), 311 not proven, 108 incomplete.
FINAL = [("R", i) for i in range(1, 1589)] + [("N", i) for i in range(1, 312)] + [("I", i) for i in range(1, 109)]


def status_on(kind: str, i: int, snapshot: str) -> tuple[str, str] | None:
    """(status, PPK follow-up) of case (kind, i) in a snapshot, or None if not yet reported."""
    if snapshot == "2020-08-19":
        decided = {"R": 372, "N": 60, "I": 20}[kind]
        followed, pending_until = 194, 410  # R373-R410 reported but still being clarified
    elif snapshot == "2020-09-30":
        decided = {"R": 492, "N": 100, "I": 40}[kind]
        followed, pending_until = 256, 554  # R493-R554 pending
    else:
        decided, followed, pending_until = {"R": 1588, "N": 311, "I": 108}[kind], 1365, 0
    if i <= decided:
        status = {"R": "Terbukti", "N": "Tidak Terbukti", "I": "Dokumen Tidak Lengkap"}[kind]
        return status, ("Sudah" if kind == "R" and i <= followed else "Belum" if kind == "R" else "")
    if kind == "R" and i <= pending_until:
        return "Dalam Proses", ""
    return None


def write_snapshots(folder: Path) -> None:
    folder.mkdir(parents=True)
    regencies = itertools.cycle(read_seed("regions/ref_regencies.csv"))
    provinces = {row["code"]: row["name"] for row in read_seed("regions/ref_provinces.csv")}
    places = {case: next(regencies) for case in FINAL}
    for snapshot in ("2020-08-19", "2020-09-30", "2021-12-31"):
        with (folder / f"kasn_pilkada2020_{snapshot}.csv").open("w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f, delimiter=";")
            writer.writerow(HEADER)
            for number, (kind, i) in enumerate(FINAL, start=1):
                state = status_on(kind, i, snapshot)
                if state is None:
                    continue
                place = places[(kind, i)]
                writer.writerow(
                    [
                        f"KASN-{kind}-{i:04d}",
                        "01/07/2020",
                        "Pilkada 2020",
                        f"ASN {number}",
                        f"19800101{number:010d}",
                        provinces[place["province_code"]],
                        place["name"],
                        "Kampanye di Media Sosial",
                        *state,
                    ]
                )


def test_published_pilkada_2020_funnel_is_reproduced_end_to_end(tmp_path):
    landing = tmp_path / "landing"
    shutil.copytree(SAMPLE_LANDING, landing, ignore=shutil.ignore_patterns("kasn"))
    write_snapshots(landing / "kasn")
    warehouse = tmp_path / "warehouse"
    with netra_environment(landing, warehouse) as instance:
        result = refresh(instance)
    assert result.success
    with duckdb.connect(str(warehouse / "serving.duckdb"), read_only=True) as con:
        history = con.execute(
            "SELECT CAST(as_of_date AS VARCHAR), asn_reported, asn_recommended, asn_followed_up, "
            "asn_not_proven, asn_incomplete, asn_pending, asn_awaiting_ppk, round(100 * followup_rate, 1) "
            "FROM marts.sanction_funnel_history WHERE election_id = 'PILKADA_2020' AND region_code = 'ID' "
            "ORDER BY as_of_date"
        ).fetchall()
        latest = con.execute(
            "SELECT asn_reported, asn_recommended, asn_followed_up, asn_not_proven, asn_incomplete, "
            "asn_pending, asn_awaiting_ppk FROM marts.sanction_funnel "
            "WHERE election_id = 'PILKADA_2020' AND region_code = 'ID'"
        ).fetchall()
    assert history == [
        ("2020-08-19", 490, 372, 194, 60, 20, 38, 178, 52.2),
        ("2020-09-30", 694, 492, 256, 100, 40, 62, 236, 52.0),
        ("2021-12-31", 2007, 1588, 1365, 311, 108, 0, 223, 86.0),
    ]
    assert latest == [(2007, 1588, 1365, 311, 108, 0, 223)]
