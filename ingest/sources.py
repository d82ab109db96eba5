"""The registry of landing sources: folder, raw table, columns and what makes a row unique.

Each column has a kind that says how it is typed on load (in DuckDB, see `sql/parse_macros.sql`) and
whether a row without it is quarantined. Adding a tabular source is adding an entry here (README,
"Adding a source").
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    name: str
    # text | date | number | integer | nip (pseudonymised) | personal (dropped before loading)
    kind: str = "text"
    required: bool = False
    # inclusive range for numbers; a value outside it is quarantined with the range named
    bounds: tuple[float, float] | None = None
    # the header must have it, though its cells may be empty: the marts depend on it, and a file that
    # lost it (a column deleted in Excel) would otherwise load and show every case undecided
    expected: bool = False


@dataclass(frozen=True)
class Source:
    name: str
    description: str
    columns: tuple[Column, ...]
    # Columns unique within one batch (snapshot or edition); a second row with the same key is quarantined.
    key: tuple[str, ...]
    # "snapshot": each file is the whole source as of a date (column tanggal_ekspor or _YYYY-MM-DD in
    # the file name), and a later file for the same date replaces the earlier one.
    # "edition": each file holds whole IKP editions, and a later file for an edition replaces it.
    # "entries": each file holds register entries; a file replaces only an earlier file of its name,
    # and each entry's newest row (by the file's as-of date) wins in staging.
    batch: str
    # Above this share of quarantined rows (over the files currently loaded) the source's quarantine
    # check warns: a few bad rows are normal in hand-made exports; many mean a broken export.
    max_quarantine_share: float = 0.05
    # An export whose newest snapshot (or, for IKP, newest file) is older than this is flagged stale:
    # during an election KASN/BKN and Bawaslu export at least monthly; IKP comes once per edition.
    max_export_age_days: int = 31

    @property
    def raw_table(self) -> str:
        return f"raw.{self.name}"

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def required(self) -> list[str]:
        return [c.name for c in self.columns if c.required]

    @property
    def expected(self) -> list[str]:
        return [c.name for c in self.columns if c.expected]


_REGION_COLUMNS = (
    Column("provinsi"),
    Column("kabupaten_kota"),
    Column("kode_wilayah"),
)

_CASE_COLUMNS = (
    Column("nomor_laporan", required=True),
    Column("tanggal_laporan", "date", required=True),
    Column("pemilihan", required=True),
    Column("nama", "personal"),
    Column("nip", "nip"),
    Column("jabatan"),
    Column("instansi"),
    *_REGION_COLUMNS,
    Column("jenis_pelanggaran"),
    Column("status", expected=True),
    Column("tanggal_rekomendasi", "date"),
    Column("jenis_sanksi"),
    Column("tindak_lanjut_ppk", expected=True),
    Column("tanggal_tindak_lanjut", "date"),
    Column("nomor_register"),
    Column("tanggal_ekspor", "date"),
)

SOURCES: dict[str, Source] = {
    s.name: s
    for s in (
        Source(
            "kasn",
            "KASN ASN-neutrality case exports (to 2024), one row per reported ASN",
            _CASE_COLUMNS,
            key=("nomor_laporan",),
            batch="snapshot",
        ),
        Source(
            "bkn",
            "BKN ASN-neutrality case exports (from 2024), same shape as KASN",
            _CASE_COLUMNS,
            key=("nomor_laporan",),
            batch="snapshot",
        ),
        Source(
            "bawaslu_ikp",
            "Bawaslu IKP score tables, one row per edition, region and approach",
            (
                Column("edisi", required=True),
                Column("tingkat"),
                *_REGION_COLUMNS,
                Column("pendekatan"),
                Column("skor", "number", required=True, bounds=(0, 100)),
                Column("kategori"),
                Column("nilai_kejadian", "number", bounds=(0, float("inf"))),
            ),
            # the edition as matched, not as spelled: two spellings of one edition are one key
            key=("edition_id", "region_code", "pendekatan"),
            batch="edition",
            max_export_age_days=400,
        ),
        Source(
            "bawaslu_cases",
            "Bawaslu violation-handling register exports, one row per register entry",
            (
                Column("nomor_register", required=True),
                Column("tanggal", "date"),
                Column("pemilihan", required=True),
                Column("asal"),
                *_REGION_COLUMNS,
                Column("jenis_pelanggaran"),
                Column("status_registrasi"),
                Column("hasil"),
                Column("diteruskan_ke"),
                Column("jumlah_asn", "integer", bounds=(0, float("inf"))),
                Column("tanggal_ekspor", "date"),
            ),
            key=("nomor_register",),
            batch="entries",
        ),
    )
}
TABULAR_SOURCES = tuple(SOURCES)
NEWS_SOURCE = "news"
