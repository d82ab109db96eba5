"""A small, self-contained HTML report of the published marts, for readers without a BI tool.

Written for the analysts who read it, in Indonesian first with English after a slash: elections and
IKP editions by name, the funnel and its follow-up rate per election, province and regency, PPK
follow-up, zones per province and regency, violation categories, and what the news said beside the
official figures. It opens offline and shows the versions the serving database holds, saying first
which marts kept an older version and why.
"""

from __future__ import annotations

import datetime as dt
from html import escape

import duckdb

from serving.report_charts import grouped_bars, hbar_chart, number, table

CATEGORY_COLOURS = {"tinggi": "#c0392b", "sedang": "#e67e22", "rendah": "#27ae60", None: "#7f8c8d"}
ZONE_COLOURS = {"merah": "#e74c3c", "kuning": "#f1c40f", "hijau": "#2ecc71", None: "#ecf0f1"}
AGEING_COLOUR = "#d35400"
TOP_REGIONS = 15
METRICS = {
    "asn_reported": "ASN dilaporkan / reported",
    "asn_recommended": "ASN direkomendasikan sanksi / recommended",
    "asn_followed_up": "ditindaklanjuti PPK / followed up",
    "followup_rate_pct": "tingkat tindak lanjut (%) / follow-up rate",
    "asn_not_proven": "tidak terbukti / not proven",
    "ikp_score": "skor IKP / IKP score",
    "ikp_rank": "peringkat IKP / IKP rank",
}
FUNNEL_HEADERS = [
    "wilayah / region",
    "dilaporkan / reported",
    "direkomendasikan / recommended",
    "ditindaklanjuti / followed up",
    "menunggu PPK / awaiting",
    "tingkat tindak lanjut (%) / follow-up rate",
]
_STYLE = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #222; max-width: 1000px; }
h1 { margin-bottom: 0; } h2.warning { color: #c0392b; } h2 { border-bottom: 1px solid #ccc; margin-top: 2em; }
figure { margin: 1em 0; } figcaption { font-weight: 600; margin-bottom: .3em; }
svg text { font-size: 12px; } table { border-collapse: collapse; margin-bottom: 1em; }
td, th { border: 1px solid #ddd; padding: 3px 8px; text-align: left; } td.num { text-align: right; }
.key { display: inline-block; width: 12px; height: 12px; margin: 0 4px 0 12px; }
"""


def render(con: duckdb.DuckDBPyConnection, schema: str = "marts") -> str:
    """The report for the marts in `schema` ("catalog.schema" or "schema") of the connected database."""
    catalog, _, name = schema.rpartition(".")
    present = {
        t
        for (t,) in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND (? = '' OR table_catalog = ?)",
            [name, catalog, catalog],
        ).fetchall()
    }
    names = _names(con, schema, present)
    sections = [
        section(con, schema, names) if set(needs) <= present else _missing(needs)
        for needs, section in (
            (("publish_status",), _status),
            (("sanction_funnel_history", "sanction_funnel"), _funnel),
            (("ppk_followup", "dim_region"), _ppk),
            (("ikp_asn_neutrality",), _ikp),
            (("neutrality_zone",), _zones),
            (("violation_categories",), _categories),
            (("news_vs_official",), _news),
        )
    ]
    stamp = dt.datetime.now().strftime("%d-%m-%Y %H:%M")
    return f"""<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Netra: laporan netralitas ASN</title>
<style>{_STYLE}</style></head><body>
<h1>Netra: netralitas ASN dalam pemilihan</h1>
<p>ASN neutrality in Indonesian elections. Diterbitkan / published {stamp} dari tabel serving.duckdb yang
lolos pemeriksaan mutu. Wilayah menurut kode Kemendagri; angka per tanggal data setiap ekspor. / Regions by
Kemendagri code; figures as of each export's date.</p>
{"".join(sections)}
</body></html>
"""


def _names(con, schema: str, present: set[str]) -> dict[str, str]:
    """Election and IKP edition ids -> their names, where the dimension marts are published."""
    found: dict[str, str] = {}
    if "dim_election" in present:
        found |= dict(con.execute(f"SELECT election_id, election_name FROM {schema}.dim_election").fetchall())
    if "dim_ikp_edition" in present:
        found |= dict(con.execute(f"SELECT edition_id, edition_name FROM {schema}.dim_ikp_edition").fetchall())
    return found


def _missing(marts: tuple[str, ...]) -> str:
    return f"<p>Belum diterbitkan / not published yet: {escape(', '.join(marts))}.</p>"


def _status(con, schema: str, names: dict[str, str]) -> str:
    """Which marts kept an older version, and why: first, so no reader takes a stale figure for a current one."""
    rows = con.execute(
        f"""SELECT mart, status, CAST(published_at AS VARCHAR), CAST(data_as_of AS VARCHAR), reason
            FROM {schema}.publish_status WHERE status <> 'published' ORDER BY mart"""
    ).fetchall()
    if not rows:
        return "<p>Semua tabel berasal dari pembaruan terakhir / every mart is from the latest refresh.</p>"
    labels = {"stale": "versi lama dipertahankan (stale)", "held_back": "ditahan, belum ada versi (held back)"}
    return (
        '<h2 class="warning">Tabel yang ditahan / marts held back</h2>'
        "<p>Pemeriksaan mutu gagal untuk tabel berikut; angkanya di bawah berasal dari penerbitan sebelumnya. / "
        "These marts failed a check; their figures below are from an earlier publish.</p>"
        + table(
            ["tabel / mart", "status", "diterbitkan / published", "data per / as of", "alasan / reason"],
            [(m, labels.get(s, s), p, a, r) for m, s, p, a, r in rows],
        )
    )


def _funnel(con, schema: str, names: dict[str, str]) -> str:
    """Per election: the national funnel over time, then the latest figures per province and the regencies
    with the most ASN reported, each with its follow-up rate."""
    history = con.execute(
        f"""SELECT election_id, CAST(as_of_date AS VARCHAR), asn_reported, asn_recommended, asn_followed_up
            FROM {schema}.sanction_funnel_history WHERE region_code = 'ID' ORDER BY election_id, as_of_date"""
    ).fetchall()
    latest = con.execute(
        f"""SELECT election_id, region_level, region_name, asn_reported, asn_recommended, asn_followed_up,
                   asn_awaiting_ppk, 100 * followup_rate, CAST(as_of_date AS VARCHAR)
            FROM {schema}.sanction_funnel ORDER BY election_id, asn_reported DESC, region_name"""
    ).fetchall()
    parts = []
    for election in dict.fromkeys(r[0] for r in history):
        title = names.get(election, election)
        groups = [
            (date, {"asn_reported": rep, "asn_recommended": rec, "asn_followed_up": fol})
            for e, date, rep, rec, fol in history
            if e == election
        ]
        mine = [r for r in latest if r[0] == election]
        national = next((r for r in mine if r[1] == "national"), None)
        parts.append(f"<h3>{escape(title)}</h3>")
        if national:
            parts.append(
                f"<p>Per {escape(national[8])}: {number(national[3])} ASN dilaporkan, {number(national[4])} "
                f"direkomendasikan sanksi, {number(national[5])} ditindaklanjuti PPK: tingkat tindak lanjut "
                f"<strong>{number(national[7])} %</strong>. / As of that date, {national[5]} of {national[4]} "
                "recommended ASN were followed up by their PPK.</p>"
            )
        parts.append(grouped_bars(f"{title}: corong sanksi nasional dari waktu ke waktu / funnel over time", groups))
        parts.append("<p>Per provinsi / per province:</p>")
        parts.append(table(FUNNEL_HEADERS, [r[2:8] for r in mine if r[1] == "province"]))
        parts.append(f"<p>{TOP_REGIONS} kabupaten/kota dengan laporan terbanyak / regencies with most reports:</p>")
        parts.append(table(FUNNEL_HEADERS, [r[2:8] for r in mine if r[1] == "regency"][:TOP_REGIONS]))
    return "<h2>Corong sanksi dan tindak lanjut / sanction funnel and follow-up</h2>" + (
        "".join(parts) or "<p>Belum ada ekspor kasus / no case exports loaded.</p>"
    )


def _ppk(con, schema: str, names: dict[str, str]) -> str:
    """Which PPKs sit on sanction recommendations, at each election's latest snapshot."""
    latest = f"""FROM {schema}.ppk_followup
        QUALIFY as_of_date = max(as_of_date) OVER (PARTITION BY election_id)"""
    slowest = con.execute(
        f"""SELECT election_id, ppk_name, region_name, CAST(as_of_date AS VARCHAR), asn_recommended,
                   asn_followed_up, asn_awaiting_ppk, asn_overdue, 100 * followup_rate,
                   median_days_to_followup, oldest_open_days
            {latest}
            ORDER BY election_id, oldest_open_days DESC NULLS LAST, followup_rate, ppk_name"""
    ).fetchall()
    provinces = con.execute(
        f"""SELECT election_id, coalesce(regions.region_name, 'Instansi pusat'), sum(asn_recommended),
                   sum(asn_followed_up), sum(asn_awaiting_ppk), sum(asn_overdue),
                   100 * sum(asn_followed_up) / sum(asn_recommended), max(oldest_open_days)
            FROM (SELECT * {latest}) AS latest
            LEFT JOIN {schema}.dim_region AS regions
                ON regions.region_code = latest.province_code AND regions.region_level = 'province'
            GROUP BY ALL ORDER BY election_id, max(oldest_open_days) DESC NULLS LAST, 2"""
    ).fetchall()
    parts = []
    for election in dict.fromkeys(r[0] for r in slowest):
        mine = [r[1:] for r in slowest if r[0] == election]
        ageing = [(f"{name} ({region})", days, AGEING_COLOUR) for name, region, *_, days in mine if days is not None]
        parts.append(f"<h3>{escape(names.get(election, election))}</h3>")
        if ageing:
            parts.append(
                hbar_chart(
                    "Umur rekomendasi terbuka tertua per PPK, hari / oldest open recommendation per PPK, days",
                    ageing[:TOP_REGIONS],
                    max(d for _, d, _ in ageing),
                )
            )
        parts.append(
            f"<p>PPK paling lambat (menurut rekomendasi terbuka tertua) / slowest PPKs, top {TOP_REGIONS}:</p>"
            + table(
                [
                    "PPK",
                    "wilayah / region",
                    "per tanggal / as of",
                    "direkomendasikan / recommended",
                    "ditindaklanjuti / followed up",
                    "menunggu PPK / awaiting",
                    "lewat batas waktu / overdue",
                    "tingkat tindak lanjut (%)",
                    "median hari sampai tindak lanjut",
                    "terbuka tertua (hari)",
                ],
                mine[:TOP_REGIONS],
            )  # fmt: skip
        )
        parts.append(
            "<p>Per provinsi / per province:</p>"
            + table(
                [
                    "provinsi / province",
                    "direkomendasikan",
                    "ditindaklanjuti",
                    "menunggu PPK",
                    "lewat batas waktu",
                    "tingkat tindak lanjut (%)",
                    "terbuka tertua (hari)",
                ],
                [r[1:] for r in provinces if r[0] == election],
            )  # fmt: skip
        )
    return (
        "<h2>Tindak lanjut PPK / PPK follow-up</h2>"
        "<p>Rekomendasi sanksi yang belum ditindaklanjuti oleh pejabat pembina kepegawaian (PPK), per snapshot "
        "terakhir setiap pemilihan. Batas waktu: ref_ppk_deadlines; daftar kasus: marts.ppk_overdue. / "
        "Recommendations the PPK has not carried out, at each election's latest snapshot.</p>"
        + ("".join(parts) or "<p>Belum ada rekomendasi sanksi / no recommendations loaded.</p>")
    )


def _ikp(con, schema: str, names: dict[str, str]) -> str:
    rows = con.execute(
        f"""SELECT edition_id, approach, region_name, score, category FROM {schema}.ikp_asn_neutrality
            WHERE approach <> 'agregat_kabupaten' AND rank_in_level <= {TOP_REGIONS}
            ORDER BY edition_id DESC, approach, rank_in_level, region_name"""
    ).fetchall()
    approaches = {
        "kejadian_provinsi": "provinsi, dari kejadian tingkat provinsi / provinces, from province-level events",
        "kejadian_kabupaten": "kabupaten/kota / regencies and cities",
    }
    charts = []
    for key in dict.fromkeys((e, a) for e, a, *_ in rows):
        items = [(n, score, CATEGORY_COLOURS.get(cat, "#7f8c8d")) for e, a, n, score, cat in rows if (e, a) == key]
        title = f"{names.get(key[0], key[0])}: {approaches.get(key[1], key[1])} ({TOP_REGIONS} teratas / top)"
        charts.append(hbar_chart(title, items, 100))
    legend = " ".join(f'<span class="key" style="background:{c}"></span>{k}' for k, c in CATEGORY_COLOURS.items() if k)
    return (
        "<h2>IKP: kerawanan netralitas ASN / ASN-neutrality vulnerability</h2>"
        f"<div class='legend'>kategori menurut metode edisi / category under the edition's method: {legend}</div>"
        + ("".join(charts) or "<p>Belum ada skor IKP / no IKP scores loaded.</p>")
    )


def _zones(con, schema: str, names: dict[str, str]) -> str:
    rows = con.execute(
        f"""SELECT election_id, region_level, region_name, CAST(as_of_date AS VARCHAR), asn_reported, zone,
                   threshold_version
            FROM {schema}.neutrality_zone WHERE region_level IN ('province', 'regency')
            QUALIFY as_of_date = max(as_of_date) OVER (PARTITION BY election_id)
            ORDER BY election_id, region_level, asn_reported DESC, region_name"""
    ).fetchall()
    parts = []
    for election in dict.fromkeys(r[0] for r in rows):
        for level, label in (("province", "provinsi / provinces"), ("regency", "kabupaten/kota / regencies")):
            mine = [r for r in rows if r[0] == election and r[1] == level]
            if not mine:
                continue
            body = "".join(
                f"<tr><td>{escape(n)}</td><td>{escape(d)}</td><td class='num'>{number(r)}</td>"
                f'<td style="background:{ZONE_COLOURS.get(z, "#ecf0f1")}">{escape(z or "tanpa ambang / no threshold")}'
                f"</td><td>{escape(v or '')}</td></tr>"
                for _, _, n, d, r, z, v in mine
            )
            parts.append(
                f"<h3>{escape(names.get(election, election))}: {label}</h3><table><tr><th>wilayah / region</th>"
                "<th>per tanggal / as of</th><th>ASN dilaporkan / reported</th><th>zona / zone</th>"
                f"<th>ambang / thresholds</th></tr>{body}</table>"
            )
    return "<h2>Zona netralitas / neutrality zones (tanggal terakhir / latest date)</h2>" + (
        "".join(parts) or "<p>Belum ada zona / no zones.</p>"
    )


def _categories(con, schema: str, names: dict[str, str]) -> str:
    rows = con.execute(
        f"""SELECT election_id, coalesce(category_label, category), share FROM {schema}.violation_categories
            WHERE region_code = 'ID' ORDER BY election_id, share DESC"""
    ).fetchall()
    charts = [
        hbar_chart(
            f"{names.get(election, election)}: bentuk pelanggaran (% ASN dilaporkan, nasional) / what reported ASN did",
            [(label, 100 * share, "#8e44ad") for e, label, share in rows if e == election],
            100,
            " %",
        )
        for election in dict.fromkeys(r[0] for r in rows)
    ]
    return "<h2>Kategori pelanggaran / violation categories</h2>" + (
        "".join(charts) or "<p>Belum ada ekspor kasus / no case exports loaded.</p>"
    )


def _news(con, schema: str, names: dict[str, str]) -> str:
    """Figures stated in the news beside the official figure for the same metric, region and date."""
    rows = con.execute(
        f"""SELECT article_id, metric, region_code, news_value, official_value, CAST(official_as_of AS VARCHAR),
                   difference
            FROM {schema}.news_vs_official
            ORDER BY abs(difference) DESC NULLS LAST, article_id, metric LIMIT 30"""
    ).fetchall()
    return (
        "<h2>Angka berita dibanding angka resmi / news figures beside official ones</h2>"
        "<p>Angka yang disebut artikel berita, di samping angka resmi untuk ukuran, wilayah dan tanggal yang sama; "
        "selisih terbesar lebih dulu. / What articles stated beside the official figure, largest differences "
        "first.</p>"
        + table(
            [
                "artikel / article",
                "ukuran / metric",
                "wilayah / region",
                "berita / news",
                "resmi / official",
                "resmi per / official as of",
                "selisih / difference",
            ],
            [(a, METRICS.get(m, m), r, n, o, d, diff) for a, m, r, n, o, d, diff in rows],
        )  # fmt: skip
    )
