"""Charts and tables for the HTML report, drawn as inline SVG and plain HTML.

Written here, not drawn by a script library: the report must open offline, from a file or an e-mail
attachment. Every label is escaped; numbers are written the way Indonesian readers write them.
"""

from __future__ import annotations

from html import escape

STAGE_COLOURS = {"asn_reported": "#34495e", "asn_recommended": "#2980b9", "asn_followed_up": "#16a085"}
STAGE_LABELS = {
    "asn_reported": "dilaporkan / reported",
    "asn_recommended": "direkomendasikan / recommended",
    "asn_followed_up": "ditindaklanjuti PPK / followed up",
}
# 1,234.5 -> 1.234,5: thousands with a point, decimals with a comma, as Indonesian readers write them
_INDONESIAN_DIGITS = str.maketrans(",.", ".,")


def number(value: float | int | None, decimals: int = 1) -> str:
    if value is None:
        return "-"
    if isinstance(value, int):
        return f"{value:,}".translate(_INDONESIAN_DIGITS)
    return f"{value:,.{decimals}f}".translate(_INDONESIAN_DIGITS)


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
            f'<text x="{label_width + width + 4:.1f}" y="{y + 15}">{number(value, 2)}{unit}</text>'
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
                f'fill="{STAGE_COLOURS[stage]}"><title>{stage}: {number(int(values.get(stage, 0)))}</title></rect>'
                f'<text x="{x + s * bar + bar / 2 - 1}" y="{height - h + 16:.1f}" text-anchor="middle" '
                f'font-size="10">{number(int(values.get(stage, 0)))}</text>'
            )
        parts.append(
            f'<text x="{x + len(stages) * bar / 2}" y="{height + 36}" text-anchor="middle">{escape(label)}</text>'
        )
        x += len(stages) * bar + gap
    legend = " ".join(
        f'<span class="key" style="background:{c}"></span>{STAGE_LABELS[s]}' for s, c in STAGE_COLOURS.items()
    )
    return (
        f"<figure><figcaption>{escape(title)}</figcaption>"
        f'<svg role="img" width="{x + 10}" height="{height + 50}">{"".join(parts)}</svg>'
        f'<div class="legend">{legend}</div></figure>'
    )


def table(headers: list[str], rows: list[tuple]) -> str:
    """An HTML table; every cell is escaped, numbers are shown as Indonesian readers write them."""

    def cell(value) -> str:
        if value is None:
            return "<td>-</td>"
        if isinstance(value, int | float) and not isinstance(value, bool):
            return f'<td class="num">{number(value)}</td>'
        return f"<td>{escape(str(value))}</td>"

    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(cell(v) for v in row) + "</tr>" for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"
