"""Where the regions named in a sentence are, and which of them stand together as a list.

News names regions the way people speak: "Kabupaten Bulukumba", "Bulukumba", "Kab. Maros", "Pangkep",
"Sulsel", and in lists even in lower case ("Kota Parepare urutan 5, ..., maros urutan 11"). A bare
name is looked up among the official regencies' names without their "Kabupaten"/"Kota"; one that fits
several places ("Semarang": Kabupaten 33.22 or Kota 33.74) is kept as a mention without a code, so the
figure it owns is held for review instead of being given to a guessed region. A province's name
wins over a city of the same name ("Jambi", "Bengkulu"). Places where something was said ("di Makassar,
Kamis (25/7)") and datelines ("MAKASSAR, RAKYATSULSEL -") are not what a figure is about.

Names are looked up word by word in a dictionary rather than by one regular expression of 1,500
alternatives, which Python's engine would try one by one at every position.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from ingest.headers import fold
from ingest.news.articles import rules
from ingest.news.numbers import figures
from ingest.reference_data import read_seed
from ingest.regions import NATIONAL_CODE, region_resolver

_WORD = re.compile(r"[^\W\d_][\w.'-]*")
_CAPITAL_WORD = re.compile(r"[A-Z][A-Za-z]*")  # a name starts with a capital, or with a kind word in any case
_KIND_ANY_CASE = re.compile(r"\b(?:kabupaten|kabupeten|kab|kota|provinsi)\b", re.I)
_WEEKDAY = r"(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|Ahad)"
# "di Makassar, Kamis (25/7)", "di Manado, Sulawesi Utara, Kamis": where something was said
_SPEECH_PLACE = re.compile(rf"^\s*,\s*(?:[A-Z][\w.' ]{{0,30}},\s*)?{_WEEKDAY}\b")
_AFTER_LIST_ITEM = re.compile(r"(?:,|\bdan|\bserta)\s+$")
# "Semarang - ", "Jakarta | ", "MAKASSAR, RAKYATSULSEL - ", "Semarang (ANTARA) - ", "BANDUNG--": a dateline
# (its dash may have been lost to a broken encoding, U+FFFD)
_DATELINE_AFTER = re.compile(
    r"^(?:\s*,\s*[\w.]+(?:\s+[\w.]+){0,2})?(?:\s*\([\w. ]+\))?(?:\s+[-–—|\ufffd]{1,2}\s|--|\s*\|)"
)
_LIST_GAP = re.compile(r"^(?:\s|,|;|&|/|\(|\bdan\b|\bserta\b|\bjuga\b|\bkabupaten\b|\bkota\b|\bkab\b\.?)*$", re.I)
# an unknown "Kabupaten Toraja" still names a place: a figure beside it belongs to no known region
# "Bawaslu Sulsel Laporkan 41 Dugaan Netralitas ASN | Koran Jakarta": an outlet's name after a title
# "Pejabat KASN yang hadir di Salatiga menuturkan ...": where the speaker was, not what the figures count
_SPEAKER_PRESENT_BEFORE = re.compile(r"\b(?:hadir|ditemui|dijumpai|berbicara)\s+di\s+$", re.I)
# "Pernyataan itu disampaikan ... dalam diskusi publik ..., di Banda Aceh.": where it was said, again
_SAID_AT_BEFORE = re.compile(r"\b(?:disampaikan|diungkapkan|dikatakan)\b[^.;]{0,160}?\bdi\s+$", re.I)
# "... di Hotel Truntum, Padang", "di Ballroom Grand Hotel Maleo Jl Yos Sudarso, Mamuju": the venue of a meeting
_VENUE_BEFORE = re.compile(r"\b(?:hotel|ballroom|aula|gedung)\s+[^.,;]{1,50}?,\s*$", re.I)
# "Kanreg XII BKN Pekanbaru", "Kantor Regional IV BKN Kota Makassar": the seat of a BKN regional office, whose
# area spans provinces, places none of its figures and is not spoken of after
_OFFICE_SEAT_BEFORE = re.compile(
    r"\b(?:kanreg|kantor\s+regional(?:\s*\(kanreg\))?)\s+[ivxl]+\s+(?:bkn\s+)?(?:kota\s+)?$", re.I
)
# "berangkat ke Jakarta untuk menyerahkan berkas ... dua orang PNS": where someone travelled, not the figure's place
_DESTINATION_BEFORE = re.compile(r"\b(?:berangkat|bertolak|terbang|pergi|datang)\s+(?:\w+\s+)?(?:ke|menuju)\s+$", re.I)
# "Komisi Aparatur Sipil Negara Republik Indonesia (KASN RI)": the country in a national agency's name places
# none of its figures
_AGENCY_BEFORE = re.compile(
    r"\b(?:KASN|Komisi\s+(?:ASN|Aparatur\s+Sipil\s+Negara)|BKN|Badan\s+Kepegawaian\s+Negara)\s+(?:Republik\s+)?$", re.I
)
_SITE_NAME_BEFORE = re.compile(r"\s[|]\s+(?:[\w\[\]]+\s+)?$")
_LOCATING_GAP = re.compile(
    r"\s*,\s*(?:provinsi\s+)?|\s+(?:di\s+)?(?:provinsi\s+)?", re.I
)  # "Kota Balikpapan, Kalimantan Timur", "Kota Samarinda Kalimantan Timur", "Kabupaten Wakatobi di Sulawesi Tenggara"
_KIND_BEFORE = re.compile(r"\b(?:Kabupaten|Kab\.|Kab|Kota|Provinsi)\s+$")
_KIND_NAMED = re.compile(r"(kabupaten|kab\.?|kota)\b", re.I)
_SUBDISTRICT_BEFORE = re.compile(r"\b(?:kecamatan|kec\.|kelurahan|desa|distrik|kampung|dusun|nagari|gampong)\s+$", re.I)
_NAME_GOES_ON = re.compile(r"^ (?:[A-Z][a-z]+)\b(?<!\bKabupaten)(?<!\bKota)")
_UNKNOWN_PLACE = re.compile(r"\b(?:Kabupaten|Kabupeten|Kab\.|Kota|Provinsi)\s+([A-Z][\w-]+)")


@cache
def _common_words() -> frozenset[str]:
    """Bare names that are also everyday words ("batu", "malang"): names only when written with a capital."""
    return frozenset(rules()["places_also_words"])


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    code: str | None  # None: the name fits several regions, or none known
    candidates: tuple[str, ...] = ()


@dataclass(frozen=True)
class Group:
    """Regions named together ("Pangkep dan Takalar", "Bone, Luwu Utara dan Makassar"): a figure after
    them is stated for each."""

    mentions: tuple[Mention, ...]

    @property
    def start(self) -> int:
        return self.mentions[0].start

    @property
    def end(self) -> int:
        return self.mentions[-1].end

    @property
    def codes(self) -> list[str | None]:
        return [m.code for m in self.mentions]


@dataclass(frozen=True)
class _Names:
    exact: dict[str, str]  # folded full name or alias -> code
    bare: dict[str, tuple[str, ...]]  # folded name without Kabupaten/Kota -> codes
    first_words: dict[str, int]  # first folded word of a name -> the most words a name starting with it has


@cache
def _names() -> _Names:
    resolver = region_resolver()
    exact: dict[str, str] = {}
    bare: dict[str, list[str]] = defaultdict(list)
    for code, name in resolver.province_names.items():
        for variant in (name, f"Provinsi {name}", f"Prov. {name}", f"Propinsi {name}", f"Pemprov {name}"):
            exact[fold(variant)] = code
    for code, regency in resolver.regencies.items():
        exact[fold(regency.name)] = code
        kind = regency.name.split(" ", 1)[0]
        if kind == "Kabupaten":
            exact[fold("Kab " + regency.core)] = code
            exact[fold("Pemkab " + regency.core)] = code  # "ASN di Pemkab Pandeglang": the regency's government
        else:
            exact[fold("Pemkot " + regency.core)] = code
        exact[fold(f"{kind} {regency.core}")] = code
        bare[regency.core].append(code)
        if "_" in regency.core:
            bare[regency.core.replace("_", "")].append(code)  # "Lubuklinggau", "Pagaralam", "Tanjungpinang"
        # "Kabupaten Pulau Morotai" is written "Morotai", "Kepulauan Sangihe" "Sangihe"
        island, _, rest = regency.core.partition("_")
        if island in ("pulau", "kepulauan") and len(rest) > 4 and rest not in rules()["number_words"]:
            bare[rest].append(code)
    for row in read_seed("regions/ref_region_aliases.csv"):
        exact.setdefault(fold(row["alias"]), row["region_code"])
    for name in rules()["national_names"]:  # "999 pelanggaran ... di Indonesia": the whole country
        exact.setdefault(fold(name), NATIONAL_CODE)
    codes = {core: tuple(sorted(set(found))) for core, found in bare.items() if core not in exact}
    first_words: dict[str, int] = {}
    for key in [*exact, *codes]:
        parts = key.split("_")
        first_words[parts[0]] = max(first_words.get(parts[0], 0), len(parts))
    return _Names(exact, codes, first_words)


@cache
def _first_words() -> frozenset[str]:
    """Every word a region's name can start with."""
    return frozenset(_names().first_words)


