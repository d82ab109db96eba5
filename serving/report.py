"""A small, self-contained HTML report of the marts for readers without a BI tool.

Charts are inline SVG written here, not drawn by a script library: the page must open offline, from
a file or an e-mail attachment, and show the same figures as the serving database it ships with.
"""

from __future__ import annotations

import datetime as dt
from html import escape

import duckdb

CATEGORY_COLOURS = {"tinggi": "#c0392b", "sedang": "#e67e22", "rendah": "#27ae60", None: "#7f8c8d"}
ZONE_COLOURS = {"merah": "#e74c3c", "kuning": "#f1c40f", "hijau": "#2ecc71", None: "#ecf0f1"}
STAGE_COLOURS = {"asn_reported": "#34495e", "asn_recommended": "#2980b9", "asn_followed_up": "#16a085"}
AGEING_COLOUR = "#d35400"
TOP_REGIONS = 15
# 1,234.5 -> 1.234,5: thousands with a point, decimals with a comma, as Indonesian readers write them
_INDONESIAN_DIGITS = str.maketrans(",.", ".,")


def hbar_chart(title: str, items: list[tuple[str, float, str]], maximum: float, unit: str = "") -> str:
    """Horizontal bars: (label, value, colour) per bar, scaled to `maximum`."""
    row, label_width, bar_width = 22, 340, 380
    height = row * len(items) + 10
    bars = []
    for i, (label, value, colour) in enumerate(items):
        y = i * row + 5
        width = 0 if not maximum else bar_width * value / maximum
        bars.append(
            f'<text x="{label_width - 6}" y="{y + 15}" text-anchor="end">{escape(label)}</text>'
            f'<rect class="bar" x="{label_width}" y="{y + 3}" width="{width:.1f}" height="{row - 6}" fill="{colour}"/>'
            f'<text x="{label_width + width + 4:.1f}" y="{y + 15}">{value:,.2f}{unit}</text>'
        )
    return (
        f"<figure><figcaption>{escape(title)}</figcaption>"
        f'<svg role="img" width="{label_width + bar_width + 80}" height="{height}">{"".join(bars)}</svg></figure>'
    )


def grouped_bars(title: str, groups: list[tuple[str, dict[str, float]]]) -> str:
    """Vertical bars per group (an as-of date), one bar per funnel stage."""
    stages = list(STAGE_COLOURS)
    bar, gap, height = 22, 26, 200
    maximum = max((v for _, values in groups for v in values.values()), default=0) or 1
    parts, x = [], 10
    for label, values in groups:
        for s, stage in enumerate(stages):
            h = height * values.get(stage, 0) / maximum
            parts.append(
                f'<rect class="bar" x="{x + s * bar}" y="{height - h + 20:.1f}" width="{bar - 2}" height="{h:.1f}" '
                f'fill="{STAGE_COLOURS[stage]}"><title>{stage}: {values.get(stage, 0):,.0f}</title></rect>'
                f'<text x="{x + s * bar + bar / 2 - 1}" y="{height - h + 16:.1f}" text-anchor="middle" '
                f'font-size="10">{values.get(stage, 0):,.0f}</text>'
            )
        parts.append(
            f'<text x="{x + len(stages) * bar / 2}" y="{height + 36}" text-anchor="middle">{escape(label)}</text>'
        )
        x += len(stages) * bar + gap
    legend = " ".join(
        f'<span class="key" style="background:{c}"></span>{s.removeprefix("asn_").replace("_", " ")}'
        for s, c in STAGE_COLOURS.items()
    )
    return (
        f"<figure><figcaption>{escape(title)}</figcaption>"
        f'<svg role="img" width="{x + 10}" height="{height + 50}">{"".join(parts)}</svg>'
        f'<div class="legend">{legend}</div></figure>'
    )


def render(con: duckdb.DuckDBPyConnection, schema: str = "marts") -> str:
    """The report for the marts in `schema` of the connected database."""
    sections = [
        _ikp(con, schema),
        _funnel(con, schema),
        _ppk(con, schema),
        _zones(con, schema),
        _categories(con, schema),
    ]
    stamp = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Netra: ASN neutrality report</title>
