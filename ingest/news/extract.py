"""Read ASN-neutrality facts out of Indonesian news text, from the structure of its sentences.

Every figure of a sentence is a candidate. What it counts comes from the word after it ("61 orang
ASN", "27 kasus", "52,7 persen"), or, in a list or a breakdown, from the figure before it ("Rembang
sebanyak 8 kasus, Sukoharjo 7"; "76 kasus, 12 dihentikan"). Its stage of the funnel comes from the
stage words nearest to it ("dilaporkan", "direkomendasikan ke KASN", "dijatuhi sanksi oleh PPK",
"dihentikan", "masih diproses"), and who counts it decides what a "laporan" is (KASN and BKN count
persons, Bawaslu counts cases). Its region is the one it is attached to in the sentence - the region
or the list of regions right before it ("Pangkep dan Takalar masing-masing 6 kasus"), or "di X" right
after it -, else the sentence's only region, else that of the figure it follows on from, else the
whole country. Its election is the one named nearest before it, else the article's.

Each candidate carries a confidence: it loses points for what it had to borrow (a unit from the
list, a region from the sentence before, a topic from the paragraph) and for what makes it doubtful
(an estimate, an ambiguous place, another value for the same metric and region). Confident ones are
news facts; doubtful ones go to the review table with their reasons; the rest are dropped. All
words, weights and thresholds are reference data (`reference/news_rules.yaml`); this module only
reads structure. A model trained on labelled sentences was considered: with a few hundred labelled
figures it would learn the outlets it saw, while the structures here recur across outlets.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from functools import cache

from ingest.headers import fold
from ingest.news.articles import _MONTHS, Article, rules
from ingest.news.numbers import Figure, figures, ordinal, to_number
from ingest.news.places import Group, Mention, groups, mentions, province_of
from ingest.reference_data import read_seed
from ingest.regions import NATIONAL_CODE

__all__ = ["EXTRACTOR_VERSION", "Candidate", "Fact", "as_of_date", "extract", "extract_facts", "to_number"]

EXTRACTOR_VERSION = f"3.{rules()['version']}"
_SENTENCE_END = re.compile(r"(?<=[.!?\"”])\s+(?=[\"“'A-Z0-9])|\s+•\s+")
_AS_OF = re.compile(
    r"\b(?:per|hingga|sampai(?:\s+dengan)?|s\.d\.?|tercatat)\s+(?:tanggal\s+)?(?:(\d{1,2})\s+)?("
    + "|".join(_MONTHS)
    + r")(?:\s+(\d{4}))?",
    re.I,
)
_ELECTION = re.compile(
    r"\b(pilkada|pemilu|pemilihan\s+umum|pemilihan\s+kepala\s+daerah|pemilihan|pileg|pilpres|pilgub|pilbup|pilwalkot|pilwali)"
    r"(?:\s+(?:serentak|\(\w+\)|tahun|presiden|legislatif|gubernur|bupati|wali\s*kota|nasional|kota|kabupaten))*(?:\s+(?-i:[A-Z][a-z]+)){0,2}\s+(\d{4})\b",
    re.I,
)
_GENERAL_ELECTIONS = ("pemilu", "pemilihan umum", "pileg", "pilpres")
_DATELINE = re.compile(r"^(.{1,60})(?:\s[-–—|]{1,2}\s|--|:\s)")
# "5 ASN di Sukoharjo", "lima kasus terjadi di Kabupaten Selayar": the region right after a count
_ATTACHED_AFTER = re.compile(r"^[^.;]{0,45}?\b(?:di|se-?)\s+$", re.I)
_MONTH_AFTER = re.compile(r"^\s+(?:" + "|".join(_MONTHS) + r")\b", re.I)
_RANK_WORD_AT_END = re.compile(r"\b(?:urutan|peringkat|posisi|ranking|rangking|diurutan)\s*(?:ke-?)?\s*$", re.I)
_FIGURE_HINT = re.compile(
    r"\d|nihil|belum ada|zona|urutan|peringkat|posisi|ranking|\b(?:se|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)",
    re.I,
)


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
    """A figure the extractor read as a fact, with how sure it is and what it borrowed or doubts."""

    fact: Fact
    confidence: float
    reasons: tuple[str, ...]
    stage: str = ""
    position: int = 0  # reading order within the article, for ties


@dataclass
class _Context:
    """What a sentence hands on to the next: its last figure's region and election, and its subject."""

    region: str | None = None
    region_paragraph: int = -1
    main_region: str | None = None  # the region of the article's first figure: what the article is about
    election: str | None = None
    actor: str | None = None
    on_topic: bool = False
    ikp: bool = False  # the sentence before listed IKP scores or ranks, or spoke of the index
    unit: str | None = None
    seen: dict[tuple, tuple[str, str | None]] = field(default_factory=dict)  # (value, unit) -> (region, election)


