"""What the words around one figure say of it: what it counts, its stage of the funnel, who counts it,
whether it is about ASN neutrality, and which of the sentence's regions it is stated for.

Each reader looks at a window of the sentence around the figure and at nothing else; `extract.py`
puts the answers together and weighs them.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from ingest.news.articles import _MONTHS, rules
from ingest.news.lexicon import compiled
from ingest.news.names import NAME_MASK
from ingest.news.numbers import Figure, figures
from ingest.news.places import Group

# "30 September", "27 dan 28 Desember", "1-3 Maret": a day, or the first day of a list of days
_HIJRI_AFTER = re.compile(r"^\s*(?:H\b|Hijriah|Hijriyah)")
_MONTH_AFTER = re.compile(
    r"^(?:\s*(?:dan|hingga|sampai|s\.d\.?|-|–|,)\s*\d{1,2})?\s+(?:" + "|".join(_MONTHS) + r")\b", re.I
)
# "21 Nivember 2023", "10 Nopember 2020": a month's name mistyped or spelled the old way, then its year (or
# masked, the name masking not knowing the word: "21 [nama] 2023")
_MISSPELT_MONTH_AFTER = re.compile(r"^\s+(?:([A-Za-z]{5,9})|" + re.escape(NAME_MASK) + r")\s+(?:19|20)\d{2}\b")
_MONTH_NAMES = [name for name in _MONTHS if len(name) >= 5]
# "November 30, 2020", "Nov 30 2020": a day written after its month, then the year, as English dates are
_MONTH_BEFORE = re.compile(r"\b(?:" + "|".join(_MONTHS) + r")\s+$", re.I)
_YEAR_AFTER = re.compile(r"^,?\s+(?:19|20)\d{2}\b")
# "pukul 13.00 WIB", "17.51 WITA": a time of day
_TIME_BEFORE = re.compile(r"\bpukul\s+$", re.I)
_TIME_AFTER = re.compile(r"^\s*(?:WIB|WITA|WIT)\b")
# "5 ASN di Sukoharjo", "lima kasus terjadi di Kabupaten Selayar": the region right after a count
# ("16 ASN pada Pemilihan Bupati dan Wakil Bupati di Kabupaten Kepulauan Sula": farther within a clause),
# or the region right after the count's own words ("104 ASN Kabupaten Bima", "lima pejabat ASN Lombok Tengah"),
# or where it comes from ("1 dari Pasangkayu")
# ("tiga laporan diterima Bawaslu Kabupaten Boven Digoel": the office that received it)
_ATTACHED_AFTER = re.compile(
    # ("15 orang ASN bekerja di lingkungan pemerintah Kabupaten Majene", "3 ASN lingkup Pemkab Polman": the
    # government the ASN work for, named after them)
    r"^(?:[^.;]{0,45}?|[^.;,]{0,75}?)\b(?:(?:di|se-?)\s+(?:(?:lingkungan|lingkup)\s+)?|(?:dalam\s+)?lingkup\s+|dalam\s+lingkungan\s+)"
    r"(?:(?:pemerintah(?:an)?|pemkab|pemkot|pemprov|pemda)\s+)?$|^(?:\s+\(?(?:asn|pns)\)?)?(?:\s+(?:lainnya|lagi))?\s+(?:dari\s+)?$"
    r"|^\s+(?:\w+\s+){0,3}?(?:diterima|ditangani|dicatat|diproses)\s+(?:oleh\s+)?bawaslu\s+$"
    # ("5 laporan lainnya dari Batam");
    # "satu lagi ASN yang bertugas di Kantor Kecamatan Abang, Kabupaten Karangasem", "seorang ASN dari Kecamatan
    # Pare, Kabupaten Kediri": an address down to the regency
    r"|^[^.;]{0,45}?\b(?:di|dari)\s+(?:[^.;,]{0,25}?\b)?(?:kantor|kecamatan|kelurahan|desa)\b[^.;,]{0,30},\s*$",
    re.I,
)
# a bare figure is a breakdown of the count before it only when a stage word follows it closely
_BREAKDOWN_AFTER = re.compile(
    r"^\s*(?:\S+\s+){0,2}?(?:di\s*antaranya|diantaranya|sudah|telah|masih|dihentikan|diproses|direkomendasikan|"
    r"diteruskan|terbukti|tidak|dan)\b",
    re.I,
)
# "Pelanggaran ini di antaranya lima dilakukan oleh ASN": a part of the count before, among them
_AMONG_BEFORE = re.compile(r"\b(?:di\s*antaranya|diantaranya)\s+$", re.I)
# "seorang ASN memposting ...", "satu kasus yang ...": an article, not a count
_INDEFINITE = re.compile(r"^\s*(?:orang|kasus)\s+(?:yang|asn|kepala)", re.I)
_PAIRED = re.compile(r"\s+\w+\s+(?:dan|serta)\s+", re.I)
_EXISTS_BEFORE = re.compile(r"\b(?:ada|terdapat)\s+$", re.I)
# "..., Taliabu 10 orang": a list item whose capitalised name is no known region
_OWN_NAME_BEFORE = re.compile(r"[,;]\s*(?:dan\s+|serta\s+)?(?-i:[A-Z][\w-]+)(?:\s+(?-i:[A-Z][\w-]+))?\s*$")
_ITEM_AFTER_PLACE = re.compile(r"\s*[,;]\s*(?:dan\s+|serta\s+)?", re.I)
_NEXT_ITEM = re.compile(r"\b(?:hingga|sedangkan)\b|\b(?:dan|serta)\s+(?=dugaan\b|pelanggaran\b)")
_VERB_AFTER = re.compile(r"\s+(?:me|ber)[a-z]{3,}")  # an active verb: the name before it is a subject
_HYPOTHETICAL_AFTER = re.compile(r"^\s*yang\s+(?:bisa|dapat|akan|mungkin|bakal)\b", re.I)
_LEADING_ZERO = re.compile(r"0\d+")
# "10 ASN ..., yakni staf, guru termasuk empat pejabat": a count of those included is part of another
# "dengan jumlah antara 2 hingga 1 pelanggaran": the far end of a range is no count either
_RANGE_BEFORE = re.compile(r"\bantara\s+[\w.,]+\s+(?:hingga|sampai|dan|-)\s*$", re.I)
_INCLUDING_BEFORE = re.compile(r"\btermasuk\s+(?:di\s*antaranya\s+)?$", re.I)
_INCLUDED_LIST = re.compile(
    r"\btermasuk\s+(?:di\s*antaranya\s+)?[\w.,]+\s[^()]{0,60}?(?:,\s*dan|,|\bdan|\bserta)\s+$", re.I
)
_WHO_AFTER = re.compile(
    r"^\s*(?:(?:orang|asn|pns)\s+)?(?:merupakan|menjabat|berasal\s+dari|bertugas\s+(?:di|sebagai)|berstatus|adalah)\b",
    re.I,
)
_PART_AFTER = re.compile(r"^\s*(?:\w+\s+)?(?:di\s*antaranya|diantaranya)\b", re.I)
# "Ketua Bawaslu Banten, Ali Faisal mengatakan, dua ASN di Pemkab Pandeglang": the region of a speaker's title
_SPEAKER_BETWEEN = re.compile(
    r"\b(?:mengatakan|menjelaskan|menyebut|menyebutkan|mengungkapkan|menuturkan|menegaskan|kata|ujar|ungkap)\b", re.I
)
# "Bawaslu Bali mencatat 7 kasus ... di Kabupaten Badung": the office counting, and where the count is
_OFFICE_BEFORE = re.compile(
    r"\b(?:bawaslu|panwaslu|panwascam|panwaslih)\s+(?:provinsi\s+|kabupaten\s+|kota\s+)?$", re.I
)
_PEERS_GAP = re.compile(r"\s*,?\s*(?:dan|serta)?\s*", re.I)
_EACH = re.compile(r"\bmasing[- ]masing\b", re.I)
# ("lima ASN dilaporkan dari kabupaten itu": the pointer after a preposition is the place's, not the figure's)
# ("2 Aparatur Sipil Negara (ASN) ini": an abbreviation in brackets between)
_POINTED_BACK = re.compile(
    r"^\s*(?:(?!(?:dari|di|ke|pada|dalam|kepada)\b)(?:\(\w+\)|\w+)\s+){0,4}?(?:tersebut|itu|ini)\b", re.I
)
# "Yang terbukti 1.373 telah ditindaklanjuti": a stage word right after "yang" names the set a count is part of
_NAMES_SET = re.compile(r"\byang\s+$")
# "seorang ASN dan dua kepala desa": the words up to a second count
_PAIRED_AFTER = re.compile(r"\s+(?:\w+\s+){0,3}?(?:dan|serta)\s+", re.I)
# "di antara rekomendasi tersebut", "dari laporan itu": stage words naming an earlier set, not this figure's stage
_SET_BEFORE = re.compile(r"\b(?:di\s*antara|antara|dari)\s+$")
_SET_AFTER = re.compile(r"^\s+(?:tersebut|itu)\b")


def unit(sentence: str, figure: Figure, following: Figure | None) -> tuple[str | None, int]:
    """What the figure counts and where the words saying so end: persons, cases, percent, other or None."""
    rest = sentence[figure.end :]
    units = compiled()["units"]
    persons = units["persons"].match(rest)
    for kind in ("other", "percent", "persons", "cases"):
        match = units[kind].match(rest)
        if match and not (kind == "other" and persons and len(persons.group()) >= len(match.group())):
            return kind, figure.end + match.end()
    occupation = compiled()["occupation_counted"].match(rest)
    if occupation:
        return "persons", figure.end + occupation.end()
    # "1.588 atau 79,1 persen ASN": the unit after an apposed percentage is the count's
    if following is not None and re.fullmatch(r"\s*(?:atau|\()\s*", sentence[figure.end : following.start]):
        after = sentence[following.end :]
        percent = units["percent"].match(after)
        if percent:
            for kind in ("persons", "cases"):
                match = units[kind].match(after[percent.end() :])
                if match:
                    return kind, following.end + percent.end() + match.end()
    # "tersebar di 7 dari 9 kabupaten", "3 di antara 5 ASN": a part takes the unit of the whole it is out of
    if following is not None and re.fullmatch(r"\s*(?:dari|di\s*antara)\s+", sentence[figure.end : following.start]):
        after = sentence[following.end :]
        for kind in ("other", "persons", "cases"):
            match = units[kind].match(after)
            if match:
                return kind, following.end + match.end()
    return None, figure.end


def unit_before(sentence: str, figure: Figure) -> str | None:
    """ "Total pelanggaran 131", "ASN sebanyak 12": the unit written before the figure."""
    before = sentence[max(0, figure.start - 40) : figure.start]
    match = re.search(r"(\w+)\s+(?:(?:sebanyak|sejumlah|berjumlah|mencapai|ada|yakni|yaitu)\s+)?$", before)
    if not match:
        return None
    units = compiled()["units"]
    for kind in ("persons", "cases"):
        found = units[kind].match(match.group(1))
        if found and len(found.group().strip()) == len(match.group(1)):
            return kind
    return None


def unit_named(sentence: str) -> str | None:
    """ "Lima provinsi dengan pelanggaran terbanyak yakni Sulawesi Tenggara (31)": the first unit word of a
    sentence whose figures name none, for the bare figures of its list."""
    lowered = sentence.lower()
    found = [
        (m.start(), kind) for kind in ("cases", "persons") if (m := compiled()["unit_words"][kind].search(lowered))
    ]
    return min(found)[1] if found else None


def in_english(text: str) -> bool:
    """Whether an article is written in English: more of its words are common English words than common
    Indonesian ones (`language_words` in the rules)."""
    words = re.findall(r"[a-z]+", text.lower())
    r = rules()["language_words"]
    english, indonesian = set(r["english"]), set(r["indonesian"])
    return sum(w in english for w in words) > sum(w in indonesian for w in words)


def is_not_a_count(sentence: str, figure: Figure, kind: str | None) -> bool:
    """A year ("Pemilu 2024", unless a unit says it counts: "1997 ASN"), a day ("30 September"), a
    reference ("Pasal 3", "PP 53", "Nomor 5", "Pasal 280 dan 282") or a person's age ("K (52)")."""
    if _LEADING_ZERO.fullmatch(figure.text):
        return True  # "laporan 03", "nomor 01": a number written with a leading zero names, it does not count
    if _HIJRI_AFTER.match(sentence[figure.end :]) and 1300 <= figure.value <= 1500:
        return True  # "Ramadhan 1444 H": a year of the Hijri calendar
    c = compiled()
    if (
        _MONTH_AFTER.match(sentence[figure.end :])
        or _misspelt_month_after(sentence[figure.end :])
        or _MONTH_BEFORE.search(sentence[max(0, figure.start - 12) : figure.start])
        and _YEAR_AFTER.match(sentence[figure.end :])
        or _TIME_BEFORE.search(sentence[max(0, figure.start - 8) : figure.start])
        or _TIME_AFTER.match(sentence[figure.end :])
        # the reference's words end right before it; the longest ("Peraturan Pemerintah 94", "nomor punggung 2")
        # start 24 characters back
        or c["reference_before"].search(sentence[max(0, figure.start - 24) : figure.start])
        or c["reference_list_before"].search(sentence[max(0, figure.start - 40) : figure.start])
    ):
        return True
    if (
        17 <= figure.value <= 99
        and c["age_before"].search(sentence[max(0, figure.start - 20) : figure.start])
        and c["age_after"].match(sentence[figure.end :])
    ):
        return True  # "berinisial K (52)": an age
    if figure.spelled or not (1900 <= figure.value <= 2100) or "." in figure.text or "," in figure.text:
        return False
    after_election = compiled()["year_before"].search(sentence[max(0, figure.start - 30) : figure.start])
    return bool(after_election) or kind not in ("persons", "cases")