<style>
body {{ font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #222; max-width: 1000px; }}
h1 {{ margin-bottom: 0; }} h2 {{ border-bottom: 1px solid #ccc; margin-top: 2em; }}
figure {{ margin: 1em 0; }} figcaption {{ font-weight: 600; margin-bottom: .3em; }}
svg text {{ font-size: 12px; }} table {{ border-collapse: collapse; }}
td, th {{ border: 1px solid #ddd; padding: 3px 8px; text-align: left; }} td.num {{ text-align: right; }}
.key {{ display: inline-block; width: 12px; height: 12px; margin: 0 4px 0 12px; }}
</style></head><body>
<h1>Netra: ASN neutrality in elections</h1>
<p>Published {stamp} from the checked marts of serving.duckdb. Regions by Kemendagri code;
figures as of each export's date.</p>
{"".join(sections)}
</body></html>
"""


def _ikp(con, schema: str) -> str:
    rows = con.execute(
        f"""SELECT edition_id, approach, region_name, score, category FROM {schema}.ikp_asn_neutrality
            WHERE approach <> 'agregat_kabupaten' AND rank_in_level <= {TOP_REGIONS}
            ORDER BY edition_id DESC, approach, rank_in_level, region_name"""
    ).fetchall()
    charts = []
    for key in dict.fromkeys((e, a) for e, a, *_ in rows):
        items = [
            (name, score, CATEGORY_COLOURS.get(cat, "#7f8c8d")) for e, a, name, score, cat in rows if (e, a) == key
        ]
        charts.append(hbar_chart(f"{key[0]}: {key[1].replace('_', ' ')} (top {TOP_REGIONS})", items, 100))
    legend = " ".join(f'<span class="key" style="background:{c}"></span>{k}' for k, c in CATEGORY_COLOURS.items() if k)
    return (
        "<h2>IKP: ASN-neutrality vulnerability</h2>"
        f'<div class="legend">category under the edition\'s method: {legend}</div>'
        + ("".join(charts) or "<p>No IKP scores loaded.</p>")
    )


def _funnel(con, schema: str) -> str:
    rows = con.execute(
        f"""SELECT election_id, CAST(as_of_date AS VARCHAR), asn_reported, asn_recommended, asn_followed_up
            FROM {schema}.sanction_funnel_history WHERE region_code = 'ID' ORDER BY election_id, as_of_date"""
    ).fetchall()
    charts = []
    for election in dict.fromkeys(r[0] for r in rows):
        groups = [
            (date, {"asn_reported": rep, "asn_recommended": rec, "asn_followed_up": fol})
            for e, date, rep, rec, fol in rows
            if e == election
        ]
        charts.append(grouped_bars(f"{election}: sanction funnel over time (Indonesia)", groups))
    return "<h2>Sanction funnel</h2>" + ("".join(charts) or "<p>No case exports loaded.</p>")


def _table(headers: list[str], rows: list[tuple]) -> str:
    """An HTML table; every cell is escaped, numbers are shown as Indonesian readers write them."""

    def cell(value) -> str:
        if value is None:
            return "<td>-</td>"
        if isinstance(value, float):
            return f'<td class="num">{value:,.1f}</td>'.translate(_INDONESIAN_DIGITS)
        if isinstance(value, int):
            return f'<td class="num">{value:,}</td>'.translate(_INDONESIAN_DIGITS)
        return f"<td>{escape(str(value))}</td>"

    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(cell(v) for v in row) + "</tr>" for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def _ppk(con, schema: str) -> str:
    """Which PPKs sit on sanction recommendations, at each election's latest snapshot (Indonesian first)."""
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
        parts.append(f"<h3>{escape(election)}</h3>")
        if ageing:
            parts.append(
                hbar_chart(
                    "Umur rekomendasi terbuka tertua per PPK, hari / oldest open recommendation per PPK, days",
                    ageing[:TOP_REGIONS],
                    max(d for _, d, _ in ageing),
                )
            )
        parts.append(
            "<p>PPK paling lambat / slowest PPKs (top "
            f"{TOP_REGIONS}, menurut rekomendasi terbuka tertua):</p>"
            + _table(
                [
                    "PPK",
                    "wilayah",
                    "per tanggal",
                    "direkomendasikan",
                    "ditindaklanjuti",
                    "menunggu PPK",
                    "lewat batas waktu",
                    "tingkat tindak lanjut (%)",
                    "median hari sampai tindak lanjut",
                    "terbuka tertua (hari)",
                ],
                mine[:TOP_REGIONS],
            )
        )
        parts.append(
            "<p>Per provinsi / per province:</p>"
            + _table(
                [
                    "provinsi",
                    "direkomendasikan",
                    "ditindaklanjuti",
                    "menunggu PPK",
                    "lewat batas waktu",
                    "tingkat tindak lanjut (%)",
                    "terbuka tertua (hari)",
                ],
                [r[1:] for r in provinces if r[0] == election],
            )
        )
    return (
        "<h2>Tindak lanjut PPK / PPK follow-up</h2>"
        "<p>Rekomendasi sanksi yang belum ditindaklanjuti oleh pejabat pembina kepegawaian (PPK), per snapshot "
        "terakhir setiap pemilihan. Batas waktu: ref_ppk_deadlines; daftar kasus: marts.ppk_overdue.</p>"
        + ("".join(parts) or "<p>Belum ada rekomendasi sanksi / no recommendations loaded.</p>")
    )


def _zones(con, schema: str) -> str:
    rows = con.execute(
        f"""SELECT election_id, region_name, CAST(as_of_date AS VARCHAR), asn_reported, zone, threshold_version
            FROM {schema}.neutrality_zone WHERE region_level = 'province'
            QUALIFY as_of_date = max(as_of_date) OVER (PARTITION BY election_id)
            ORDER BY election_id, asn_reported DESC, region_name"""
    ).fetchall()
    body = "".join(
        f"<tr><td>{escape(e)}</td><td>{escape(n)}</td><td>{d}</td><td>{r}</td>"
        f'<td style="background:{ZONE_COLOURS.get(z, "#ecf0f1")}">{escape(z or "no threshold")}</td>'
        f"<td>{escape(v or '')}</td></tr>"
        for e, n, d, r, z, v in rows
    )
    return (
        "<h2>Neutrality zones (provinces, latest date)</h2><table><tr><th>election</th><th>province</th>"
        f"<th>as of</th><th>ASN reported</th><th>zone</th><th>thresholds</th></tr>{body}</table>"
    )


def _categories(con, schema: str) -> str:
    rows = con.execute(
        f"""SELECT election_id, coalesce(category_label, category), share FROM {schema}.violation_categories
            WHERE region_code = 'ID' ORDER BY election_id, share DESC"""
    ).fetchall()
    charts = [
        hbar_chart(
            f"{election}: what reported ASN did (share of reported ASN, Indonesia)",
            [(label, 100 * share, "#8e44ad") for e, label, share in rows if e == election],
            100,
            " %",
        )
        for election in dict.fromkeys(r[0] for r in rows)
    ]
    return "<h2>Violation categories</h2>" + ("".join(charts) or "<p>No case exports loaded.</p>")