# --- reference data, compiled once -------------------------------------------------------------------


@cache
def _compiled() -> dict:
    r = rules()

    def alternation(words) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    stages = {}
    for stage, sides in r["stages"].items():
        stages[stage] = {side: [re.compile(p, re.I) for p in patterns] for side, patterns in sides.items()}
    units = {
        kind: re.compile(rf"^\s*\(?\s*(?:{alternation(words)})(?![a-z])", re.I) for kind, words in r["units"].items()
    }
    units["percent"] = re.compile(rf"^\s*(?:{alternation(r['units']['percent'])})", re.I)
    return {
        "stages": stages,
        "units": units,
        "topic": re.compile(rf"\b(?:{alternation(r['topic_terms'])})\b", re.I),
        "other_topic": re.compile(rf"\b(?:{alternation(r['other_topics'])})\b", re.I),
        "other_subject": re.compile(rf"\b(?:{alternation(r['other_subjects'])})\b", re.I),
        "actors": {kind: re.compile(rf"\b(?:{alternation(words)})\b", re.I) for kind, words in r["actors"].items()},
        "not_subject": re.compile(r["actor_not_subject_before"], re.I),
        "negated": re.compile(r["stage_negated_before"], re.I),
        "approx_before": re.compile(rf"\b(?:{alternation(r['approximate_before'])})\s*$", re.I),
        "approx_after": re.compile(rf"^(?:{alternation(r['approximate_after'])})", re.I),
        "year_before": re.compile(r["year_before"], re.I),
        "restated": re.compile(r["restatement_before"], re.I),
        "anaphora": re.compile(r["anaphora"], re.I),
        "rate_excluded": re.compile(rf"\b(?:{alternation(r['rate_excluded_near'])})\b", re.I),
        "ikp": re.compile(rf"\b(?:{alternation(r['ikp_terms'])})\b", re.I),
        "other_dimension": re.compile(rf"\b(?:{alternation(r['ikp_other_dimension'])})\b", re.I),
        "rank": re.compile(r["rank_pattern"], re.I),
        "rank_of_counts": re.compile("|".join(r["rank_of_counts"]), re.I),
        "score_word": re.compile(rf"\b(?:{alternation(r['score_words'])})\b", re.I),
        "zone": re.compile(r["zone_pattern"], re.I),
    }


@cache
def _election_aliases() -> dict[str, str]:
    return {fold(r["alias"]): r["election_id"] for r in read_seed("methodology/ref_election_aliases.csv")}


def _penalty(name: str) -> float:
    return rules()["confidence"]["penalties"][name]


# --- text helpers ------------------------------------------------------------------------------------------


def sentences(text: str) -> list[tuple[int, str]]:
    """(paragraph number, sentence) pairs in reading order; a line is a paragraph."""
    pairs = []
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for number, paragraph in enumerate(lines):
        for sentence in _SENTENCE_END.split(paragraph):
            if sentence.strip():
                pairs.append((number, sentence.strip()))
    return pairs


def as_of_date(text: str, year: int | None = None) -> str | None:
    """The date a figure is stated for ("per 30 September 2020"; "per September 2023" = month end;
    "hingga 4 Oktober" in the article's year)."""
    for match in _AS_OF.finditer(text):
        day, month, stated_year = match.groups()
        if stated_year is None and year is None:
            continue
        the_year = int(stated_year or year)
        month_number = _MONTHS[month.lower()]
        the_day = int(day) if day else calendar.monthrange(the_year, month_number)[1]
        if the_day <= calendar.monthrange(the_year, month_number)[1]:
            return f"{the_year:04d}-{month_number:02d}-{the_day:02d}"
    return None