def _lookup(folded: str) -> str | tuple[str, ...] | None:
    """The code a folded name stands for, the codes it may stand for, or None."""
    names = _names()
    if folded in names.exact:
        return names.exact[folded]
    candidates = names.bare.get(folded)
    if not candidates:
        return None
    return candidates[0] if len(candidates) == 1 else candidates


def mentions(sentence: str, masked: tuple[int, int] | None = None) -> list[Mention]:
    """Every region named in the sentence, longest name first, places of speech and the dateline left out.

    A bare name fitting several regions keeps them all as candidates (the article settles it: see
    `extract._Reader._settle`). A lower-case name counts only right after another region, as in a
    careless list.
    """
    names = _names()
    if (
        sentence.isascii()
        and _first_words().isdisjoint(w.lower() for w in _CAPITAL_WORD.findall(sentence))
        and not _KIND_ANY_CASE.search(sentence)
    ):
        return []  # many sentences name no region: their capitalised words spare the word loop
    words = list(_WORD.finditer(sentence))
    lowered = [w.group().lower() for w in words]
    folded = [w if w.isascii() and w.isalpha() else fold(w) for w in lowered]
    first_words = names.first_words
    found: list[Mention] = []
    left_out: list[tuple[int, int]] = []  # places of speech
    i = 0
    while i < len(words):
        longest = first_words.get(folded[i]) or first_words.get(folded[i].split("_")[0])
        if longest is None:
            i += 1
            continue
        word = words[i]
        # "satu ASN di kabupaten Gorontalo": a region's kind word starts its name in any case
        if (
            not word.group()[0].isupper()
            and not _KIND_NAMED.fullmatch(word.group())
            and not (
                found
                and folded[i] not in _common_words()
                and _AFTER_LIST_ITEM.search(sentence[max(0, word.start() - 8) : word.start()])
            )
        ):
            i += 1
            continue
        hit = None
        for n in range(min(longest, len(words) - i), 0, -1):
            looked = _lookup("_".join(folded[i : i + n]))
            if looked:
                hit = (n, word.start(), words[i + n - 1].end(), looked)
                break
        if hit is None:
            i += 1
            continue
        n, start, end, looked = hit
        if _SUBDISTRICT_BEFORE.search(sentence[max(0, start - 12) : start]) and _NAME_GOES_ON.match(sentence[end:]):
            i += n  # "Kecamatan Padang Jaya": a sub-district's longer name, not Kota Padang
            continue
        end = end - 1 if sentence[end - 1] == "." else end
        # "Kabupaten TTU": the kind word before a short name is part of the name
        kind = _KIND_BEFORE.search(sentence[max(0, start - 12) : start])
        start -= len(kind.group()) if kind else 0
        speech = (
            _SPEECH_PLACE.match(sentence[end:])
            or _DATELINE_AFTER.match(sentence[end:])
            or _SITE_NAME_BEFORE.search(sentence[max(0, start - 40) : start])
            or _SPEAKER_PRESENT_BEFORE.search(sentence[max(0, start - 20) : start])
            or _SAID_AT_BEFORE.search(sentence[max(0, start - 180) : start])
            or _DESTINATION_BEFORE.search(sentence[max(0, start - 30) : start])
            or _VENUE_BEFORE.search(sentence[max(0, start - 70) : start])
            or _OFFICE_SEAT_BEFORE.search(sentence[max(0, start - 45) : start])
        )
        inside_dateline = masked is not None and masked[0] <= start < masked[1]
        if looked == NATIONAL_CODE and _AGENCY_BEFORE.search(sentence[max(0, start - 45) : start]):
            i += n
            continue
        if speech:
            left_out.append((start, end))
        if not speech and not inside_dateline:
            if isinstance(looked, tuple):
                found.append(Mention(start, end, None, looked))
            else:
                found.append(Mention(start, end, looked, (looked,)))
        i += n
    for unknown in _UNKNOWN_PLACE.finditer(sentence):
        known = any(m.start <= unknown.start(1) < m.end for m in found)
        spoken_at = any(start <= unknown.start(1) < end for start, end in left_out)  # a place of speech
        if not known and not spoken_at and (masked is None or not masked[0] <= unknown.start() < masked[1]):
            found.append(Mention(unknown.start(), unknown.end(), None))
    return _without_locating_provinces(sentence, sorted(found, key=lambda m: m.start))