def _misspelt_month_after(text: str) -> bool:
    """A day's month, one letter or so off its name; difflib's ratio measures how far ("nivember" is 0.88
    of "november", "kasus" nowhere near any month)."""
    match = _MISSPELT_MONTH_AFTER.match(text)
    if match is None:
        return False
    return match.group(1) is None or bool(difflib.get_close_matches(match.group(1).lower(), _MONTH_NAMES, cutoff=0.8))


def is_bare_breakdown(sentence: str, figure: Figure) -> bool:
    """ "12 dihentikan", "satu diproses": a figure without a unit of its own that splits the count before."""
    return (
        not figure.spelled
        or bool(_BREAKDOWN_AFTER.match(sentence[figure.end :]))
        or bool(_AMONG_BEFORE.search(sentence[max(0, figure.start - 15) : figure.start]))
    )


def is_indefinite(sentence: str, figure: Figure) -> bool:
    """ "seorang ASN berinisial ...", "satu orang yang ...": an article, not a count; but "melaporkan
    seorang ASN ke KASN" and "menemukan satu kasus yang ..." count the one a stage verb acts on."""
    if not (figure.spelled and figure.value == 1):
        return False
    if compiled()["counting_verb_before"].search(sentence[max(0, figure.start - 50) : figure.start]):
        return False  # "telah menemukan satu kasus yang ...", "melaporkan seorang ASN"
    if compiled()["counting_verb_after"].match(sentence[figure.end :]):
        return False  # "Seorang ASN di Kota Kendari diperiksa oleh Bawaslu"
    one_of = compiled()["one_of_before"].search(sentence[max(0, figure.start - 8) : figure.start])
    if (
        figure.text.lower() == "seorang"
        and not one_of
        and compiled()["person_verb_after"].match(sentence[figure.end :])
    ):
        return False  # "Seorang oknum ASN di Pemkab Sukoharjo dilaporkan ke Bawaslu"
    paired = _PAIRED_AFTER.match(sentence, figure.end)
    if paired and any(f.start == 0 for f in figures(sentence[paired.end() : paired.end() + 20])):
        return False  # "keterlibatan seorang ASN dan dua kepala desa": one of a pair of counts
    if one_of:
        # "foto salah satu ASN yang berpose", "AJ salah satu ASN di lingkup Dinas": one of them, described;
        # "ada salah satu ASN yang diduga ...", "menemukan salah satu oknum ASN" count the one
        before = sentence[max(0, figure.start - 38) : figure.start - 8 + one_of.start()]
        return not (_EXISTS_BEFORE.search(before) or compiled()["counting_verb_before"].search(before))
    return figure.text.lower() == "seorang" or bool(_INDEFINITE.match(sentence[figure.end :]))


