"""A landing folder written by someone else: other spellings, shapes and encodings, and broken or hostile
files, generated here (nothing of data/sample). Every entry is accounted for, file by file, the marts
hold the figures computed by hand below, no name or NIP reaches any DuckDB file, and the summary says
what a person must fix."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from pathlib import Path

import duckdb
import openpyxl
import pytest

from ingest.settings import load_settings
from orchestration.summary import summarise
from tests.e2e.test_pipeline import netra_environment, refresh

pytestmark = pytest.mark.e2e

NAMES = ["Asep Sunarya", "Budi Hartono", "Siti Aminah", "Dedi Kurnia", "Euis Komariah", "Rina Marlina"]
NIPS = [f"1985010120100{i:05d}" for i in range(1, 9)]
NIP_SHAPED = re.compile(r"(?<!\d)\d(?:[ .-]?\d){17}(?!\d)")

# The figures by hand. Pemilu 2024, KASN, national:
#   31 Jan (XLSX): S-1 recommended and followed up, S-2 recommended, S-3 not proven, S-4 pending
#                  -> 4 reported, 2 recommended, 1 not proven, 0 incomplete, 1 pending, 1 followed up
#   29 Feb (CSV):  S-2 followed up, S-4 recommended, S-5 new and reported; S-6 (a comma in an unquoted
#                  name shifts it) and S-7 (no election) quarantined
#                  -> 5 reported, 3 recommended, 1 not proven, 0, 1 pending, 2 followed up
#   31 Mar (UTF-16, tab-separated, date in the name) and 30 Apr (the same bytes under a new date): as 29 Feb
FUNNEL = {
    "2024-01-31": (4, 2, 1, 0, 1, 1),
    "2024-02-29": (5, 3, 1, 0, 1, 2),
    "2024-03-31": (5, 3, 1, 0, 1, 2),
    "2024-04-30": (5, 3, 1, 0, 1, 2),
}
# (status, read, loaded, quarantined) per entry; every entry of the landing folder has its line
EXPECTED_LOG = {
    ("kasn", "Rekap Netralitas ASN.xlsx"): ("loaded", 4, 4, 0),
    ("kasn", "netralitas_asn_februari.csv"): ("loaded", 7, 5, 2),
    ("kasn", "export_2024-03-31.csv"): ("loaded", 5, 5, 0),
    ("kasn", "export_2024-04-30.csv"): ("loaded", 5, 5, 0),
    ("kasn", "kosong_2024-05-31.csv"): ("loaded", 0, 0, 0),
    ("kasn", "masa_depan.csv"): ("rejected", 1, 0, 0),
    ("kasn", "tanpa_status_2024-06-30.csv"): ("rejected", 1, 0, 0),
    ("kasn", "dobel_2024-07-31.csv"): ("rejected", 1, 0, 0),
    ("kasn", "lama.xls"): ("refused", 0, 0, 0),
    ("kasn", "arsip.csv"): ("refused", 0, 0, 0),
    ("bawaslu_ikp", "ikp.csv"): ("loaded", 4, 3, 1),
    ("bawaslu_cases", "register jabar.csv"): ("loaded", 3, 2, 1),
    ("bawaslu_cases", "register banten.csv"): ("loaded", 1, 1, 0),
    ("news", "a.html"): ("loaded", 1, 1, 0),
    ("news", "a.txt"): ("loaded", 1, 0, 1),
    ("news", "feed.jsonl"): ("loaded", 4, 1, 3),
    ("news", "x.txt"): ("refused", 0, 0, 0),
    ("news", "berita.csv"): ("refused", 0, 0, 0),
    ("landing", "catatan.docx"): ("refused", 0, 0, 0),
}

HEADER = [
    "No. Laporan", "Tanggal Laporan", "Pemilihan", "Nama", "NIP", "Instansi", "Provinsi", "Kabupaten/Kota",
    "Jenis Pelanggaran", "Status", "Tanggal Rekomendasi", "Jenis Sanksi", "Tindak Lanjut PPK",
    "Tanggal Tindak Lanjut", "Tanggal Ekspor",
]  # fmt: skip


def case(number, name, nip, agency, regency, status, recommended="", followed="", done="", on="29/02/2024"):
    return [
        f"S-{number}", f"0{number}/01/2024", "Pemilu 2024", name, nip, agency, "Jawa Barat", regency,
        "Kampanye di Media Sosial", status, recommended, "Ringan" if recommended else "", followed, done, on,
    ]  # fmt: skip


def line(fields: list[str], separator: str = ",") -> str:
    return separator.join(f'"{field}"' for field in fields)


FEBRUARY = [
    case(1, NAMES[0], NIPS[0], "Dinas Pendidikan", "Kab. Bandung", "Terbukti", "10/01/2024", "Sudah", "20/01/2024"),
    case(2, NAMES[1], NIPS[1], "Bappeda", "Kota Bandung", "Terbukti", "12/01/2024", "Sudah", "20/02/2024"),
    case(3, NAMES[2], NIPS[2], "Dinas Kesehatan", "Kab. Garut", "Tidak Terbukti"),
    case(4, NAMES[3], NIPS[3], "Puskesmas Cibodas", "Kab. Bogor", "Terbukti", "15/02/2024", "Belum"),
    # a name with a comma, quoted as it should be, and a NIP typed into the agency
    case(5, "Budi Hartono, S.Pd", NIPS[4], "SMPN 1 Garut (NIP 19691231 199003 1 005)", "Kab. Garut", "Dilaporkan"),
]
# a comma in a name the exporter did not quote: the row has one field too many
SHIFTED = (
    f"S-6,06/01/2024,Pemilu 2024,Siti Aminah, S.Pd,{NIPS[5]},Bappeda,Jawa Barat,Kab. Garut,Lainnya,Dilaporkan,,,,,"
    "29/02/2024"
)
NO_ELECTION = [*case(7, NAMES[5], NIPS[6], "Bappeda", "Kab. Garut", "Dilaporkan")[:2], "", *FEBRUARY[2][3:]]


def write_kasn(folder: Path) -> None:
    folder.mkdir(parents=True)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Rekap"
    sheet.append(["REKAP PELANGGARAN NETRALITAS ASN PEMILU 2024"])
    sheet.append([])
    sheet.append(
        ["Report Number", "Report Date", "Election", "Name", "NIP", "Agency", "Province", "Regency/City",
         "Violation", "Status", "Recommendation Date", "Sanction", "PPK Follow-up", "Follow-up Date", "Export Date"]
    )  # fmt: skip
    for number, regency, status, recommended, followed in (
        (1, "Kab. Bandung", "Terbukti", dt.datetime(2024, 1, 10), "Sudah"),
        (2, "Kota Bandung", "Terbukti", dt.datetime(2024, 1, 12), "Belum"),
        (3, "Kab. Garut", "Tidak Terbukti", None, None),
        (4, "Kab. Bogor", "Dalam Proses", None, None),
    ):
        sheet.append(
            [f"S-{number}", dt.datetime(2024, 1, number), "Pemilu 2024", NAMES[number - 1], NIPS[number - 1],
             "Dinas Pendidikan", "Jawa Barat", regency, "Kampanye di Media Sosial", status, recommended,
             "Ringan" if recommended else None, followed, dt.datetime(2024, 1, 20) if followed == "Sudah" else None,
             dt.datetime(2024, 1, 31)]
        )  # fmt: skip
    book.save(folder / "Rekap Netralitas ASN.xlsx")
    february = [line(HEADER), *(line(f) for f in FEBRUARY), SHIFTED, line(NO_ELECTION)]
    (folder / "netralitas_asn_februari.csv").write_text("\n".join(february) + "\n", encoding="utf-8")
    # Excel's "Unicode text": UTF-16 with tabs, and the date in the name instead of a column
    tabbed = "\n".join(line(fields[:-1], "\t") for fields in (HEADER, *FEBRUARY)) + "\n"
    (folder / "export_2024-03-31.csv").write_bytes(tabbed.encode("utf-16"))
    (folder / "export_2024-04-30.csv").write_bytes(tabbed.encode("utf-16"))
    (folder / "kosong_2024-05-31.csv").write_text(line(HEADER) + "\n", encoding="utf-8")
    future = case(8, NAMES[4], NIPS[7], "Bappeda", "Kab. Garut", "Dilaporkan", on="01/01/2029")
    (folder / "masa_depan.csv").write_text(f"{line(HEADER)}\n{line(future)}\n", encoding="utf-8")
    without_status = [[f for i, f in enumerate(fields) if i != 9] for fields in (HEADER, FEBRUARY[2])]
    (folder / "tanpa_status_2024-06-30.csv").write_text("\n".join(map(line, without_status)) + "\n", encoding="utf-8")
    twice = [("Status" if name == "Jenis Pelanggaran" else name) for name in HEADER]
    (folder / "dobel_2024-07-31.csv").write_text(f"{line(twice)}\n{line(FEBRUARY[2])}\n", encoding="utf-8")
    (folder / "lama.xls").write_bytes(b"\xd0\xcf\x11\xe0 an old workbook")
    (folder / "arsip.csv").mkdir()


def write_ikp(folder: Path) -> None:
    folder.mkdir(parents=True)
    (folder / "ikp.csv").write_text(
        "Edisi;Tingkat;Provinsi;Kabupaten/Kota;Skor;Kategori\n"
        "Indeks Kerawanan Pemilu 2024 - Isu Strategis: Netralitas ASN;provinsi;Jawa Barat;;55,5;\n"
        "NETRALITAS ASN IKP 2024;provinsi;Jawa Barat;;60;\n"
        "IKP 2024 (Netralitas ASN);kabupaten;Jawa Barat;Kab. Bandung;100;\n"
        "IKP Pilkada Serentak 2024;provinsi;Banten;;40,25;Rawan Tinggi\n",
        encoding="utf-8",
    )


def write_registers(folder: Path) -> None:
    folder.mkdir(parents=True)
    header = "Nomor Register,Tanggal,Pemilihan,Asal,Provinsi,Kabupaten/Kota,Jenis Pelanggaran,Status Registrasi,"
    header += "Hasil,Diteruskan Ke,Jumlah ASN,Keterangan"
    chronology = "kronologi " * 110_000  # a 1 MB cell pasted into a remark column
    (folder / "register jabar.csv").write_text(
        f"{header}\n"
        f"R-1,10/01/2024,Pemilu 2024,Temuan,Jawa Barat,Kab. Bandung,Netralitas ASN,Diregistrasi,Pelanggaran,KASN,2,\n"
        f"R-2,11/01/2024,Pemilu 2024,Laporan,Jawa Barat,Kab. Garut,Netralitas ASN,Diregistrasi,Pelanggaran,KASN,"
        f"99999999999999999999999,\n"
        f"R-3,15/01/2024,Pemilu 2024,Laporan,Jawa Barat,Kab. Bogor,Netralitas ASN,Diregistrasi,Pelanggaran,KASN,1,"
        f'"{chronology}"\n',
        encoding="utf-8",
    )
    (folder / "register banten.csv").write_text(
        f"{header}\nR-10,20/01/2024,Pemilu 2024,Temuan,Banten,Kota Serang,Netralitas ASN,Diregistrasi,"
        "Pelanggaran,BKN,1,\n",
        encoding="utf-8",
    )


def write_news(folder: Path) -> None:
    folder.mkdir(parents=True)
    story = "Bawaslu mencatat 12 ASN dilaporkan melanggar netralitas di Jawa Barat menjelang Pemilu 2024."
    (folder / "a.html").write_text(
        f"<html><head><title>ASN</title></head><body><article><h1>ASN dilaporkan</h1><p>{story}</p>"
        "<p>Pengawas meminta pejabat pembina kepegawaian menindaklanjuti setiap rekomendasi.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    (folder / "a.txt").write_text(story, encoding="utf-8")
    lines = [
        json.dumps({"id": "f-1", "url": "https://berita.example/f-1", "text": story}),
        '{"id": "f-2", "text": "cut off',
        json.dumps({"id": "f-1", "url": "https://berita.example/f-1-again", "text": story}),
        json.dumps({"id": "a", "url": "https://berita.example/a", "text": story}),
    ]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "x.txt").symlink_to("/etc/passwd")
    (folder / "berita.csv").write_text("judul,isi\nASN,netral\n", encoding="utf-8")


@pytest.fixture(scope="module")
def stranger(tmp_path_factory):
    root = tmp_path_factory.mktemp("stranger")
    landing, warehouse = root / "landing", root / "warehouse"
    write_kasn(landing / "kasn")
    write_ikp(landing / "bawaslu_ikp")
    write_registers(landing / "bawaslu_cases")
    write_news(landing / "news")
    (landing / "catatan.docx").write_bytes(b"notes, not an export")
    with netra_environment(landing, warehouse) as instance:
        result = refresh(instance)
        summary = summarise(instance, result.run_id, load_settings())
    return {"landing": landing, "warehouse": warehouse, "result": result, "summary": summary}


def test_every_entry_is_logged_and_rows_read_are_loaded_or_quarantined(stranger):
    with duckdb.connect(str(stranger["warehouse"] / "netra.duckdb"), read_only=True) as con:
        logged = {
            (source, name): (status, read, loaded, quarantined)
            for source, name, status, read, loaded, quarantined in con.execute(
                "SELECT source, file_name, status, rows_read, rows_loaded, rows_quarantined FROM ops.load_log"
            ).fetchall()
        }
        in_quarantine = dict(
            ((source, name), count)
            for source, name, count in con.execute(
                "SELECT source, file_name, count(*) FROM ops.quarantine GROUP BY ALL"
            ).fetchall()
        )
    assert logged == EXPECTED_LOG
    for key, (status, read, loaded, quarantined) in logged.items():
        if status == "loaded":
            assert read == loaded + quarantined, key
            assert in_quarantine.get(key, 0) == quarantined, key


def test_quarantine_and_refusals_say_what_to_fix_without_personal_data(stranger):
    with duckdb.connect(str(stranger["warehouse"] / "netra.duckdb"), read_only=True) as con:
        reasons = {
            (name, row): reason
            for name, row, reason in con.execute("SELECT file_name, row_number, reason FROM ops.quarantine").fetchall()
        }
        messages = dict(con.execute("SELECT file_name, message FROM ops.load_log WHERE status <> 'loaded'").fetchall())
        shifted = con.execute(
            "SELECT row_data FROM ops.quarantine WHERE file_name = 'netralitas_asn_februari.csv' AND row_number = 7"
        ).fetchone()[0]
        agencies = [a for (a,) in con.execute("SELECT DISTINCT instansi FROM raw.kasn ORDER BY 1").fetchall()]
    assert reasons[("netralitas_asn_februari.csv", 7)] == (
        "row has 16 fields but the header has 15 (truncated or shifted row)"
    )
    assert set(json.loads(shifted).values()) <= {"<masked>", None}
    assert reasons[("netralitas_asn_februari.csv", 8)] == "missing required value in pemilihan"
    assert "'NETRALITAS ASN IKP 2024'" in reasons[("ikp.csv", 3)] and "name the same edition" in reasons[("ikp.csv", 3)]
    assert "jumlah_asn 99999999999999999999999 is not a whole number" in reasons[("register jabar.csv", 3)]
    assert "already the id of an article from a.html" in reasons[("a.txt", 1)]
    assert "not a JSON record" in reasons[("feed.jsonl", 2)]
    assert "used twice in feed.jsonl (first at line 1)" in reasons[("feed.jsonl", 3)]
    assert "already the id of an article from a.html" in reasons[("feed.jsonl", 4)]
    assert "2029-01-01" in messages["masa_depan.csv"] and "after today" in messages["masa_depan.csv"]
    assert "missing column(s) status" in messages["tanpa_status_2024-06-30.csv"]
    assert "status: 'Status' (column 9) and 'Status' (column 10)" in messages["dobel_2024-07-31.csv"]
    assert "save it as .xlsx" in messages["lama.xls"]
    assert "a folder" in messages["arsip.csv"]
    assert "symbolic link" in messages["x.txt"]
    assert "unsupported file type '.csv'" in messages["berita.csv"]
    assert "not in a source folder" in messages["catatan.docx"]
    assert "SMPN 1 Garut (NIP <NIP masked>)" in agencies


def test_no_name_or_nip_in_any_database(stranger):
    # a landing file's SHA-256 (`load_log.file_sha256`): its hex digits can run 18 long by chance
    # ("...e153411495829196928d", an XLSX whose bytes change with the time it was written), which is no NIP
    file_digests = {
        hashlib.sha256(path.read_bytes()).hexdigest() for path in stranger["landing"].rglob("*") if path.is_file()
    }
    for database in ("netra.duckdb", "serving.duckdb"):
        with duckdb.connect(str(stranger["warehouse"] / database), read_only=True) as con:
            for schema, table in con.execute(
                "SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
            ).fetchall():
                cells = [
                    cell
                    for row in con.execute(f'SELECT * FROM "{schema}"."{table}"').fetchall()
                    for cell in row
                    if isinstance(cell, str)
                ]
                assert not any(NIP_SHAPED.search(c) for c in cells if c not in file_digests), (
                    database,
                    table,
                )
                assert not any(nip in c for c in cells for nip in NIPS), (database, table)
                assert not any(name in c for c in cells for name in NAMES), (database, table)


def test_the_marts_hold_the_strangers_figures(stranger):
    with duckdb.connect(str(stranger["warehouse"] / "serving.duckdb"), read_only=True) as con:
        funnel = {
            date: tuple(rest)
            for date, *rest in con.execute(
                "SELECT CAST(as_of_date AS VARCHAR), asn_reported, asn_recommended, asn_not_proven, asn_incomplete, "
                "asn_pending, asn_followed_up FROM marts.sanction_funnel_history "
                "WHERE election_id = 'PEMILU_2024' AND region_code = 'ID' ORDER BY 1"
            ).fetchall()
        }
        ikp = con.execute(
            "SELECT edition_id, region_code, score, category, category_source FROM marts.ikp_asn_neutrality "
            "WHERE approach <> 'agregat_kabupaten' ORDER BY 1, 2"
        ).fetchall()
        register = con.execute(
            "SELECT cases, asn_forwarded FROM marts.bawaslu_case_summary "
            "WHERE election_id = 'PEMILU_2024' AND region_code = 'ID' AND violation_type = 'netralitas_asn'"
        ).fetchall()
        statuses = dict(con.execute("SELECT mart, status FROM marts.publish_status").fetchall())
    assert funnel == FUNNEL
    assert ikp == [
        ("IKP_2024_ASN", "32", 55.5, "sedang", "edition_method"),
        ("IKP_2024_ASN", "32.04", 100.0, "sedang", "edition_method"),
        ("IKP_PEMILIHAN_2024", "36", 40.25, "tinggi", "published"),
    ]
    # both dateless register files count: R-1 (2 ASN), R-3 (1) and R-10 (1); R-2 is quarantined
    assert register == [(3, 4)]
    assert set(statuses.values()) == {"published"}


def test_the_summary_names_each_problem_and_what_to_do(stranger):
    text = stranger["summary"].text()
    assert stranger["summary"].outcome == "published", text
    assert "files: 11 new, 0 unchanged, 8 not loaded" in text
    for expected in (
        "kasn/lama.xls: refused",
        "kasn/masa_depan.csv: rejected",
        "missing column(s) status",
        "news/x.txt: refused",
        "catatan.docx: refused: not in a source folder",
        "new IKP edition 'IKP Pilkada Serentak 2024' loaded as IKP_PEMILIHAN_2024",
        "NIP-shaped number in a text column",
    ):
        assert expected in text, (expected, text)