def _elections(text: str) -> list[tuple[int, str | None]]:
    """(position, election id) of every election the text names; None for one Netra does not know."""
    found = []
    for match in _ELECTION.finditer(text):
        kind = "Pemilu" if match.group(1).lower().startswith(_GENERAL_ELECTIONS) else "Pilkada"
        if match.group(1).lower() == "pemilihan" and match.group(2) in ("2019",):
            kind = "Pemilu"
        found.append((match.start(), _election_aliases().get(fold(f"{kind} {match.group(2)}"))))
    return found


def _dateline(sentence: str) -> tuple[int, int] | None:
    """The span of "MAKASSAR, RAKYATSULSEL -" or "Jakarta:" opening a paragraph: a place, not a subject."""
    match = _DATELINE.match(sentence)
    if match and len(match.group(1).split()) <= 8:
        return (0, match.end(1))
    return None


# --- the parts of a candidate ----------------------------------------------------------------------------


def _unit(sentence: str, figure: Figure, following: Figure | None) -> tuple[str | None, int]:
    """What the figure counts and where the words saying so end: persons, cases, percent, other or None."""
    rest = sentence[figure.end :]
    units = _compiled()["units"]
    for kind in ("other", "percent", "persons", "cases"):
        match = units[kind].match(rest)
        if match:
            if kind == "other" and units["persons"].match(rest) and len(units["persons"].match(rest).group()) >= len(match.group()):
                continue
            return kind, figure.end + match.end()
    # "1.588 atau 79,1 persen ASN": the unit after an apposed percentage is the count's
    if following is not None and re.fullmatch(r"\s*(?:atau|\()\s*", sentence[figure.end : following.start]):
        after = sentence[following.end :]
        percent = units["percent"].match(after)
        if percent:
            for kind in ("persons", "cases"):
                match = units[kind].match(after[percent.end() :])
                if match:
                    return kind, following.end + percent.end() + match.end()
    return None, figure.end


def _unit_before(sentence: str, figure: Figure) -> str | None:
    """"Total pelanggaran 131", "ASN sebanyak 12": the unit written before the figure."""
    before = sentence[max(0, figure.start - 40) : figure.start]
    match = re.search(r"(\w+)\s+(?:(?:sebanyak|sejumlah|berjumlah|mencapai|ada|yakni|yaitu)\s+)?$", before)
    if not match:
        return None
    units = _compiled()["units"]
    for kind in ("persons", "cases"):
        if units[kind].match(match.group(1)) and len(units[kind].match(match.group(1)).group().strip()) == len(match.group(1)):
            return kind
    return None


def _is_year(sentence: str, figure: Figure, kind: str | None) -> bool:
    """"Pemilu 2024", "tahun 2020": a year, unless a unit says it counts ("1997 ASN")."""
    if figure.spelled or not (1900 <= figure.value <= 2100) or "." in figure.text or "," in figure.text:
        return False
    after_election = _compiled()["year_before"].search(sentence[max(0, figure.start - 30) : figure.start])
    return bool(after_election) or kind not in ("persons", "cases")


def _apposed_percent(sentence: str, count_end: int, figure: Figure) -> bool:
    """"97 ASN atau 53 persen", "28 ASN (90.3%)": a percentage restating the count just before it."""
    return bool(re.fullmatch(r"\s*(?:atau|\(|,)?\s*", sentence[count_end : figure.start]))


def _stage(sentence: str, left: tuple[int, int], right: tuple[int, int], next_is_figure: bool) -> tuple[str | None, str]:
    """The stage whose words stand nearest the figure (any specific stage before the generic "reported"),
    with the words themselves. Words wished for or denied ("agar ditindaklanjuti") do not count, nor
    words nearer to the next figure ("Total 131, dihentikan 20": "dihentikan" is the 20's)."""
    compiled = _compiled()
    reach = rules()["stage_reach"]
    best: dict[str, tuple[int, str]] = {}
    for stage, sides in compiled["stages"].items():
        for side, patterns in sides.items():
            spans = []
            if side in ("before", "either"):
                spans.append(("before", max(left[0], left[1] - reach), left[1]))
            if side in ("after", "either"):
                spans.append(("after", right[0], min(right[1], right[0] + reach)))
            for where, start, end in spans:
                if start >= end:
                    continue
                window = sentence[start:end]
                for pattern in patterns:
                    for match in pattern.finditer(window):
                        at = start + match.start() + len(match.group()) - len(match.group().lstrip())
                        if compiled["negated"].search(sentence[max(0, at - 25) : at]):
                            continue
                        distance = (end - (start + match.end())) if where == "before" else match.start()
                        if where == "after" and next_is_figure and right[1] - (start + match.end()) < distance:
                            continue
                        if stage not in best or distance < best[stage][0]:
                            best[stage] = (distance, match.group())
    specific = {s: d for s, d in best.items() if s != "reported"}
    if specific:
        stage = min(specific, key=lambda s: specific[s][0])
        return stage, specific[stage][1]
    if "reported" in best:
        return "reported", best["reported"][1]
    return None, ""


