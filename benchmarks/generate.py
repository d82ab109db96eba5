"""`make bench-data SCALE=...`: a synthetic national landing folder with known answers.

All 38 provinces and 514 regencies (from the region seeds), four elections, KASN and BKN case exports
as daily snapshots in which each case moves from reported to a decision and, for most proven cases,
to a PPK follow-up; a Bawaslu register per election, IKP tables per edition, and Indonesian articles
(one JSON-lines file per publication day) that state figures taken from the generated cases, with
distractor figures beside them.

SCALE=1 gives about one million case rows over all snapshots and 50,000 articles; snapshots and cases
per election both grow with the square root of SCALE. The newest snapshot and the newest day of
articles are written to `nightly/` instead of `landing/`, so a benchmark can measure a nightly run
that receives exactly one new snapshot and one new day. `truth.json` holds the figures the marts
must reproduce. Output is deterministic for a given SCALE (seeded).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import math
import random
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from ingest.reference_data import read_seed
from ingest.settings import load_settings

CASE_HEADER = (
    "No. Laporan;Tanggal Laporan;Pemilihan;Nama;NIP;Jabatan;Instansi;Provinsi;Kabupaten/Kota;"
    "Jenis Pelanggaran;Status;Tanggal Rekomendasi;Jenis Sanksi;Tindak Lanjut PPK;Tanggal Tindak Lanjut;"
    "Nomor Register Bawaslu"
)
# (election, source folder, last snapshot date): the snapshots run daily up to the last date.
ELECTIONS = (
    ("PEMILU_2019", "Pemilu 2019", "kasn", dt.date(2019, 4, 30)),
    ("PILKADA_2020", "Pilkada 2020", "kasn", dt.date(2020, 12, 20)),
    ("PEMILU_2024", "Pemilu 2024", "kasn", dt.date(2024, 2, 28)),
    ("PILKADA_2024", "Pilkada 2024", "bkn", dt.date(2024, 12, 10)),
)
FULL_SCALE_DAYS = 120
FULL_SCALE_CASES = 4_200
FULL_SCALE_ARTICLES = 50_000
VIOLATIONS = (
    "Kampanye di Media Sosial",
    "Kegiatan yang Mengarah Keberpihakan",
    "Foto dengan Simbol Tangan",
    "Menghadiri Deklarasi",
    "Pendekatan ke Partai Politik",
    "Memasang Spanduk/Baliho",
)
SANCTIONS = ("Moral Terbuka", "Moral Tertutup", "Ringan", "Sedang", "Berat")
# Agencies as exports name them: the regency's own government and bodies, a provincial school, a
# ministry's regional office, and a name no PPK rule places.
AGENCIES = (
    "Pemerintah {regency}",
    "Dinas Pendidikan",
    "Puskesmas {town}",
    "SMAN 1 {town}",
    "Kementerian Agama {regency}",
    "Koperasi {town}",
)
POSITIONS = ("Guru", "Kepala Desa", "Camat", "Kepala Dinas", "Staf", "Lurah", "Kepala Sekolah")
FIRST_NAMES = ("Ahmad", "Siti", "Budi", "Dewi", "Agus", "Rina", "Hendra", "Yuni", "Joko", "Wati")
LAST_NAMES = ("Saputra", "Rahmawati", "Santoso", "Lestari", "Hidayat", "Kurniawan", "Pratama", "Sari")


@dataclass
class Case:
    number: str
    election: str
    election_label: str
    reported: dt.date
    decided: dt.date | None  # None: still in process at the last snapshot
    outcome: str  # status text once decided
    followed: dt.date | None
    row_prefix: str  # the columns that never change between snapshots
    region_code: str
    register: str


def fmt(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def regions() -> tuple[dict[str, str], list[dict[str, str]]]:
    provinces = {r["code"]: r["name"] for r in read_seed("regions/ref_provinces.csv")}
    return provinces, read_seed("regions/ref_regencies.csv")


def make_cases(rng: random.Random, scale: float, provinces, regencies) -> list[Case]:
    per_election = max(20, round(FULL_SCALE_CASES * math.sqrt(scale)))
    days = snapshot_days(scale)
    cases = []
    for election, label, source, last in ELECTIONS:
        first = last - dt.timedelta(days=days - 1)
        for i in range(per_election):
            regency = rng.choice(regencies)
            reported = first - dt.timedelta(days=30) + dt.timedelta(days=rng.randrange(days + 30))
            decided = reported + dt.timedelta(days=rng.randrange(5, 40))
            roll = rng.random()
            outcome = "Terbukti" if roll < 0.75 else "Tidak Terbukti" if roll < 0.9 else "Dokumen Tidak Lengkap"
            followed = decided + dt.timedelta(days=rng.randrange(5, 60)) if outcome == "Terbukti" else None
            if followed and rng.random() < 0.3:
                followed = None
            number = f"{source.upper()}-{election[-4:]}-{election[:3]}{i + 1:05d}"
            register = f"{i + 1:03d}/Reg/TM/PB/{regency['code']}/{election[-4:]}" if rng.random() < 0.6 else ""
            nip = f"{rng.randrange(1960, 2000)}{rng.randrange(1, 13):02d}{rng.randrange(1, 29):02d}"
            nip += (
                f"{rng.randrange(1990, 2022)}{rng.randrange(1, 13):02d}{rng.randrange(1, 3)}{rng.randrange(1000):03d}"
            )
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            prefix = ";".join(
                (
                    number,
                    fmt(reported),
                    label,
                    name,
                    nip,
                    rng.choice(POSITIONS),
                    rng.choice(AGENCIES).format(regency=regency["name"], town=regency["name"].split(" ", 1)[-1]),
                    provinces[regency["province_code"]],
                    regency["name"],
                    rng.choice(VIOLATIONS),
                )
            )
            cases.append(
                Case(number, election, label, reported, decided, outcome, followed, prefix, regency["code"], register)
            )
    return cases


def snapshot_days(scale: float) -> int:
    return max(3, round(FULL_SCALE_DAYS * math.sqrt(scale)))


def case_row(case: Case, on: dt.date, sanction: str) -> str:
    if case.decided is None or case.decided > on:
        status = ("Dilaporkan", "", "", "", "")
    elif case.outcome != "Terbukti":
        status = (case.outcome, fmt(case.decided), "", "", "")
    elif case.followed is None or case.followed > on:
        status = ("Terbukti", fmt(case.decided), sanction, "Belum", "")
    else:
        status = ("Terbukti", fmt(case.decided), sanction, "Sudah", fmt(case.followed))
    return ";".join((case.row_prefix, *status, case.register))


def funnel(cases: list[Case], on: dt.date) -> dict[str, int]:
    seen = [c for c in cases if c.reported <= on]
    recommended = [c for c in seen if c.outcome == "Terbukti" and c.decided <= on]
    return {
        "asn_reported": len(seen),
        "asn_recommended": len(recommended),
        "asn_followed_up": sum(1 for c in recommended if c.followed and c.followed <= on),
    }


def write_cases(rng: random.Random, cases: list[Case], scale: float, landing: Path, nightly: Path) -> dict:
    """Daily snapshot files per election; the last election's newest snapshot goes to `nightly/`."""
    days = snapshot_days(scale)
    truth, rows = {}, 0
    sanctions = {c.number: rng.choice(SANCTIONS) for c in cases}
    for index, (election, _label, source, last) in enumerate(ELECTIONS):
        mine = sorted((c for c in cases if c.election == election), key=lambda c: c.reported)
        for offset in range(days):
            on = last - dt.timedelta(days=days - 1 - offset)
            held_back = index == len(ELECTIONS) - 1 and on == last
            folder = (nightly if held_back else landing) / source
            folder.mkdir(parents=True, exist_ok=True)
            lines = [case_row(c, on, sanctions[c.number]) for c in mine if c.reported <= on]
            path = folder / f"{source}_netralitas_{election.lower()}_{on.isoformat()}.csv"
            path.write_text(CASE_HEADER + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
            rows += len(lines)
        truth[election] = {"as_of": last.isoformat(), "national": funnel(mine, last)}
        before = last - dt.timedelta(days=1)
        truth[election]["national_day_before"] = {"as_of": before.isoformat(), **funnel(mine, before)}
    truth["case_rows"] = rows
    return truth


def write_registers(cases: list[Case], provinces, landing: Path) -> int:
    folder = landing / "bawaslu_cases"
    folder.mkdir(parents=True, exist_ok=True)
    rows = 0
    for election, label, _source, last in ELECTIONS:
        path = folder / f"bawaslu_penanganan_{election.lower()}_{last.isoformat()}.csv"
        with path.open("w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(
                ["Nomor Register", "Tanggal", "Pemilihan", "Asal", "Provinsi", "Kabupaten/Kota", "Jenis Pelanggaran"]
                + ["Status Registrasi", "Hasil", "Diteruskan Ke", "Jumlah ASN"]
            )
            for case in cases:
                if case.election != election or not case.register:
                    continue
                province, regency = case.row_prefix.split(";")[7:9]
                writer.writerow(
                    [case.register, fmt(case.reported - dt.timedelta(days=2)), label, "Temuan", province, regency]
                    + [
                        "Netralitas ASN",
                        "Diregistrasi",
                        "Pelanggaran",
                        "KASN" if election != "PILKADA_2024" else "BKN",
                        1,
                    ]
                )
                rows += 1
    return rows


def write_ikp(rng: random.Random, provinces, regencies, landing: Path) -> int:
    folder = landing / "bawaslu_ikp"
    folder.mkdir(parents=True, exist_ok=True)
    rows = 0
    for edition in ("IKP Pemilu 2019", "IKP Pemilihan 2020", "IKP 2024 Isu Strategis Netralitas ASN"):
        path = folder / f"{edition.lower().replace(' ', '_')}.csv"
        with path.open("w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f, delimiter=";")
            writer.writerow(["Edisi", "Tingkat", "Provinsi", "Kabupaten/Kota", "Pendekatan", "Skor", "Kategori"])
            for name in provinces.values():
                writer.writerow([edition, "Provinsi", name, "", "kejadian_provinsi", f"{rng.uniform(0, 100):.2f}", ""])
                rows += 1
            for regency in regencies:
                level = "Kota" if regency["name"].startswith("Kota") else "Kabupaten"
                province = provinces[regency["province_code"]]
                score = f"{rng.uniform(0, 100):.2f}".replace(".", ",")
                writer.writerow([edition, level, province, regency["name"], "", score, ""])
                rows += 1
    return rows


# Each template states figures of one region and date; the second sentence is a distractor about
# election organisers, which the extractor must ignore.
ARTICLE_TEMPLATES = (
    "Hingga {date}, Komisi Aparatur Sipil Negara (KASN) mencatat sebanyak {reported} ASN di {place} dilaporkan "
    "melanggar netralitas pada {election}. Di {place}, sebanyak {recommended} ASN telah direkomendasikan "
    "dijatuhi sanksi.\n\nSelain itu, Bawaslu menangani {noise} dugaan pelanggaran yang dilakukan oleh "
    "penyelenggara pemilu.",
    "Data per {date} menunjukkan {reported} ASN di {place} dilaporkan melanggar netralitas menjelang "
    "{election}.\n\nSebanyak {noise} pengawas TPS akan disiagakan pada hari pemungutan suara.",
)
# the metrics each template states, in the order of ARTICLE_TEMPLATES
TEMPLATE_METRICS = (("asn_reported", "asn_recommended"), ("asn_reported",))


def write_articles(rng: random.Random, cases: list[Case], scale: float, provinces, landing, nightly) -> dict:
    """One JSON-lines file per publication day; the last day goes to `nightly/`."""
    total = max(10, round(FULL_SCALE_ARTICLES * scale))
    by_region: dict[tuple[str, str], list[Case]] = {}
    for case in cases:
        by_region.setdefault((case.election, case.region_code[:2]), []).append(case)
    keys = sorted(by_region)
    labels = {e: label for e, label, _s, _l in ELECTIONS}
    lasts = {e: last for e, _label, _s, last in ELECTIONS}
    newest = max(lasts.values())
    days: dict[dt.date, list[dict]] = {}
    gold: dict[str, list[dict]] = {}
    stories: dict[tuple, str] = {}  # story -> the text of its first telling
    for i in range(total):
        election, province = keys[i % len(keys)] if i < len(keys) else rng.choice(keys)
        published = lasts[election] - dt.timedelta(days=rng.randrange(snapshot_days(scale)))
        if i == 0:
            published = newest  # at least one article for the nightly day
            election, province = next(k for k in keys if lasts[k[0]] == newest)
        on = published - dt.timedelta(days=1)
        figures = funnel(by_region[(election, province)], on)
        template = ARTICLE_TEMPLATES[i % len(ARTICLE_TEMPLATES)]
        text = template.format(
            date=f"{on.day} {_MONTHS[on.month - 1]} {on.year}",
            place=provinces[province],
            election=labels[election],
            reported=figures["asn_reported"],
            recommended=figures["asn_recommended"],
            followed=figures["asn_followed_up"],
            noise=rng.randrange(11, 90),
        )
        metrics = TEMPLATE_METRICS[i % len(ARTICLE_TEMPLATES)]
        article_id = f"sintetis-{published.isoformat()}-{i:06d}"
        # the same story (figures, day, place) told again is a syndicated copy of the first telling's
        # text, under another title and address: its facts count once
        story = (election, province, published, i % len(ARTICLE_TEMPLATES))
        first_telling = story not in stories
        text = stories.setdefault(story, text)
        gold[article_id] = [
            {"metric": m, "region_code": province, "value": figures[m]} for m in metrics if first_telling
        ]
        days.setdefault(published, []).append(
            {
                "id": article_id,
                "url": f"https://berita.example/{published.isoformat()}/{i}",
                "title": f"{figures['asn_reported']} ASN di {provinces[province]} Dilaporkan Langgar Netralitas",
                "published_at": f"{published.isoformat()}T09:00:00+07:00",
                "text": text,
            }
        )
    for day, articles in days.items():
        folder = (nightly if day == newest else landing) / "news"
        folder.mkdir(parents=True, exist_ok=True)
        with (folder / f"berita_{day.isoformat()}.jsonl").open("w", encoding="utf-8") as f:
            f.writelines(json.dumps(a, ensure_ascii=False) + "\n" for a in articles)
    about = "Facts stated by the synthetic articles, in the format of tests/fixtures/news/gold.json."
    for folder in (landing / "news", nightly / "news"):
        mine = {a.stem: None for a in folder.glob("*.jsonl")}
        ids = {article["id"] for day, articles in days.items() if day.isoformat() in str(mine) for article in articles}
        chosen = {article_id: facts for article_id, facts in gold.items() if article_id in ids}
        (folder / "gold.json").write_text(json.dumps({"about": about, "articles": chosen}), encoding="utf-8")
    return {"articles": total, "article_days": len(days), "facts_stated": sum(len(f) for f in gold.values())}


_MONTHS = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]


def generate(scale: float, target: Path) -> dict:
    rng = random.Random(f"netra-{scale}")
    if target.exists():
        shutil.rmtree(target)
    landing, nightly = target / "landing", target / "nightly"
    provinces, regencies = regions()
    cases = make_cases(rng, scale, provinces, regencies)
    truth = {"scale": scale, "cases": len(cases)}
    truth.update(write_cases(rng, cases, scale, landing, nightly))
    truth["register_rows"] = write_registers(cases, provinces, landing)
    truth["ikp_rows"] = write_ikp(rng, provinces, regencies, landing)
    truth.update(write_articles(rng, cases, scale, provinces, landing, nightly))
    (target / "truth.json").write_text(json.dumps(truth, indent=2), encoding="utf-8")
    return truth


def bench_folder(scale: float) -> Path:
    return load_settings().warehouse_dir / "bench" / f"scale-{scale:g}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=0.1)
    args = parser.parse_args(argv)
    target = bench_folder(args.scale)
    truth = generate(args.scale, target)
    print(
        f"{target}: {truth['case_rows']:,} case rows in daily snapshots of {truth['cases']:,} cases, "
        f"{truth['register_rows']:,} register rows, {truth['ikp_rows']:,} IKP rows, "
        f"{truth['articles']:,} articles over {truth['article_days']:,} days"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