def is_hypothetical(sentence: str, unit_end: int) -> bool:
    """ "ada dua pelanggaran yang bisa disangkakan": what could be, not what was counted."""
    return bool(_HYPOTHETICAL_AFTER.match(sentence[unit_end : unit_end + 30]))


def is_part(sentence: str, unit_end: int) -> bool:
    """ "2 kasus, dan 1 kasus diantaranya ...": the figure is a part of the one before it."""
    return bool(_PART_AFTER.match(sentence[unit_end : unit_end + 30]))


def says_who(sentence: str, unit_end: int) -> bool:
    """ "dua orang ASN merupakan pegawai Pemprov", "satu orang menjabat kepala dinas": the figure says who some
    of those counted are, by post or employer."""
    return bool(_WHO_AFTER.match(sentence[unit_end : unit_end + 40]))


def is_running_total(sentence: str, figure: Figure) -> bool:
    """ "Jumlah tersebut menggenapkan delapan orang ASN", "sehingga totalnya menjadi 12": the figure sums the
    counts given before it."""
    return bool(compiled()["running_total_before"].search(sentence[max(0, figure.start - 40) : figure.start]))


def is_included(sentence: str, figure: Figure) -> bool:
    """ "termasuk empat pejabat", "termasuk 42 laporan pelanggaran disiplin, dan lima laporan ...": the
    figure counts some of those another count counts, and so does the next item of its list."""
    if _INCLUDING_BEFORE.search(sentence[max(0, figure.start - 25) : figure.start]):
        return True
    clause = re.split(r"[.;]", sentence[: figure.start])[-1]
    listed = _INCLUDED_LIST.search(clause)
    return bool(listed) and not re.search(r"\b(?:sedangkan|sementara|namun)\b", listed.group(), re.I)