def _followed_up_near(sentence: str, left: tuple[int, int], right: tuple[int, int]) -> bool:
    """Whether words of a follow-up by the PPK stand on either side of a percentage, not wished for or denied."""
    compiled = _compiled()
    reach = rules()["stage_reach"]
    for start, end in ((max(left[0], left[1] - reach), left[1]), (right[0], min(right[1], right[0] + reach))):
        for pattern in compiled["stages"]["followed_up"]["either"]:
            for match in pattern.finditer(sentence, start, end):
                at = match.start() + len(match.group()) - len(match.group().lstrip())
                if not compiled["negated"].search(sentence[max(0, at - 25) : at]):
                    return True
    return False


def _actor(sentence: str) -> str | None:
    """Who counts in this sentence: the first of KASN/BKN or Bawaslu named as a subject, not as a recipient."""
    compiled = _compiled()
    first: tuple[int, str] | None = None
    for kind, pattern in compiled["actors"].items():
        for match in pattern.finditer(sentence):
            before = sentence[max(0, match.start() - 12) : match.start()]
            # "(KASN)" restates the name before it, which says whether KASN counts or receives
            if compiled["not_subject"].search(before) or before.endswith("("):
                continue
            if first is None or match.start() < first[0]:
                first = (match.start(), kind)
            break
    return first[1] if first else None


def _topic(sentence: str, figure: Figure, next_start: int) -> str:
    """"own" when the figure's own words name ASN neutrality, "other" when they name another subject,
    "none" when they name neither."""
    words = sentence[figure.end : min(next_start, figure.end + 70)]
    words = re.split(r"[.;]|,\s+(?=[a-z]+\s+\d)", words)[0]
    compiled = _compiled()
    topic, other = compiled["topic"].search(words), compiled["other_topic"].search(words)
    if other and (not topic or other.start() < topic.start()):
        return "other"
    return "own" if topic else "none"


# --- regions ------------------------------------------------------------------------------------------


def _owner(sentence: str, figure: Figure, unit_end: int, found: list[Group], taken_before: int) -> tuple[Group | None, str]:
    """The group of regions a figure is stated for, and how it was found: "attached" (right before it,
    or "di X" right after), "sentence" (the sentence's only group), or "" (none)."""
    before = [g for g in found if g.end <= figure.start and g.start >= taken_before]
    if before:
        return before[-1], "attached"
    after = [g for g in found if g.start >= unit_end]
    if after and _ATTACHED_AFTER.match(sentence[unit_end : after[0].start]):
        return after[0], "attached"
    if len(found) == 1 and len(found[0].mentions) == 1:
        return found[0], "sentence"
    return None, ""


# --- the extractor ------------------------------------------------------------------------------------------


def extract(article: Article) -> tuple[list[Fact], list[Candidate]]:
    """The article's facts (confident), and the candidates held for review, each with its evidence."""
    r = rules()
    compiled = _compiled()
    year = int(article.published_date[:4]) if article.published_date else None
    pairs = sentences(article.text)
    elections = [e for _, s in pairs[:4] for _, e in _elections(s) if e]
    default_election = elections[0] if elections else next((e for _, s in pairs for _, e in _elections(s) if e), None)
    found_mentions = [mentions(s, masked=_dateline(s)) for _, s in pairs]
    provinces = [province_of(m.code) for ms in found_mentions for m in ms if m.code]
    province = max(set(provinces), key=provinces.count) if provinces else None
    article_actor = next((a for _, s in pairs if (a := _actor(s))), None)
    article_region = _counting_body_region(pairs, found_mentions)

    candidates: list[Candidate] = []
    context = _Context()
    previous_paragraph, previous_sentence = -1, ""
    for index, (paragraph, sentence) in enumerate(pairs):
        if not _FIGURE_HINT.search(sentence):
            # a sentence without figures still says what the paragraph is about, and which region
            if compiled["other_subject"].search(sentence) and not compiled["topic"].search(sentence):
                context.on_topic = False
            elif compiled["topic"].search(sentence):
                context.on_topic = True
            previous_paragraph, previous_sentence = paragraph, sentence
            continue
        sentence_mentions = [_settle(m, province) for m in found_mentions[index]]
        found = groups(sentence, sentence_mentions)
        facts = _sentence_candidates(
            article, sentence, previous_sentence, found, context, default_election, article_actor, year, index,
            paragraph, article_region,
        )
        candidates += facts
        previous_paragraph, previous_sentence = paragraph, sentence
    return _decide(candidates)


