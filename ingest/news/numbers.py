"""Figures written in Indonesian news text: "1.536", "52,7", "90.3%", "dua belas", "Duapuluh sembilan", "nihil".

Indonesian writes thousands with a dot and decimals with a comma, but a decimal point also appears
("28 ASN (90.3%)"): a dot followed by exactly three digits is read as thousands, any other dot as a
decimal point. Number words combine as the language does ("tiga puluh dua" = 32, "dua belas" = 12).
The words themselves are reference data in `reference/news_rules.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ingest.news.articles import rules
from ingest.news.lexicon import alternation, compiled


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    text: str
    value: float
    spelled: bool = False  # written in words ("dua belas"), which also serve as articles ("seorang")
    zero: bool = False  # "nihil", "belum ada": a count of zero for the regions named before it
    collective: bool = False  # "keenam ASN tersebut": all of those pointed at, counted


# a figure glued to a closing bracket is a footnote mark ("... MINAHASA UTARA)1"), not a count
_DIGITS = re.compile(r"(?<![\w.,/:+\-)\]])(\d{1,3}(?:\.\d{3})+(?![\d])|\d+(?:[.,]\d+)?)(?![\w/:]|[.,]\d|-\d)")
# a bracketed percentage typed with a space after its decimal comma: "1.596 (78, 5%) terbukti"
_SPACED_DECIMAL = re.compile(r"(?<=\()(\d{1,2}), (\d)(?=\s?%\))")


@cache
def number_word_hint() -> re.Pattern:
    """A quick look, in lower-cased text, for the start of any number word or zero word of the rules."""
    r = rules()
    return re.compile(alternation([*r["number_words"], *r["zero_words"]]))


@cache
def _word_pattern() -> re.Pattern:
    r = rules()
    multipliers = "|".join(r["number_multipliers"])
    one = rf"(?:{alternation(r['number_words'])})(?:\s*(?:{multipliers}))?"
    zero = "|".join(re.escape(w) for w in r["zero_words"])
    # "dua-duanya", "satu-satunya": a doubled number word says "both", "the only", and counts nothing
    return re.compile(rf"\b(?:({one}(?:\s+{one})*)|({zero}))\b(?!-)")  # matched against lower-cased text


def to_number(text: str) -> float:
    """`"2.007"` -> 2007, `"52,2"` -> 52.2, `"90.3"` -> 90.3, `"dua belas"` -> 12."""
    text = text.strip()
    if text[:1].isdigit():
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
            return float(text.replace(".", ""))
        return float(text.replace(",", "."))
    return float(_words_value(text))


def _words_value(text: str) -> int:
    r = rules()
    words, multipliers = r["number_words"], r["number_multipliers"]
    tokens = re.findall(r"[a-z]+", text.lower())
    # "duapuluh" is written as one word: split a multiplier off its number
    split = []
    for token in tokens:
        for name in multipliers:
            if token.endswith(name) and token[: -len(name)] in words:
                split += [token[: -len(name)], name]
                break
        else:
            split.append(token)
    total = group = last = 0
    for token in split:
        if token in words:
            if words[token] >= 1000:
                total += words[token]
            elif words[token] >= 100:
                group += words[token]
            else:
                group, last = group + last, words[token]
        elif multipliers.get(token) == "teen":
            group, last = group + last + 10, 0
        elif token in multipliers and multipliers[token] == 1000:
            total, group, last = total + (group + last) * 1000, 0, 0
        elif token in multipliers:
            group, last = group + last * multipliers[token], 0
    return total + group + last


@cache
def _collective_pattern() -> re.Pattern:
    """ "Keenam ASN tersebut", "kedua laporan itu": "ke" and a number word before what it counts and a word
    pointing at it count them all, not an ordinal."""
    r = rules()
    simple = alternation(w for w in r["number_words"] if r["number_words"][w] <= 12)
    units = alternation((*r["units"]["persons"], *r["units"]["cases"]))
    return re.compile(rf"\bke({simple})\s+(?:orang\s+)?(?:{units})\b(?=(?:\s+\w+){{0,2}}?\s+(?:tersebut|itu|ini)\b)")


# "salah satu ASN" counts one; "salah satu partai" (`one_of_before`) counts nothing
_PERSON_AFTER = re.compile(r"^\s+(?:oknum\s+)?(?:asn|pns|pegawai|aparatur|pejabat|orang\s+asn)\b")


def figures(sentence: str) -> list[Figure]:
    """Every figure of the sentence, in reading order."""
    spaced = [
        Figure(m.start(), m.end(), m.group(), float(f"{m.group(1)}.{m.group(2)}"))
        for m in _SPACED_DECIMAL.finditer(sentence)
    ]
    found = [
        Figure(m.start(1), m.end(1), m.group(1), to_number(m.group(1)))
        for m in _DIGITS.finditer(sentence)
        if not any(f.start <= m.start(1) < f.end for f in spaced)
    ] + spaced
    lowered = sentence.lower()
    if not number_word_hint().search(lowered):
        return sorted(found, key=lambda f: f.start)
    for match in _collective_pattern().finditer(lowered):
        text = sentence[match.start(1) : match.end(1)]
        found.append(
            Figure(match.start(1), match.end(1), text, float(_words_value(text)), spelled=True, collective=True)
        )
    one_of = compiled()["one_of_before"]
    for match in _word_pattern().finditer(lowered):
        if one_of.search(lowered[max(0, match.start() - 7) : match.start()]) and not _PERSON_AFTER.match(
            lowered[match.end() :]
        ):
            continue
        if match.group(1):
            text = sentence[match.start(1) : match.end(1)]
            found.append(Figure(match.start(1), match.end(1), text, float(_words_value(text)), spelled=True))
        else:
            text = sentence[match.start(2) : match.end(2)]
            found.append(Figure(match.start(2), match.end(2), text, 0.0, spelled=True, zero=True))
    return sorted(found, key=lambda f: f.start)


def ordinal(word: str) -> int | None:
    """`"10"` -> 10, `"ketiga"` -> 3, `"6"` in "ke-6" -> 6, `"sembilan"` in "peringkat sembilan" -> 9; None
    when the word is no rank."""
    if word.isdigit():
        return int(word)
    r = rules()
    cardinal = r["number_words"].get(word.lower()) if word.lower() != "seorang" else None
    return r["ordinal_words"].get(word.lower()) or (cardinal if cardinal and cardinal <= 11 else None)