def _without_locating_provinces(sentence: str, found: list[Mention]) -> list[Mention]:
    """In "Bawaslu Kota Balikpapan, Kalimantan Timur (Kaltim), menangani 3 kasus" the province only says
    where the regency is: it names no second region, so a figure after it stays the regency's."""
    kept: list[Mention] = []
    dropped: Mention | None = None
    for mention in found:
        regency = kept[-1] if kept else None
        locating = (
            regency is not None
            and regency.code is not None
            and mention.code is not None
            and regency.code.startswith(mention.code + ".")
            and _LOCATING_GAP.fullmatch(sentence[regency.end : mention.start]) is not None
        )
        restated = (  # "(Kaltim)" after it
            dropped is not None
            and mention.code == dropped.code
            and sentence[dropped.end : mention.start].strip() == "("
        )
        if locating or restated:
            dropped = mention
            continue
        kept.append(mention)
        dropped = None
    return kept


def groups(sentence: str, found: list[Mention]) -> list[Group]:
    """Mentions joined only by commas and "dan" form one group; every other mention stands alone, and so
    does a place between two counts, each its own ("lima di Kabupaten Lingga dan Batam ada satu")."""
    result: list[list[Mention]] = []
    for mention in found:
        # "di Provinsi Banten, Kabupaten Pandeglang ...": a province and a regency in it are no list of peers
        same_level = result and _level(result[-1][-1]) == _level(mention)
        if (
            same_level
            and _LIST_GAP.match(sentence[result[-1][-1].end : mention.start])
            and not (_counted_before(sentence, result[-1][0]) and _counted_after(sentence, mention))
        ):
            result[-1].append(mention)
        else:
            result.append([mention])
    return [Group(_kind_carried(sentence, g)) for g in result]