def _settle(mention: Mention, province: str | None) -> Mention:
    """A bare name that fits several regencies is settled by the article's province, when only one is in it."""
    if mention.code is None and mention.candidates and province:
        inside = [c for c in mention.candidates if c.startswith(province + ".")]
        if len(inside) == 1:
            return Mention(mention.start, mention.end, inside[0], mention.candidates)
    return mention


def _counting_body_region(pairs, found_mentions) -> str | None:
    """The region of the Bawaslu office the article quotes ("Bawaslu Sulsel", "Badan Pengawas Pemilu
    (Bawaslu) Kabupaten Wakatobi"): figures its sentences give without a region are that office's."""
    bawaslu = _compiled()["actors"]["bawaslu"]
    regions: list[str] = []
    for (_, sentence), found in zip(pairs, found_mentions):
        for match in bawaslu.finditer(sentence):
            after = next((m for m in found if m.start >= match.end()), None)
            gap = sentence[match.end() : after.start] if after else ""
            if after and after.code and re.fullmatch(
                r"\s*(?:umum\s*)?(?:\(\w+\)\s*|\)\s*)?(?:provinsi|kabupaten|kota|kab\.?)?\s*", gap, re.I
            ):
                regions.append(after.code)
    return max(set(regions), key=regions.count) if regions else None


