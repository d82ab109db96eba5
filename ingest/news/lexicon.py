"""The extraction rules of `reference/news_rules.yaml`, compiled once into regular expressions.

The rules file holds every word the extractor reacts to - units, stage words, topics, who counts -
and every weight; this module turns them into patterns and leaves their meaning to the readers.
"""

from __future__ import annotations

import re
from functools import cache

from ingest.headers import fold
from ingest.news.articles import RULES_FILE, rules
from ingest.reference_data import read_seed


def alternation(words) -> str:
    """Literal words as one pattern that matches what "longest|...|shortest" would, written as a tree
    of shared beginnings ("ditindak(?:lanjuti)?" rather than "ditindaklanjuti|ditindak").

    Python's `re` tries each branch of a flat alternation in turn at every position; the tree tries a
    beginning once, which takes about two fifths off the time of the long word lists a sentence is
    searched with (measured on the bench corpus; docs/news-extraction.md, Speed). At one
    position the text takes at most one path through the tree, and each node tries its longer words
    before ending, so the word matched is the longest that fits, as in the flat form.
    """
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: dict) -> str:
        longer = [re.escape(char) + branch(child) for char, child in sorted(node.items()) if char]
        if not longer:
            return ""
        body = longer[0] if len(longer) == 1 else "(?:" + "|".join(longer) + ")"
        return f"(?:{body})?" if "" in node else body

    return branch(tree)


def _words(words) -> re.Pattern:
    """Whole words or phrases, matched against lower-cased text (faster than matching ignoring case)."""
    return re.compile(rf"\b(?:{alternation(w.lower() for w in words)})\b")


_UPPER_ESCAPE = re.compile(r"\\[SWDBAZ]")


def stage_pattern(pattern: str) -> re.Pattern:
    """A stage pattern, matched against lower-cased text and so written in lower case; an escape that
    lower-casing would change (`\\S` into `\\s`) is refused rather than silently turned around."""
    if _UPPER_ESCAPE.search(pattern):
        raise ValueError(
            f"stage pattern {pattern!r} in {RULES_FILE.name}: upper-case escapes (\\S, \\W, \\D, \\B) turn into "
            "their opposites when the pattern is lower-cased; write [^\\s], [^\\w] or [^\\d] instead"
        )
    return re.compile(pattern.lower())