def points_back(sentence: str, figure: Figure, unit_end: int) -> bool:
    """ "Dari 61 orang ASN ...", "Empat ASN tersebut": the figure names an earlier one again."""
    before = sentence[max(0, figure.start - 30) : figure.start]
    return bool(compiled()["restated"].search(before) or _POINTED_BACK.match(sentence[unit_end : unit_end + 40]))


def is_approximate(sentence: str, figure: Figure) -> bool:
    """ "lebih dari 400", "lebih dari kalau tidak salah 400", "700-an": an estimate or a lower bound."""
    c = compiled()
    return bool(
        c["approx_before"].search(sentence[max(0, figure.start - 40) : figure.start])
        or c["approx_after"].match(sentence[figure.end : figure.end + 12])
        or _RANGE_BEFORE.search(sentence[max(0, figure.start - 30) : figure.start])
    )


@dataclass(frozen=True)
class _Cue:
    stage: str
    side: str  # before, after or either
    start: int
    end: int
    text: str


def _negated(sentence: str, start: int, text: str) -> bool:
    """Whether stage words are wished for or denied ("agar ditindaklanjuti", "belum dijatuhi sanksi")."""
    at = start + len(text) - len(text.lstrip())
    return bool(compiled()["negated"].search(sentence[max(0, at - 25) : at]))