_COUNTED_AT_BEFORE = re.compile(r"(?:\s+\w+)?\s+di\s+(?:kabupaten\s+|kab\.?\s*|kota\s+)?$", re.I)
_OWN_COUNT_AFTER = re.compile(r"\s+(?:ada|sebanyak|berjumlah)\s+$", re.I)


def _counted_before(sentence: str, mention: Mention) -> bool:
    """ "lima di Kabupaten Lingga": a count placed at the mention by the "di" between them."""
    before = sentence[max(0, mention.start - 40) : mention.start]
    return any(_COUNTED_AT_BEFORE.fullmatch(before[f.end :]) for f in figures(before))


def _counted_after(sentence: str, mention: Mention) -> bool:
    """ "Batam ada satu": the mention opens a count of its own."""
    after = sentence[mention.end : mention.end + 40]
    return any(_OWN_COUNT_AFTER.fullmatch(after[: f.start]) for f in figures(after))


def _kind_carried(sentence: str, mentions: list[Mention]) -> tuple[Mention, ...]:
    """ "di Kabupaten Jember, Lamongan, Mojokerto dan Kota Pasuruan": a list's "Kabupaten" or "Kota" holds
    for the bare names after it, until the other is named; a bare name fitting both is settled by it."""
    kind: str | None = None
    settled = []
    for mention in mentions:
        named = _KIND_NAMED.match(sentence, mention.start)
        if named:
            kind = "city" if named.group(1).lower() == "kota" else "regency"
        elif mention.code is None and len(mention.candidates) > 1 and kind:
            fit = [c for c in mention.candidates if _is_city(c) == (kind == "city")]
            if len(fit) == 1:
                mention = Mention(mention.start, mention.end, fit[0], mention.candidates)
        settled.append(mention)
    return tuple(settled)


def _is_city(code: str) -> bool:
    """Kota codes number their regency part from 71 (idn-area-data)."""
    return int(code.split(".")[1]) >= 71


def _level(mention: Mention) -> str:
    codes = mention.candidates or ((mention.code,) if mention.code else ())
    return "regency" if codes and "." in codes[0] else "province" if codes else "unknown"


def province_of(code: str | None) -> str | None:
    return None if code is None or code == "ID" else code.split(".")[0]
