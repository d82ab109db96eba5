"""Rule-based extraction of ASN-neutrality facts from Indonesian news text.

Rules (phrasings, furniture markers, number words) live in `reference/news_rules.yaml`; this module only
applies them. Rule-based on purpose: no model can be downloaded at run time here, and every fact must
carry the sentence that states it, which a pattern gives directly.

Which region a figure belongs to: the region named in its sentence (the one nearest before the
figure when several are named; each of them for "X dan Y masing-masing ..."); else, for a sentence
that refers back ("Dari jumlah itu ..."), the region of the figure before; else the whole country.
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

EXTRACTOR_VERSION = "2"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'A-Z0-9])")
_AS_OF = re.compile(
    r"\b(?:per|hingga|sampai(?: dengan)?|s\.d\.?)\s+(?:(\d{1,2})\s+)?(" + "|".join(_MONTHS) + r")\s+(\d{4})",
    re.I,
)
_ELECTION = re.compile(r"\b(Pilkada|Pemilu|Pemilihan)(?:\s+Serentak)?\s+(\d{4})\b", re.I)
_RANK = re.compile(r"\b(?:urutan|posisi|peringkat)\s+(?:ke-)?(\w+)", re.I)
_RANK_TAKEN_BY = re.compile(r"\b(?:urutan|posisi|peringkat)\s+(\w+)\s+ditempati\s+(?:oleh\s+)?(?:Provinsi\s+)?$", re.I)
_RANK_TAKEN_BY_TAIL = re.compile(
    r"\b(?:dan\s+)?(?:urutan|posisi|peringkat)\s+\w+\s+ditempati\s+(?:oleh\s+)?(?:Provinsi\s+)?$", re.I
)
_WORD = re.compile(r"[^\W\d_][\w.'-]*")
_SCORE = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{1,2})?)(?![\d.,]*\d)")
# "di Jakarta, Selasa (...)": where something was said, not what a figure is about
_SPEECH_PLACE = re.compile(r"^\s*,\s*(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu)\b")


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
def _compiled() -> dict:
    r = rules()
    number = number_pattern()
    return {
        "funnel": {
            metric: [re.compile(p.replace("{NUM}", number), re.I) for p in patterns]
            for metric, patterns in r["funnel_patterns"].items()
        },
        "zone": re.compile(r["zone_pattern"], re.I),
        "anaphora": re.compile(r["anaphora_pattern"], re.I),
        "ikp": re.compile(r"\b(?:" + "|".join(map(re.escape, r["ikp_score_keywords"])) + r")\b", re.I),
        # a sentence without a digit, number word, ordinal or zone states no fact: most are skipped here
        "figure": re.compile(r"\d|\bzona\b|\b(?:" + "|".join([*r["number_words"], *r["ordinal_words"]]) + r")\b", re.I),
    }


@cache
def _region_names() -> tuple[dict[str, str], int]:
    """Folded written name -> code for every province, regency/city and alias, and the longest name in words.

    Names are looked up word by word rather than through one regular expression of 1,100 alternatives,
    which Python's engine tries one by one at every position (measured: 34x the cost of reading).
    """
    resolver = region_resolver()
    names: dict[str, str] = {}
    for code, name in resolver.province_names.items():
        names[fold(name)] = code
    for code, regency in resolver.regencies.items():
        names[fold(regency.name)] = code
        names[fold(regency.name.replace("Kabupaten ", "Kab. ", 1))] = code
    for row in read_seed("regions/ref_region_aliases.csv"):
        names.setdefault(fold(row["alias"]), row["region_code"])
    longest = max(len(name.split("_")) for name in names)
    return names, longest


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


def mentions(sentence: str) -> list[tuple[int, int, str]]:
    """(start, end, code) of every region named in the sentence (longest name first), places of speech left out."""
    names, longest = _region_names()
    words = list(_WORD.finditer(sentence))
    found, i = [], 0
    while i < len(words):
        match = None
        if words[i].group()[0].isupper():
            for n in range(min(longest, len(words) - i), 0, -1):
                start, end = words[i].start(), words[i + n - 1].end()
                code = names.get(fold(sentence[start:end]))
                if code:
                    match = (n, start, end, code)
                    break
        if match is None:
            i += 1
            continue
        n, start, end, code = match
        if not _SPEECH_PLACE.match(sentence[end:]):
            found.append((start, end, code))
        i += n
    return found


def extract_facts(article: Article) -> list[Fact]:
    """Every fact the article states, in reading order, each with its evidence sentence."""
    r = rules()
    compiled = _compiled()
    election = election_in(article.text)
    facts: list[Fact] = []
    previous_region = None
    for paragraph, sentence in sentences(article.text):
        if not compiled["figure"].search(sentence):
            continue
        lowered = sentence.lower()
        if any(term.lower() in lowered for term in r["exclusion_terms"]):
            continue
        as_of = as_of_date(sentence) or as_of_date(paragraph)
        named = mentions(sentence)
        about_asn = any(term.lower() in paragraph.lower() for term in r["context_terms"])
        fallback = previous_region if compiled["anaphora"].search(sentence) and previous_region else NATIONAL_CODE
        context = (article.article_id, sentence, as_of, election)
        found = []
        if about_asn:
            found += _funnel_facts(context, named, fallback)
            found += _zone_facts(context, named, paragraph)
        if compiled["ikp"].search(sentence) or _RANK.search(sentence) or _list_like(sentence, named):
            found += _ikp_facts(context, named)
        if found:
            previous_region = found[-1].region_code
        facts += found
    return _unique(facts)


def _list_like(sentence: str, named: list) -> bool:
    """A continuation such as "Kota Cilegon 12,97, Kota Tangerang Selatan 11,53": names with scores."""
    return len(named) >= 2 and len(_SCORE.findall(sentence)) >= 2


def _regions_for(sentence: str, named: list, position: int, fallback: str) -> list[str]:
    distributive = sentence.lower().find(rules()["distributive_term"])
    if distributive >= 0:
        before = [code for start, _, code in named if start < distributive]
        if len(before) >= 2:
            return list(dict.fromkeys(before))
    if not named:
        return [fallback]
    preceding = [code for start, _, code in named if start < position]
    return [preceding[-1] if preceding else named[0][2]]


def _funnel_facts(context, named, fallback) -> list[Fact]:
    article_id, sentence, as_of, election = context
    found = []
    for metric, patterns in _compiled()["funnel"].items():
        for pattern in patterns:
            for match in pattern.finditer(sentence):
                text = match.group(1)
                for region in _regions_for(sentence, named, match.start(1), fallback):
                    found.append(Fact(article_id, metric, region, to_number(text), text, sentence, as_of, election))
    return sorted(found, key=lambda f: sentence.find(f.value_text))


def _zone_facts(context, named, paragraph) -> list[Fact]:
    article_id, sentence, as_of, election = context
    found = []
    for match in _compiled()["zone"].finditer(sentence):
        preceding = [code for start, _, code in named if start < match.start()]
        regions = preceding[-1:] or [code for _, _, code in named][:1]
        if not regions:
            continue  # a zone with no region named is not a fact about any region
        zone = match.group(1).lower()
        found.append(Fact(article_id, "zone", regions[0], None, zone, sentence, as_of, election))
    return found


def _ikp_facts(context, named) -> list[Fact]:
    """Scores and ranks: each region mention owns the text up to the next mention."""
    article_id, sentence, as_of, election = context
    ordinals = rules()["ordinal_words"]
    facts = []
    for i, (start, end, code) in enumerate(named):
        segment = sentence[end : named[i + 1][0] if i + 1 < len(named) else len(sentence)]
        before = sentence[named[i - 1][1] if i else 0 : start]
        # "posisi kedua ditempati Sulawesi Utara": the rank written just before the name is its own
        taken = _RANK_TAKEN_BY.search(before)
        own_segment = _RANK_TAKEN_BY_TAIL.sub("", segment)
        rank_word = taken.group(1) if taken else None
        if rank_word is None:
            own = _RANK.search(own_segment)
            rank_word = own.group(1) if own else None
        value = int(rank_word) if rank_word and rank_word.isdigit() else ordinals.get((rank_word or "").lower())
        if value:
            facts.append(Fact(article_id, "ikp_rank", code, float(value), rank_word, sentence, as_of, election))
        score = _SCORE.search(own_segment)
        if score and to_number(score.group(1)) <= 100:
            number = to_number(score.group(1))
            facts.append(Fact(article_id, "ikp_score", code, number, score.group(1), sentence, as_of, election))
    return facts


def _unique(facts: list[Fact]) -> list[Fact]:
    seen, unique = set(), []
    for fact in facts:
        key = (fact.metric, fact.region_code, fact.value, fact.value_text if fact.value is None else None)
        if key not in seen:
            seen.add(key)
            unique.append(fact)
    return unique