def _denied(lowered: str, start: int, text: str) -> bool:
    """ "178 ASN belum dijatuhi sanksi": a stage not yet reached; the figure counts those left, no stage's."""
    at = start + len(text) - len(text.lstrip())
    return bool(compiled()["denied"].search(lowered[max(0, at - 12) : at]))


class Cues:
    """The stage words of one sentence, found once and handed to each of its figures by position.

    Patterns anchored to a window's edge ("^...diproses", "ada\\s+$") are tried on each figure's own
    window; the others on the whole sentence.
    """

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence
        self.found: list[_Cue] = []
        c = compiled()
        self.anchored: list[tuple[str, str, re.Pattern]] = c["anchored_stages"]
        lowered = self.lowered = sentence.lower()  # stage patterns are written, and matched, in lower case
        keywords = c["stage_keywords"]
        chosen = sorted({i for match in c["stage_keyword_scan"].finditer(lowered) for i in keywords[match.group(1)]})
        for i in chosen:
            name, side, pattern = c["free_stages"][i]
            for match in pattern.finditer(lowered):
                if _SET_BEFORE.search(lowered[max(0, match.start() - 12) : match.start()]) and _SET_AFTER.match(
                    lowered[match.end() : match.end() + 12]
                ):
                    continue
                denied = _denied(lowered, match.start(), match.group())
                if denied or not _negated(sentence, match.start(), match.group()):
                    self.found.append(
                        _Cue("denied" if denied else name, side, match.start(), match.end(), match.group())
                    )

    def _within(self, start: int, end: int, sides: tuple[str, ...], starts_by: int | None = None):
        """The cues inside [start, end); with `starts_by`, those beginning by then, however long they run
        ("44 orang ASN ... yang diberikan sanksi oleh Komisi ASN")."""
        last_start = end if starts_by is None else min(end, starts_by)
        for cue in self.found:
            if cue.side in sides and start <= cue.start <= last_start and cue.end <= end:
                yield cue
        window = self.lowered[start:end]
        for name, side, pattern in self.anchored:
            if side in sides:
                for match in pattern.finditer(window):
                    if start + match.start() <= last_start and not _negated(
                        self.sentence, start + match.start(), match.group()
                    ):
                        yield _Cue(name, side, start + match.start(), start + match.end(), match.group())

    def stage(self, left: tuple[int, int], right: tuple[int, int], next_is_figure: bool) -> tuple[str | None, str]:
        """The stage whose words stand nearest the figure - any specific stage before the generic
        "reported" - and the words themselves. Words nearer to the next figure are that one's
        ("Total 131, dihentikan 20": "dihentikan" is the 20's)."""
        reach = rules()["stage_reach"]
        best: dict[str, tuple[int, str]] = {}
        naming_set: set[str] = set()  # "Yang terbukti 1.373 telah ditindaklanjuti": words naming the set, not its part
        if left[0] < left[1]:
            for cue in self._within(max(left[0], left[1] - reach), left[1], ("before", "either")):
                distance = left[1] - cue.end
                if cue.stage not in best or distance < best[cue.stage][0]:
                    best[cue.stage] = (distance, cue.text)
                    if _NAMES_SET.search(self.lowered[max(0, cue.start - 5) : cue.start]) and distance <= 2:
                        naming_set.add(cue.stage)
        # "teruskan rekomendasi 1 oknum ASN ke Komisi ASN", "merekomendasikan 5 ASN ke KASN": words that hold the
        # figure inside them are its own, nearer than any on one side
        for cue in self.found:
            if cue.side == "either" and left[0] <= cue.start < left[1] and right[0] < cue.end <= right[1]:
                best[cue.stage] = (0, cue.text)
        if right[0] < right[1]:
            for cue in self._within(right[0], right[1], ("after", "either"), right[0] + reach):
                distance = cue.start - right[0]
                between = self.sentence[cue.end : right[1]]
                if next_is_figure and right[1] - cue.end < distance and not re.search(r"[,;]|\bdan\b", between):
                    continue
                if cue.stage not in best or distance < best[cue.stage][0]:
                    best[cue.stage] = (distance, cue.text)
        specific = {name: found for name, found in best.items() if name != "reported"}
        if len(specific) > 1 and naming_set:
            specific = {name: found for name, found in specific.items() if name not in naming_set} or specific
        if specific:
            # nearest first; of words as near, the longer ("rekomendasikan ke KASN" before "rekomendasikan")
            name = min(specific, key=lambda n: (specific[n][0], -len(specific[n][1])))
            return name, specific[name][1]
        if "reported" in best:
            return "reported", best["reported"][1]
        return None, ""

    def denied_after(self, start: int, end: int) -> bool:
        """ "178 ASN yang diberikan rekomendasi ... belum ditindaklanjuti", "131 rekomendasi KASN pada 67
        pemerintah daerah yang belum ditindaklanjuti": what the figure's own clause says has not happened yet
        defines it; it counts those left, no stage's. `end` is where the next count starts."""
        end = min(end, start + rules()["stage_reach"])
        return any(
            cue.stage == "denied" and not re.search(r"[,;]", self.sentence[start : cue.start])
            for cue in self._within(start, end, ("after", "either"))
        )

    def followed_up_near(self, left: tuple[int, int], right: tuple[int, int]) -> bool:
        """Whether words of a follow-up by the PPK stand on either side of a percentage."""
        reach = rules()["stage_reach"]
        windows = ((max(left[0], left[1] - reach), left[1]), (right[0], min(right[1], right[0] + reach)))
        return any(
            cue.stage == "followed_up" and cue.side == "either"
            for start, end in windows
            if start < end
            for cue in self._within(start, end, ("either",))
        )


