"""Does an article's own arithmetic hold? A total that differs from the sum of its parts is flagged.

The figures stay in the warehouse as stated (news_facts keeps what the article says); the flag tells
a reader which article to read twice.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ingest.news.extract import Fact

# percentage points a stated follow-up rate may differ from followed up / recommended (rounding)
RATE_TOLERANCE = 0.5


def inconsistencies(facts: Iterable[Fact]) -> dict[str, list[str]]:
    """article_id -> what does not add up, for each article with a problem."""
    by_article: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
    for fact in facts:
        if fact.value is not None:
            by_article[(fact.article_id, fact.region_code)].setdefault(fact.metric, fact.value)
    found: dict[str, list[str]] = defaultdict(list)
    for (article, region), v in by_article.items():
        where = f"{region}: "
        if {"cases_reported", "cases_decided", "cases_pending"} <= v.keys():
            parts = v["cases_decided"] + v["cases_pending"]
            if v["cases_reported"] != parts:
                found[article].append(
                    f"{where}{v['cases_reported']:g} cases reported, but {v['cases_decided']:g} decided "
                    f"+ {v['cases_pending']:g} pending = {parts:g}"
                )
        for total, part in (("asn_reported", "asn_recommended"), ("asn_recommended", "asn_followed_up")):
            if {total, part} <= v.keys() and v[part] > v[total]:
                found[article].append(f"{where}{part} {v[part]:g} exceeds {total} {v[total]:g}")
        if {"asn_reported", "asn_recommended", "asn_not_proven"} <= v.keys():
            decided = v["asn_recommended"] + v["asn_not_proven"]
            if decided > v["asn_reported"]:
                found[article].append(
                    f"{where}recommended {v['asn_recommended']:g} + not proven {v['asn_not_proven']:g} "
                    f"= {decided:g} exceeds reported {v['asn_reported']:g}"
                )
        if {"followup_rate_pct", "asn_followed_up", "asn_recommended"} <= v.keys() and v["asn_recommended"]:
            computed = 100 * v["asn_followed_up"] / v["asn_recommended"]
            if abs(computed - v["followup_rate_pct"]) > RATE_TOLERANCE:
                found[article].append(
                    f"{where}stated rate {v['followup_rate_pct']:g} % but {v['asn_followed_up']:g} / "
                    f"{v['asn_recommended']:g} = {computed:.1f} %"
                )
    return dict(found)
