"""Mask people's names in article text before it reaches DuckDB (UU 27/2022; CONTRACT: serving holds no names).

News names the officials it quotes and, often, the ASN it reports on ("Kadis Kominfo Halut Budi
Santoso", as a report would write an invented one). The warehouse keeps an article's text (to extract
it again when the rules change) and publishes the sentence each fact comes from, so names are masked
when the text is cleaned, before it is stored, extracted or published.

A name is a run of capitalised words (or words in capitals with two vowels or more, "RISKA") that are
not known: a region's name, a word of the extraction rules (of their values, not their comments) or of
the `known_capitalised` list (institutions, titles, months, weekdays, elections, words that open
sentences), or a word the same article writes in lower case, alone, inside a longer word or before a
suffix (`name_masking` in the rules). Initials in brackets after a name ("(AT)") go with it; acronyms
(PPK, BKPSDM) stay. Web and e-mail addresses and handles are masked as a whole, since their slugs name
people in lower case. The masking errs towards masking: a hotel or village name not in the lists is
masked too, which costs the evidence a place name and no fact, since the regions the extractor reads
are all known words.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ingest.headers import fold
from ingest.news.articles import rules
from ingest.reference_data import read_seed
from ingest.regions import region_resolver

NAME_MASK = "[nama]"
LINK_MASK = "[tautan]"
_LINK = re.compile(r"\b(?:https?://|www\.)\S+|\S+@\S+\.\w+|(?<!\w)@\w+")
_CAPITALISED = re.compile(r"\b(?:[A-Z][a-z]+(?:['’-][A-Za-z]+)*|[A-Z]{4,})\b")
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]*\b")
# words a name run may carry between its capitalised parts ("Muhammad bin Abdullah", "M. Wahyudi")
_JOINERS = re.compile(r"^(?: +| +(?:bin|binti|van|de|al) +| *[A-Z]\. *)$")  # within a line
_PART_BREAK = re.compile(r"['’-]")
_INITIALS_AFTER = re.compile(r"^\s*\((?:[A-Z]{1,4}|[A-Z]\.[A-Z]\.?)\)")
_MASKING = rules()["name_masking"]


@cache
def _known() -> frozenset[str]:
    """Lower-cased words that are no one's name."""
    words: set[str] = set()
    resolver = region_resolver()
    names = [*resolver.province_names.values(), *(r.name for r in resolver.regencies.values())]
    names += [row["alias"] for row in read_seed("regions/ref_region_aliases.csv")]
    for name in names:
        parts = fold(name).split("_")
        words.update(parts)
        words.update(("".join(parts), "".join(parts[1:])))  # written joined: "Lubuklinggau", "Pagaralam"
    # the words of the rules' values, not of their comments: an example quoted in a comment names no one's word
    words.update(w.lower() for value in _strings(rules()) for w in re.findall(r"[A-Za-z]+", value))
    return frozenset(words)


def _strings(value) -> list[str]:
    """Every string a parsed rules file holds, keys and values, at any depth."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in (*_strings(key), *_strings(item))]
    if isinstance(value, list | tuple):
        return [s for item in value for s in _strings(item)]
    return []


def name_spans(text: str) -> list[tuple[int, int]]:
    """Where the text names people: (start, end) of each run of unknown capitalised words, with the
    initials in brackets that follow it."""
    here = _Vocabulary(text)
    runs: list[list[int]] = []
    for match in _CAPITALISED.finditer(text):
        if here.knows(match.group()):
            continue
        if runs and _JOINERS.match(text[runs[-1][1] : match.start()]):
            runs[-1][1] = match.end()
        else:
            runs.append([match.start(), match.end()])
    spans = []
    for start, end in runs:
        initials = _INITIALS_AFTER.match(text[end:])
        if initials and initials.group().strip(" ()").lower() in _known():
            initials = None  # an office's acronym after its unknown words ("Pejabat Pembuat Komitmen (PPK)")
        spans.append((start, end + (initials.end() if initials else 0)))
    return spans


def _parts(word: str) -> tuple[str, ...]:
    """A word's lower-cased parts: "Undang-Undang" is two."""
    lowered = word.lower()
    return tuple(_PART_BREAK.split(lowered)) if _PART_BREAK.search(lowered) else (lowered,)


@lru_cache(maxsize=65536)
def _always_known(word: str) -> bool:
    """A capitalised word known whatever the text around it (an acronym, an institution, a region): the
    same for every article, so looked up once."""
    if word.isupper() and sum(ch in "AIUEO" for ch in word) < 2:
        return True  # an acronym (PPK, BKPSDM, DPRD); a name in capitals has vowels ("RISKA")
    return all(part in _known() for part in _parts(word))


class _Vocabulary:
    """The known words, with the words one text writes in lower case: a capitalised word the text
    also writes in lower case, or inside a longer lower-case word ("Langgar" beside "pelanggaran"), or
    with a suffix after one ("Menurutnya" beside "menurut"), is a word of the language, not a name."""

    def __init__(self, text: str):
        self.lowered = {m.group() for m in _LOWER_WORD.finditer(text)}
        self.lower_text = " ".join(self.lowered)
        self.known = _known()
        self.seen: dict[str, bool] = {}  # the words of this text looked up already

    def knows(self, word: str) -> bool:
        known = self.seen.get(word)
        if known is None:
            known = self.seen[word] = _always_known(word) or self._knows(word)
        return known

    def _knows(self, word: str) -> bool:
        """Known by what this text writes in lower case (acronyms and always-known words are `_always_known`'s)."""
        return all(self._knows_part(part) for part in _parts(word))

    def _knows_part(self, part: str) -> bool:
        if part in self.known or part in self.lowered:
            return True
        if len(part) >= _MASKING["stem_min_length"] and part in self.lower_text:
            return True
        return any(
            part.endswith(suffix)
            and (stem := part[: -len(suffix)])
            and len(stem) >= 4
            and (stem in self.known or stem in self.lowered)
            for suffix in _MASKING["suffixes"]
        )


def mask_names(text: str) -> str:
    """The text with every name replaced by "[nama]", and every web address, e-mail address and
    social-media handle by "[tautan]" (their slugs and handles name people in lower case)."""
    if "@" in text or "://" in text or "www." in text:  # what every address or handle holds; most texts have none
        text = _LINK.sub(LINK_MASK, text)
    pieces, last = [], 0
    for start, end in name_spans(text):
        pieces += [text[last:start], NAME_MASK]
        last = end
    pieces.append(text[last:])
    return "".join(pieces)