def actor(sentence: str) -> str | None:
    """Who counts in this sentence: the first of KASN/BKN or Bawaslu named as a subject, not as a
    recipient ("ke KASN"), a place ("di KASN") or a restatement in brackets ("(KASN)")."""
    named = actor_named(sentence)
    return named[1] if named else None


def actor_named(sentence: str) -> tuple[int, str] | None:
    """Where the sentence's counting actor is named, and which it is (see `actor`)."""
    c = compiled()
    first: tuple[int, str] | None = None
    lowered = sentence.lower()
    for kind, pattern in c["actors"].items():
        for match in pattern.finditer(lowered):
            before = sentence[max(0, match.start() - 12) : match.start()]
            if c["not_subject"].search(before) or before.endswith("("):
                continue
            if first is None or match.start() < first[0]:
                first = (match.start(), kind)
            break
    return first


def topic(sentence: str, figure: Figure, next_start: int, previous_end: int = 0) -> str:
    """ "own" when the figure's own words name ASN neutrality, "other" when they, or the words of its
    clause before it, name another subject ("dugaan pelanggaran pada Pilkada 2020 sebanyak 406"),
    "none" when they name neither."""
    words = re.split(r"[.;,]", sentence[figure.end : min(next_start, figure.end + 70)])[0].lower()
    # "2 laporan hingga dugaan pelanggaran netralitas ASN sebanyak 5 temuan": the words of the next item
    words = _NEXT_ITEM.split(words, maxsplit=1)[0]
    if _PAIRED.fullmatch(sentence[figure.end : next_start]) and not compiled()["asn_unit"].match(words):
        # "36 temuan dan 3 laporan terkait pelanggaran Pilkada": a pair of counts shares the words after it
        # ("lima ASN dan satu kepala desa": a count of ASN by its own unit does not)
        words = re.split(r"[.;]", sentence[figure.end : figure.end + 90])[0].lower()
    before = re.split(r"[.;,]", sentence[previous_end : figure.start])[-1].lower()
    c = compiled()
    counts_asn = bool(c["asn_unit"].match(words))
    if c["other_topic"].search(words):
        return "other"  # "14 ... terkait netralitas ASN dan Kades": not ASN's alone
    if c["by_asn"].search(words):
        return "own"  # "43 pelanggaran pemilu oleh ASN": election violations, committed by ASN
    general = c["general_violation"].search(words)
    if not counts_asn and general and not c["general_violation_of_asn"].match(words, general.end()):
        return "other"
    if c["topic"].search(words) or c["sent_to_commission"].search(words):
        return "own"  # "... netralitas ASN", "seorang guru ... dilaporkan ke KASN"
    other_before = c["other_topic"].search(before) or c["general_violation"].search(before)
    # "Di luar netralitas ada 83 pelanggaran": the topic word inside the other subject's words does not count
    rest = c["general_violation"].sub(" ", c["other_topic"].sub(" ", before))
    if other_before and not c["topic"].search(rest):
        return "other"
    # "... hingga dugaan pelanggaran netralitas ASN sebanyak 5 temuan": the words of its own clause before it
    return "own" if previous_end and not other_before and c["topic"].search(before) else "none"