def _sentence_candidates(article, sentence, previous_sentence, found, context, default_election, article_actor, year, index,
                         paragraph, article_region):
    r = rules()
    compiled = _compiled()
    figs = figures(sentence)
    about_asn = bool(compiled["topic"].search(sentence))
    other_subject = bool(compiled["other_subject"].search(sentence)) and not re.search(r"\b(?:asn|pns)\b", sentence, re.I)
    actor = _actor(sentence) or context.actor or article_actor
    as_of = as_of_date(sentence, year)
    elections = _elections(sentence)
    out: list[Candidate] = []
    sentence_unit: str | None = None
    taken_before = 0
    previous_count_end = 0
    last_region = context.region
    paragraph_region = context.region if context.region_paragraph == paragraph else None
    anaphoric = bool(compiled["anaphora"].search(sentence[:40]))
    restated_region = None
    list_stage = None

    counts = []  # (figure, unit kind, unit end)
    for i, figure in enumerate(figs):
        following = figs[i + 1] if i + 1 < len(figs) else None
        kind, unit_end = _unit(sentence, figure, following)
        if _is_year(sentence, figure, kind) or _MONTH_AFTER.match(sentence[figure.end :]):
            continue
        counts.append((figure, kind, unit_end))
        if kind in ("persons", "cases") and sentence_unit is None:
            sentence_unit = kind

    for i, (figure, kind, unit_end) in enumerate(counts):
        next_start = counts[i + 1][0].start if i + 1 < len(counts) else len(sentence)
        reasons: list[str] = []
        confidence = 1.0
        if kind == "other":
            continue
        if figure.zero:
            # "Soppeng dan Toraja Utara masih nihil": zero for the regions just before
            group = next((g for g in reversed(found) if g.end <= figure.start), None)
            if group is None or figure.start - group.end > 20 or context.unit is None and sentence_unit is None:
                continue
            kind = sentence_unit or context.unit
        inherited = False
        if kind is None:
            kind = _unit_before(sentence, figure)
        if kind is None:
            # a bare figure: a breakdown ("12 dihentikan") or a list item ("Sukoharjo 7") of the unit before
            kind = sentence_unit or context.unit
            if kind is None or figure.spelled and not re.match(r"^\s*(?:\w+\s+){0,2}?(?:di\s*antaranya|diantaranya|sudah|telah|masih|dihentikan|diproses|direkomendasikan|diteruskan|terbukti|tidak|dan)\b", sentence[figure.end :], re.I):
                continue
            inherited = True
            reasons.append("unit taken from the figure before")
            confidence -= _penalty("unit_inherited")
        if figure.text.lower() == "seorang" or (figure.spelled and figure.value == 1 and re.match(r"^\s*(?:orang|kasus)\s+(?:yang|asn|kepala)", sentence[figure.end :], re.I)):
            # "seorang ASN memposting ...": an article, not a count
            continue

        # restated figures ("Dari 61 orang ASN yang dilapor tersebut") are not new facts
        # and neither are figures the article gave before, repeated without a region of their own
        left_text = sentence[max(0, figure.start - 30) : figure.start]
        seen = context.seen.get((figure.value, kind)) or (
            inherited and next((v for (value, _), v in context.seen.items() if value == figure.value), None)
        )
        pointed_back = re.match(r"^\s*(?:\w+\s+){0,3}?(?:tersebut|itu|ini)\b", sentence[unit_end : unit_end + 40])
        if seen and (compiled["restated"].search(left_text) or not found or pointed_back):
            restated_region = seen[0]
            taken_before = unit_end
            previous_count_end = unit_end
            continue

        # stage
        left = (previous_count_end, figure.start)
        right = (unit_end, next_start if not (i + 1 < len(counts) and counts[i + 1][1] == "percent" and _apposed_percent(sentence, unit_end, counts[i + 1][0])) else (counts[i + 2][0].start if i + 2 < len(counts) else len(sentence)))
        stage, stage_words = _stage(sentence, left, right, right[1] < len(sentence))
        if stage is None and list_stage and kind == list_stage[0] and len(sentence[previous_count_end : figure.start]) < 60:
            # "dimulai dari Kabupaten Berau dengan 2 laporan hingga Kalimantan Utara dengan 1 laporan"
            stage, stage_words = list_stage[1], list_stage[2]
        breakdown = inherited and stage is not None and stage != "reported"

        # topic
        if kind != "percent" and not breakdown:
            own = _topic(sentence, figure, next_start)
            if own == "other" or other_subject:
                previous_count_end = unit_end
                continue
            if own == "none":
                if about_asn:
                    confidence -= _penalty("topic_from_sentence")
                    reasons.append("about ASN by its sentence")
                elif context.on_topic or inherited:
                    confidence -= _penalty("topic_from_context")
                    reasons.append("about ASN by the sentences before")
                else:
                    continue

        # approximate figures
        if compiled["approx_before"].search(sentence[max(0, figure.start - 20) : figure.start]) or compiled[
            "approx_after"
        ].match(sentence[figure.end : figure.end + 12]):
            confidence -= _penalty("approximate")
            reasons.append("an estimate or a lower bound")


        # region
        group, how = _owner(sentence, figure, unit_end, found, taken_before)
        if group is None:
            if found:
                # the figure stands apart from the regions its sentence names
                regions = [None]
                reasons.append("which of the sentence's regions is meant is unclear")
                confidence -= _penalty("region_ambiguous")
            elif restated_region:
                regions = [restated_region]
            elif last_region and (breakdown or anaphoric) or paragraph_region:
                regions = [last_region if breakdown or anaphoric else paragraph_region]
                if not breakdown:
                    confidence -= _penalty("region_carried")
                    reasons.append("region of the sentence before")
            elif context.main_region or article_region:
                regions = [context.main_region or article_region]
                if regions[0] != NATIONAL_CODE:
                    confidence -= _penalty("region_from_sentence")
                    reasons.append("the region the article is about")
            else:
                regions = [NATIONAL_CODE]
        else:
            regions = group.codes
            if how == "sentence":
                confidence -= _penalty("region_from_sentence")
                reasons.append("the sentence's only region")
            if None in regions:
                confidence -= _penalty("region_ambiguous")
                reasons.append("a place name that fits several regions, or none known")
        if how == "attached" and group is not None:
            taken_before = group.start

        election = next((e for pos, e in reversed(elections) if pos < figure.start), None)
        if election is None and elections and not any(pos < figure.start for pos, _ in elections):
            election = elections[0][1] if elections[0][0] - figure.end < 60 else None
        election = election or default_election

        # metric
        if kind == "percent":
            if not _followed_up_near(sentence, left, right) or compiled["rate_excluded"].search(
                sentence[max(0, figure.start - 40) : right[1]]
            ):
                previous_count_end = unit_end
                continue
            metric = "followup_rate_pct"
            if figure.value > 100:
                continue
        else:
            the_stage = stage or "reported"
            if stage is None:
                confidence -= _penalty("no_stage_word")
                reasons.append("no stage word near it")
            if the_stage == "recommended" and actor == "bawaslu" and not re.search(r"terbukti|dinyatakan|dibalas", stage_words, re.I):
                the_stage = "forwarded"
            if the_stage == "forwarded" and actor == "kasn" and kind == "cases":
                the_stage = "reported"
            metric = r["metrics"][kind][the_stage]
            if kind == "cases" and the_stage == "reported" and actor == "kasn":
                metric = r["kasn_cases_reported_as"]
            stage = the_stage
        for region in regions:
            text = figure.text
            fact = Fact(
                article.article_id, metric, region or "?", figure.value, text, sentence, as_of, election
            )
            out.append(Candidate(fact, round(confidence, 3), tuple(reasons), stage or "", index * 1000 + figure.start))
            context.seen.setdefault((figure.value, kind), (region or "?", election))
        previous_count_end = unit_end
        list_stage = (kind, stage, stage_words) if stage and stage != "reported" else None
        if context.main_region is None and regions[0] not in (None, "?"):
            context.main_region = regions[0]
        if regions and regions[0] not in (None, "?") and len(regions) == 1:
            context.region, context.region_paragraph = regions[0], paragraph
    ikp = _ikp_candidates(
        article, sentence, previous_sentence, found, counts, default_election, elections, as_of, index, context.ikp
    )
    context.ikp = bool(ikp) or (bool(compiled["ikp"].search(sentence)) and about_asn)
    out += ikp
    out += _zone_candidates(article, sentence, found, as_of, default_election, index, about_asn or context.on_topic)
    # the topic runs on while sentences go on listing figures of it
    counted = any(c.stage not in ("rank", "score", "zone") for c in out)
    context.on_topic = not other_subject and (about_asn or (context.on_topic and counted))
    context.unit = sentence_unit or context.unit
    context.actor = _actor(sentence) or context.actor
    if restated_region and not found:
        context.region, context.region_paragraph = restated_region, paragraph
    elif found and not any(c.stage not in ("rank", "score", "zone") for c in out) and found[-1].codes[-1]:
        # "... berada di Kabupaten Bulukumba. Dengan total 16 kasus.": the region the next sentence speaks of
        context.region, context.region_paragraph = found[-1].codes[-1], paragraph
    return out


