"""Which of an article's candidates become news facts, which wait in the review table, and which are dropped.

The reader (`extract`) turns every figure into a candidate with a confidence and the reasons it lost
some; deciding looks at the article's candidates together: one value per metric, region and election
(the surest, earliest one), a forwarded part beside its total, a title restated by the body, a count read
both as persons and as cases, a breakdown whose total is held. Thresholds are reference data
(`reference/news_rules.yaml`, `confidence`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ingest.news.articles import rules
from ingest.news.lexicon import penalty


@dataclass(frozen=True)
class Fact:
    article_id: str
    metric: str
    region_code: str
    value: float | None  # None for a zone, whose name is in value_text
    value_text: str
    evidence: str
    as_of_date: str | None
    election_id: str | None


@dataclass(frozen=True)
class Candidate:
    """A figure read as a fact, with how sure the extractor is and what it borrowed or doubts."""

    fact: Fact
    confidence: float
    reasons: tuple[str, ...]
    stage: str = ""
    position: int = 0  # reading order within the article, for ties
    parent: int | None = None  # a breakdown's total ("76 kasus, 12 dihentikan"): its position
    title: bool = False  # read from a title or subheading, which the body usually states again
    unplaced: bool = False  # a title naming no place, which leaves it to the body to say where


def decide(candidates: list[Candidate]) -> tuple[list[Fact], list[Candidate]]:
    """One value per metric, region and election: the surest, earliest one; the others go to review.
    A count forwarded to KASN beside a larger count of its kind is a part of it, not a total. A title's
    figure that the body states again, for its region at whatever stage, is the body's to read. One count
    read both as persons and as cases ("12 ASN", "12 laporan") is one fact, the persons': the funnel counts
    ASN."""
    thresholds = rules()["confidence"]
    # the body's words say more exactly what a headline's figure counts ("Proses 98 ASN", "98 orang terbukti")
    in_body = {(c.fact.region_code, c.fact.value) for c in candidates if not c.title}
    stated_in_body = {c.fact.value for c in candidates if not c.title and c.confidence >= thresholds["publish_at"]}
    # a title naming no place ("Dua Camat ... Langgar Netralitas") leaves it to the body to say where and what
    restated = {
        c.position
        for c in candidates
        if c.title and ((c.fact.region_code, c.fact.value) in in_body or c.unplaced and c.fact.value in stated_in_body)
    }
    candidates = [c for c in candidates if c.position not in restated]
    totals: dict[tuple, float] = {}
    for c in candidates:
        if c.stage == "reported":
            key = (c.fact.region_code, c.fact.election_id, c.fact.metric)
            totals[key] = max(totals.get(key, 0), c.fact.value or 0)
    adjusted: list[Candidate] = []
    for c in candidates:
        if c.fact.region_code == "?":
            c = replace(c, confidence=min(c.confidence, thresholds["publish_at"] - 0.01))
        if (
            c.stage == "forwarded"
            and totals.get((c.fact.region_code, c.fact.election_id, c.fact.metric), 0) > c.fact.value
        ):
            c = demote(c, "forwarded_beside_total", "a part of a larger total stated beside it")
        adjusted.append(c)
    best: dict[tuple, Candidate] = {}
    for c in sorted(adjusted, key=lambda c: (-c.confidence, c.position)):
        best.setdefault((c.fact.metric, c.fact.region_code, c.fact.election_id), c)
    decided: list[Candidate] = []
    for c in sorted(adjusted, key=lambda c: c.position):
        chosen = best[(c.fact.metric, c.fact.region_code, c.fact.election_id)]
        if c is not chosen and (c.fact.value, c.fact.value_text if c.fact.value is None else None) != (
            chosen.fact.value,
            chosen.fact.value_text if chosen.fact.value is None else None,
        ):
            c = demote(c, "conflicting_value", f"the article also states {chosen.fact.value_text} for this")
        decided.append(c)
    # a breakdown stands or falls with the total it splits
    standing = restated | {c.position for c in decided if c.confidence >= thresholds["publish_at"]}
    published = {
        (c.fact.metric, c.fact.region_code, c.fact.election_id, c.fact.value)
        for c in decided
        if c.confidence >= thresholds["publish_at"]
    }
    decided = [
        demote(c, "conflicting_value", "the same count is also read as persons")
        if c.fact.metric == "cases_reported"
        and ("asn_reported", c.fact.region_code, c.fact.election_id, c.fact.value) in published
        else c
        for c in decided
    ]
    facts: dict[tuple, Fact] = {}
    review: list[Candidate] = []
    for c in decided:
        if c.parent is not None and c.parent not in standing and c.confidence >= thresholds["publish_at"]:
            c = demote(c, "part_of_total", "it splits a total that is itself held")
        if c.confidence >= thresholds["publish_at"]:
            identity = (
                c.fact.metric,
                c.fact.region_code,
                c.fact.value,
                c.fact.value_text if c.fact.value is None else None,
            )
            facts.setdefault(identity, c.fact)
        elif c.confidence >= thresholds["review_at"]:
            review.append(c)
    return list(facts.values()), review


def demote(c: Candidate, name: str, reason: str) -> Candidate:
    return replace(c, confidence=round(c.confidence - penalty(name), 3), reasons=(*c.reasons, reason))