def clause_names_topic(sentence: str, figure: Figure, previous_end: int = 0) -> bool:
    """Whether the words of the figure's clause before it name ASN neutrality and no other subject
    ("didominasi kasus pelanggaran netralitas ASN dengan jumlah 176 kasus dari 406 kasus")."""
    before = re.split(r"[.;,]", sentence[previous_end : figure.start])[-1].lower()
    c = compiled()
    return bool(c["topic"].search(before)) and not c["other_topic"].search(before)


def clause_of(sentence: str, figure: Figure) -> str:
    """The words between the commas around a figure, lower-cased."""
    start = max(sentence.rfind(",", 0, figure.start), sentence.rfind(";", 0, figure.start)) + 1
    ends = [i for i in (sentence.find(",", figure.end), sentence.find(";", figure.end)) if i >= 0]
    return sentence[start : min(ends) if ends else len(sentence)].lower()


def in_later_clause(sentence: str, start: int, group: Group) -> bool:
    """Whether a region named after `start` stands in a clause of its own: after a comma ("..., kata Ketua
    Bawaslu Sulsel"), or as the subject after "dan" ("160 kasus ... dan Jawa Tengah membukukan angka
    terbanyak")."""
    between = sentence[start : group.start]
    return "," in between or bool(re.search(r"\bdan\s*$", between) and _VERB_AFTER.match(sentence[group.end :]))


def _placed_count_before(text: str) -> bool:
    """Whether the text before a place ends on another count and "di" or "dari", in one clause ("satu orang
    ASN di ", "3 dari ")."""
    clause = re.split(r"[,;]", text)[-1]
    return bool(re.search(r"\b(?:di|dari)\s+$", clause)) and _figure_between(clause)


def _figure_between(text: str) -> bool:
    """Whether a count (not a year or a date) stands in the text."""
    return any(not is_not_a_count(text, f, None) for f in figures(text))