def _ikp_candidates(article, sentence, previous_sentence, found, counts, default_election, elections, as_of, index, listing):
    """IKP scores and ranks of the regions a sentence lists, where it (or the one before) speaks of the
    index's ASN-neutrality part, or goes on with a list that did (`listing`)."""
    compiled = _compiled()
    scope = previous_sentence + " " + sentence
    if compiled["other_dimension"].search(scope):
        return []
    if not listing and not (compiled["ikp"].search(scope) and compiled["topic"].search(scope)):
        return []
    election = next((e for _, e in elections if e), default_election)
    out: list[Candidate] = []
    # ranks: "urutan 10", "peringkat kedua", "posisi pertama ditempati Maluku Utara"
    ranks = list(compiled["rank"].finditer(sentence))
    for n, match in enumerate(ranks):
        value = ordinal(match.group(1))
        if not value:
            continue
        clause_start = ranks[n - 1].end() if n else 0
        clause_end = ranks[n + 1].start() if n + 1 < len(ranks) else len(sentence)
        clause = sentence[clause_start:clause_end]
        if compiled["rank_of_counts"].search(clause):
            continue
        after = [g for g in found if g.start >= match.end() and g.start < clause_end]
        taken = re.match(r"^\s*(?:ditempati\s+|diraih\s+)?(?:oleh\s+)?(?:provinsi\s+)?$", sentence[match.end() : after[0].start], re.I) if after else None
        before = [g for g in found if clause_start <= g.start and g.end <= match.start()]
        group = after[0] if taken else (before[-1] if before else (found[0] if len(found) == 1 else None))
        if group is None:
            continue
        for code in group.codes:
            if code:
                fact = Fact(article.article_id, "ikp_rank", code, float(value), match.group(1), sentence, as_of, election)
                out.append(Candidate(fact, 1.0, (), "rank", index * 1000 + match.start()))
    # scores: the first score-like figure after each group of regions
    figures_at = {c[0].start: c for c in counts}
    for n, group in enumerate(found):
        limit = found[n + 1].start if n + 1 < len(found) else len(sentence)
        for start in sorted(figures_at):
            figure, kind, _ = figures_at[start]
            if start < group.end or start >= limit:
                continue
            gap = sentence[group.end : figure.start]
            if kind is not None or figure.value > 100 or figure.spelled:
                break
            if _RANK_WORD_AT_END.search(gap):
                break
            if len(gap) > 45 and not compiled["score_word"].search(gap):
                break
            for code in group.codes:
                if code:
                    fact = Fact(article.article_id, "ikp_score", code, figure.value, figure.text, sentence, as_of, election)
                    out.append(Candidate(fact, 1.0, (), "score", index * 1000 + figure.start))
            break
    return out


