"""IKP scores and ranks, and neutrality zones, as news lists them for regions.

A score is the first score-like figure after a group of regions ("Kabupaten Manokwari dengan skor
82,19", "Sulawesi Utara 55,87, Banten 22,98"), a rank is an ordinal after "urutan", "peringkat" or
"posisi" ("Kota Parepare urutan 5", "posisi pertama ditempati Maluku Utara"). Both count only where
the sentence, or the one before, speaks of the index's ASN-neutrality part, or goes on with a list
that did; the scores of another dimension ("dimensi sosial politik") and the ranks of violation
counts ("posisi keenam ... 7 pelanggaran") are not this index's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.news.lexicon import compiled
from ingest.news.numbers import Figure, ordinal
from ingest.news.places import Group

_RANK_WORD_AT_END = re.compile(r"\b(?:urutan|peringkat|posisi|ranking|rangking|diurutan)\s*(?:ke-?)?\s*$", re.I)
_POINTED_REGION = re.compile(r"\b(?:provinsi|kabupaten|kota|daerah|wilayah)\s+(?:ini|tersebut)\b", re.I)
_EACH = re.compile(r"\b(?:masing[- ]masing|sama[- ]sama)\b", re.I)
_TAKEN_BY = re.compile(r"^\s*(?:ditempati\s+|diraih\s+)?(?:oleh\s+)?(?:provinsi\s+)?$", re.I)


@dataclass(frozen=True)
class Listed:
    metric: str  # ikp_rank, ikp_score or zone
    code: str
    value: float | None
    text: str
    position: int


def ranks(sentence: str, found: list[Group], spoken: str | None = None) -> list[Listed]:
    """Ranks after a rank word, each for the group of regions before or after it, or, in "Provinsi ini
    menempati peringkat sembilan", for the region the sentence before spoke of (`spoken`)."""
    c = compiled()
    out = []
    matches = list(c["rank"].finditer(sentence))
    for n, match in enumerate(matches):
        value = ordinal(match.group(1))
        if not value:
            continue
        start = matches[n - 1].end() if n else 0
        end = matches[n + 1].start() if n + 1 < len(matches) else len(sentence)
        if c["rank_of_counts"].search(sentence[start:end]):
            continue
        after = [g for g in found if match.end() <= g.start < end]
        before = [g for g in found if start <= g.start and g.end <= match.start()]
        after_group = after[0] if after and _TAKEN_BY.match(sentence[match.end() : after[0].start]) else None
        if after_group is not None:
            group = after_group  # "posisi pertama ditempati Maluku Utara"
        elif before:
            group = before[-1]  # "Kota Parepare urutan 5"
        elif len(found) == 1:
            group = found[0]
        elif not found and spoken and _POINTED_REGION.search(sentence[: match.start()]):
            out.append(Listed("ikp_rank", spoken, float(value), match.group(1), match.start()))
            continue
        else:
            continue
        codes = [code for code in group.codes if code]
        if len(codes) > 1 and not _EACH.search(sentence[group.start : end]):
            # a rank is one region's: "..., Banten, dan Kalimantan Utara di urutan ke sepuluh" is the one
            # nearest the rank word, "posisi pertama ditempati Maluku Utara dan ..." the first after it
            codes = codes[-1:] if group is not after_group else codes[:1]
        out += [Listed("ikp_rank", code, float(value), match.group(1), match.start()) for code in codes]
    # "Lalu keenam Kalimantan Timur, Jawa Barat, ..., dan kesepuluh Lampung": an ordinal right before a place
    ranked = {listed.code for listed in out}
    ordinals = list(c["ordinal_before"].finditer(sentence))
    # one alone ranks only in a sentence naming the index: "Pemilu 2024 ASN itu pertama Garut, Bekasi ..."
    # is "first", no rank
    ranking = len(ordinals) > 1 or bool(c["ikp"].search(sentence.lower()))
    for match in ordinals if ranking else ():
        # the place named first after it, in a list of several
        first = next((m for g in found for m in g.mentions if m.start == match.end()), None)
        if first is not None and first.code and first.code not in ranked:
            out.append(Listed("ikp_rank", first.code, float(ordinal(match.group(1))), match.group(1), match.start()))
    return out


def scores(sentence: str, found: list[Group], counts: list[tuple[Figure, str | None, int]]) -> list[Listed]:
    """The first score-like figure after each group: no unit, at most 100, close by or after a score word."""
    c = compiled()
    out = []
    for n, group in enumerate(found):
        limit = found[n + 1].start if n + 1 < len(found) else len(sentence)
        following = [(f, kind) for f, kind, _ in counts if group.end <= f.start < limit]
        if not following:
            continue
        figure, kind = following[0]
        gap = sentence[group.end : figure.start]
        if kind is not None or figure.value > 100 or figure.spelled or _RANK_WORD_AT_END.search(gap):
            continue
        if len(gap) > 45 and not c["score_word"].search(gap.lower()):
            continue
        out += [Listed("ikp_score", code, figure.value, figure.text, figure.start) for code in group.codes if code]
    return out


def zones(sentence: str, found: list[Group]) -> list[Listed]:
    """ "Kabupaten Maros ... zona merah": the zone given to the region named before it."""
    out = []
    for match in compiled()["zone"].finditer(sentence):
        before = [g for g in found if g.end <= match.start()]
        group = before[-1] if before else (found[0] if found else None)
        if group is not None:
            zone = match.group(1).lower()
            out += [Listed("zone", code, None, zone, match.start()) for code in group.codes if code]
    return out
