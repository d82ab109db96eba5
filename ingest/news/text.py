"""An article's sentences, and what a sentence says of time: the election it speaks of and the date
its figures are stated as of."""

from __future__ import annotations

import calendar
import re
from itertools import pairwise

from ingest.headers import fold
from ingest.news.articles import _MONTHS, rules
from ingest.news.lexicon import election_aliases

# "[" opens a masked name; "Kab. Lingga" goes on; a full stop the page glued to the next sentence ("Kota
# Surabaya.Selain itu") ends it too, but not an outlet's address ("TribunKaltim.Co") or "Prov.Jatim"
_NOT_AN_END = "".join(rf"(?<!\b{re.escape(word)}\.)" for word in rules()["sentence_abbreviations"])
_SENTENCE_END = re.compile(rf"(?<=[.!?\"”]){_NOT_AN_END}\s+(?=[\"“'A-Z0-9\[])|\s+•\s+")
_GLUED_END = re.compile(rf"(?<=[a-z]{{3}}\.){_NOT_AN_END}(?!(?:Co|Com|Id|Net|Org)\b)(?=[A-Z][a-z])")
_AS_OF = re.compile(
    r"\b(?:per|hingga|sampai(?:\s+dengan)?|s\.d\.?|tercatat)\s+(?:tanggal\s+)?(?:(\d{1,2})\s+)?("
    + "|".join(_MONTHS)
    + r")\b(?:\s+(\d{4}))?",
    re.I,
)
# "Pilkada Serentak 2020", "Pemilihan Umum (Pemilu) 2024", "Pilkada Wakatobi 2020"
_ELECTION = re.compile(
    r"\b(pilkada|pemilu|pemilihan\s+umum|pemilihan\s+kepala\s+daerah|pemilihan|pileg|pilpres|pilgub|pilbup|pilwalkot|pilwali)"
    # races joined before one year are one election ("pemilihan presiden dan legislatif 2019")
    r"(?:\s+(?:(?:dan|&|serta)\s+)?"
    r"(?:serentak|\(\w+\)|tahun|presiden|wakil\s+presiden|legislatif|gubernur|bupati|wali\s*kota|nasional|kota|kabupaten))*"
    r"(?:\s+(?-i:[A-Z][a-z]+)){0,2}\s+(\d{4})\b",
    re.I,
)
_GENERAL_ELECTIONS = ("pemilu", "pemilihan umum", "pileg", "pilpres")
_NATIONAL_RACE = re.compile(r"\b(?:presiden|legislatif)\b", re.I)
# "pada momentum Pilkada", "jelang Pemilu": an election named without its year
_ELECTION_WORD = re.compile(
    r"(?<!pengawas )(?<!komisi )(?<!penyelenggara )"
    r"\b(pilkada|pemilu|pemilihan\s+umum|pemilihan\s+kepala\s+daerah|pileg|pilpres)\b(?!\s+(?:\w+\s+){0,3}?\d{4})",
    re.I,
)
# "dan pada 2024 meningkat": a year alone after an election named with its kind
_BARE_YEAR = re.compile(r"\b(?:pada|di|dan)\s+(\d{4})\b(?!\s*[-/])", re.I)
# "di tahun 2020", "pada tahun 2019": a year that only one known election was held in names it
_YEAR = re.compile(r"\btahun\s+(\d{4})\b(?!\s*-)", re.I)
# "tahun lalu ada enam laporan. Sementara tahun ini ada dua": a year told from the article's, and the one
# election held in it
_RELATIVE_YEAR = re.compile(
    r"\b(?:(tahun\s+lalu|tahun\s+sebelumnya|setahun\s+lalu|tahun\s+kemarin)|tahun\s+ini)\b", re.I
)
# "1. Makassar: 1 kasus", "2) Maros ...": the number of a list item opening its line, not a figure
_LIST_MARKER = re.compile(r"^\d{1,2}[.)]\s+(?=\D)")
# "MAKASSAR, RAKYATSULSEL - ", "Jakarta: " opening a paragraph
# ("JAKARTA, KHATULISTIWAONLINE.COM –" on a line of its own); "Makassar: 1 kasus" is a list's item
# ("PADANG, METRO–Letkol ...": a long dash right after the capitals; "KBR, Jakarta- Ketua ...": a dash glued to
# the place, a space after it; "BANDAR LAMPUNG U+FFFD Dua ...": a dash a broken encoding lost)
_DATELINE = re.compile(
    r"^(.{1,60})(?:\s[-–—|\ufffd]{1,2}(?:\s|$)|--|(?<=[A-Z.])[–—](?=\S)|(?<=\w)[-–—]\s|:\s(?!\s*\d))"
)
# every ending of _DATELINE's place holds one of these marks, at the latest right after its 60th character
_DATELINE_MARK = re.compile(r"[-–—|\ufffd:]")