def _zone_candidates(article, sentence, found, as_of, election, index, about_asn):
    if not about_asn:
        return []
    out = []
    for match in _compiled()["zone"].finditer(sentence):
        before = [g for g in found if g.end <= match.start()]
        group = before[-1] if before else (found[0] if found else None)
        if group is None:
            continue
        for code in group.codes:
            if code:
                fact = Fact(article.article_id, "zone", code, None, match.group(1).lower(), sentence, as_of, election)
                out.append(Candidate(fact, 0.9, (), "zone", index * 1000 + match.start()))
    return out


# --- deciding -------------------------------------------------------------------------------------------


def _decide(candidates: list[Candidate]) -> tuple[list[Fact], list[Candidate]]:
    """One value per metric, region and election: the surest, earliest one; the others go to review.
    A count forwarded to KASN beside a larger count of the same kind is a part of it, not a total."""
    thresholds = rules()["confidence"]
    adjusted: list[Candidate] = []
    totals: dict[tuple, float] = {}
    for c in candidates:
        if c.stage == "reported":
            key = (c.fact.region_code, c.fact.election_id, c.fact.metric)
            totals[key] = max(totals.get(key, 0), c.fact.value or 0)
    for c in candidates:
        if c.fact.region_code == "?":
            c = Candidate(c.fact, min(c.confidence, thresholds["publish_at"] - 0.01), c.reasons, c.stage, c.position)
        if c.stage == "forwarded":
            larger = totals.get((c.fact.region_code, c.fact.election_id, c.fact.metric), 0)
            if larger > (c.fact.value or 0):
                c = _demote(c, "forwarded_beside_total", "a part of a larger total stated beside it")
        adjusted.append(c)
    best: dict[tuple, Candidate] = {}
    for c in sorted(adjusted, key=lambda c: (-c.confidence, c.position)):
        key = (c.fact.metric, c.fact.region_code, c.fact.election_id)
        if key not in best:
            best[key] = c
    facts: dict[tuple, Fact] = {}
    review: list[Candidate] = []
    for c in sorted(adjusted, key=lambda c: c.position):
        key = (c.fact.metric, c.fact.region_code, c.fact.election_id)
        chosen = best[key]
        if c is not chosen and c.fact.value != chosen.fact.value or c is not chosen and c.fact.value_text != chosen.fact.value_text and c.fact.value is None:
            c = _demote(c, "conflicting_value", f"the article also states {chosen.fact.value_text} for this")
        if c.confidence >= thresholds["publish_at"]:
            identity = (c.fact.metric, c.fact.region_code, c.fact.value, c.fact.value_text if c.fact.value is None else None)
            facts.setdefault(identity, c.fact)
        elif c.confidence >= thresholds["review_at"]:
            review.append(c)
    return list(facts.values()), review


def _demote(c: Candidate, penalty: str, reason: str) -> Candidate:
    return Candidate(c.fact, round(c.confidence - _penalty(penalty), 3), (*c.reasons, reason), c.stage, c.position)


def extract_facts(article: Article) -> list[Fact]:
    """The facts the extractor is sure of, in reading order, each with its evidence sentence."""
    return extract(article)[0]
