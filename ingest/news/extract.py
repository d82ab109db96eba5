"""Read ASN-neutrality facts out of Indonesian news text, from the structure of its sentences.

Every figure of a sentence is a candidate. What it counts comes from the word after it ("61 orang
ASN", "27 kasus", "52,7 persen"), or, in a list or a breakdown, from the figure before it ("Rembang
sebanyak 8 kasus, Sukoharjo 7"; "76 kasus, 12 dihentikan"). Its stage of the funnel comes from the
stage words nearest to it ("dilaporkan", "direkomendasikan ke KASN", "dijatuhi sanksi oleh PPK",
"dihentikan", "masih diproses"); who counts it decides what a "laporan" is (KASN and BKN count
persons, Bawaslu counts cases). Its region is the one it is attached to - the region or list of
regions right before it ("Pangkep dan Takalar masing-masing 6 kasus"), or "di X" right after it -,
else the sentence's only region, else that of the figure it splits or follows on from, else what
the article is about (its first figure's region, or the Bawaslu office it quotes), else the whole
country. Its election is the one named nearest before it, else the article's.

Each candidate carries a confidence: it loses points for what it had to borrow (a unit from the
list, a region from the sentence before, a topic from the paragraph) and for what makes it doubtful
(an estimate, an ambiguous place, another value for the same metric and region). Confident ones are
news facts; doubtful ones go to the review table with their reasons; the rest are dropped. Words,
weights and thresholds are reference data (`reference/news_rules.yaml`); the modules only read
structure. A model trained on labelled sentences was considered and set aside: with a few hundred
labelled figures it learns the outlets it saw, while these structures recur across outlets.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from ingest.news import ikp, reading
from ingest.news.articles import Article, rules
from ingest.news.decide import Candidate, Fact, decide, demote
from ingest.news.lexicon import compiled, penalty
from ingest.news.numbers import Figure, figures, number_word_hint, to_number
from ingest.news.places import Group, Mention, groups, mentions, province_of
from ingest.news.text import as_of_date, dateline, elections, sentences
from ingest.regions import NATIONAL_CODE

__all__ = ["Candidate", "Fact", "as_of_date", "extract", "extract_facts", "to_number"]

# a sentence holding none of these (digits, zone or rank words, number words) states no figure
_FIGURE_HINT = re.compile(r"\d|zona|urutan|peringkat|posisi|ranking")  # matched against lower-cased text
_COUNTED = ("persons", "cases")
# "merekomendasikan", "direkomendasi", "direkom": Bawaslu's verb of recommending, which forwards to KASN
_BAWASLU_RECOMMENDS = re.compile(r"\b(?:di|me)rekom|rekomendasikan", re.I)
_ITEM_GAP = re.compile(r"\W{0,4}|\s+(?:ada|sebanyak|berjumlah)\s+", re.I)  # between a region and its count
_LIST_ITEM = re.compile(r"\s*(?:[-•*]|\d{1,3}\.\s)")  # "- Bupati Konawe", "9. Wali Kota Surabaya"
_NAME_ONLY = re.compile(r"(?:[A-Z][\w'-]*\.?\s*){1,4}")  # "Wali Kota Surabaya": a list entry, no sentence
_QUANTITY_WORD_BEFORE = re.compile(r"\b(?:sebanyak|mencapai|berjumlah|yakni|yaitu)$", re.I)
_CLAUSE_COMMA = re.compile(r",(?!\d)")  # not the decimal comma of "45,4 persen"


_FIRST_OF_LIST = re.compile(r"\W*(?:yang\s+)?pertama\s*[,:]", re.I)
_OTHERS_AFTER = re.compile(r"\s*(?:lainnya|lain)\b", re.I)
_OUT_OF = re.compile(r"\s*(?:dari|di\s*antara)\s+", re.I)
_DESCRIBED = re.compile(r"\s*yang\b[^,.;]{0,60}?\b(?:itu|tersebut)\b", re.I)
_UNKNOWN_ELECTION = "unknown"  # an election named that ref_elections does not list


def _linked_headline(sentence: str) -> bool:
    """A list line written as a headline, its words capitalised ("- 8 Rekomendasi Setara Institute untuk Dorong
    Partisipasi Kelompok Rentan di Pilkada 2024"): a link to another article, whose figures are not this one's."""
    if not _LIST_ITEM.match(sentence):
        return False
    words = re.findall(r"\[nama\]|[^\W\d_]{3,}", sentence)  # a masked name was a capitalised word
    return len(words) >= 5 and sum(w[0].isupper() or w[0] == "[" for w in words) >= 0.75 * len(words)


def _enumerated(pairs: list[tuple[int, str]]) -> set[float]:
    """The figures that count the lines of a list after them: a sentence ending on ":" with a figure, and
    as many list lines after it, one paragraph each ("delapan pelanggaran mereka antara lain:" and eight
    lines "- ...")."""
    found: set[float] = set()
    for index, (paragraph, sentence) in enumerate(pairs):
        if not sentence.rstrip().endswith(":"):
            continue
        lines = 0
        for later_paragraph, later in pairs[index + 1 :]:
            if later_paragraph == paragraph or not _LIST_ITEM.match(later):
                break
            lines += 1
        # "enam pelanggaran ... Pelanggaran itu antara lain:": or the figure of the sentence the list's opens on
        counted = figures(sentence) or (figures(pairs[index - 1][1]) if index else [])
        found.update(f.value for f in counted if lines >= 2 and f.value == lines)
    return found


def _ordinal_enumerations(pairs: list[tuple[int, str]]) -> set[tuple[int, float]]:
    """(sentence, figure) of the last count of a sentence the next one enumerates with "Pertama, ..."
    ("... terdiri dari tiga kasus. Pertama, mendeklarasikan diri sebagai bakal calon."): a count of kinds."""
    found: set[tuple[int, float]] = set()
    for index in range(len(pairs) - 1):
        if _FIRST_OF_LIST.match(pairs[index + 1][1]) and (counted := figures(pairs[index][1])):
            found.add((index, counted[-1].value))
    return found


def _each_by_total(items: list[_Figure], i: int, regions: int) -> bool:
    """Whether a count stated once for several regions is each one's because the sentence's total adds up
    only so: "empat kasus lain ... dua kasus di Kabupaten Purworejo, serta satu temuan di Kota Salatiga dan
    Kabupaten Wonosobo" (4 = 2 + 1 + 1, not 2 + 1)."""
    counts = [it.figure.value for it in items if it.kind not in ("other", "percent")]
    if i == 0 or len(counts) < 3 or items[0].kind in ("other", "percent"):
        return False
    total, value = items[0].figure.value, items[i].figure.value
    parts = sum(counts[1:]) - value
    return parts + value * regions == total and parts + value != total


def _clause_break(sentence: str, start: int, end: int) -> int:
    """Where the last clause before `end` begins: its comma or " dan " (-1: none after `start`). A comma
    between a quantity word and the figure ("... ditindaklanjuti PPK sebanyak, 635") ends no clause."""
    commas = [
        m.start()
        for m in _CLAUSE_COMMA.finditer(sentence, start, end)
        if sentence[m.end() : end].strip() or not _QUANTITY_WORD_BEFORE.search(sentence[: m.start()])
    ]
    return max(commas[-1] if commas else -1, sentence.rfind(" dan ", start, end))


_WORDED = re.compile(r"[^\W\d_]{2}")
_NATIONAL_OFFICE = re.compile(r"\s*(?:\)\s*)?(?:RI|Republik\s+Indonesia|Pusat)\b")


@dataclass
class _Figure:
    """One figure of a sentence while it is being read."""

    figure: Figure
    kind: str | None
    unit_end: int
    confidence: float = 1.0
    reasons: list[str] = field(default_factory=list)
    inherited: bool = False
    topic: str | None = None  # how it is about ASN: own, sentence or context (a breakdown: its total's)
    carried: bool = False  # its region is that of the sentence before

    def lose(self, name: str, reason: str) -> None:
        self.confidence -= penalty(name)
        self.reasons.append(reason)


# "Batam ada satu": a place, then its count
_PLACE_HAS = re.compile(r"\s+(?:ada|sebanyak)\s+", re.I)


def _counts_places(sentence: str, item: _Figure) -> bool:
    """ "(98 ASN) di 10 kabupaten dan kota": a count of the places the persons counted before it are in."""
    c = compiled()
    return (
        item.kind == "other"
        and bool(c["places_counted"].match(sentence[item.figure.end : item.figure.end + 20]))
        and bool(c["places_counted_before"].search(sentence[max(0, item.figure.start - 8) : item.figure.start]))
    )


class _Reader:
    """Reads one article sentence by sentence, carrying what a sentence hands on to the next: the
    region and unit it spoke of, who was counting, whether it was about ASN neutrality or an index."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.year = int(article.published_date[:4]) if article.published_date else None
        self.pairs = sentences(article.text)
        self.flags = [_Flags.of(sentence) for _, sentence in self.pairs]
        # every sentence's regions, since a region named in words only is handed on to the figures after it
        # ("Kabupaten Bulukumba paling banyak ... . Bawaslu sudah melakukan penelusuran ... . Ada 2 ASN ...")
        self.mentions = [mentions(s, masked=dateline(s)) for _, s in self.pairs]
        self.office_region = self._office_region()
        # "Bawaslu Wakatobi ... dibandingkan dengan Pilgub Sultra, 11 orang": a province naming the election
        # an office inside it watches says where the election is held, not what the office's figures count
        election_places = compiled()["election_place"]
        office = self.office_region or ""
        self.mentions = [
            [
                m
                for m in found
                if not (
                    m.code
                    and office.startswith(m.code + ".")
                    and election_places.search(s[max(0, m.start - 40) : m.start])
                )
            ]
            for (_, s), found in zip(self.pairs, self.mentions, strict=True)
        ]
        self.elections = [elections(sentence, self.year) for _, sentence in self.pairs]
        # titles and subheadings: a paragraph of one sentence, short, without a full stop (and not the last,
        # which may be a page cut short)
        per_paragraph = Counter(p for p, _ in self.pairs)
        last = self.pairs[-1][0] if self.pairs else -1
        self.titles = {
            i
            for i, (p, s) in enumerate(self.pairs)
            if per_paragraph[p] == 1
            and p != last
            and len(s) <= 150
            and not s.rstrip().endswith((".", "!", "?", '"', "”", "'"))
        }
        self.enumerated = _enumerated(self.pairs)
        self.ordinal_enumerations = _ordinal_enumerations(self.pairs)
        self.first_body = next((i for i in range(len(self.pairs)) if i not in self.titles), len(self.pairs))
        # an election the article compares with ("... lebih sedikit dibandingkan dengan Pilkada 2020") is not the
        # one it is about
        contrast = compiled()["election_contrast"]

        def spoken_of(first: int, last: int | None):
            pairs = zip(self.pairs[first:last], self.elections[first:last], strict=True)
            return (
                e
                for (_, sentence), found in pairs
                for pos, e in found
                if e and not contrast.search(sentence, max(0, pos - 50), pos)
            )

        named = list(spoken_of(0, 4))
        self.election = named[0] if named else next(spoken_of(4, None), None)
        # an article whose opening names only elections ref_elections does not list ("pilkada 2018") is about
        # one of those: its figures name no election Netra knows
        self.election_unknown = not named and any(e is None for found in self.elections[:4] for _, e in found)
        self.named_codes = {m.code for found in self.mentions for m in found if m.code}
        provinces = [province_of(m.code) for found in self.mentions for m in found if m.code]
        self.province = max(set(provinces), key=provinces.count) if provinces else None
        self.actor = next((a for _, s in self.pairs if (a := reading.actor(s))), None)
        self.main_region: str | None = None  # the region of the article's first figure: what it is about
        self.region: str | None = None  # the region the last sentence spoke of
        self.region_paragraph = -1
        self.region_sentence = -1  # the sentence it was named in, when nothing was counted for it
        self.paragraph_election: tuple[int, str] | None = None  # the last election named, and its paragraph
        self.stated: set[float] = set()  # every figure of the sentences read so far
        self.unit: str | None = None
        self.on_topic = False
        # the sentences before counted violations of every kind ("laporan dugaan pelanggaran ... mencakup
        # berbagai jenis, termasuk ketidaknetralan ASN, pidana, administrasi"): a count that does not name
        # ASN itself is theirs, until a count that does
        self.all_kinds = False
        self.listing = False  # the sentence before listed IKP scores or ranks
        self.asn_index = False  # the sentences so far spoke of the index's ASN part, and nothing else since
        self.categories = False  # the sentence before counted by kind of violation ("tren", "modus")
        self.last_total: int | None = None  # position of the last count that is not a breakdown
        self.seen: dict[float, list[tuple[str, str, str]]] = {}  # value -> (region, unit, stage) it was given for
        self.totals: dict[tuple, float] = {}  # (region, unit) -> the largest count reported for it so far
        self.staged_totals: dict[str, float] = {}  # region -> the largest count at a later stage so far
        self.mixed: set[tuple[str, float]] = set()  # (region, value) of counts of ASN and another subject
        self.candidates: list[Candidate] = []

    def _office_region(self) -> str | None:
        """The region of the Bawaslu office the article quotes ("Bawaslu Sulsel", "Badan Pengawas Pemilu
        (Bawaslu) Kabupaten Wakatobi"): figures it gives without a region are that office's."""
        bawaslu = compiled()["actors"]["bawaslu"]
        regions: list[str] = []
        for (_, sentence), found in zip(self.pairs, self.mentions, strict=True):
            for match in bawaslu.finditer(sentence.lower()):
                if _NATIONAL_OFFICE.match(sentence, match.end()):
                    regions.append(NATIONAL_CODE)  # "Bawaslu RI": the national office speaks for the country
                    continue
                after = next((m for m in found if m.start >= match.end()), None)
                gap = sentence[match.end() : after.start] if after else ""
                if (
                    after
                    and after.code
                    and re.fullmatch(
                        r"\s*(?:umum\s*)?(?:\(\w+\)\s*|\)\s*)?(?:provinsi|kabupaten|kota|kab\.?)?\s*", gap, re.I
                    )
                ):
                    regions.append(after.code)
        return max(dict.fromkeys(regions), key=regions.count) if regions else None  # ties: the first named

    def read(self) -> list[Candidate]:
        flags = self.flags
        previous = _Flags()
        read: set[str] = set()
        for index, (paragraph, sentence) in enumerate(self.pairs):
            if sentence in read:
                continue  # a page printing a paragraph twice states its figures once
            read.add(sentence)
            found = groups(sentence, [self._settle(m) for m in self.mentions[index]])
            # a line of a bare "0" is a page's counter; a bulleted headline another article's link
            if flags[index].figures and _WORDED.search(sentence) and not _linked_headline(sentence):
                counted = self._sentence(index, paragraph, sentence, previous, flags[index], found)
            else:
                counted = False
                self._index_context(flags[index])
                self._topic_goes_on(flags[index], flags[index].other_subject and not flags[index].about_asn)
                self.listing = _index_goes_on(flags[index], self.listing, False)
            if not found and not flags[index].figures and self.region_sentence == index - 1:
                self.region_sentence = index  # a sentence of words only hands the region on
            if found and found[-1].codes[-1] not in (None, NATIONAL_CODE) and not counted:
                # "... berada di Kabupaten Bulukumba. Dengan total 16 kasus.": the region the next sentence speaks of
                named = [m for g in found for m in g.mentions if m.code and m.code != NATIONAL_CODE]
                spoken = named[-1].code
                # "Sembilan kabupaten yang akan menggelar pilkada adalah Belu, Malaka, ... dan Sumba Timur": a
                # list of places speaks of none of them
                # an item of a list of names ("- Bupati Konawe", "9. Wali Kota Surabaya") hands no region on
                listing = len({m.code for m in named}) > 2
                # a title line inside the body is another article's link ("KPU Sebut Cagub Papua Barat Daya ...")
                linked = index in self.titles and index > self.first_body
                if (
                    not listing
                    and not linked
                    and not _LIST_ITEM.match(sentence)
                    and not _NAME_ONLY.fullmatch(sentence.strip())
                ):
                    self._speaks_of(spoken, paragraph, index, counted=False)
            known = [e for _, e in self.elections[index] if e]
            if known:
                self.paragraph_election = (paragraph, known[-1])
            previous = flags[index]
        if self.mixed:
            self._without_mixed_totals()
        if self.enumerated or self.ordinal_enumerations:
            # "delapan pelanggaran mereka antara lain:" and eight list lines, "terdiri dari tiga kasus. Pertama,
            # ...": a count of the kinds listed
            self.candidates = [
                demote(c, "category", "a count of the kinds listed after it")
                if c.stage not in ("rank", "score", "zone")
                and (c.fact.value in self.enumerated or (c.position // 1000, c.fact.value) in self.ordinal_enumerations)
                else c
                for c in self.candidates
            ]
        return self.candidates

    def _speaks_of(self, region: str, paragraph: int, index: int, counted: bool) -> None:
        """The region the next sentences may speak of; a region only named (nothing counted for it) is
        handed on even across a paragraph's end, to the next sentence."""
        self.region, self.region_paragraph = region, paragraph
        self.region_sentence = -1 if counted else index

    def _settle(self, mention: Mention) -> Mention:
        """A bare name fitting several regions ("Magelang") is settled by the one the article names in full
        elsewhere ("Kabupaten Magelang"), else by the article's province when only one is in it."""
        if mention.code is None and mention.candidates:
            named = [c for c in mention.candidates if c in self.named_codes]
            inside = [c for c in mention.candidates if self.province and c.startswith(self.province + ".")]
            for settled in (named, inside):
                if len(settled) == 1:
                    return Mention(mention.start, mention.end, settled[0], mention.candidates)
        return mention

    # --- one sentence ----------------------------------------------------------------------------------

    def _sentence(
        self, index: int, paragraph: int, sentence: str, previous: _Flags, flags: _Flags, found: list[Group]
    ) -> bool:
        """Read one sentence's figures into candidates; whether any of them is a count (not an index figure)."""
        c = compiled()
        about_asn = flags.about_asn
        # "Selain ASN, terdapat 17 pelanggaran terkait APK": ASN set aside names the other subject's sentence
        other_subject = flags.other_subject and not c["asn_named"].search(_set_aside(sentence.lower(), True))
        named_actor = reading.actor_named(sentence)
        actor = named_actor[1] if named_actor else self.actor
        as_of = as_of_date(sentence, self.year)
        named = self.elections[index]
        last_region = region_before = self.region
        # the region of the sentence before, or of an earlier one of the paragraph ("... berada di
        # Kabupaten Bulukumba. Dengan total 16 kasus."; outlets that give each sentence its own paragraph)
        paragraph_region = (
            self.region if paragraph == self.region_paragraph or index - 1 == self.region_sentence else None
        )
        anaphoric = bool(c["anaphora"].search(sentence[:40]))

        items: list[_Figure] = []
        all_figures = figures(sentence)
        for i, figure in enumerate(all_figures):
            following = all_figures[i + 1] if i + 1 < len(all_figures) else None
            kind, unit_end = reading.unit(sentence, figure, following)
            if not reading.is_not_a_count(sentence, figure, kind):
                items.append(_Figure(figure, kind, unit_end))
        sentence_unit = next((f.kind for f in items if f.kind in _COUNTED), None)
        # "Lima itu terkait dengan ASN, tiga ASN tahap pencalonan, ...": a sentence opening on a figure given
        # before goes on with its parts
        opening = all_figures[0] if all_figures else None
        opening_total = (
            opening.value
            if opening is not None
            and opening.value in self.seen  # a count read before, not a figure of every kind
            and _OPENS_ON_FIGURE.match(sentence[: opening.end])
            and _POINTED_AFTER.match(sentence[opening.end :])
            # "Lima kabupaten itu adalah ...": a count of places pointed back at splits no count of ASN
            and reading.unit(sentence, opening, all_figures[1] if len(all_figures) > 1 else None)[0]
            in (None, *_COUNTED)
            else 0
        )
        anaphoric = anaphoric or bool(opening_total)
        cues = reading.Cues(sentence) if any(f.kind != "other" for f in items) else None
        index_words = flags.ikp or bool(c["rank"].search(sentence)) or self.listing

        produced: list[Candidate] = []
        kept: set[int] = set()  # the items read as counts, or pointing back at one
        others: list[float] = []  # the values of the sentence's counts of another subject
        restated: list[tuple[str, float]] = []  # (region, value) of the counts it states again
        previous_end = count_left = 0
        taken: Group | None = None  # the group of regions the figure before was attached to
        sentence_region: str | None = None
        sentence_topic: str | None = None  # "other" once a figure of the sentence names another subject
        listed_topic: str | None = None  # the topic of the sentence's last accepted count
        list_stage: tuple[str, str, str] | None = None
        own_counted = False  # a count of the sentence is about ASN by its own words or its sentence's
        pointed_region: str | None = None  # the region of an earlier figure the sentence points back at
        general_counted = False  # a count of the sentence is of election violations in general
        kinds_total = False  # a figure of the sentence is a total that several kinds of violation make up
        for i, item in enumerate(items):
            figure = item.figure
            next_start = items[i + 1].figure.start if i + 1 < len(items) else len(sentence)
            if (
                item.kind == "other"
                or flags.forecast
                or reading.is_indefinite(sentence, figure)
                or reading.is_hypothetical(sentence, item.unit_end)
                or c["unplaced"].match(sentence[item.unit_end :])
                or c["unplaced_before"].search(sentence[max(0, figure.start - 45) : figure.start])
                or c["conditional_before"].search(sentence[max(0, figure.start - 45) : figure.start])
                or c["workforce_size_before"].search(sentence[max(0, figure.start - 70) : figure.start])
                or c["companions_before"].search(sentence[max(0, figure.start - 20) : figure.start])
                or c["audience_before"].search(sentence[max(0, figure.start - 130) : figure.start])
                or c["workforce_before"].search(sentence[max(0, figure.start - 70) : figure.start])
                and c["workforce_after"].match(sentence[figure.end :])
                or c["total_of_kinds_before"].search(sentence[max(0, figure.start - 30) : figure.start])
                or c["total_of_kinds_after"].match(sentence[item.unit_end :])
                or c["asn_kinds_after"].match(sentence[item.unit_end : item.unit_end + 60])
                # "406 kasus yang meliputi temuan sebanyak 307 kasus dan laporan sebanyak 99 kasus": the parts
                # of a total of every kind, unless their own words name ASN neutrality
                or kinds_total
                and reading.topic(sentence, figure, next_start, previous_end) != "own"
            ):
                if item.kind == "other" and c["other_subject"].search(sentence[figure.end : item.unit_end].lower()):
                    others.append(figure.value)  # "Lima terkait netralitas ASN dan satu kepala desa"
                kinds_total = kinds_total or bool(c["total_of_kinds_after"].match(sentence[item.unit_end :]))
                previous_end = item.unit_end
                continue
            if item.kind is None:
                item.kind = reading.unit_before(sentence, figure)
            # "Bawaslu memastikan belum ada laporan terkait ASN tidak netral": a zero of reports or cases, its
            # clause naming ASN, counts none for the place spoken of
            own_zero = (
                figure.zero
                and item.kind == "cases"  # "belum ada oknum ASN dinyatakan ...": a zero of some stage, not read
                and bool(c["topic"].search(re.split(r"[.;,]", sentence[item.unit_end : item.unit_end + 60])[0].lower()))
            )
            if figure.zero and not own_zero or item.kind is None:
                # a bare figure: a breakdown ("12 dihentikan"), a list item ("Sukoharjo 7"), a zero ("nihil");
                # IKP scores are bare figures too, and are read apart
                if figure.value != int(figure.value) or index_words and not figure.zero:
                    continue  # a decimal, or a figure beside index words, is a score, not a count
                listed = any(  # "Sukoharjo 7", "Palopo ada tujuh"
                    0 <= figure.start - g.end <= 12 and _ITEM_GAP.fullmatch(sentence[g.end : figure.start])
                    for g in found
                )
                # a list goes on in the unit of its item before ("10 laporan ..., delapan orang ASN di X, satu di Y")
                before = next((f.kind for f in reversed(items[:i]) if f.kind in _COUNTED), None)
                kind = before or sentence_unit or self.unit or (reading.unit_named(sentence) if listed else None)
                # a count in words as a list item: "Palopo ada tujuh, ...", "..., satu di Kota Bandung", "...
                # dan Batam ada satu"
                spelled_item = figure.spelled and (
                    listed
                    and bool(re.match(r"\s*[,;.]", sentence[figure.end :]))
                    or before is not None
                    and bool(re.search(r"(?:,|\bdan)\s*$", sentence[max(0, figure.start - 6) : figure.start]))
                    and sentence[figure.end :].startswith(" di ")
                    or before is not None
                    and any(_PLACE_HAS.fullmatch(sentence[g.end : figure.start]) for g in found)
                )
                if kind is None or not (figure.zero or spelled_item or reading.is_bare_breakdown(sentence, figure)):
                    continue
                # a zero is a listed place's ("Kabupaten Pati nihil"), not a speaker's ("Bawaslu Kota X menyebut
                # belum ada oknum ASN dinyatakan ...")
                if figure.zero and not any(
                    0 <= figure.start - g.end <= 20 and not _VERB.search(sentence[g.end : figure.start]) for g in found
                ):
                    continue
                item = _Figure(figure, kind, item.unit_end, inherited=True)
                item.lose("unit_inherited", "unit taken from the figure before")

            # the stage: the words nearest it, or in a list those of the item before
            left_start = previous_end
            if previous_end:
                # "99 ASN telah direkomendasikan dijatuhi sanksi, 20 ASN ...": words before the comma are the 99's
                # ("12 kasus yang diteruskan ke KASN dan 6 rekomendasi": "diteruskan" is the 12's too)
                cut = _clause_break(sentence, previous_end, figure.start)
                left_start = cut + 1 if cut >= 0 else previous_end
            if item.kind == "percent" and i and _apposed(sentence, items[i - 1].unit_end, figure):
                left_start = count_left  # "tindak lanjut ... baru 256 ASN atau 52 persen": the count's words
            left = (left_start, figure.start)
            count_left = left_start
            # "98 ASN di 10 kabupaten dan kota ... diajukan ke KASN": a count of the persons' places does not end
            # the words that are theirs
            # ("44 orang Aparatur Sipil Negara atau ASN yang diberikan sanksi"): from the end of ASN's name
            spelled = c["asn_spelled_after"].match(sentence[item.unit_end : item.unit_end + 60])
            right_start = item.unit_end + (spelled.end() if spelled else 0)
            right_end = next(
                (it.figure.start for it in items[i + 1 :] if not _counts_places(sentence, it)), len(sentence)
            )
            whole = items[i + 1] if i + 1 < len(items) else None
            if next_start < item.unit_end:
                # "satu dari empat ASN telah mendapatkan sanksi": the whole a part is out of stands inside the
                # part's unit; the words after the whole are the part's
                right_end = next(
                    (it.figure.start for it in items[i + 1 :] if it.figure.start >= item.unit_end), len(sentence)
                )
            elif whole is not None and _OUT_OF.fullmatch(sentence[item.unit_end : whole.figure.start]):
                # "1.420 orang dari 1.605 ASN yang terbukti melanggar itu telah dijatuhi hukuman disiplin": the
                # part's stage follows the whole and the words describing it
                described = _DESCRIBED.match(sentence, whole.unit_end)
                right_start = described.end() if described else whole.unit_end
                right_end = items[i + 2].figure.start if i + 2 < len(items) else len(sentence)
            if (
                i + 1 < len(items)
                and items[i + 1].kind == "percent"
                and _apposed(sentence, item.unit_end, items[i + 1].figure)
            ):
                right_end = items[i + 2].figure.start if i + 2 < len(items) else len(sentence)
            shared = right_end < len(sentence)  # a next figure may claim the words between them
            if shared:
                # "245, bukan pelanggaran sebanyak 161": words after a comma belong to the next figure,
                # words before it to this one
                comma = next((m.start() for m in _CLAUSE_COMMA.finditer(sentence, right_start, right_end)), -1)
                right_end, shared = (comma, False) if comma >= 0 else (right_end, True)
            right = (right_start, right_end)
            stage, stage_words = cues.stage(left, right, shared)
            next_count = next((it.figure.start for it in items[i + 1 :] if it.kind in _COUNTED), len(sentence))
            if stage != "pending" and cues.denied_after(item.unit_end, next_count):
                # ("satu kasus lagi masih proses dan belum dilimpahkan ke KASN": still in process, so not yet
                # forwarded; the case is pending)
                stage, stage_words = "denied", ""
            if not previous_end and stage is not None:
                # "Di antaranya terbukti melanggar dan 1.450 ASN ... sudah dijatuhkan sanksi oleh PPK": the words
                # of the figure's own clause win over those of a clause before it
                cut = _clause_break(sentence, 0, figure.start)
                own_stage, own_words = cues.stage((cut + 1, figure.start), right, shared) if cut >= 0 else (None, "")
                if own_stage not in (None, "reported"):
                    stage, stage_words = own_stage, own_words
            if (
                stage is None
                and list_stage
                and item.kind == list_stage[0]
                and figure.start - previous_end < 60
                and not _OWN_VERB_AFTER.match(sentence[item.unit_end :])
            ):
                # "Tujuh dihentikan, dan empat ASN statusnya ditindaklanjuti": an item with a verb of its own does
                # not take the stage of the item before
                stage, stage_words = list_stage[1], list_stage[2]
            if stage in (None, "reported", "forwarded") and re.match(
                r"\s*rekomendasi\b", sentence[figure.end : item.unit_end], re.I
            ):
                if _TO_KASN.match(sentence[item.unit_end :]):
                    # "64 rekomendasi kepada Komite ASN": Bawaslu recommends each ASN apart, so they count persons
                    item.kind, stage, stage_words = "persons", "forwarded", "rekomendasi"
                else:
                    stage, stage_words = "recommended", "rekomendasi"  # "6 rekomendasi KASN ke PPK"
            breakdown = item.inherited and stage not in (None, "reported")

            if item.kind != "percent":
                if breakdown:
                    split_total = next((j for j in range(i - 1, -1, -1) if items[j].kind in _COUNTED), None)
                    # "dari 47 kasus yang diregister, hanya 14 yang ditindaklanjuti": a breakdown stands or falls
                    # with the total it splits, here one read as no count of ASN
                    fallen = split_total is not None and split_total not in kept
                    if fallen or sentence_topic == "other" or (self.all_kinds or flags.all_kinds) and not own_counted:
                        # a part of a count of every kind ("5 laporan teregistrasi, 2 masih dalam proses")
                        previous_end = item.unit_end
                        continue
                elif listed_topic and reading.topic(sentence, figure, next_start, previous_end) == "none":
                    if _OTHERS_AFTER.match(sentence[item.unit_end :]) and any(
                        j not in kept for j in range(i) if items[j].kind in _COUNTED
                    ):
                        # "tiga kasus netralitas ASN, 2 kasus kode etik ad hoc, dan dua kasus lainnya": the others,
                        # after a count of another kind, are of neither
                        previous_end = item.unit_end
                        continue
                    item.topic = listed_topic  # a list's item is about what the figure before it is about
                    if listed_topic == "context":
                        item.lose("topic_from_context", "about ASN by the sentences before")
                else:
                    topic = self._on_topic(
                        sentence,
                        item,
                        next_start,
                        previous_end,
                        about_asn,
                        other_subject,
                        sentence_topic,
                        flags.all_kinds,
                    )
                    sentence_topic = topic if topic in ("own", "other") else sentence_topic
                    if topic == "other" and c["general_violation"].search(sentence.lower()):
                        general_counted = True  # "menerima 49 laporan dugaan pelanggaran Pilkada 2024"
                    if topic == "other" or topic is None:
                        if topic == "other" and item.kind in _COUNTED:
                            others.append(figure.value)  # "Lima terkait netralitas ASN dan satu kepala desa"
                        previous_end = item.unit_end
                        continue
                    item.topic = topic
                    own_counted = own_counted or topic in ("own", "sentence")
            if reading.is_approximate(sentence, figure):
                item.lose("approximate", "an estimate or a lower bound")
            group, how = reading.owner(sentence, figure, item.unit_end, found, taken)
            if how == "together" and _each_by_total(items, i, len(group.mentions)):
                how = "attached"  # "empat kasus ...: dua di Purworejo, serta satu di Salatiga dan Wonosobo": one each
            if (
                (flags.categories or self.categories and flags.continues)
                and item.kind != "percent"
                and how != "attached"
                and not reading.clause_names_topic(sentence, figure, previous_end)
            ):
                # counts by kind of violation are parts of a total; counts by region are the regions' own
                # ("berdasarkan instansi ... Kabupaten Purbalingga (56 orang)"); the count of the neutrality
                # kind itself is the fact ("didominasi kasus pelanggaran netralitas ASN dengan jumlah 176 kasus")
                item.lose("category", "a count by kind of violation, a part of a total")
            if pointed_region and (group is None or how == "sentence"):
                regions = [pointed_region]  # the speaker's region yields to that of the figure pointed back at
            else:
                regions = self._regions(
                    sentence,
                    item,
                    group,
                    how,
                    found,
                    breakdown,
                    anaphoric,
                    sentence_region,
                    last_region,
                    paragraph_region,
                )
            if how == "attached" and group is not None:
                taken = group

            # a figure given before, repeated for the same region or pointed back at, is no new fact
            pointed = reading.points_back(sentence, figure, item.unit_end)
            earlier = [
                (r, k)
                for r, k, st in self.seen.get(figure.value, [])
                if pointed or (k == item.kind or item.inherited) and (st == stage or stage in (None, "reported"))
            ]
            if pointed and not earlier and figure.value in self.stated:
                earlier = [("?", item.kind)]  # "dari 1.300 laporan ... tersebut": a figure read before, if not taken
            if earlier and (pointed or any(r in regions for r, _ in earlier) and (item.inherited or not found)):
                previous_end = item.unit_end
                anaphoric = True
                restated += [(r or "?", figure.value) for r in regions]
                whole_of_part = any(it.unit_end > figure.start for it in items[:i])  # "satu dari empat ASN"
                one_place = len(found) == 1 and len(regions) == 1 and regions[0]
                if pointed and how == "attached" and one_place and not whole_of_part:
                    # "... melaporkan 18 ASN. Sebanyak 18 ASN tersebut berada di Kabupaten Wonogiri": the figure
                    # pointed back at is placed, inside the region it was read for (the sentence's one place: "9
                    # orang itu tersebar di Padang 3 ASN, ..." lists places); the whole a part is out of is not
                    # placed where the part is ("satu dari empat ASN ..., yaitu di Kabupaten Brebes")
                    self._place_again(figure.value, regions[0])
                if earlier[0][0] != "?":
                    kept.add(i)  # the figure pointed back at was read as a count
                if earlier[0][0] != "?" and (not found or pointed):
                    # "Ketua Bawaslu NTB mengatakan, dari 104 ASN itu sebanyak tujuh orang ...": the figures after
                    # one pointed back at are that one's region's
                    last_region = pointed_region = earlier[0][0]
                    self._speaks_of(last_region, paragraph, index, counted=True)
                continue

            # "Ada dua kasus yang kita tangani, ..., karena ... KASN melebur ke BKN": an actor named in a later
            # clause says nothing of who counted the figure
            later_actor = named_actor and named_actor[0] > figure.end and "," in sentence[figure.end : named_actor[0]]
            figure_actor = (self.actor or actor) if later_actor else actor
            # "Bahkan, ketiga pegawai negeri ini juga bertemu ...": persons pointed back at that the article
            # counted otherwise ("seorang ASN dan dua honorer"), with no stage of their own
            unstated = figure.value not in self.stated and not item.inherited
            if figure.collective and pointed and stage is None and unstated:
                item.lose("pointed_back_unstated", "it points back at persons the article counted otherwise")
            metric, stage = self._metric(item, stage, stage_words, figure_actor, sentence, left, right, cues)
            previous_end = item.unit_end
            if metric is None:
                continue
            election = self._election(named, figure, paragraph, sentence)
            if election is _UNKNOWN_ELECTION:
                election = None  # "Pilkada 2015 ... terdapat 29 kasus": no fact of the elections Netra knows
                item.lose("unknown_election", "about an election ref_elections does not list")
            split = False  # a part of the total before it, which stays the total later breakdowns split
            for region in regions:
                fact = Fact(
                    self.article.article_id, metric, region or "?", figure.value, figure.text, sentence, as_of, election
                )
                parent = self.last_total if breakdown else None
                candidate = Candidate(
                    fact,
                    round(item.confidence, 3),
                    tuple(item.reasons),
                    stage,
                    index * 1000 + figure.start,
                    parent,
                    index in self.titles,
                    index in self.titles and not self.mentions[index],
                )
                produced.append(candidate)
                kept.add(i)
                self.seen.setdefault(figure.value, []).append((region or "?", item.kind, stage))
                total = (region, item.kind)
                # ("64 rekomendasi itu berasal dari 42 laporan": what a total came from is no part of it)
                source = _SOURCE_BEFORE.search(sentence[max(0, figure.start - 15) : figure.start])
                part = not source and (anaphoric or reading.is_part(sentence, item.unit_end))
                # a part of the total the sentence opens on, whether that counted persons or cases, unless placed
                # in a region of its own ("9 orang itu tersebar di Padang 3 ASN, Sawahlunto 1 ASN, ...")
                opened = opening_total if how not in ("attached", "together") else 0
                unstaged = "no stage word near it" in item.reasons
                if stage == "reported" and part and region and max(self.totals.get(total, 0), opened) > figure.value:
                    produced[-1] = demote(produced[-1], "part_of_total", "a part of the total stated before it")
                    split = True
                elif unstaged and not source and region and self.staged_totals.get(region, 0) > figure.value:
                    # "7 rekomendasi ... Serta satu orang Sekretaris Kecamatan, satu orang ASN pengawas sekolah":
                    # a count with no stage of its own below a count of the region at a stage lists some of those
                    produced[-1] = demote(produced[-1], "part_of_total", "a part of the count stated before it")
                    split = True
                elif reading.is_included(sentence, figure) or (
                    reading.says_who(sentence, item.unit_end) and any(v > figure.value for v in self.totals.values())
                ):
                    produced[-1] = demote(produced[-1], "part_of_total", "some of those another count counts")
                    split = True
                if stage == "reported" and region:
                    self.totals[total] = max(self.totals.get(total, 0), figure.value)
                elif stage in ("forwarded", "recommended", "followed_up") and region:
                    self.staged_totals[region] = max(self.staged_totals.get(region, 0), figure.value)
                if reading.is_running_total(sentence, figure):
                    self._parts_of(produced[-1])
            list_stage = (item.kind, stage, stage_words) if stage != "reported" else None
            if not breakdown and not split:
                self.last_total = index * 1000 + figure.start
            listed_topic = item.topic or listed_topic
            if len(regions) == 1 and regions[0]:
                sentence_region = regions[0]
                self._speaks_of(regions[0], paragraph, index, counted=True)
                if not item.carried and len({code for g in found for code in g.codes}) <= 1:
                    # the article is about the region of its first figure, unless that region was only carried
                    # from the sentence before (a list's first item is not what it is about either)
                    self.main_region = self.main_region or regions[0]

        self._index_figures(index, sentence, previous, flags, found, items, named, as_of, produced)
        self.stated.update(f.value for f in all_figures)
        if others:
            self._mixed_totals(produced, restated, others)
        self.candidates += produced
        listed = {c.fact.region_code for c in produced if c.stage not in ("rank", "score", "zone")} - {"?"}
        if len(listed) > 2 and region_before not in listed:
            # "... Supiori 6 kasus, Merauke 5 kasus, ... Pegunungan Bintang masing-masing 1 kasus.": after a
            # breakdown by region, the next sentences speak of the whole again, not of its last item
            self.region = region_before
        # "Empat dugaan pelanggaran lainnya ... berasal dari Bontang, Kutim dan Samarinda": a sentence that counts
        # another subject and no ASN leaves the next sentences' bare counts to that subject
        counted_other = bool(others) and not produced
        self._topic_goes_on(flags, other_subject or counted_other, own_counted, general_counted)
        self.categories = flags.categories or (self.categories and flags.continues)
        self.unit = sentence_unit or self.unit
        if named_actor and (not items or named_actor[0] < items[0].figure.start):
            # "5 kasus tengah diproses KASN": an actor named after the figures handles them, and the
            # next sentences still speak of the counter before it
            self.actor = named_actor[1]
        return any(c.stage not in ("rank", "score", "zone") for c in produced)

    def _mixed_totals(self, produced: list[Candidate], restated: list[tuple[str, float]], others: list[float]) -> None:
        """ "enam laporan yang diterima. Lima terkait netralitas ASN dan satu kepala desa": a count that a count
        of ASN and one of another subject add up to counts both (see `_without_mixed_totals`)."""
        counts = [(c.fact.region_code, c.fact.value or 0) for c in produced if c.stage not in ("rank", "score", "zone")]
        self.mixed |= {(region, value + other) for region, value in counts + restated for other in others}

    def _without_mixed_totals(self) -> None:
        """Counts of ASN and another subject together, about ASN only by the sentences around them, are no
        count of ASN; one whose own words name ASN neutrality ("13 kasus dugaan netralitas ASN") stands."""
        self.candidates = [
            demote(c, "part_of_total", "a total of ASN and another subject")
            if (c.fact.region_code, c.fact.value) in self.mixed
            and c.stage not in ("rank", "score", "zone")
            and any(reason.startswith("about ASN by") for reason in c.reasons)
            else c
            for c in self.candidates
        ]

    def _parts_of(self, total: Candidate) -> None:
        """Earlier counts below a running total of the same metric and region are parts of it ("Bawaslu kembali
        mengadukan tiga ASN. Jumlah tersebut menggenapkan delapan orang ASN")."""
        key, value = (total.fact.metric, total.fact.region_code), total.fact.value or 0
        self.candidates = [
            demote(c, "part_of_total", "a part of the running total stated after it")
            if (c.fact.metric, c.fact.region_code) == key and (c.fact.value or 0) < value
            else c
            for c in self.candidates
        ]

    def _place_again(self, value: float, region: str) -> None:
        """Give the candidates of an earlier figure the region inside theirs a later sentence places it in,
        unless they were counted with the government employing them ("dua ASN Pemprov Kepri")."""
        employer = compiled()["employer_named"]
        for n, c in enumerate(self.candidates):
            code = c.fact.region_code
            if (
                c.fact.value == value
                and code not in ("?", region)
                and region.startswith(code + ".")
                and not employer.search(c.fact.evidence)
            ):
                self.candidates[n] = replace(c, fact=replace(c.fact, region_code=region))

    def _on_topic(
        self, sentence, item, next_start, previous_end, about_asn, other_subject, sentence_topic, all_kinds
    ) -> str | None:
        """How the figure is about ASN neutrality: "own" (its own words), "sentence", "context" (the
        sentences before), or "other" / None when it is not."""
        own = reading.topic(sentence, item.figure, next_start, previous_end)
        if own == "other" or other_subject:
            return "other"
        if own == "own":
            return "own"
        if sentence_topic == "other":
            return None  # "406 dugaan pelanggaran pada Pilkada ..., bukan pelanggaran sebanyak 161"
        clause = reading.clause_of(sentence, item.figure)
        c = compiled()
        # "Dari 403 laporan yang diterima KASN, sebanyak 183 ASN terbukti melanggar netralitas": what KASN
        # receives, in a sentence about ASN neutrality, is about ASN
        in_clause = c["topic"].search(clause) or c["actors"]["kasn"].search(clause)
        # after counts of every kind, the sentence must name ASN itself, not only the agency named after them
        # ("Lima dugaan sedang ditelusuri, satu sudah diteruskan ke KASN (Komisi Aparatur Sipil Negara)")
        lowered = sentence.lower()
        if about_asn and (
            in_clause
            or self.all_kinds
            and not all_kinds
            and c["topic"].search(c["asn_agency"].sub(" ", lowered) if "komi" in lowered else lowered)
        ):
            # "Khusus netralitas ASN, Bawaslu Bali mencatat 14 kasus": after counts of every kind, a sentence
            # naming ASN neutrality and no other kind speaks of ASN again
            item.lose("topic_from_sentence", "about ASN by its sentence")
            return "sentence"
        # a bare figure goes on with the count it takes its unit from, when that one was about ASN ("dari total
        # laporan yang masuk, 75 di antaranya ..." after 133 reports of every kind is not)
        inherits = item.inherited and sentence_topic == "own"
        before = sentence[: item.figure.start].lower()
        if not in_clause and c["general_violation"].search(before) and not c["topic"].search(lowered):
            # "puluhan kasus pelanggaran Pilkada 2024 paling banyak terjadi di Kudus, yakni 9 kasus": a count its
            # sentence gives to election violations in general, naming no ASN, is of every kind
            return "other"
        if (self.on_topic or inherits) and not (self.all_kinds or all_kinds):
            item.lose("topic_from_context", "about ASN by the sentences before")
            return "context"
        return None

    def _topic_goes_on(self, flags: _Flags, other_subject: bool, own_counted=False, general_counted=False) -> None:
        """Whether the next sentences speak of ASN neutrality, and whether of violations of every kind."""
        if own_counted:
            self.all_kinds = False
        elif flags.all_kinds or general_counted:
            self.all_kinds = True
        if other_subject:
            self.on_topic = False
        elif flags.about_asn:
            self.on_topic = True

    def _regions(
        self, sentence, item, group, how, found, breakdown, anaphoric, sentence_region, last_region, paragraph_region
    ):
        if group is not None and how == "together":
            # a count for several regions together is that of the region they lie in, when it is spoken of
            spoken = last_region or self.main_region or self.office_region
            inside = spoken and all(c and c.startswith(spoken + ".") for c in group.codes)
            item.lose("region_carried", "region of the sentence before")
            return [spoken if inside else None]
        if group is not None:
            if how == "sentence":
                item.lose("region_from_sentence", "the sentence's only region")
            if None in group.codes:
                item.lose("region_ambiguous", "a place name that fits several regions, or none known")
            return group.codes
        if sentence_region and breakdown:
            return [sentence_region]  # "76 kasus, 12 dihentikan": the region of the total it splits
        if compiled()["regency_pointed_after"].match(sentence[item.unit_end : item.unit_end + 70]):
            # "10 pelanggaran yang dilakukan oleh ASN di kabupaten tersebut": the regency spoken of, if one was
            pointed = last_region or paragraph_region or self.main_region
            if pointed and "." in pointed:
                item.lose("region_carried", "region of the sentence before")
                return [pointed]
            item.lose("region_ambiguous", "the regency it points back at is not named")
            return [None]
        # regions named only in a later clause ("..., kata Ketua Bawaslu Sulsel") say who speaks
        later = all(g.start > item.unit_end and reading.in_later_clause(sentence, item.unit_end, g) for g in found)
        spoken = last_region or self.main_region or self.office_region
        inside = spoken and all(
            g.start > item.unit_end and all(c and c.startswith(spoken + ".") for c in g.codes) for g in found
        )
        if found and inside:
            # "empat kasus lain yang sedang dalam penanganan masing-masing dua kasus di Kabupaten Purworejo, ...":
            # a total split over regions inside the one spoken of is that region's
            item.lose("region_carried", "region of the sentence before")
            return [spoken]
        if found and not later:
            item.lose("region_ambiguous", "which of the sentence's regions is meant is unclear")
            return [None]
        if last_region and (breakdown or anaphoric):
            if not breakdown:
                item.lose("region_carried", "region of the sentence before")
            item.carried = True
            return [last_region]
        lexicon = compiled()
        before = sentence[max(0, item.figure.start - 80) : item.figure.start]
        if lexicon["national_data_before"].search(before) or lexicon["national_scope"].search(sentence):
            # "mengingat data di Komisi Aparatur Sipil Negara (KASN) tercatat 64 pelanggaran": the national
            # agency's own tally, cited by a regional office, is the country's; so is a count "pada Pemilu
            # nasional 2024"
            return [NATIONAL_CODE]
        if paragraph_region:
            item.lose("region_carried", "region of the sentence before")
            item.carried = True
            return [paragraph_region]
        about = self.main_region or self.office_region
        if about and about != NATIONAL_CODE:
            item.lose("region_from_sentence", "the region the article is about")
            return [about]
        if item.figure.collective:
            # "kedua PNS tersebut" in a text naming no region: those pointed at were placed where the text
            # does not say (an earlier page), not in the country as a whole
            item.lose("region_ambiguous", "those it points at are placed nowhere in the text")
            return [None]
        return [NATIONAL_CODE]

    def _metric(self, item, stage, stage_words, actor, sentence, left, right, cues) -> tuple[str | None, str]:
        r = rules()
        if item.kind == "percent":
            c = compiled()
            near = sentence[max(0, item.figure.start - 40) : right[1]]
            if (
                item.figure.value > 100
                or not cues.followed_up_near(left, right)
                or c["rate_excluded"].search(near.lower())
            ):
                return None, ""
            return "followup_rate_pct", "rate"
        if stage == "denied":
            return None, stage
        if stage is None:
            if not item.inherited:  # a list item shares its list's words
                item.lose("no_stage_word", "no stage word near it")
            stage = "reported"
        if stage == "followed_up" and _BY_KASN.match(sentence[right[0] : right[0] + 60]) and item.kind == "persons":
            stage = "recommended"  # "7 ASN ... sudah diberi sanksi oleh KASN": KASN's sanction is its recommendation
        if stage == "recommended" and actor == "bawaslu" and _BAWASLU_RECOMMENDS.search(stage_words):
            stage = "forwarded"  # Bawaslu "recommends" to KASN: it forwards, KASN recommends sanctions
        if stage == "forwarded" and actor == "kasn" and item.kind == "cases":
            stage = "reported"
        metric = r["metrics"][item.kind][stage]
        if item.kind == "cases" and stage == "reported" and actor == "kasn":
            metric = r["kasn_cases_reported_as"]
        return metric, stage

    def _index_context(self, flags: _Flags) -> None:
        """ "Bawaslu memetakan kerawanan netralitas ASN ... . Provinsi terawan ... dengan skor 100": index
        words in a later sentence still speak of the ASN part, until another dimension or subject comes."""
        if flags.other_dimension or flags.other_subject and not flags.about_asn:
            self.asn_index = False
        elif flags.ikp and flags.about_asn:
            self.asn_index = True

    def _election(
        self, named: list[tuple[int, str | None]], figure: Figure, paragraph: int, sentence: str
    ) -> str | None:
        """The election named nearest before the figure, or right after it with no contrast between them
        ("..., padahal pada Pilkada 2020"); else the one an earlier sentence of the paragraph named ("... pada
        Pemilu 2019 juga ditemukan. Terdapat 914 temuan"), else the article's. `_UNKNOWN_ELECTION` where that
        is one ref_elections does not list."""
        before = [e for pos, e in named if pos < figure.start]
        if before:
            return before[-1] or _UNKNOWN_ELECTION
        after = [(pos, e) for pos, e in named if pos > figure.end]
        contrast = compiled()["election_contrast"]
        if after and after[0][0] - figure.end < 60 and not contrast.search(sentence, figure.end, after[0][0]):
            return after[0][1] or _UNKNOWN_ELECTION  # "721 kasus ... ditemukan selama Pilkada 2018"
        if self.paragraph_election and self.paragraph_election[0] == paragraph:
            return self.paragraph_election[1]
        return _UNKNOWN_ELECTION if self.election_unknown else self.election

    def _index_figures(self, index, sentence, previous, flags, found, items, named, as_of, produced) -> None:
        """IKP ranks and scores, and zones, listed in the sentence."""
        listed: list[ikp.Listed] = []
        self._index_context(flags)
        # "... isu politik uang menempati urutan keempat ...": a sentence about another subject ranks nothing of ASN
        another_subject = flags.other_subject and not flags.about_asn
        # a rank word goes on with the index's ASN part the sentences before spoke of ("Menurut rilis tersebut,
        # ... Kabupaten Wakatobi menduduki peringkat kedua"), however far back it was named
        ranked = self.asn_index and compiled()["rank"].search(sentence) is not None
        speaks = not (previous.other_dimension or flags.other_dimension or another_subject) and (
            self.listing
            or ranked
            or (previous.ikp or flags.ikp)
            and (previous.about_asn or flags.about_asn or self.asn_index)
        )
        if speaks:
            listed = ikp.ranks(sentence, found, self.region) + ikp.scores(
                sentence, found, [(f.figure, f.kind, f.unit_end) for f in items]
            )
        self.listing = _index_goes_on(flags, self.listing, bool(listed))
        # "berdasarkan konteks sosial politik, Kabupaten Mamuju ... masuk zona merah": another dimension's zone,
        # and so is the one of a sentence going on with it without naming ASN
        other_zone = flags.other_dimension or previous.other_dimension and not flags.about_asn
        if (flags.about_asn or self.on_topic) and not other_zone:
            listed += ikp.zones(sentence, found)
        election = next((e for _, e in named if e), self.election)
        for item in listed:
            fact = Fact(
                self.article.article_id, item.metric, item.code, item.value, item.text, sentence, as_of, election
            )
            stage = {"ikp_rank": "rank", "ikp_score": "score"}.get(item.metric, "zone")
            produced.append(Candidate(fact, 1.0, (), stage, index * 1000 + item.position))


@dataclass(frozen=True)
class _Flags:
    """What a sentence's words are about, looked up once per sentence."""

    figures: bool = False
    about_asn: bool = False
    other_subject: bool = False
    ikp: bool = False
    other_dimension: bool = False
    office: bool = False  # names a Bawaslu office
    categories: bool = False  # counts by kind of violation ("tren pelanggaran", "modus", "bentuk")
    continues: bool = False  # opens as a continuation ("Kemudian, ...", "Selanjutnya, ...")
    forecast: bool = False  # its figures are expected, not counted ("diprediksi mencapai 10.000 kasus")
    all_kinds: bool = False  # speaks of violations of every kind: names two kinds besides neutrality

    @classmethod
    def of(cls, sentence: str) -> _Flags:
        c = compiled()
        lowered = sentence.lower()
        other_subject = bool(c["other_subject"].search(lowered))
        rare = bool(c["rare_flags"].search(lowered))
        return cls(
            bool(_FIGURE_HINT.search(lowered) or number_word_hint().search(lowered)),
            bool(c["topic"].search(_set_aside(lowered, other_subject))),
            other_subject,
            rare and bool(c["ikp"].search(lowered)),
            rare and bool(c["other_dimension"].search(lowered)),
            bool(c["actors"]["bawaslu"].search(lowered)),
            rare and bool(c["categories"].search(lowered)),
            bool(c["continuation"].match(lowered)),
            rare and bool(c["forecast"].search(lowered)),
            rare  # names two kinds of violation besides neutrality
            and len({c["violation_kinds"][m.group()] for m in c["violation_kind"].finditer(lowered)}) >= 2,
        )


def _set_aside(lowered: str, other_subject: bool) -> str:
    """The sentence without the ASN it sets aside ("Selain ASN, ...") and, where it names another subject,
    without that subject's neutrality ("netralitas kepala desa")."""
    if other_subject and "netral" in lowered:
        lowered = compiled()["neutrality_of_other"].sub(" ", lowered)
    if "selain" not in lowered and "luar" not in lowered:
        return lowered  # most sentences set nothing aside: a substring test spares the pattern
    return compiled()["topic_set_aside"].sub(" ", lowered)


def _index_goes_on(flags: _Flags, listing: bool, listed: bool) -> bool:
    """Whether the next sentence may go on listing IKP figures: this one spoke of the index's ASN part,
    or went on with it."""
    if flags.other_dimension:
        return False
    if flags.ikp and flags.about_asn:
        return True
    return listing and (listed or flags.ikp)


_OPENS_ON_FIGURE = re.compile(r"^\W*(?:sebanyak\s+|jumlah\s+)?\S+(?:\s+\S+)?$", re.I)
_POINTED_AFTER = re.compile(r"^\s+(?:\w+\s+)?(?:itu|tersebut)\b", re.I)
# "64 rekomendasi kepada Komite ASN": Bawaslu's recommendations, sent on to KASN, count the ones forwarded
_TO_KASN = re.compile(r"\s*(?:\w+\s+){0,2}?(?:ke|kepada)\s+(?:komisi|komite|kasn|bkn)\b", re.I)
_SOURCE_BEFORE = re.compile(r"\bberasal\s+dari\s+$", re.I)
_VERB = re.compile(r"\b(?:me[mn]?|ber|di)[a-z]{4,}", re.I)
_OWN_VERB_AFTER = re.compile(r"^[^,;.]{0,25}?\b(?:di(?!antara|mana|sana|sini|situ)|me[mn]?(?!reka)|ber)[a-z]{4,}", re.I)
_BY_KASN = re.compile(
    r"^[^.;]{0,40}?\b(?:diberi|diberikan|dijatuhi|dikenai|dikenakan)\s+sanksi\s+(?:oleh|dari)\s+(?:kasn|komisi\s+asn|komite\s+asn|komisi\s+aparatur|komite\s+aparatur)",
    re.I,
)


def _apposed(sentence: str, count_end: int, figure: Figure) -> bool:
    """ "97 ASN atau 53 persen", "28 ASN (90.3%)": a percentage restating the count just before it."""
    return bool(
        re.fullmatch(r"\s*(?:atau|\(|,)?\s*(?:sekitar\s+|kurang\s+lebih\s+)?", sentence[count_end : figure.start])
    )


def extract(article: Article) -> tuple[list[Fact], list[Candidate]]:
    """The article's facts (confident), and the candidates held for review, each with its evidence. An
    article in English (Antara's and VOI's English desks) is read too, its figures held for review: the
    rules read Indonesian, and what they find in English is a lead, not a fact. An Indonesian article that
    names no neutrality case at all (`case_words`: the workforce of a province, recruitment) has no fact."""
    english = reading.in_english(article.text)
    if not english and not compiled()["case_named"].search(article.text.lower()):
        return [], []
    candidates = _Reader(article).read()
    if english:
        publish_at = rules()["confidence"]["publish_at"]
        reason = "the article is in English; the rules read Indonesian"
        candidates = [
            replace(c, confidence=min(c.confidence, publish_at - 0.01), reasons=(*c.reasons, reason))
            for c in candidates
        ]
    return decide(candidates)


def extract_facts(article: Article) -> list[Fact]:
    """The facts the extractor is sure of, in reading order, each with its evidence sentence."""
    return extract(article)[0]