def owner(
    sentence: str, figure: Figure, unit_end: int, found: list[Group], taken: Group | None
) -> tuple[Group | None, str]:
    """The group of regions a figure is stated for and how it was found: "attached" (the group right
    before it, or "di X" right after it), "sentence" (the sentence names one region only) or ""."""
    before = [g for g in found if g.end <= figure.start and (taken is None or g.start >= taken.start)]
    after = [g for g in found if g.start >= unit_end]
    # a place after the figure is its own unless another figure stands between ("empat kasus lain ... masing-masing
    # dua kasus di Kabupaten Purworejo": Purworejo is the two's)
    attached_after = (
        after[0]
        if after
        and _ATTACHED_AFTER.match(sentence[unit_end : after[0].start])
        and not _figure_between(sentence[unit_end : after[0].start])
        else None
    )
    if before and before[-1] is taken and _OWN_NAME_BEFORE.search(sentence[before[-1].end : figure.start]):
        return None, ""  # "Ternate 15 orang, Taliabu 10 orang": the figure has a place of its own, not known
    if (
        before
        and before[-1] is taken
        and not attached_after
        and _placed_count_before(sentence[max(0, taken.start - 30) : taken.start])
        and _ITEM_AFTER_PLACE.fullmatch(sentence[taken.end : figure.start])
        and not _PART_AFTER.match(sentence[unit_end:])
    ):
        # "3 di Polewali Mandar, 2 ASN Pemprov, dan 1 dari Pasangkayu": items that name their place after their
        # count; one naming none has no place the article names, and not its neighbour's
        return None, ""
    far = (
        before
        and (
            figure.start - before[-1].end > 30
            or _SPEAKER_BETWEEN.search(sentence[before[-1].end : figure.start])
            or _OFFICE_BEFORE.search(sentence[max(0, before[-1].start - 25) : before[-1].start])
            # "satu orang ASN di Musi Rawas ... dan 19 ASN di Muratara": "di X" after another count is that count's
            or _placed_count_before(sentence[max(0, before[-1].start - 30) : before[-1].start])
        )
    )
    if (
        before
        and attached_after
        and len(before[-1].codes) == 1
        and len(attached_after.codes) == 1
        and before[-1].codes[0]
        and (attached_after.codes[0] or "").startswith(before[-1].codes[0] + ".")
    ):
        # "pemantauan ... di Aceh, hanya ada satu temuan yaitu di Kota Banda Aceh": the place inside the one
        # named before it says where the figure is
        return attached_after, "attached"
    if before and not ((before[-1] is taken or far) and attached_after):
        # a group the figure before already took is this one's too ("Rembang 8 kasus, 3 di antaranya ..."),
        # unless "di X" follows this one ("Sijunjung sebanyak 3 ASN dan 1 di Kabupaten Agam"); so is a group
        # well before it, unless "di X" follows ("Bawaslu Jawa Timur mencatat ... dua ASN di Kabupaten Malang")
        if (
            len(before) > 1
            and before[-2] is not taken
            and _EACH.search(sentence[before[-1].end : figure.start])
            and _PEERS_GAP.fullmatch(sentence[before[-2].end : before[-1].start])
        ):
            # "Kabupaten Kendal, Kabupaten Semarang, dan Jateng khususnya masing-masing ada laporan 1 ASN":
            # "masing-masing" gives one to each, a province listed beside regencies included
            return Group(before[-2].mentions + before[-1].mentions), "attached"
        return before[-1], "attached"
    if attached_after:
        window = max(0, figure.start - 25)
        each = _EACH.search(sentence[window : attached_after.start])
        one_each = each and window + each.start() > figure.start and len(attached_after.mentions) == figure.value
        # a name and its short form ("Kabupaten Parigi Moutong (Parimo)") are one region, not two together
        if len(set(attached_after.codes)) > 1 and (not each or one_each):
            # "Empat pelanggaran ... masing-masing di Kabupaten Brebes, Klaten, Sukoharjo dan Boyolali": four
            # regions sharing four cases, one each
            # "dua kasus di Kabupaten Ponorogo dan Sidoarjo": one count for them together, not for each
            return attached_after, "together"
        return attached_after, "attached"
    # the sentence's one region, unless it stands in another clause after the figure; a name and its short
    # form ("Kabupaten Halmahera Tengah (Halteng)") or a name said twice are one region
    codes = {code for group in found for code in group.codes}
    alone = bool(found) and len(codes) == 1 and None not in codes
    if alone and (found[0].start < figure.start or not in_later_clause(sentence, unit_end, found[0])):
        return found[0], "sentence"
    return None, ""
