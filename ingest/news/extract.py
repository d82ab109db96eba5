"""Rule-based extraction of ASN-neutrality facts from Indonesian news text.

Rules (phrasings, furniture markers, number words) live in `reference/news_rules.yaml`; this module only
applies them. Rule-based on purpose: no model can be downloaded at run time here, and every fact must
carry the sentence that states it, which a pattern gives directly.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import cache

from ingest.headers import fold
from ingest.news.articles import _MONTHS, Article, rules
from ingest.reference_data import read_seed
from ingest.regions import NATIONAL_CODE, region_resolver

EXTRACTOR_VERSION = "1"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'A-Z0-9])")
_AS_OF = re.compile(
    r"\b(?:per|hingga|sampai(?: dengan)?|s\.d\.?)\s+(?:(\d{1,2})\s+)?(" + "|".join(_MONTHS) + r")\s+(\d{4})",
    re.I,
)
_ELECTION = re.compile(r"\b(Pilkada|Pemilu|Pemilihan)(?:\s+Serentak)?\s+(\d{4})\b", re.I)
_RANK = re.compile(r"\b(?:urutan|posisi|peringkat)\s+(?:ke-)?(\w+)", re.I)
_RANK_TAKEN_BY = re.compile(r"\b(?:urutan|posisi|peringkat)\s+(\w+)\s+ditempati\s+(?:oleh\s+)?$", re.I)
_SCORE = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{1,2})?)(?![\d.,]*\d)")


@dataclass(frozen=True)
class Fact:
    article_id: str
    metric: str
    region_code: str
    value: float
    value_text: str
    evidence: str
    as_of_date: str | None
    election_id: str | None


def number_pattern() -> str:
    words = "|".join(rules()["number_words"])
    return rf"(?<![\d.,])(\d{{1,3}}(?:\.\d{{3}})+|\d+(?:,\d+)?|{words})(?![\d])"


def to_number(text: str) -> float:
    """`"2.007"` -> 2007, `"52,2"` -> 52.2, `"dua"` -> 2."""
    words = rules()["number_words"]
    if text.lower() in words:
        return float(words[text.lower()])
    return float(text.replace(".", "").replace(",", "."))


@cache
def _funnel_patterns() -> dict[str, list[re.Pattern]]:
    number = number_pattern()
    return {
        metric: [re.compile(p.replace("{NUM}", number), re.I) for p in patterns]
        for metric, patterns in rules()["funnel_patterns"].items()
    }


@cache
def _region_mentions() -> tuple[re.Pattern, dict[str, str]]:
    """One pattern for every written region name (longest first) and the code each stands for."""
    resolver = region_resolver()
    names: dict[str, str] = {}
    for code, name in resolver.province_names.items():
        names[name] = code
    for code, regency in resolver.regencies.items():
        names[regency.name] = code
        short = regency.name.replace("Kabupaten ", "Kab. ", 1)
        names[short] = code
    for row in read_seed("regions/ref_region_aliases.csv"):
        names.setdefault(row["alias"], row["region_code"])
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    pattern = re.compile(rf"\b(?:Provinsi\s+)?({alternatives})\b")
    return pattern, {fold(n): c for n, c in names.items()}


@cache
def _election_aliases() -> dict[str, str]:
    return {fold(r["alias"]): r["election_id"] for r in read_seed("methodology/ref_election_aliases.csv")}


def sentences(text: str) -> list[tuple[str, str]]:
    """(paragraph, sentence) pairs; the paragraph gives context a short sentence lacks."""
    pairs = []
    for paragraph in re.split(r"\n\s*\n|\n", text):
        paragraph = paragraph.strip()
        for sentence in _SENTENCE_END.split(paragraph):
            if sentence.strip():
                pairs.append((paragraph, sentence.strip()))
    return pairs


def as_of_date(text: str) -> str | None:
    """The date a figure is stated for ("per 30 September 2020"; "per September 2023" = month end)."""
    match = _AS_OF.search(text)
    if not match:
        return None
    day, month, year = match.groups()
    month_number = _MONTHS[month.lower()]
    if day is None:
        day = calendar.monthrange(int(year), month_number)[1]
    return f"{int(year):04d}-{month_number:02d}-{int(day):02d}"


def election_in(text: str) -> str | None:
    match = _ELECTION.search(text)
    if not match:
        return None
    return _election_aliases().get(fold(f"{match.group(1)} {match.group(2)}"))


def extract_facts(article: Article) -> list[Fact]:
    """Every fact the article states, in reading order, each with its evidence sentence."""
    r = rules()
    election = election_in(article.text)
    facts: list[Fact] = []
    for paragraph, sentence in sentences(article.text):
        lowered = sentence.lower()
        if any(term.lower() in lowered for term in r["exclusion_terms"]):
            continue
        as_of = as_of_date(sentence) or as_of_date(paragraph)
        if any(term.lower() in paragraph.lower() for term in r["context_terms"]):
            facts += _funnel_facts(article, sentence, as_of, election)
        if any(k in lowered for k in r["ikp_score_keywords"]) or _RANK.search(sentence) or facts_list_like(sentence):
            facts += _ikp_facts(article, sentence, as_of, election)
    return _unique(facts)


def facts_list_like(sentence: str) -> bool:
    """A continuation such as "Kota Cilegon 12,97, Kota Tangerang Selatan 11,53": names with scores."""
    pattern, _ = _region_mentions()
    return len(pattern.findall(sentence)) >= 2 and len(_SCORE.findall(sentence)) >= 2


def _funnel_facts(article: Article, sentence: str, as_of, election) -> list[Fact]:
    region = _single_region(sentence) or NATIONAL_CODE
    found = []
    for metric, patterns in _funnel_patterns().items():
        for pattern in patterns:
            for match in pattern.finditer(sentence):
                text = match.group(1)
                found.append(
                    Fact(
                        article.article_id,
                        metric,
                        region,
                        to_number(text),
                        text,
                        sentence,
                        as_of,
                        election,
                    )
                )
    return found


def _single_region(sentence: str) -> str | None:
    pattern, codes = _region_mentions()
    found = {codes[fold(m.group(1))] for m in pattern.finditer(sentence)}
    return found.pop() if len(found) == 1 else None


def _ikp_facts(article: Article, sentence: str, as_of, election) -> list[Fact]:
    """Scores and ranks: each region mention owns the text up to the next mention."""
    pattern, codes = _region_mentions()
    ordinals = rules()["ordinal_words"]
    mentions = list(pattern.finditer(sentence))
    facts = []
    for i, mention in enumerate(mentions):
        code = codes[fold(mention.group(1))]
        start = mention.end()
        end = mentions[i + 1].start() if i + 1 < len(mentions) else len(sentence)
        segment = sentence[start:end]
        before = sentence[mentions[i - 1].end() if i else 0 : mention.start()]
        # "posisi kedua ditempati Sulawesi Utara": the rank written just before the name is its own
        taken = _RANK_TAKEN_BY.search(before)
        rank_word = taken.group(1) if taken else None
        if rank_word is None:
            own = _RANK.search(_RANK_TAKEN_BY_TAIL.sub("", segment))
            rank_word = own.group(1) if own else None
        value = int(rank_word) if rank_word and rank_word.isdigit() else ordinals.get((rank_word or "").lower())
        if value:
            facts.append(
                Fact(
                    article.article_id,
                    "ikp_rank",
                    code,
                    float(value),
                    rank_word,
                    sentence,
                    as_of,
                    election,
                )
            )
        score = _SCORE.search(_RANK_TAKEN_BY_TAIL.sub("", segment))
        if score and to_number(score.group(1)) <= 100:
            facts.append(
                Fact(
                    article.article_id,
                    "ikp_score",
                    code,
                    to_number(score.group(1)),
                    score.group(1),
                    sentence,
                    as_of,
                    election,
                )
            )
    return facts


_RANK_TAKEN_BY_TAIL = re.compile(r"\b(?:dan\s+)?(?:urutan|posisi|peringkat)\s+\w+\s+ditempati\s+(?:oleh\s+)?$", re.I)


def _unique(facts: list[Fact]) -> list[Fact]:
    seen, unique = set(), []
    for fact in facts:
        key = (fact.metric, fact.region_code, fact.value)
        if key not in seen:
            seen.add(key)
            unique.append(fact)
    return unique