@cache
def compiled() -> dict:
    r = rules()
    stages = {
        stage: {side: [stage_pattern(p) for p in patterns] for side, patterns in sides.items()}
        for stage, sides in r["stages"].items()
    }
    filler = rf"(?:(?:{alternation(r['units']['filler'])})\s+)?"
    units = {
        kind: re.compile(rf"^\s*\(?\s*{filler}(?:{alternation(words)})(?![a-z])", re.I)
        for kind, words in r["units"].items()
        if kind != "filler"
    }
    units["percent"] = re.compile(rf"^\s*(?:{alternation(r['units']['percent'])})", re.I)
    # every stage pattern's match holds one of its words of four letters or more: a sentence holding
    # none of them is not searched with it (the rules file says so to whoever writes a pattern)
    free, anchored = [], []
    for name, sides in stages.items():
        for side, patterns in sides.items():
            for pattern in patterns:
                if pattern.pattern.startswith("^") or pattern.pattern.endswith("$"):
                    anchored.append((name, side, pattern))
                else:
                    free.append((name, side, pattern))
    by_keyword: dict[str, set[int]] = {}
    for i, (_, _, pattern) in enumerate(free):
        for word in re.findall(r"[a-z]{4,}", re.sub(r"\\[a-zA-Z]", " ", pattern.pattern.lower())):
            by_keyword.setdefault(word, set()).add(i)
    return {
        "stages": stages,
        "free_stages": free,
        "anchored_stages": anchored,
        # at each position the scan finds the longest keyword starting there; the keywords it begins with
        # ("tindak" in "tindaklanjut") start there too, so each found word stands for its patterns and theirs
        "stage_keyword_scan": re.compile(f"(?=({alternation(by_keyword)}))"),
        "stage_keywords": {
            word: sorted({i for start, found in by_keyword.items() if word.startswith(start) for i in found})
            for word in by_keyword
        },
        "units": units,
        "unit_words": {kind: _words(r["units"][kind]) for kind in ("persons", "cases")},
        "topic": _words(r["topic_terms"]),
        "other_topic": _words(r["other_topics"]),
        "general_violation": re.compile(_words(r["general_violations"]).pattern + "|" + r["general_violation_pattern"]),
        "general_violation_of_asn": re.compile(r["general_violation_of_asn"], re.I),
        "running_total_before": re.compile(r["running_total_before"], re.I),
        "ordinal_before": re.compile(r"\b(" + "|".join(r["ordinal_words"]) + r")\s+"),
        "national_data_before": re.compile(r["national_data_before"], re.I),
        "national_scope": re.compile(r["national_scope"], re.I),
        "violation_kind": _words([w for words in r["violation_kinds"].values() for w in words]),
        "violation_kinds": {w: kind for kind, words in r["violation_kinds"].items() for w in words},
        "asn_unit": re.compile(rf"^\s*(?:orang\s+)?\(?(?:{alternation(r['asn_units'])})\b"),
        "asn_named": re.compile(rf"\b(?:{alternation(r['asn_units'])})\b"),
        "other_subject": _words(r["other_subjects"]),
        "case_named": re.compile(alternation(r["case_words"])),  # in lower-cased text
        # "Komisi Aparatur Sipil Negara", "Komite ASN": the agency's name names no ASN as a subject
        "asn_agency": re.compile(r"\bkomi(?:si|te)\s+(?:aparatur\s+sipil\s+negara|asn)\b"),
        "topic_set_aside": re.compile(r["topic_set_aside_by"] + rf"(?:{alternation(r['asn_units'])})\b", re.I),
        # "netralitas kepala desa": the neutrality of another subject names no ASN
        "neutrality_of_other": re.compile(
            r"\b(?:netralitas|ketidaknetralan)\s+(?:anggota\s+|para\s+)?"
            rf"(?=(?:{alternation(w.lower() for w in r['other_subjects'])})\b)"
        ),
        "actors": {kind: _words(words) for kind, words in r["actors"].items()},
        "not_subject": re.compile(r["actor_not_subject_before"], re.I),
        "negated": re.compile(r["stage_negated_before"], re.I),
        "denied": re.compile(r["stage_denied_before"]),
        # "lebih dari kalau tidak salah 400", "lebih, kalau tidak salah, 400": up to three words between
        "approx_before": re.compile(
            rf"\b(?:{alternation(r['approximate_before'])})(?:[\s,]+[a-z]+){{0,3}}[\s,]*$", re.I
        ),
        "approx_after": re.compile(rf"^(?:{alternation(r['approximate_after'])})", re.I),
        "year_before": re.compile(r["year_before"], re.I),
        "election_place": re.compile(r["election_place_before"], re.I),
        "election_contrast": re.compile(rf"\b(?:{alternation(r['election_after_contrast'])})\b", re.I),
        "unplaced": re.compile(r["unplaced_after"], re.I),
        "unplaced_before": re.compile(r["unplaced_before"], re.I),
        "conditional_before": re.compile(r["conditional_before"], re.I),
        "one_of_before": re.compile(r["one_of_before"], re.I),
        "workforce_size_before": re.compile(r["workforce_size_before"], re.I),
        "reference_before": re.compile(r["reference_before"], re.I),
        "reference_list_before": re.compile(r["reference_list_before"], re.I),
        "age_before": re.compile(r["age_before"]),
        "age_after": re.compile(r["age_after"], re.I),
        "counting_verb_before": re.compile(r["counting_verb_before"], re.I),
        "counting_verb_after": re.compile(r["counting_verb_after"], re.I),
        "person_verb_after": re.compile(r["person_verb_after"], re.I),
        "companions_before": re.compile(r["companions_before"], re.I),
        "places_counted": re.compile(r["places_counted"], re.I),
        "places_counted_before": re.compile(r["places_counted_before"], re.I),
        "asn_spelled_after": re.compile(r["asn_spelled_after"], re.I),
        # the occupation's words only: the stage words after them are still the count's
        "occupation_counted": re.compile(
            rf"^\s*(?:{alternation(r['occupations'])})\b"
            rf"(?=(?:{r['occupation_status_after']})|(?:[^.;,\d]{{0,60}}?{r['sent_to_commission']}))",
            re.I,
        ),
        "sent_to_commission": re.compile(r["sent_to_commission"], re.I),
        "employer_named": re.compile(r["employer_named"], re.I),
        "regency_pointed_after": re.compile(r["regency_pointed_after"], re.I),
        "asn_kinds_after": re.compile(r["asn_kinds_after"], re.I),
        "by_asn": re.compile(r["by_asn"], re.I),
        "workforce_before": re.compile(r["workforce_before"], re.I),
        "audience_before": re.compile(r["audience_before"], re.I),
        "workforce_after": re.compile(r["workforce_after"], re.I),
        "total_of_kinds_before": re.compile(r["total_of_kinds_before"], re.I),
        "total_of_kinds_after": re.compile(r["total_of_kinds_after"], re.I),
        "restated": re.compile(r["restatement_before"], re.I),
        "anaphora": re.compile(r["anaphora"], re.I),
        "rate_excluded": _words(r["rate_excluded_near"]),
        "ikp": _words(r["ikp_terms"]),
        "other_dimension": _words(r["ikp_other_dimension"]),
        "rank": re.compile(r["rank_pattern"], re.I),
        "rank_of_counts": re.compile("|".join(r["rank_of_counts"]), re.I),
        "score_word": _words(r["score_words"]),
        "zone": re.compile(r["zone_pattern"], re.I),
        "categories": _words(r["category_terms"]),
        "forecast": _words(r["forecast_terms"]),
        "continuation": re.compile(rf"^\W*(?:{alternation(r['continuation_openers'])})\b"),
        # the words of the flags few sentences raise, in one pattern: a sentence with none of them is not
        # searched with each
        "rare_flags": _words(
            [
                *r["ikp_terms"],
                *r["ikp_other_dimension"],
                *r["category_terms"],
                *r["forecast_terms"],
                *(w for words in r["violation_kinds"].values() for w in words),
            ]
        ),
    }


def penalty(name: str) -> float:
    return rules()["confidence"]["penalties"][name]


@cache
def election_aliases() -> dict[str, str]:
    return {fold(r["alias"]): r["election_id"] for r in read_seed("methodology/ref_election_aliases.csv")}