# a line a page wrapped at a fixed width ("... melanggar ketentuan Pasal 4 angka" over "12 huruf b PP ..."): long,
# it ends inside a sentence, and the next line goes on in lower case or with a figure that opens no list item
_WRAPPING = rules()["wrapped_lines"]
_WRAPPED = re.compile(rf".{{{_WRAPPING['min_length']},}}[^.!?:;\"”’')\]]$")
_GOES_ON = re.compile(r"(?:[a-z]|\d+(?![.)\d]))")


def _unwrapped(lines: list[str]) -> list[str]:
    """The lines of a page wrapped at a fixed width, each wrapped one joined to the line it goes on in, so
    that a sentence is read whole; the lines of any other page as they are."""
    wrapped = sum(1 for line, after in pairwise(lines) if after[0].islower() and _WRAPPED.fullmatch(line))
    if wrapped < _WRAPPING["per_page"]:
        return lines
    joined: list[str] = []
    for line in lines:
        if joined and _GOES_ON.match(line) and _WRAPPED.fullmatch(joined[-1]):
            joined[-1] += " " + line
        else:
            joined.append(line)
    return joined


def sentences(text: str) -> list[tuple[int, str]]:
    """(paragraph number, sentence) pairs in reading order; a non-empty line is a paragraph, and a line
    wrapped inside a sentence goes on in the next."""
    pairs = []
    lines = _unwrapped([_LIST_MARKER.sub("", line.strip()) for line in text.splitlines() if line.strip()])
    for number, paragraph in enumerate(lines):
        for spaced in _SENTENCE_END.split(paragraph):
            # most sentences hold no full stop before their last character: only those are searched again
            glued = _GLUED_END.split(spaced) if "." in spaced[:-1] else (spaced,)
            for sentence in glued:
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
        last_day = calendar.monthrange(the_year, month_number)[1]
        the_day = int(day) if day else last_day
        if the_day <= last_day:
            return f"{the_year:04d}-{month_number:02d}-{the_day:02d}"
    return None


def _only_election_of(year: int | str) -> str | None:
    """The one election Netra knows held in the year, if there is just one."""
    held = {e for e in election_aliases().values() if e.endswith(f"_{year}")}
    return held.pop() if len(held) == 1 else None


def _known_election(kind: str, year: str) -> str | None:
    """The election a kind and year name; a year in which Netra knows one election only names that one
    whatever the kind written ("pemilu 2020" is Pilkada 2020's); None for one Netra does not know."""
    return election_aliases().get(fold(f"{kind} {year}")) or _only_election_of(year)


def elections(text: str, year: int | None = None) -> list[tuple[int, str | None]]:
    """(position, election id) of every election the text names; None for one Netra does not know.
    An election named without its year is the one of its kind held in the article's year, else the one
    nearest it."""
    lowered = text.lower()
    if "pil" not in lowered and "pemil" not in lowered and "tahun" not in lowered:
        return []  # most sentences name no election: a substring test spares the patterns
    found = []
    kinds: list[tuple[int, str]] = []
    for match in _ELECTION.finditer(text):
        general = match.group(1).lower().startswith(_GENERAL_ELECTIONS) or _NATIONAL_RACE.search(match.group())
        kind = "Pemilu" if general else "Pilkada"  # "Pemilihan Presiden 2019" is the general election's
        found.append((match.start(), _known_election(kind, match.group(2))))
        kinds.append((match.end(), kind))
    for match in _BARE_YEAR.finditer(text):
        # "pada pemilu 2020 ada 2 kasus dan pada 2024 ... 7 kasus": a year going on with the kind named before it
        before = [kind for end, kind in kinds if end <= match.start()]
        if before:
            found.append((match.start(), _known_election(before[-1], match.group(1))))
    for match in _YEAR.finditer(text):
        held = _only_election_of(match.group(1))
        if held and not any(start <= match.start() <= start + 40 for start, _ in found):
            found.append((match.start(), held))
    if year is not None:
        for match in _RELATIVE_YEAR.finditer(text):
            held = _only_election_of(year - 1 if match.group(1) else year)
            if held:
                found.append((match.start(), held))
    if year is not None and not found:  # a sentence naming an election's year speaks of that one
        for match in _ELECTION_WORD.finditer(text):
            kind = "PEMILU" if match.group(1).lower().startswith(_GENERAL_ELECTIONS) else "PILKADA"
            if year in rules()["elections_not_listed"][kind.lower()]:
                found.append((match.start(), None))  # the one of the article's year, which Netra does not know
                continue
            held = sorted({e for e in election_aliases().values() if e.startswith(kind + "_")})
            if held:
                nearest = min(held, key=lambda e: (abs(int(e[-4:]) - year), -int(e[-4:])))
                found.append((match.start(), nearest))
    return sorted(found, key=lambda pair: pair[0])


def dateline(sentence: str) -> tuple[int, int] | None:
    """The span of a dateline opening the sentence: a place the report was filed from, not its subject."""
    if not _DATELINE_MARK.search(sentence[:62]):
        return None  # most sentences hold no mark in their first words: spared the backtracking pattern
    match = _DATELINE.match(sentence)
    if match and len(match.group(1).split()) <= 8:
        return (0, match.end(1))
    return None
